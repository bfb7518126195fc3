/**
 * The tracking issue, end to end: the built action against the Postiz stand-in and a loopback
 * stand-in for the GitHub REST API reached through GITHUB_API_URL, as on Enterprise Server.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startPostizStandIn, type StandIn } from '../../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel } from '../support/fixtures.js'
import { startGitHubStandIn, type GitHubStandIn, type StandInIssue } from '../support/github-stand-in.js'
import { JOB_TOKEN, runAction, type ActionRun } from '../support/run-action.js'

const X = channel({ identifier: 'x', profile: 'acme' })
const LI = channel({ identifier: 'linkedin', profile: 'acme', disabled: true })

let postiz: StandIn
let github: GitHubStandIn
beforeEach(async () => {
  postiz = await startPostizStandIn({ integrations: [X, LI], apiKey: API_KEY })
  github = await startGitHubStandIn('acme', 'site')
})
afterEach(async () => {
  await postiz.close()
  await github.close()
  // Every request the action sent is one GitHub's description accepts.
  expect(github.violations).toEqual([])
})

async function scheduled(integrations: string, inputs: Record<string, string> = {}, apiKey = API_KEY, env: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction({
    inputs: { 'api-key': apiKey, 'api-url': postiz.baseUrl, integrations, issue: 'true', ...inputs },
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/site',
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKFLOW: 'Postiz nightly',
      GITHUB_JOB: 'check',
      ...env
    }
  })
  expect(run.everything).not.toContain(API_KEY)
  expect(run.everything).not.toContain(JOB_TOKEN)
  return run
}

/** An open issue with the default title and label, as someone (or an earlier version) left it. */
const openIssue = (fields: Pick<StandInIssue, 'number' | 'body'> & Partial<StandInIssue>): StandInIssue => ({
  title: 'Postiz integrations need attention',
  state: 'open',
  labels: ['postiz'],
  comments: [],
  ...fields
})

const tracking = () => github.issues.filter(i => i.body.includes('postiz-integrations-check:tracking-issue'))

describe('the tracking issue through a failure and a recovery', () => {
  it('opens one issue, updates it quietly, comments on change, closes on pass, then stays quiet', async () => {
    // 1. fail → one issue
    let run = await scheduled('x:acme, linkedin:acme')
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('fail')
    expect(run.outputs['issue-number']).toBe('1')
    expect(github.writes()).toEqual(['POST /repos/acme/site/issues'])
    expect(github.requests[0].headers.authorization).toBe(`token ${JOB_TOKEN}`)
    const [issue] = github.issues
    expect(issue.title).toBe('Postiz integrations need attention')
    expect(issue.labels).toEqual(['postiz'])
    expect(issue.body).toContain('<!-- postiz-integrations-check:tracking-issue:Postiz%20nightly.check.Postiz%20integrations%20need%20attention -->')
    expect(issue.author).toBe('github-actions[bot]')
    expect(issue.body).toContain('[this run](https://github.example/acme/site/actions/runs/4242)')
    expect(issue.body).toContain('| <code>linkedin\\:acme</code> | ⛔ disabled | Enable it in Postiz. |')
    expect(run.stdout).toContain('Tracking issue: opened #1.')

    // 2. the same failure → still one issue, body refreshed, no comment
    github.requests.length = 0
    run = await scheduled('x:acme, linkedin:acme')
    expect(run.outputs['issue-number']).toBe('1')
    expect(github.writes()).toEqual(['PATCH /repos/acme/site/issues/1'])
    expect(github.issues).toHaveLength(1)
    expect(issue.comments).toHaveLength(0)

    // 3. different findings → same issue, updated, with a comment saying what changed
    github.requests.length = 0
    await scheduled('x:gone, linkedin:acme')
    expect(github.writes()).toEqual(['PATCH /repos/acme/site/issues/1', 'POST /repos/acme/site/issues/1/comments'])
    expect(issue.comments).toHaveLength(1)
    expect(issue.comments[0]).toMatch(/The problems changed in \[this run\]\(https:\/\/github\.example\/acme\/site\/actions\/runs\/4242\)/)
    expect(issue.comments[0]).toContain('- New: `missing:x:gone`')
    expect(github.issues).toHaveLength(1)

    // 4. pass → closed with a comment linking the passing run
    github.requests.length = 0
    run = await scheduled('x:acme')
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('pass')
    expect(run.outputs['issue-number']).toBe('1')
    expect(github.writes()).toEqual(['POST /repos/acme/site/issues/1/comments', 'PATCH /repos/acme/site/issues/1'])
    expect(issue.state).toBe('closed')
    expect(issue.comments[1]).toMatch(/^✅ All channels pass again in \[this run\]/)

    // 5. pass again → no writes at all
    github.requests.length = 0
    run = await scheduled('x:acme')
    expect(run.code).toBe(0)
    expect(github.writes()).toEqual([])
    expect(run.outputs['issue-number']).toBeUndefined()
  })
})

describe('what it never does', () => {
  it("never touches a person's issue with the same label and title", async () => {
    const sams = openIssue({ number: 1, body: 'Our X account looks odd — Sam' })
    github.issues.push(structuredClone(sams))
    const run = await scheduled('linkedin:acme')
    expect(run.outputs['issue-number']).toBe('2')
    await scheduled('x:acme')
    expect(github.issues[0]).toEqual(sams)
    expect(github.issues[1].state).toBe('closed')
    expect(github.writes().filter(w => w.includes('/issues/1'))).toEqual([])
  })

  it('keeps two checks with different titles apart', async () => {
    await scheduled('linkedin:acme', { 'issue-title': 'Brand A channels' })
    await scheduled('linkedin:acme', { 'issue-title': 'Brand B channels' })
    expect(tracking().map(i => i.title)).toEqual(['Brand A channels', 'Brand B channels'])
    await scheduled('x:acme', { 'issue-title': 'Brand A channels' })
    expect(github.issues.map(i => i.state)).toEqual(['closed', 'open'])
  })

  it('opens no issue when the check could not run, and leaves an open one as it is', async () => {
    await scheduled('linkedin:acme')
    github.requests.length = 0
    const run = await scheduled('linkedin:acme', {}, 'wrong-key')
    expect(run.outputs.status).toBe('error')
    expect(run.code).toBe(1)
    expect(github.requests).toHaveLength(0)
    expect(run.stdout).toContain('Tracking issue: left as it is (the check could not run).')
    expect(github.issues[0].state).toBe('open')
  })

  it('makes no request to GitHub with issue: false (the default)', async () => {
    const run = await scheduled('linkedin:acme', { issue: 'false' })
    expect(run.outputs.status).toBe('fail')
    expect(github.requests).toHaveLength(0)
    expect(run.outputs['issue-number']).toBeUndefined()
  })
})

describe('permissions', () => {
  it('a read-only token gives a warning naming the permission, and the result stays the check result', async () => {
    github.readOnly = true
    let run = await scheduled('linkedin:acme')
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('fail')
    expect(run.stdout).toMatch(
      /::warning title=Tracking issue::Could not keep the tracking issue in acme\/site \(HTTP 403: "Resource not accessible by integration"\)\. .*permissions: issues: write/
    )
    expect(run.outputs['issue-number']).toBeUndefined()

    run = await scheduled('x:acme')
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('pass')
    expect(github.issues).toHaveLength(0)
  })

  it('reports a missing repository or token as input errors, before any request', async () => {
    const run = await runAction({
      inputs: { 'api-key': API_KEY, 'api-url': postiz.baseUrl, integrations: 'x:acme', issue: 'true', 'github-token': '' },
      env: { GITHUB_API_URL: github.url }
    })
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toMatch(/::error title=Invalid input::github-token: empty/)
    expect(run.stdout).toMatch(/::error title=Invalid input::issue: GITHUB_REPOSITORY is not set/)
    expect(postiz.requests).toHaveLength(0)
    expect(github.requests).toHaveLength(0)
  })
})

describe("GitHub's limits", () => {
  const warnings = (run: ActionRun): string[] => run.stdout.split('\n').filter(l => l.startsWith('::warning title=Tracking issue::'))

  it('opens an issue for 200 failing entries with 40-character aliases, within 65,536 characters', async () => {
    // Aliases whose underscores the Markdown escapes: 71,001 characters before the whole body was budgeted.
    const list = Array.from({ length: 200 }, (_, n) => `${'a_'.repeat(18)}${String(n).padStart(4, '0')}=linkedin-page:acme${n}`).join('\n')
    const run = await scheduled(list)
    expect(warnings(run)).toEqual([])
    expect(run.outputs['issue-number']).toBe('1')
    expect(github.issues[0].body.length).toBeLessThanOrEqual(65_536)
  })

  it('labels GitHub dropped: one warning with the fix, and three failing runs leave one open issue', async () => {
    github.dropLabels = true
    const runs = [await scheduled('linkedin:acme'), await scheduled('linkedin:acme'), await scheduled('linkedin:acme')]
    expect(runs.map(r => r.outputs['issue-number'])).toEqual(['1', '1', '1'])
    expect(tracking().filter(i => i.state === 'open')).toHaveLength(1)
    expect(github.issues[0].labels).toEqual([])
    expect(warnings(runs[0])).toEqual([
      `::warning title=Tracking issue::GitHub opened the tracking issue #1 without the label "postiz": it drops the labels of a new issue, without a word, when the token has no push access to acme/site. Give the token push access, or set issue-labels to '' to open the issue without labels. The issue is found by its hidden marker either way, so later runs keep this one.`
    ])
    expect([...warnings(runs[1]), ...warnings(runs[2])]).toEqual([])
  })

  it('finds its issue on a later page, whatever the case of the label', async () => {
    await scheduled('linkedin:acme', { 'issue-labels': 'Postiz' })
    for (let n = 2; n <= 151; n++) github.issues.push(openIssue({ number: n, body: `Someone's issue ${n}`, labels: ['postiz'] }))
    github.requests.length = 0
    const run = await scheduled('linkedin:acme', { 'issue-labels': 'POSTIZ' })
    expect(run.outputs['issue-number']).toBe('1')
    expect(
      github.requests.filter(r => r.method === 'GET' && r.path.includes('/issues?')).map(r => new URL(r.path, github.url).searchParams.get('page') ?? '1')
    ).toEqual(['1', '2'])
    expect(tracking()).toHaveLength(1)
  })

  it("a primary rate limit is reported as one, with when it resets and GitHub's message; never as a permission", async () => {
    github.failNext = [{ kind: 'primary' }]
    const run = await scheduled('linkedin:acme')
    expect(run.outputs.status).toBe('fail')
    const [warning] = warnings(run)
    expect(warning).toMatch(
      /GitHub's API rate limit for this token is used up \(HTTP 403: "API rate limit exceeded for installation ID 4242\."\)\. It resets at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\./
    )
    expect(warning).not.toMatch(/permission/)
    expect(github.issues).toHaveLength(0)
  })

  it('a secondary rate limit with a short Retry-After is waited out and retried; a long one is reported with the wait', async () => {
    github.failNext = [{ kind: 'secondary', status: 429, retryAfter: 0 }]
    let run = await scheduled('linkedin:acme')
    expect(warnings(run)).toEqual([])
    expect(run.stdout).toContain('Tracking issue: Attempt 1 of 4 failed (HTTP 429 (rate limited)); retrying in 0.0 s.')
    expect(run.outputs['issue-number']).toBe('1')

    github.failNext = [{ kind: 'secondary', status: 403, retryAfter: 120 }]
    run = await scheduled('linkedin:acme')
    expect(warnings(run)).toEqual([
      `::warning title=Tracking issue::Could not keep the tracking issue in acme/site: GitHub's secondary rate limit refused the request (HTTP 403: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."): too many requests at once. GitHub asks to wait 120 s (Retry-After), longer than this check waits (60 s). The check's result stands; run again later.`
    ])
  })

  it('a server error is retried with the retries input; one that stays names the status and the body, never "Unknown error"', async () => {
    github.failNext = [{ kind: 'server', status: 502 }]
    let run = await scheduled('linkedin:acme')
    expect(run.stdout).toMatch(/Tracking issue: Attempt 1 of 4 failed \(HTTP 502\); retrying in [\d.]+ s\./)
    expect(run.outputs['issue-number']).toBe('1')

    github.failNext = [{ kind: 'server', status: 503 }]
    run = await scheduled('linkedin:acme', { retries: '0' })
    expect(warnings(run)).toEqual([
      '::warning title=Tracking issue::Could not keep the tracking issue in acme/site (HTTP 503: "a body that starts "<html><body><h1>503 Server Error</h1></body></html>"").'
    ])
    expect(run.stdout).not.toMatch(/Unknown error/i)
  })

  it('a GitHub that never answers holds the step no longer than the timeout input', async () => {
    github.failNext = [{ kind: 'hang' }]
    const run = await scheduled('linkedin:acme', { timeout: '1', retries: '0' })
    expect(warnings(run)).toEqual([
      "::warning title=Tracking issue::Could not keep the tracking issue in acme/site: could not reach GitHub (no answer within 1 s). The check's result stands; the next run tries again."
    ])
    expect(run.elapsedMs).toBeLessThan(10_000)
  })

  it('a list that is not a list is said so, not "page.data is not iterable"', async () => {
    github.failNext = [{ kind: 'not-a-list' }]
    const run = await scheduled('linkedin:acme')
    expect(warnings(run)).toEqual([
      '::warning title=Tracking issue::Could not keep the tracking issue in acme/site: GitHub answered the list of open issues (HTTP 200) with a JSON object, not a list.'
    ])
  })
})

describe('in a busy repository', () => {
  it("never adopts a person's issue that quotes the marker and carries the label", async () => {
    await scheduled('linkedin:acme')
    const copied = github.issues[0].body
    // A person copies the bot's issue into their own, label and hidden markers included.
    github.issues[0].state = 'closed'
    const sams = openIssue({ number: 2, author: 'sam', body: copied })
    github.issues.push(structuredClone(sams))
    github.requests.length = 0
    let run = await scheduled('linkedin:acme')
    expect(run.outputs['issue-number']).toBe('3')
    expect(github.issues[2].author).toBe('github-actions[bot]')
    run = await scheduled('x:acme')
    expect(run.outputs['issue-number']).toBe('3')
    expect(github.issues[1]).toEqual(sams)
    expect(github.writes().filter(w => w.includes('/issues/2'))).toEqual([])
    expect(github.issues[2].state).toBe('closed')
  })

  it('adopts what a personal token opened, by its own login', async () => {
    github.logins.set('ghp_personalToken123456', 'release-bot')
    github.personal.add('ghp_personalToken123456')
    await scheduled('linkedin:acme', { 'github-token': 'ghp_personalToken123456' })
    expect(github.issues[0].author).toBe('release-bot')
    const run = await scheduled('x:acme', { 'github-token': 'ghp_personalToken123456' })
    expect(run.outputs['issue-number']).toBe('1')
    expect(github.issues[0].state).toBe('closed')
  })

  it('keeps what people write around the generated part through an update', async () => {
    await scheduled('linkedin:acme')
    const issue = github.issues[0]
    issue.body = `Owner: @kim — renewing the LinkedIn token.\n\n${issue.body}\nUpdate: done on Monday, waiting for the next run.`
    await scheduled('x:gone, linkedin:acme')
    expect(issue.body.startsWith('Owner: @kim — renewing the LinkedIn token.\n\n<!-- postiz-integrations-check:generated:start -->')).toBe(true)
    expect(issue.body.endsWith('\nUpdate: done on Monday, waiting for the next run.')).toBe(true)
    expect(issue.body).toContain('<code>x\\:gone</code>')
    expect(issue.comments).toHaveLength(1)
  })

  it('leaves exactly one open issue after two failing runs at once', async () => {
    github.holdLists = 2 // both runs see no issue before either opens one
    const [a, b] = await Promise.all([scheduled('linkedin:acme'), scheduled('linkedin:acme')])
    expect(github.issues).toHaveLength(2)
    expect(github.issues.filter(i => i.state === 'open').map(i => i.number)).toEqual([1])
    expect(github.issues[1].comments).toEqual(['Duplicate of #1: two runs of this check opened an issue at the same time. #1 is kept up to date from now on.'])
    expect([a.outputs['issue-number'], b.outputs['issue-number']]).toEqual(['1', '1'])
    // From then on, one issue is kept.
    github.requests.length = 0
    await scheduled('x:gone, linkedin:acme')
    expect(github.writes()).toEqual(['PATCH /repos/acme/site/issues/1', 'POST /repos/acme/site/issues/1/comments'])
  })

  it('closes a duplicate left over by a run that died between opening and looking again', async () => {
    await scheduled('linkedin:acme')
    github.issues.push({ ...github.issues[0], number: 2, comments: [] })
    github.requests.length = 0
    const run = await scheduled('linkedin:acme')
    expect(run.outputs['issue-number']).toBe('1')
    expect(github.issues.map(i => i.state)).toEqual(['open', 'closed'])
    expect(github.issues[1].comments).toHaveLength(1)
    expect(run.stdout).toContain('Tracking issue: updated #1. Closed #2 as a duplicate of #1.')
  })

  it('keeps one issue per job with the default title; one job passing does not close the other', async () => {
    await scheduled('linkedin:acme', {}, API_KEY, { GITHUB_JOB: 'brand-a' })
    await scheduled('x:gone', {}, API_KEY, { GITHUB_JOB: 'brand-b' })
    expect(tracking().map(i => [i.number, i.state])).toEqual([
      [1, 'open'],
      [2, 'open']
    ])
    const run = await scheduled('x:acme', {}, API_KEY, { GITHUB_JOB: 'brand-b' })
    expect(run.outputs['issue-number']).toBe('2')
    expect(tracking().map(i => [i.number, i.state])).toEqual([
      [1, 'open'],
      [2, 'closed']
    ])
    await scheduled('linkedin:acme', {}, API_KEY, { GITHUB_WORKFLOW: 'Another workflow', GITHUB_JOB: 'brand-a' })
    expect(tracking()).toHaveLength(3)
  })
})
