/**
 * reconnect-days, end to end: the built action (and the CLI) against the Postiz stand-in serving
 * notifications as Postiz v2.18.0 and later does (paginated, newest first), or none (404) as older
 * servers do.
 */
import { describe, expect, it } from '@jest/globals'
import type { StandIn, StandInNotification, StandInOptions, StandInPost } from '../../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel } from '../support/fixtures.js'
import { expectClean } from '../support/expect-run.js'
import { loopbackServers } from '../support/loopback-servers.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import { runCli } from '../support/run-cli.js'

const DAY = 86_400_000
const X = channel({ identifier: 'x', profile: 'acme', name: 'Acme on X' })
const TRICKY = channel({ identifier: 'x', profile: 'tricky', name: 'Acme (.*) on X' })
const LI = channel({ identifier: 'linkedin-page', profile: 'acme-inc', name: 'Acme Inc.' })
const ORG = [X, TRICKY, LI]
const { postiz } = loopbackServers(ORG)

const ago = (days: number): string => new Date(Date.now() - days * DAY).toISOString()
const needsReconnect = (identifier: string, name: string, days: number, id = `n-${identifier}-${days}`): StandInNotification => ({
  id,
  content: `We couldn't post to ${identifier} for ${name} because you need to reconnect it. Please enable it and try again.`,
  link: null,
  createdAt: ago(days)
})
const couldNotRefresh = (identifier: string, days: number): StandInNotification => ({
  id: `r-${identifier}-${days}`,
  content: `Could not refresh your ${identifier} channel invalid_grant. Please go back to the system and connect it again https://postiz.example/launches`,
  createdAt: ago(days)
})
const published = (on: typeof X, days: number): StandInPost => ({
  id: `p-${on.id}-${days}`,
  publishDate: ago(days),
  state: 'PUBLISHED',
  integration: { id: on.id, providerIdentifier: on.identifier, name: on.name, picture: null }
})

async function check(options: StandInOptions, inputs: Record<string, string> = {}): Promise<{ run: ActionRun; server: StandIn }> {
  const server = await postiz(options)
  const run = await runAction({
    inputs: { 'api-key': API_KEY, 'api-url': server.baseUrl, integrations: 'x:acme, x:tricky, linkedin-page:acme-inc', 'reconnect-days': '7', ...inputs },
    env: { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'acme/site', GITHUB_RUN_ID: '77' }
  })
  expectClean(run)
  return { run, server }
}

const notificationRequests = (server: StandIn) => server.requests.filter(r => r.url.startsWith('/public/v1/notifications'))

describe('a notification that names the channel', () => {
  it('is a reconnect finding on that channel, with its date and text, in every sink', async () => {
    const { run } = await check({ notifications: [needsReconnect('x', 'Acme on X', 2)] })
    expect(run.code).toBe(0) // reconnect is not in the default fail-on
    expect(run.outputs.status).toBe('fail')
    expect(JSON.parse(run.outputs.reconnect)).toEqual(['x:acme'])
    expect(run.stdout).toMatch(
      /::warning title=Postiz integration needs reconnecting%3A x%3Aacme::x:acme — "Acme on X" \(x, @acme, ID [^)]+\): Postiz asked on \d{4}-\d\d-\d\dT[\d:]+Z to reconnect it\. Postiz said: "We couldn't post to x for Acme on X because you need to reconnect it\./
    )
    expect(run.summary).toMatch(/^\| <code>x\\:acme<\/code> \| .*Acme on X.* \| 🔌\u00a0reconnect: Postiz asked on .* \| Reconnect it in Postiz\. \|$/m)
    expect(run.summary).toMatch(/\| 🔌\u00a0reconnect \|$/m)
    expect(run.report?.counts.reconnect).toBe(1)
    expect(run.outputs.message).toBe(
      [
        '⚠️ Warnings: 1 of 3 Postiz integrations needs attention (1 reconnect); reported only, since the fail-on input is "missing,disabled"',
        'Needs reconnecting — Reconnect it in Postiz.',
        `- \`x:acme\` (Acme on X): Postiz asked on ${run.outputs.message.match(/asked on (\S+)/)?.[1]} to reconnect it`,
        'Run: https://github.example/acme/site/actions/runs/77'
      ].join('\n')
    )
  })

  it('matches the name as text, never as a pattern', async () => {
    const { run } = await check({ notifications: [needsReconnect('x', 'Acme (.*) on X', 1), needsReconnect('x', 'Acme on X.', 1, 'other')] })
    expect(JSON.parse(run.outputs.reconnect)).toEqual(['x:tricky'])
  })

  it('fails the step with reconnect in fail-on', async () => {
    const { run } = await check({ notifications: [needsReconnect('x', 'Acme on X', 2)] }, { 'fail-on': 'missing,disabled,reconnect' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^::error::Fail: 1 of 3 Postiz integrations needs attention \(1 reconnect\): x:acme\./m)
  })

  it('is stale once a post went out on the channel since: no finding, and the summary says it recovered', async () => {
    const { run } = await check({ notifications: [needsReconnect('x', 'Acme on X', 3)], posts: [published(X, 1)] })
    expect(run.outputs.status).toBe('pass')
    expect(JSON.parse(run.outputs.reconnect)).toEqual([])
    expect(run.summary).toMatch(/🔌 \*\*Recovered:\*\* &quot;Acme on X&quot; .*a post has gone out on it since\./)
    expect((run.report as unknown as { recovered: string[] }).recovered).toHaveLength(1)
  })

  it('still stands when the only post since is older than the notification', async () => {
    const { run } = await check({ notifications: [needsReconnect('x', 'Acme on X', 1)], posts: [published(X, 3)] })
    expect(JSON.parse(run.outputs.reconnect)).toEqual(['x:acme'])
  })

  it('is ignored outside the window', async () => {
    const { run } = await check({ notifications: [needsReconnect('x', 'Acme on X', 9)] })
    expect(JSON.parse(run.outputs.reconnect)).toEqual([])
  })
})

describe('a notification that names only the platform', () => {
  it("is a finding on the organisation's only channel of that platform", async () => {
    const { run } = await check({ notifications: [couldNotRefresh('linkedin-page', 1)] })
    expect(JSON.parse(run.outputs.reconnect)).toEqual(['linkedin-page:acme-inc'])
  })

  it('is one warning naming the checked candidates when the platform has several channels', async () => {
    const { run } = await check({ notifications: [couldNotRefresh('x', 1), couldNotRefresh('x', 2)] })
    expect(JSON.parse(run.outputs.reconnect)).toEqual([])
    const warnings = run.stdout.split('\n').filter(l => l.includes('could not refresh'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /Postiz could not refresh one of the organisation's 2 x channels on .* and does not say which\. Checked candidates: "Acme on X" .*\(x:acme\); "Acme \(\.\*\) on X" .*\(x:tricky\)/
    )
  })
})

describe('reading the notifications', () => {
  const many = (count: number, spanDays: number): StandInNotification[] =>
    Array.from({ length: count }, (_, n) => ({
      id: `bulk-${n}`,
      content: `An error occurred while posting on x: post ${n}`,
      createdAt: ago((n / count) * spanDays)
    }))

  it('reads page after page while the window goes on', async () => {
    const { run, server } = await check({ notifications: [...many(150, 3), needsReconnect('x', 'Acme on X', 3.5)] })
    expect(notificationRequests(server).map(r => new URL(r.url, 'http://x').searchParams.get('page'))).toEqual(['0', '1'])
    expect(JSON.parse(run.outputs.reconnect)).toEqual(['x:acme'])
  })

  it('stops at the first page that reaches past the window', async () => {
    const { server } = await check({ notifications: many(300, 30) })
    expect(notificationRequests(server)).toHaveLength(1)
  })

  it('never reads more than 20 pages', async () => {
    const { server } = await check({ notifications: many(2500, 1) })
    expect(notificationRequests(server)).toHaveLength(20)
  })

  it('warns on a server before Postiz v2.18.0 (404), and the rest of the check stands', async () => {
    const { run } = await check({ notifications: 'absent' })
    expect(run.outputs.status).toBe('pass')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /::warning title=Warning::Channels that need reconnecting are not shown: this Postiz server has no GET \/public\/v1\/notifications, .*Postiz v2\.18\.0 or later/
    )
    expect(JSON.parse(run.outputs.reconnect)).toEqual([])
  })

  it('makes no notifications request with reconnect-days off (the default)', async () => {
    const { run, server } = await check({ notifications: [needsReconnect('x', 'Acme on X', 1)] }, { 'reconnect-days': '0' })
    expect(notificationRequests(server)).toHaveLength(0)
    expect(run.outputs.reconnect).toBe('[]')
  })

  it('refuses reconnect in fail-on without reconnect-days, and more than 90 days', async () => {
    let { run } = await check({}, { 'reconnect-days': '0', 'fail-on': 'reconnect' })
    expect(run.stdout).toMatch(/::error title=Invalid input::fail-on: "reconnect" needs the reconnect-days input above 0/)
    ;({ run } = await check({}, { 'reconnect-days': '91' }))
    expect(run.stdout).toMatch(/::error title=Invalid input::reconnect-days: "91" must be a whole number from 0 to 90/)
  })
})

describe('the CLI', () => {
  it('takes --reconnect-days and shows the finding', async () => {
    const server = await postiz({ notifications: [needsReconnect('x', 'Acme on X', 2)] })
    const { code, stdout: out } = await runCli(['--integrations', 'x:acme', '--reconnect-days', '7'], {
      POSTIZ_API_KEY: API_KEY,
      POSTIZ_API_URL: server.baseUrl
    })
    expect(code).toBe(0)
    expect(out).toMatch(/^! x:acme — "Acme on X" .*\n {2}reconnect: Postiz asked on \S+ to reconnect it\. Postiz said: /m)
    expect(out).toMatch(/^! Warnings: 1 of 1 Postiz integration needs attention \(1 reconnect\); reported only, since --fail-on is "missing,disabled"$/m)
  })
})
