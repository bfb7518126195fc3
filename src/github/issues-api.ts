/**
 * Keeps the tracking issue on GitHub. @actions/github is imported lazily, so runs without
 * `issue: true` never load it. getOctokit honours GITHUB_API_URL (Enterprise Server) and the
 * runner's proxy. Never throws: a GitHub failure becomes a warning naming GitHub's status and its
 * own message; the check's result stands. Every request is retried as the Postiz client's are
 * (shared/retry.ts): 5xx, network failures and rate limits that name a wait of at most 60 s.
 *
 * Only issues opened by the identity the token acts as are ever adopted. Two runs at once (a
 * schedule and a manual dispatch) may both find none and both open one: after opening, each run
 * lists the open issues again, and the run whose issue is not the lowest closes it as a duplicate
 * of the lowest and updates that one instead. Any duplicate left over (a run that died between the
 * two steps) is closed by the next run.
 */
import type { IssueAction, IssueConfig, OpenIssue } from './tracking-issue.js'
import { isTrackingIssue } from './tracking-issue.js'
import { MAX_RETRY_AFTER_MS, withRetries, type RetryJudgement, type RetryNote } from '../shared/retry.js'
import { logSafe } from '../shared/sanitize.js'
import { isoSeconds } from '../shared/text.js'

/** Who the default GITHUB_TOKEN acts as, when GitHub does not say. */
const GITHUB_ACTIONS_BOT = 'github-actions[bot]'

/** Pages of open issues read at most when looking for the tracking issue (100 per page). */
const MAX_PAGES = 10

export interface IssueSyncResult {
  /** The issue opened, updated or closed, if any. */
  number?: number
  action: IssueAction['kind']
  /** What went wrong, for a warning. */
  warning?: string
  /** What was done, for the log. */
  note: string
}

type Octokit = ReturnType<(typeof import('@actions/github'))['getOctokit']>

/** How the GitHub requests are retried and bounded: the `retries` and `timeout` inputs, and (for tests) the clock. */
export interface SyncOptions {
  retries: number
  /** Each attempt's deadline; none when not given. */
  timeoutMs?: number
  onRetry?: (note: RetryNote) => void
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/** A failed GitHub request as the warnings speak of it. */
interface Failure {
  /** Undefined when GitHub never answered (the connection failed). */
  status?: number
  /** GitHub's own message (and its errors), or what went wrong on the way. */
  message: string
  header: (name: string) => string | undefined
}

/** What a request error says: octokit reports a connection that failed as status 500 without a response. */
function failureOf(error: unknown): Failure {
  const e = error as { status?: number; message?: string; response?: { headers?: Record<string, unknown>; data?: unknown } }
  const headers = e.response?.headers ?? {}
  const header = (name: string): string | undefined => {
    const value = headers[name]
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
  }
  if (e.response === undefined) return { message: logSafe(e.message ?? String(error), 300), header }
  const data = e.response.data
  let message: string
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    const { message: said, errors } = data as { message: string; errors?: unknown }
    const details = Array.isArray(errors)
      ? errors.map(item =>
          typeof item === 'object' && item !== null && typeof (item as { message?: unknown }).message === 'string'
            ? (item as { message: string }).message
            : JSON.stringify(item)
        )
      : []
    message = [said, ...details].join('; ')
  } else if (typeof data === 'string' && data.trim() !== '') {
    message = `a body that starts ${JSON.stringify(data.replace(/\s+/g, ' ').trim().slice(0, 120))}`
  } else {
    message = 'an empty body'
  }
  return { status: e.status, message: logSafe(message, 300), header }
}

/** A primary rate limit: the token's hourly requests are used up. */
const isPrimaryLimit = (f: Failure): boolean => (f.status === 403 || f.status === 429) && f.header('x-ratelimit-remaining') === '0'
/** A secondary rate limit: too many requests at once; GitHub names a wait. */
const isSecondaryLimit = (f: Failure): boolean =>
  !isPrimaryLimit(f) && (f.status === 429 || (f.status === 403 && (f.header('retry-after') !== undefined || /secondary rate limit/i.test(f.message))))

/** Whether a request deserves another attempt, and after how long. */
function judge(outcome: { response: unknown } | { error: unknown }): RetryJudgement {
  if (!('error' in outcome)) return { final: true }
  const f = failureOf(outcome.error)
  if (f.status === undefined) return { final: false, reason: `could not reach GitHub: ${f.message}` }
  if (f.status >= 500) return { final: false, reason: `HTTP ${f.status}` }
  if (!isSecondaryLimit(f)) return { final: true }
  const seconds = Number(f.header('retry-after'))
  const waitMs = Number.isInteger(seconds) && seconds >= 0 ? seconds * 1000 : undefined
  if (waitMs !== undefined && waitMs > MAX_RETRY_AFTER_MS) return { final: true }
  return { final: false, reason: `HTTP ${f.status} (rate limited)`, ...(waitMs !== undefined ? { waitMs } : {}) }
}

/** Every request the client sends goes through the retry loop. */
function retrying(octokit: Octokit, options: SyncOptions): void {
  octokit.hook.wrap('request', async (request, requestOptions) => {
    type Outcome = { response: Awaited<ReturnType<typeof request>> } | { error: unknown }
    const given = requestOptions.request
    const attempt = async (): Promise<Outcome> => {
      // A GitHub that never answers must not hold the step: each attempt has the timeout input's deadline.
      // Set on the options object itself: octokit drops a signal given on a copy of them.
      const signal = options.timeoutMs !== undefined ? AbortSignal.timeout(options.timeoutMs) : undefined
      if (signal) requestOptions.request = { ...given, signal }
      try {
        return { response: await request(requestOptions) }
      } catch (error) {
        if (signal?.aborted) return { error: Object.assign(new Error(`no answer within ${options.timeoutMs! / 1000} s`), { status: 500 }) }
        return { error }
      }
    }
    const { outcome } = await withRetries(options, attempt, judge)
    if ('error' in outcome) throw outcome.error
    return outcome.response
  })
}

/**
 * The login the token acts as. A personal token can read GET /user; an installation token (the job's
 * GITHUB_TOKEN, a GitHub App's) cannot, but GraphQL's viewer names its bot. If neither answers, the
 * default token's bot: an issue by anyone else is then never adopted, which is the safe side.
 */
async function tokenLogin(octokit: Octokit): Promise<string> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login
  } catch {
    try {
      const { viewer } = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }')
      return viewer.login
    } catch {
      return GITHUB_ACTIONS_BOT
    }
  }
}

/** Open issues of this check opened by `login`, lowest number first. */
async function findOpenIssues(octokit: Octokit, config: IssueConfig, login: string): Promise<OpenIssue[]> {
  let pages = 0
  const iterator = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    owner: config.owner,
    repo: config.repo,
    state: 'open',
    ...(config.labels.length > 0 ? { labels: config.labels.join(',') } : {}),
    per_page: 100
  })
  const found: OpenIssue[] = []
  for await (const page of iterator) {
    const data: unknown = page.data
    if (!Array.isArray(data)) {
      throw new Error(
        `GitHub answered the list of open issues (HTTP ${page.status}) with ${typeof data === 'string' ? 'text' : data === null ? 'null' : `a JSON ${typeof data}`}, not a list`
      )
    }
    for (const issue of page.data) {
      const author = issue.user?.login ?? ''
      if (!issue.pull_request && author.toLowerCase() === login.toLowerCase() && isTrackingIssue(issue.body, config)) {
        found.push({ number: issue.number, body: issue.body ?? '' })
      }
    }
    if (++pages >= MAX_PAGES) break
  }
  return found.sort((a, b) => a.number - b.number)
}

/** The warning for a failure: GitHub's status and its own message, and what to do. */
function describeFailure(error: unknown, config: IssueConfig): string {
  const where = `Could not keep the tracking issue in ${config.owner}/${config.repo}`
  if (!(error instanceof Error) || !('status' in error)) return `${where}: ${logSafe(error instanceof Error ? error.message : String(error), 300)}.`
  const f = failureOf(error)
  if (f.status === undefined) return `${where}: could not reach GitHub (${f.message}). The check's result stands; the next run tries again.`
  const said = `HTTP ${f.status}: "${f.message}"`
  if (isPrimaryLimit(f)) {
    const reset = Number(f.header('x-ratelimit-reset'))
    const when = Number.isInteger(reset) && reset > 0 ? ` It resets at ${isoSeconds(new Date(reset * 1000))}.` : ''
    return `${where}: GitHub's API rate limit for this token is used up (${said}).${when} The check's result stands; a run after that keeps the issue.`
  }
  if (isSecondaryLimit(f)) {
    const after = f.header('retry-after')
    const wait =
      after !== undefined ? ` GitHub asks to wait ${logSafe(after, 20)} s (Retry-After), longer than this check waits (${MAX_RETRY_AFTER_MS / 1000} s).` : ''
    return `${where}: GitHub's secondary rate limit refused the request (${said}): too many requests at once.${wait} The check's result stands; run again later.`
  }
  if (f.status === 401 || f.status === 403) {
    return `${where} (${said}). The token needs permission to write issues: add "permissions: issues: write" to the job (read-only tokens, such as on pull requests from forks, cannot).`
  }
  if (f.status === 404) return `${where}: the repository was not found with this token (${said}). Check github-token.`
  return `${where} (${said}).`
}

/** Closes every issue but the first (the lowest number) as its duplicate, with a comment linking it. */
async function closeDuplicates(octokit: Octokit, config: IssueConfig, issues: OpenIssue[]): Promise<number[]> {
  const [kept, ...others] = issues
  const where = { owner: config.owner, repo: config.repo }
  for (const other of others) {
    const comment = `Duplicate of #${kept.number}: two runs of this check opened an issue at the same time. #${kept.number} is kept up to date from now on.`
    await octokit.rest.issues.createComment({ ...where, issue_number: other.number, body: comment })
    await octokit.rest.issues.update({ ...where, issue_number: other.number, state: 'closed', state_reason: 'not_planned' })
  }
  return others.map(o => o.number)
}

/** Finds the open tracking issue, asks `decide` what to do, and does it. */
export async function syncTrackingIssue(
  config: IssueConfig,
  decide: (open: OpenIssue | null) => IssueAction,
  options: SyncOptions = { retries: 0 }
): Promise<IssueSyncResult> {
  let action: IssueAction = { kind: 'none', reason: 'nothing was decided' }
  try {
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit(config.token)
    retrying(octokit, options)
    const login = await tokenLogin(octokit)
    const found = await findTrackingIssues(octokit, config, login)
    // Left over from an earlier race: keep the lowest, close the rest, then act on the one kept.
    const closedEarlier = found.length > 1 ? await closeDuplicates(octokit, config, found) : []
    action = decide(found[0] ?? null)
    const where = { owner: config.owner, repo: config.repo }
    const also =
      closedEarlier.length > 0
        ? ` Closed ${closedEarlier.map(n => `#${n}`).join(', ')} as ${closedEarlier.length === 1 ? 'a duplicate' : 'duplicates'} of #${found[0].number}.`
        : ''
    switch (action.kind) {
      case 'none':
        return { action: action.kind, note: `Tracking issue: nothing to do (${action.reason}).${also}` }
      case 'create': {
        const created = await octokit.rest.issues.create({ ...where, title: action.title, body: action.body, labels: config.labels })
        const dropped = droppedLabels(config.labels, created.data.labels)
        // Another run may have opened one at the same moment: look again and keep the lowest.
        const now = await findTrackingIssues(octokit, config, login)
        if (now.length > 1 && now[0].number !== created.data.number) {
          await closeDuplicates(octokit, config, [now[0], { number: created.data.number, body: action.body }])
          await octokit.rest.issues.update({ ...where, issue_number: now[0].number, body: decideBody(decide, now[0]) })
          return {
            action: 'update',
            number: now[0].number,
            note: `Tracking issue: another run opened #${now[0].number} at the same time; updated it and closed #${created.data.number} as its duplicate.`
          }
        }
        // Ours is the lowest: a run that opened a higher one sees ours (numbers follow creation order)
        // and closes its own, so closing it here too would only say the same thing twice.
        const opened = { action: action.kind, number: created.data.number, note: `Tracking issue: opened #${created.data.number}.${also}` }
        if (dropped.length === 0) return opened
        return {
          ...opened,
          warning:
            `GitHub opened the tracking issue #${created.data.number} without the label${dropped.length === 1 ? '' : 's'} ${dropped.map(l => `"${logSafe(l, 50)}"`).join(', ')}: ` +
            `it drops the labels of a new issue, without a word, when the token has no push access to ${config.owner}/${config.repo}. ` +
            "Give the token push access, or set issue-labels to '' to open the issue without labels. The issue is found by its hidden marker either way, so later runs keep this one."
        }
      }
      case 'update':
        await octokit.rest.issues.update({ ...where, issue_number: action.number, body: action.body })
        if (action.comment !== undefined) await octokit.rest.issues.createComment({ ...where, issue_number: action.number, body: action.comment })
        return {
          action: action.kind,
          number: action.number,
          note: `Tracking issue: updated #${action.number}${action.comment !== undefined ? ' and commented (the problems changed)' : ''}.${also}`
        }
      case 'close':
        await octokit.rest.issues.createComment({ ...where, issue_number: action.number, body: action.comment })
        await octokit.rest.issues.update({ ...where, issue_number: action.number, state: 'closed', state_reason: 'completed' })
        return { action: action.kind, number: action.number, note: `Tracking issue: closed #${action.number}.${also}` }
    }
  } catch (error) {
    return { action: action.kind, warning: describeFailure(error, config), note: 'Tracking issue: not kept (see the warning).' }
  }
}

/** The labels asked for that a new issue does not carry (GitHub matches label names case-insensitively). */
function droppedLabels(asked: string[], kept: (string | { name?: string })[]): string[] {
  const names = new Set(kept.map(label => (typeof label === 'string' ? label : (label.name ?? '')).toLowerCase()))
  return asked.filter(label => !names.has(label.toLowerCase()))
}

/**
 * This check's open issues: by label first (a short list), then, when none carries the labels,
 * among every open issue, since GitHub drops the labels of an issue opened by a token without push
 * access and the issue must still be found.
 */
async function findTrackingIssues(octokit: Octokit, config: IssueConfig, login: string): Promise<OpenIssue[]> {
  const labelled = await findOpenIssues(octokit, config, login)
  if (labelled.length > 0 || config.labels.length === 0) return labelled
  return findOpenIssues(octokit, { ...config, labels: [] }, login)
}

/** The body this run would give an issue that another run opened: the generated part merged in. */
function decideBody(decide: (open: OpenIssue | null) => IssueAction, issue: OpenIssue): string {
  const action = decide(issue)
  return action.kind === 'update' ? action.body : issue.body
}
