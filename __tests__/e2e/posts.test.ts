/**
 * Failed and upcoming posts, end to end: the built action against the Postiz stand-in extended
 * with GET /public/v1/posts (which validates startDate/endDate like the backend).
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { startPostizStandIn, type StandIn, type StandInOptions, type StandInPost } from '../../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel } from '../support/fixtures.js'
import { runAction, type ActionRun, type ReportFile } from '../support/run-action.js'

const DAY = 86_400_000
const X = channel({ identifier: 'x', profile: 'acme', name: 'Acme on X', customer: { id: 'cust_acme', name: 'Acme' } })
const LI = channel({ identifier: 'linkedin', profile: 'acme', name: 'Acme LinkedIn', disabled: true, customer: { id: 'cust_acme', name: 'Acme' } })

function post(on: typeof X, state: StandInPost['state'], days: number): StandInPost {
  return {
    id: `post-${on.id}-${state}-${days}`,
    publishDate: new Date(Date.now() + days * DAY).toISOString(),
    state,
    integration: { id: on.id, providerIdentifier: on.identifier, name: on.name, picture: null }
  }
}

let server: StandIn | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function check(options: StandInOptions, inputs: Record<string, string>): Promise<ActionRun> {
  server = await startPostizStandIn({ integrations: [X, LI], apiKey: API_KEY, ...options })
  const run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': server.baseUrl, ...inputs } })
  expect(run.everything).not.toContain(API_KEY)
  return run
}

const postsRequests = () => (server?.requests ?? []).filter(r => r.url.startsWith('/public/v1/posts'))

describe('failed posts', () => {
  it('reports a channel with failed posts as failing; the step fails only when failing is in fail-on', async () => {
    const posts = [post(X, 'ERROR', -2), post(X, 'PUBLISHED', -1)]
    let run = await check({ posts }, { integrations: 'x:acme', 'failed-posts-days': '7' })
    expect(run.outputs.status).toBe('fail')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs.failing)).toEqual(['x:acme'])
    expect(run.stdout).toMatch(
      /::warning title=Postiz integration failing%3A x%3Aacme::x:acme — "Acme on X" .*: 1 failed post in the last 7 days .*Reconnect the channel in Postiz/
    )
    // The one entry is in the problems table, with its count: no table of every entry repeats it.
    expect(run.summary).toContain('| ⚠️\u00a0failing: 1 failed post in the last 7 days')
    expect(run.summary).not.toContain('| Failed posts (7 d) |')
    expect(run.summary).toMatch(
      /^⚠️ \*\*Posts failing:\*\* Postiz lists the channel as enabled, but posts that fail or stay queued past their time usually mean/m
    )
    const report = run.report as ReportFile
    expect(report.entries[0].posts).toEqual({
      failed: 1,
      failedByChannel: { [X.id]: 1 },
      latestFailed: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      queued: 0,
      nextQueued: null,
      stuck: 0,
      stuckSince: null
    })
    expect(report.counts.failing).toBe(1)
    await server?.close()

    run = await check({ posts }, { integrations: 'x:acme', 'failed-posts-days': '7', 'fail-on': 'missing,disabled,failing' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::Fail: 1 of 1 Postiz integration needs attention \(1 failing\): x:acme\./)
  })

  it('ignores failed posts outside the window', async () => {
    const run = await check({ posts: [post(X, 'ERROR', -9)] }, { integrations: 'x:acme', 'failed-posts-days': '7' })
    expect(run.outputs.status).toBe('pass')
    expect(JSON.parse(run.outputs.failing)).toEqual([])
  })
})

describe('upcoming posts', () => {
  it('flags queued posts on a disabled channel as posts that will not go out', async () => {
    const run = await check(
      { posts: [post(LI, 'QUEUE', 1), post(LI, 'QUEUE', 2), post(X, 'QUEUE', 1)] },
      { integrations: 'x:acme, linkedin:acme', 'upcoming-posts-days': '3' }
    )
    expect(run.outputs.status).toBe('fail')
    expect(run.stdout).toMatch(
      /::error title=Postiz integration disabled%3A linkedin%3Aacme::.*: disabled in Postiz\. 2 queued posts in the next 3 days will not go out \(the next at /
    )
    expect(run.summary).toContain('| Queued posts (3 d) |')
    expect(run.summary).toMatch(/🚫 2, next \d{4}\u2011\d\d\u2011\d\d/)
    expect(run.summary).toContain('🚫 Queued posts on a disabled or missing channel will not go out')
    expect(run.report?.entries[0].posts?.queued).toBe(1)
  })
})

describe('the request', () => {
  it('is one extra request covering both windows, with ISO 8601 dates and the customer ID looked up from its name', async () => {
    const before = Date.now()
    const run = await check({ posts: [] }, { integrations: 'x:acme', customer: 'Acme', 'failed-posts-days': '7', 'upcoming-posts-days': '3' })
    expect(run.outputs.status).toBe('pass')
    expect(server?.requests.map(r => r.url.split('?')[0])).toEqual(['/public/v1/integrations', '/public/v1/posts'])
    const query = new URL(postsRequests()[0].url, 'http://x').searchParams
    expect(query.get('customer')).toBe('cust_acme')
    const start = Date.parse(query.get('startDate') ?? '')
    const end = Date.parse(query.get('endDate') ?? '')
    expect(query.get('startDate')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(Math.abs(start - (before - 7 * DAY))).toBeLessThan(10_000)
    expect(Math.abs(end - (before + 3 * DAY))).toBeLessThan(10_000)
    expect(postsRequests()[0].headers.authorization).toBe(API_KEY)
  })

  it('is not made when both signals are off: exactly one request', async () => {
    const run = await check({ posts: [post(X, 'ERROR', -1)] }, { integrations: 'x:acme' })
    expect(run.outputs.status).toBe('pass')
    expect(server?.requests).toHaveLength(1)
  })
})

describe('posts stuck in the queue, and repeating posts', () => {
  const HOUR = 3_600_000
  const queuedAt = (on: typeof X, msFromNow: number, id: string): StandInPost => ({
    ...post(on, 'QUEUE', 0),
    id,
    publishDate: new Date(Date.now() + msFromNow).toISOString()
  })

  it('counts a post still queued more than 30 minutes after its time toward failing, once', async () => {
    const posts = [queuedAt(X, -2 * HOUR, 'stuck-1'), queuedAt(X, -3 * HOUR, 'stuck-2'), queuedAt(X, -10 * 60_000, 'just-due')]
    const run = await check({ posts }, { integrations: 'x:acme', 'failed-posts-days': '7' })
    expect(JSON.parse(run.outputs.failing)).toEqual(['x:acme'])
    expect(run.stdout).toMatch(
      /x:acme — "Acme on X" \(x, @acme, ID [^)]+\): 2 posts stuck in the queue since \d{4}-\d\d-\d\dT[\d:]+Z, more than 30 minutes past their time\./
    )
    expect(run.report?.entries[0].posts).toMatchObject({ failed: 0, stuck: 2 })
  })

  it('says "failed and stuck" when a channel has both', async () => {
    const run = await check({ posts: [post(X, 'ERROR', -1), queuedAt(X, -HOUR, 'stuck')] }, { integrations: 'x:acme', 'failed-posts-days': '7' })
    expect(run.stdout).toMatch(/: 1 failed post and 1 stuck in the queue since \S+ in the last 7 days \(latest failure \S+\)\./)
  })

  it('counts a repeating post once, and never calls its past occurrences stuck', async () => {
    // Daily since 5 days ago: Postiz returns one copy per day in the window, all with one id.
    const daily = (state: StandInPost['state'], id: string): StandInPost => ({ ...post(X, state, -5), id, intervalInDays: 1 })
    const run = await check(
      { posts: [daily('QUEUE', 'daily-queued'), daily('ERROR', 'daily-failing')] },
      { integrations: 'x:acme', 'failed-posts-days': '7', 'upcoming-posts-days': '3' }
    )
    const answered = JSON.parse(
      await (
        await fetch(`${server?.baseUrl}/public/v1/posts?startDate=${new Date(Date.now() - 7 * DAY).toISOString()}&endDate=${new Date().toISOString()}`, {
          headers: { authorization: API_KEY }
        })
      ).text()
    ) as { posts: { id: string }[] }
    expect(answered.posts.filter(p => p.id === 'daily-queued').length).toBeGreaterThan(3) // the stand-in repeats it, as Postiz does
    expect(run.report?.entries[0].posts).toMatchObject({ failed: 1, stuck: 0, queued: 1 })
    expect(run.stdout).toMatch(/: 1 failed post in the last 7 days/)
    expect(run.stdout).not.toMatch(/stuck/)
  })
})

describe('failed posts land on the channel that had them', () => {
  // The same X account connected twice (a twin), both enabled: x:acme exports the first one.
  const TWIN = { ...channel({ identifier: 'x', profile: 'acme', name: 'Acme on X (again)' }), customer: X.customer }

  async function withTwin(posts: StandInPost[], inputs: Record<string, string>): Promise<ActionRun> {
    server = await startPostizStandIn({ integrations: [X, TWIN, LI], apiKey: API_KEY, posts })
    const run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': server.baseUrl, 'failed-posts-days': '7', ...inputs } })
    expect(run.everything).not.toContain(API_KEY)
    return run
  }

  it("does not blame x:acme for its twin's failed posts", async () => {
    const run = await withTwin([post(TWIN, 'ERROR', -1), post(TWIN, 'ERROR', -2)], { integrations: 'x:acme' })
    expect(JSON.parse(run.outputs.ids)).toEqual({ 'x:acme': X.id })
    expect(JSON.parse(run.outputs.failing)).toEqual([])
    expect(run.outputs.status).toBe('pass')
  })

  it("counts the exported channel's own failed posts", async () => {
    const run = await withTwin([post(X, 'ERROR', -1), post(TWIN, 'ERROR', -2)], { integrations: 'x:acme' })
    expect(JSON.parse(run.outputs.failing)).toEqual(['x:acme'])
    expect(run.stdout).toMatch(/x:acme — "Acme on X" \(x, @acme, ID [^)]+\): 1 failed post in the last 7 days/)
  })

  it('names, for x:*, which channel had how many', async () => {
    const run = await withTwin([post(TWIN, 'ERROR', -1), post(TWIN, 'ERROR', -2)], { integrations: 'x:*' })
    expect(JSON.parse(run.outputs.failing)).toEqual(['x:*'])
    expect(run.stdout).toMatch(
      new RegExp(
        `x:\\*: 2 failed posts in the last 7 days \\(latest \\S+\\)\\. On 1 of its 2 enabled channels \\("Acme on X \\(again\\)" \\(x, @acme, ID ${TWIN.id}\\): 2\\)\\.`
      )
    )
  })

  it('refuses a customer name that two customers share, listing their IDs', async () => {
    const other = channel({ identifier: 'bluesky', profile: 'acme', customer: { id: 'cust_acme_eu', name: 'Acme' } })
    server = await startPostizStandIn({ integrations: [X, LI, other], apiKey: API_KEY })
    const run = await runAction({
      inputs: { 'api-key': API_KEY, 'api-url': server.baseUrl, integrations: 'x:acme', customer: 'Acme', 'failed-posts-days': '7' }
    })
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toMatch(
      /::error title=Invalid input::customer: "Acme" is the name of 2 customers \(IDs cust_acme, cust_acme_eu\); give the ID of the one to check instead/
    )
    expect(postsRequests()).toHaveLength(0)
    await server.close()
    server = await startPostizStandIn({ integrations: [X, LI, other], apiKey: API_KEY })
    const byId = await runAction({
      inputs: { 'api-key': API_KEY, 'api-url': server.baseUrl, integrations: 'x:acme', customer: 'cust_acme', 'failed-posts-days': '7' }
    })
    expect(byId.outputs.status).toBe('pass')
  })
})

describe('when the posts cannot be read', () => {
  const limited: StandInOptions['fault'] = (req, res) => {
    if (!req.url?.startsWith('/public/v1/posts')) return false
    res
      .writeHead(429, { 'retry-after': '3600', 'content-type': 'application/json' })
      .end('{"statusCode":429,"message":"ThrottlerException: Too Many Requests"}')
    return true
  }

  it('keeps the verdict on the integrations and warns, unless failing is in fail-on', async () => {
    let run = await check({ fault: limited }, { integrations: 'x:acme', 'failed-posts-days': '7' })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('pass')
    expect(run.stdout).toMatch(
      /::warning title=Warning::Could not read the posts, so failed and upcoming posts are not shown \(the channels were checked\): .*HTTP 429.*30 requests per hour/
    )
    expect(postsRequests()).toHaveLength(1)
    await server?.close()

    run = await check({ fault: limited }, { integrations: 'x:acme', 'failed-posts-days': '7', 'fail-on': 'missing,disabled,failing' })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toMatch(/::error::Could not read the posts, which "failing" in the fail-on input needs: .*HTTP 429/)
  })

  it('the stand-in answers 400 to dates that are not ISO 8601, as the backend does', async () => {
    server = await startPostizStandIn({ integrations: [X], apiKey: API_KEY })
    const answer = await fetch(`${server.baseUrl}/public/v1/posts?startDate=yesterday&endDate=2026-11-28T00:00:00Z`, { headers: { authorization: API_KEY } })
    expect(answer.status).toBe(400)
    expect(await answer.json()).toEqual({ statusCode: 400, message: ['startDate must be a valid ISO 8601 date string'], error: 'Bad Request' })
  })
})
