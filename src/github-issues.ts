/**
 * Keeps the tracking issue on GitHub. @actions/github is imported lazily, so runs without
 * `issue: true` never load it. getOctokit honours GITHUB_API_URL (Enterprise Server) and the
 * runner's proxy. Never throws: a GitHub failure becomes a warning; the check's result stands.
 */
import type { IssueAction, IssueConfig, OpenIssue } from './tracking-issue.js'
import { isTrackingIssue } from './tracking-issue.js'

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

async function findOpenIssue(octokit: Octokit, config: IssueConfig): Promise<OpenIssue | null> {
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
      if (!issue.pull_request && isTrackingIssue(issue.body, config.title)) found.push({ number: issue.number, body: issue.body ?? '' })
    }
    if (++pages >= MAX_PAGES) break
  }
  found.sort((a, b) => a.number - b.number)
  return found[0] ?? null
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

/** Finds the open tracking issue, asks `decide` what to do, and does it. */
export async function syncTrackingIssue(config: IssueConfig, decide: (open: OpenIssue | null) => IssueAction): Promise<IssueSyncResult> {
  let action: IssueAction = { kind: 'none', reason: 'nothing was decided' }
  try {
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit(config.token)
    const open = await findOpenIssue(octokit, config)
    action = decide(open)
    const where = { owner: config.owner, repo: config.repo }
    switch (action.kind) {
      case 'none':
        return { action: action.kind, note: `Tracking issue: nothing to do (${action.reason}).` }
      case 'create': {
        const created = await octokit.rest.issues.create({ ...where, title: action.title, body: action.body, labels: config.labels })
        return { action: action.kind, number: created.data.number, note: `Tracking issue: opened #${created.data.number}.` }
      }
      case 'update':
        await octokit.rest.issues.update({ ...where, issue_number: action.number, body: action.body })
        if (action.comment !== undefined) await octokit.rest.issues.createComment({ ...where, issue_number: action.number, body: action.comment })
        return { action: action.kind, number: action.number, note: `Tracking issue: updated #${action.number}${action.comment !== undefined ? ' and commented (the problems changed)' : ''}.` }
      case 'close':
        await octokit.rest.issues.createComment({ ...where, issue_number: action.number, body: action.comment })
        await octokit.rest.issues.update({ ...where, issue_number: action.number, state: 'closed', state_reason: 'completed' })
        return { action: action.kind, number: action.number, note: `Tracking issue: closed #${action.number}.` }
    }
  } catch (error) {
    return { action: action.kind, warning: describeFailure(error, config), note: 'Tracking issue: not kept (see the warning).' }
  }
}
