/**
 * What the real Postiz backend does (docs/postiz-api.md, round 3), end to end through dist/: an
 * empty 401 is the server failing, posts of deleted channels count for nothing, one failed refresh
 * is one event, a partial answer is no answer, and every text says where the key is.
 */
import { describe, expect, it } from '@jest/globals'
import type { StandInNotification } from '../../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel, postOn as post } from '../support/fixtures.js'
import { expectClean, expectError } from '../support/expect-run.js'
import { loopbackServers } from '../support/loopback-servers.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import { runCli } from '../support/run-cli.js'

const DAY = 86_400_000
const ACME = { id: 'cust_acme', name: 'Acme' }
const X = channel({ identifier: 'x', profile: 'acme', name: 'Acme on X', customer: ACME })
const LI = channel({ identifier: 'linkedin-page', profile: 'acme-inc', name: 'Acme Inc.', customer: ACME })
/** Soft-deleted: not in the list, but Postiz up to v2.23.0 returns its posts for ?customer=cust_acme. */
const GONE = channel({ identifier: 'x', profile: 'old', name: 'Acme old X', customer: ACME })
const { postiz, answering } = loopbackServers([X, LI])

async function action(server: { baseUrl: string }, inputs: Record<string, string>): Promise<ActionRun> {
  const run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': server.baseUrl, ...inputs } })
  expectClean(run)
  return run
}

describe('1. an empty 401 is the server failing, not the key', () => {
  const emptyUnauthorized = () =>
    answering(res => {
      res.writeHead(401, { logout: 'true', 'set-cookie': 'auth=; Max-Age=0; Path=/' })
      res.end()
    })

  it('the action says the server failed while it checked the key, and what to do', async () => {
    const run = await action(await emptyUnauthorized(), { integrations: 'x:acme' })
    expectError(run, /answered HTTP 401 with an empty body and a "logout: true" header: the Postiz server failed while it checked the key/)
    expect(run.stdout).toContain(
      "so the key may well be right. Check the Postiz server's health and its logs (its database and Redis above all), then run again."
    )
    expect(run.stdout).not.toMatch(/rejected the API key|Check the key/)
  })

  it('the CLI says the same', async () => {
    const server = await emptyUnauthorized()
    const run = await runCli(['-i', 'x:acme'], { POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: server.baseUrl })
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/the Postiz server failed while it checked the key .*so the key may well be right\./)
    expect(run.stdout).toContain("Fix: Check the Postiz server's health and its logs")
  })

  it("a 401 with one of Postiz's messages keeps its diagnosis", async () => {
    const run = await action(await postiz(), { integrations: 'x:acme', 'api-key': 'wrong-key-0123456789' })
    expectError(run, /Postiz rejected the API key \(HTTP 401: "Invalid API key"\)/)
  })
})

describe('2. posts of channels the server did not list count for nothing', () => {
  it('a deleted channel whose posts Postiz still returns for a customer: no count, no "will not go out"', async () => {
    const server = await postiz({ deleted: [GONE], posts: [post(GONE, 'QUEUE', 1), post(GONE, 'ERROR', -1), post(X, 'QUEUE', 2)] })
    const run = await action(server, {
      customer: 'Acme',
      integrations: `old=${GONE.id}\nx=x:acme`,
      'failed-posts-days': '7',
      'upcoming-posts-days': '7'
    })
    // The stand-in behaves as Postiz up to v2.23.0 does: the posts of the deleted channel came back.
    expect(server.requests.some(r => r.url.startsWith('/public/v1/posts') && r.url.includes('customer=cust_acme'))).toBe(true)
    expect(run.report?.entries.map(e => [e.key, e.posts?.queued, (e.posts as { failed?: number } | null)?.failed])).toEqual([
      ['old', 0, 0],
      ['x', 1, 0]
    ])
    expect(JSON.parse(run.outputs.missing)).toEqual(['old'])
    expect(JSON.parse(run.outputs.failing)).toEqual([])
    expect(run.everything).not.toMatch(/will not go out \(the next/)
  })
})

describe('3. one failed refresh is one event', () => {
  const refresh = (cause: string, ms: number): StandInNotification => ({
    id: `r-${ms}`,
    content: `Could not refresh your x channel ${cause}. Please go back to the system and connect it again https://postiz.example/launches`,
    createdAt: new Date(Date.now() - DAY + ms).toISOString()
  })

  it('the copy with an empty cause is left out: one finding, quoting the cause', async () => {
    // One x channel: the platform-only notification names it. Postiz writes the empty copy second.
    const server = await postiz({ integrations: [X, LI], notifications: [refresh('invalid_grant', 0), refresh('', 5)] })
    const run = await action(server, { integrations: 'x=x:acme', 'reconnect-days': '7' })
    expect(JSON.parse(run.outputs.reconnect)).toEqual(['x'])
    expect(run.summary).toContain('invalid\\_grant')
    expect(run.everything).not.toContain('x channel . Please go back')
    expect(run.report?.findings).toHaveLength(1)
  })

  it('… and one warning when the platform has several channels', async () => {
    const twin = channel({ identifier: 'x', profile: 'twin', name: 'Acme twin on X', customer: ACME })
    const server = await postiz({ integrations: [X, twin], notifications: [refresh('invalid_grant', 0), refresh('', 5)] })
    const run = await action(server, { integrations: 'x:acme, x:twin', 'reconnect-days': '7' })
    const warnings = run.stdout.split('\n').filter(l => l.includes('could not refresh one of'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('invalid_grant')
  })
})

describe('4. a partial answer is no answer', () => {
  it.each([206, 203])('HTTP %i with a list is a diagnosis, never a list of channels to check', async status => {
    const server = await answering(res => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end('[]')
    })
    const run = await action(server, { integrations: 'x:acme' })
    expectError(
      run,
      new RegExp(`answered HTTP ${status} where Postiz answers 200 with the whole list: something between the runner and Postiz answered with part of it`)
    )
    expect(run.outputs.missing).toBeUndefined()
  })
})

describe('5. where the key is', () => {
  it('every text that says where to find the key says Settings → Developers → Public API', async () => {
    const wrong = await action(await postiz(), { integrations: 'x:acme', 'api-key': 'wrong-key-0123456789' })
    const cli = await runCli(['-i', 'x:acme'], { POSTIZ_API_URL: 'http://127.0.0.1:9' })
    const demo = await runCli(['--demo'])
    for (const text of [wrong.stdout, cli.stdout, demo.stdout]) {
      expect(text).toContain('Settings → Developers → Public API')
      expect(text).not.toContain('Settings → Public API')
    }
  })
})
