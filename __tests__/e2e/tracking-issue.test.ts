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
      /::warning title=Tracking issue::Could not keep the tracking issue in acme\/site: GitHub answered 403 .*permissions: issues: write/
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
