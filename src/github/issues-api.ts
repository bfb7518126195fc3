/**
 * Keeps the tracking issue on GitHub. @actions/github is imported lazily, so runs without
 * `issue: true` never load it. getOctokit honours GITHUB_API_URL (Enterprise Server) and the
 * runner's proxy. Never throws: a GitHub failure becomes a warning; the check's result stands.
 *
 * Only issues opened by the identity the token acts as are ever adopted. Two runs at once (a
 * schedule and a manual dispatch) may both find none and both open one: after opening, each run
 * lists the open issues again, and the run whose issue is not the lowest closes it as a duplicate
 * of the lowest and updates that one instead. Any duplicate left over (a run that died between the
 * two steps) is closed by the next run.
 */
import type { IssueAction, IssueConfig, OpenIssue } from './tracking-issue.js'
import { isTrackingIssue } from './tracking-issue.js'

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

function describeFailure(error: unknown, config: IssueConfig): string {
  const status = (error as { status?: number }).status
  const message = error instanceof Error ? error.message : String(error)
  if (status === 403 || status === 401) {
    return (
      `Could not keep the tracking issue in ${config.owner}/${config.repo}: GitHub answered ${status} (${message.slice(0, 200)}). ` +
      'The token needs permission to write issues: add "permissions: issues: write" to the job (read-only tokens, such as on pull requests from forks, cannot).'
    )
  }
  if (status === 404) return `Could not keep the tracking issue: ${config.owner}/${config.repo} was not found with this token (HTTP 404). Check github-token.`
  return `Could not keep the tracking issue in ${config.owner}/${config.repo}: ${message.slice(0, 300)}`
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
export async function syncTrackingIssue(config: IssueConfig, decide: (open: OpenIssue | null) => IssueAction): Promise<IssueSyncResult> {
  let action: IssueAction = { kind: 'none', reason: 'nothing was decided' }
  try {
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit(config.token)
    const login = await tokenLogin(octokit)
    const found = await findOpenIssues(octokit, config, login)
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
        // Another run may have opened one at the same moment: look again and keep the lowest.
        const now = await findOpenIssues(octokit, config, login)
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
        return { action: action.kind, number: created.data.number, note: `Tracking issue: opened #${created.data.number}.${also}` }
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

/** The body this run would give an issue that another run opened: the generated part merged in. */
function decideBody(decide: (open: OpenIssue | null) => IssueAction, issue: OpenIssue): string {
  const action = decide(issue)
  return action.kind === 'update' ? action.body : issue.body
}
