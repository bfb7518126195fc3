/**
 * End to end: the built dist/index.js run as the Actions runner runs it, against a real
 * Postiz-compatible HTTP server on 127.0.0.1.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { startPostizStandIn, type StandIn, type StandInOptions } from '../../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel } from '../support/fixtures.js'
import { runAction, type ActionRun, type ReportFile } from '../support/run-action.js'

const X = channel({ id: 'cm4ean69r0003w8w1cdomox9n', identifier: 'x', name: 'Acme on X', profile: 'AcmeHQ', picture: 'https://pbs.example/acme.png' })
const LINKEDIN = channel({ id: 'cm4eaq2lf0007w8w1y9c3rj2k', identifier: 'linkedin-page', name: 'Acme Inc.', profile: 'acme-inc' })
const BLUESKY_OFF = channel({ id: 'cm4eas8kx000bw8w1f1hq0s7d', identifier: 'bluesky', name: 'Acme Bluesky', profile: 'acme.bsky.social', disabled: true })
const GLOBEX_IG = channel({
  id: 'cm4eb4z1q000jw8w1p3v8d2ce',
  identifier: 'instagram-standalone',
  name: 'Globex IG',
  profile: 'globex',
  customer: { id: 'cust_globex', name: 'Globex' }
})
const ORG = [X, LINKEDIN, BLUESKY_OFF, GLOBEX_IG]

let server: StandIn | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(options: StandInOptions = {}): Promise<StandIn> {
  server = await startPostizStandIn({ integrations: ORG, apiKey: API_KEY, ...options })
  return server
}

async function check(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': server?.baseUrl ?? '', ...inputs }, env })
  expect(run.everything).not.toContain(API_KEY)
  expect(run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/) // no stack trace
  return run
}

function json(run: ActionRun, name: string): unknown {
  return JSON.parse(run.outputs[name])
}

describe('passing checks', () => {
  it('resolves IDs, profiles and aliases, and exports the IDs', async () => {
    await start()
    const run = await check({ integrations: `${X.id}\n# a comment\n\nli=linkedin-page:@Acme-Inc` })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('pass')
    expect(json(run, 'ids')).toEqual({ [X.id]: X.id, li: LINKEDIN.id })
    expect(run.outputs['integration-ids']).toBe(`${X.id},${LINKEDIN.id}`)
    expect(json(run, 'missing')).toEqual([])
    expect(json(run, 'disabled')).toEqual([])
    expect(server?.requests).toHaveLength(1)
    expect(server?.requests[0].url).toBe('/public/v1/integrations')
    expect(server?.requests[0].headers.authorization).toBe(API_KEY)
  })

  it('masks the key before anything else, as given and as cleaned', async () => {
    await start()
    const run = await runAction({ inputs: { 'api-key': `  Bearer ${API_KEY}\n`, 'api-url': server?.baseUrl ?? '', integrations: X.id } })
    const firstLines = run.stdout.split('\n').slice(0, 3)
    expect(firstLines[0]).toMatch(/^::add-mask::/)
    expect(run.stdout).toContain(`::add-mask::${API_KEY}`)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning title=Warning::Removed a "Bearer " prefix from the api-key input/)
    expect(server?.requests[0].headers.authorization).toBe(API_KEY)
    expect(run.everything).not.toContain(API_KEY)
  })

  it('accepts the self-hosted /api prefix, a trailing /public/v1/ and gzip', async () => {
    await start({ prefix: '/api' })
    const run = await check({ 'api-url': `${server?.url}/api/public/v1/`, integrations: 'x:acmehq' })
    expect(run.outputs.status).toBe('pass')
    expect(server?.requests[0].url).toBe('/api/public/v1/integrations')
    expect(server?.requests[0].headers['accept-encoding']).toMatch(/gzip/)
    expect(server?.requests[0].headers.accept).toBe('application/json')
    expect(server?.requests[0].headers['user-agent']).toMatch(/^postiz-integrations-check\/\d+\.\d+\.\d+/)
  })

  it('passes platform:* when one channel is enabled and exports every enabled ID of it', async () => {
    const second = channel({ identifier: 'x', profile: 'acme_two', disabled: true })
    const third = channel({ identifier: 'x', profile: 'acme_three' })
    await start({ integrations: [...ORG, second, third] })
    const run = await check({ integrations: 'x:*' })
    expect(run.outputs.status).toBe('pass')
    expect(json(run, 'ids')).toEqual({ 'x:*': [X.id, third.id].sort() })
    expect(run.outputs['integration-ids'].split(',').sort()).toEqual([X.id, third.id].sort())
  })

  it('picks the enabled twin of a reconnected account, and the first by ID with a warning when several are enabled', async () => {
    const twinOff = channel({ id: 'cm0000000000000000000000a', identifier: 'x', profile: 'acmehq', disabled: true })
    await start({ integrations: [...ORG, twinOff] })
    let run = await check({ integrations: 'x:acmehq' })
    expect(json(run, 'ids')).toEqual({ 'x:acmehq': X.id })
    expect(run.stdout).not.toMatch(/::warning/)
    await server?.close()

    const twinOn = channel({ id: 'cm0000000000000000000000b', identifier: 'x', profile: '@AcmeHQ' })
    await start({ integrations: [...ORG, twinOn] })
    run = await check({ integrations: 'x:acmehq' })
    expect(run.outputs.status).toBe('pass')
    expect(json(run, 'ids')).toEqual({ 'x:acmehq': twinOn.id })
    expect(run.stdout).toMatch(new RegExp(`::warning title=Warning::x:acmehq: .*using ${twinOn.id}, not ${X.id}`))
  })

  it('filters by customer ID or exact name, client-side with one request', async () => {
    await start()
    for (const customer of ['cust_globex', 'Globex']) {
      const run = await check({ customer, integrations: 'instagram-standalone:globex' })
      expect(run.outputs.status).toBe('pass')
      expect((json(run, 'integrations') as { id: string }[]).map(i => i.id)).toEqual([GLOBEX_IG.id])
    }
    expect(server?.requests.map(r => r.url)).toEqual(['/public/v1/integrations', '/public/v1/integrations'])
  })

  it('lists the organisation when no integrations are given (discovery), and says nothing was checked', async () => {
    await start()
    const run = await check({})
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('pass')
    expect(run.outputs['integration-ids'].split(',')).toEqual([X.id, LINKEDIN.id, GLOBEX_IG.id])
    expect(json(run, 'ids')).toEqual({})
    expect(run.stdout).toMatch(/::warning title=Nothing was checked::/)
    expect(run.summary).toContain('## 🔎 Discovery: listed 4 Postiz integrations, checked none')
    expect(run.summary).toContain('<code>linkedin-page\\:acme-inc</code>')
  })

  it('writes the report file with every integration and the inputs as interpreted, never the key', async () => {
    await start()
    const run = await check({ integrations: 'x:acmehq' })
    expect(run.outputs.report).toBeTruthy()
    const report = run.report as ReportFile
    expect(report.schemaVersion).toBe(1)
    expect(report.status).toBe('pass')
    expect(report.integrations).toHaveLength(ORG.length)
    expect(report.integrations[0]).toEqual({ ...X, customer: null })
    expect(report.inputs.failOn).toEqual(['missing', 'disabled'])
    expect(JSON.stringify(report)).not.toContain(API_KEY)
  })
})

describe('failing checks', () => {
  it('fails naming every missing and disabled channel, with the fix', async () => {
    await start()
    const run = await check({ integrations: 'x:acmehq, bluesky:acme.bsky.social, cm_deleted_channel, mastodon:*' })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('fail')
    expect(json(run, 'missing')).toEqual(['cm_deleted_channel', 'mastodon:*'])
    expect(json(run, 'disabled')).toEqual(['bluesky:acme.bsky.social'])
    expect(json(run, 'ids')).toEqual({ 'x:acmehq': X.id, 'bluesky:acme.bsky.social': BLUESKY_OFF.id, cm_deleted_channel: null, 'mastodon:*': [] })
    expect(run.outputs['integration-ids']).toBe(X.id)
    expect(run.stdout).toMatch(
      /::error title=Postiz integration disabled%3A bluesky%3Aacme.bsky.social::bluesky:acme.bsky.social — "Acme Bluesky" \(bluesky.*\): disabled in Postiz\..* Enable the channel/
    )
    expect(run.stdout).toMatch(
      /::error title=Postiz integration missing%3A cm_deleted_channel::cm_deleted_channel: no integration has this ID\..*platform:profile/
    )
    expect(run.stdout).toMatch(
      /::error::Fail: 3 of 4 Postiz integrations need attention \(2 missing, 1 disabled\): bluesky:acme.bsky.social, cm_deleted_channel, mastodon:\*\./
    )
    expect(run.summary).toContain('## ❌ Fail: 3 of 4 Postiz integrations need attention')
    expect(run.summary).toContain('⛔\u00a0disabled')
  })

  it('only reports under fail-on: none, and fails only on the kinds listed', async () => {
    await start()
    let run = await check({ integrations: 'bluesky:*, x:nobody', 'fail-on': 'none' })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('fail')
    expect(run.stdout).toMatch(/::warning title=Postiz integration disabled/)
    expect(run.stdout).not.toMatch(/::error/)

    run = await check({ integrations: 'x:nobody', 'fail-on': 'disabled' })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::warning title=Postiz integration missing/)

    run = await check({ integrations: 'bluesky:*', 'fail-on': 'disabled' })
    expect(run.code).toBe(1)
  })

  it('explains a channel that exists under another customer', async () => {
    await start()
    const run = await check({ customer: 'Initech', integrations: 'instagram-standalone:globex' })
    expect(run.outputs.status).toBe('fail')
    expect(run.stdout).toMatch(/belongs to customer "Globex" \(cust_globex\), not to customer "Initech"/)
    expect(run.stdout).toMatch(/No integration belongs to customer "Initech". Customers with integrations: "Globex" \(cust_globex\)/)
  })

  it('points out the Postiz name of a platform', async () => {
    await start()
    const run = await check({ integrations: 'twitter:acmehq' })
    expect(run.outputs.status).toBe('fail')
    expect(run.stdout).toMatch(/Postiz calls this platform "x", not "twitter"\. Write x:acmehq\./)
    expect(run.summary).toContain(
      '| <code>twitter\\:acmehq</code> | — | ❌\u00a0missing: Postiz calls this platform &quot;x&quot;, not &quot;twitter&quot;. | Write <code>x\\:acmehq</code>. |'
    )
  })
})

describe('could not check', () => {
  it('surfaces the 401 message and where the key comes from, without printing the wrong key', async () => {
    await start()
    const wrongKey = 'wrong-key-0123456789'
    const run = await runAction({ inputs: { 'api-key': wrongKey, 'api-url': server?.baseUrl ?? '', integrations: X.id } })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('error')
    expect(run.outputs.ids).toBeUndefined()
    expect(run.stdout).toMatch(/::error::Postiz rejected the API key \(HTTP 401: "Invalid API key"\).*secrets.POSTIZ_API_KEY/)
    expect(run.everything).not.toContain(wrongKey)
    expect(run.summary).toContain('Could not check')
    expect(run.report?.error?.message).toMatch(/Invalid API key/)
  })

  it('names revoked OAuth tokens', async () => {
    await start()
    const run = await runAction({ inputs: { 'api-key': 'pos_revoked_token_1', 'api-url': server?.baseUrl ?? '', integrations: X.id } })
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toMatch(/Invalid OAuth token.*issue a new one/)
  })

  it('reports every bad input at once and sends no request', async () => {
    await start()
    const run = await runAction({
      inputs: {
        'api-key': '   ',
        'api-url': 'ftp://postiz.example.com',
        integrations: 'a=x:one\na=x:two\nbad platform:x',
        'fail-on': 'missing,broken',
        timeout: 'soon',
        retries: '-1',
        'job-summary': 'maybe'
      }
    })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('error')
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error title=Invalid input::'))
    expect(errors.map(e => e.replace(/^::error title=Invalid input::/, '').split(':')[0]).sort()).toEqual(
      ['api-key', 'api-url', 'fail-on', 'integrations', 'integrations', 'job-summary', 'retries', 'timeout'].sort()
    )
    expect(run.stdout).toMatch(/::error::8 input errors; nothing was checked/)
    expect(server?.requests).toHaveLength(0)
  })

  it('refuses plain http to a remote host unless allowed, before sending anything', async () => {
    const run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': 'http://postiz.example.com/api', integrations: X.id } })
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toMatch(/plain http:\/\/ to a remote host.*allow-insecure-http: true/)
  })

  it('diagnoses the web app (HTML) where the API was expected', async () => {
    await start({ prefix: '/api' })
    const run = await check({ 'api-url': server?.url ?? '', integrations: X.id })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toMatch(/answered with an HTML page .*not the Postiz API.*\/api/)
    expect(run.stdout).toContain(`${server?.url}/public/v1/integrations`)
  })

  it('diagnoses a 404 as a wrong api-url', async () => {
    await start({ prefix: '/api' })
    const run = await check({ 'api-url': `${server?.url}/api/v2`, integrations: X.id })
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toMatch(/HTTP 404.*no Postiz public API at this address.*\/api/)
  })

  it('retries a 5xx and then passes', async () => {
    await start({
      fault: (_req, res, count) => {
        if (count > 1) return false
        res.writeHead(503, { 'content-type': 'text/plain' }).end('upstream down')
        return true
      }
    })
    const run = await check({ integrations: X.id, retries: '1' })
    expect(run.outputs.status).toBe('pass')
    expect(server?.requests).toHaveLength(2)
    expect(run.stdout).toMatch(/Attempt 1 of 2 failed \(HTTP 503\); retrying in/)
  })

  it('gives up on a hanging server after the timeout', async () => {
    await start({ fault: () => true /* never answers */ })
    const run = await check({ integrations: X.id, retries: '0', timeout: '1' })
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toMatch(/no complete answer within 1 s/)
    expect(run.elapsedMs).toBeLessThan(8000)
  })
})

describe('sinks', () => {
  it('writes no summary with job-summary: false, and runs without GITHUB_STEP_SUMMARY', async () => {
    await start()
    let run = await check({ integrations: X.id, 'job-summary': 'false' })
    expect(run.summary).toBe('')
    expect(run.outputs.status).toBe('pass')
    run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': server?.baseUrl ?? '', integrations: X.id }, summaryFile: false })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('pass')
  })

  it('a summary or report file that cannot be written is a warning, not a changed result', async () => {
    await start()
    const run = await check({ integrations: X.id }, { GITHUB_STEP_SUMMARY: '/nonexistent/summary.md', RUNNER_TEMP: '/nonexistent' })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('pass')
    expect(run.outputs.report).toBeUndefined()
    expect(run.stdout).toMatch(/^::warning::Could not write the report file: .*nonexistent/m)
    expect(run.stdout).toMatch(/^::warning::Could not write the job summary: .*nonexistent/m)
  })

  it('cannot be steered by hostile channel names', async () => {
    const hostile = channel({
      identifier: 'x',
      profile: 'evil',
      name: 'x\n::stop-commands::t\n##[error]pwned | <img src=x onerror=alert(1)> [a](javascript:1)'
    })
    await start({ integrations: [hostile] })
    const run = await check({ integrations: 'x:evil' })
    expect(run.outputs.status).toBe('pass')
    for (const line of run.stdout.split('\n')) {
      expect(line).not.toMatch(/^\s*::stop-commands/)
      expect(line).not.toContain('##[error]')
    }
    expect(run.summary).not.toContain('<img src=x')
    expect(run.summary).not.toContain('](javascript')
    expect(run.summary).toContain('&lt;img')
  })
})
