/**
 * Proxies, TLS and Retry-After, end to end: the built action as the runner starts it, against real
 * loopback servers (a Postiz stand-in, over http or https, behind a forward proxy that is itself
 * http or https). Every packet stays on 127.0.0.1: the proxy connects only to the stand-in whatever
 * host it is asked for, and `.test` names resolve to 127.0.0.1 through a preloaded lookup, never DNS.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { StandIn } from '../../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel } from '../support/fixtures.js'
import { startLoopbackProxy, type LoopbackProxy, type LoopbackProxyOptions } from '../support/loopback-proxy.js'
import { loopbackServers } from '../support/loopback-servers.js'
import { expectClean, expectError } from '../support/expect-run.js'
import { ROOT, runAction, type ActionRun } from '../support/run-action.js'
import { makeTestCa, type TestCa } from '../support/test-ca.js'

const X = channel({ identifier: 'x', profile: 'acme', name: 'Acme on X' })
/** An address from TEST-NET-1 (RFC 5737): only ever named to the loopback proxy, never dialled. */
const DOC_IP = '192.0.2.10'
const RESOLVE_TEST_HOSTS = `--import=${pathToFileURL(join(ROOT, '__tests__', 'support', 'resolve-test-hosts.mjs')).href}`

const { postiz, track } = loopbackServers([X])

async function proxyTo(server: StandIn, options: LoopbackProxyOptions = {}): Promise<LoopbackProxy> {
  return track(await startLoopbackProxy(server.port, options))
}

async function check(inputs: Record<string, string>, env: Record<string, string>): Promise<ActionRun> {
  const run = await runAction({ inputs: { 'api-key': API_KEY, integrations: 'x:acme', ...inputs }, env })
  expectClean(run)
  expect(run.stderr).not.toMatch(/Warning/) // no experimental or deprecation warnings in the log
  return run
}

const targets = (proxy: LoopbackProxy) => proxy.seen.map(s => `${s.method} ${s.target}`)

describe('TLS through a CONNECT proxy', () => {
  let ca: TestCa
  beforeAll(() => {
    ca = makeTestCa('localhost') // the proxy's own name: a certificate that must not pass for an IP
  })

  it('refuses an IP api-url whose certificate names only the proxy host, without retrying', async () => {
    const server = await postiz({ tls: { key: ca.key, cert: ca.cert }, prefix: '/api' })
    const proxy = await proxyTo(server)
    const run = await check(
      { 'api-url': `https://${DOC_IP}/api`, retries: '3' },
      { HTTPS_PROXY: `http://localhost:${proxy.port}`, NODE_EXTRA_CA_CERTS: ca.caFile }
    )
    expectError(run, /TLS failed for 192\.0\.2\.10 \(ERR_TLS_CERT_ALTNAME_INVALID: .*192\.0\.2\.10.*\)/)
    expect(targets(proxy)).toEqual([`CONNECT ${DOC_IP}:443`])
    expect(server.requests).toHaveLength(0) // the key never crossed the unverified connection
  })

  it('passes an IP api-url through the proxy when the certificate names that IP', async () => {
    const forIp = ca.issue(DOC_IP)
    const server = await postiz({ tls: forIp, prefix: '/api' })
    const proxy = await proxyTo(server)
    const run = await check({ 'api-url': `https://${DOC_IP}/api` }, { HTTPS_PROXY: `http://localhost:${proxy.port}`, NODE_EXTRA_CA_CERTS: ca.caFile })
    expect(run.outputs.status).toBe('pass')
    expect(targets(proxy)).toEqual([`CONNECT ${DOC_IP}:443`])
    expect(server.requests[0].headers.authorization).toBe(API_KEY)
  })
})

describe('https:// proxies', () => {
  let ca: TestCa
  let proxyCert: { key: Buffer; cert: Buffer }
  beforeAll(() => {
    ca = makeTestCa('postiz.test')
    proxyCert = ca.issue('proxy.test')
  })

  it('tunnels to an https api-url through an https:// proxy, trusting NODE_EXTRA_CA_CERTS, with Proxy-Authorization', async () => {
    const server = await postiz({ tls: { key: ca.key, cert: ca.cert }, prefix: '/api' })
    const proxy = await proxyTo(server, { tls: proxyCert })
    const run = await check(
      { 'api-url': 'https://postiz.test/api' },
      { HTTPS_PROXY: `https://ci-bot:p%40ss%3Aw0rd@proxy.test:${proxy.port}`, NODE_EXTRA_CA_CERTS: ca.caFile, NODE_OPTIONS: RESOLVE_TEST_HOSTS }
    )
    expect(run.outputs.status).toBe('pass')
    expect(targets(proxy)).toEqual(['CONNECT postiz.test:443'])
    expect(proxy.seen[0].headers['proxy-authorization']).toBe(`Basic ${Buffer.from('ci-bot:p@ss:w0rd').toString('base64')}`)
    expect(proxy.seen[0].headers.authorization).toBeUndefined() // the key stays inside the tunnel
    expect(server.requests[0].headers.authorization).toBe(API_KEY)
    expect(server.requests[0].headers['proxy-authorization']).toBeUndefined()
    expect(run.everything).not.toContain('w0rd')
  })

  it('speaks TLS to an https:// proxy for an http:// api-url too (never clear text to its TLS port)', async () => {
    const server = await postiz()
    const proxy = await proxyTo(server, { tls: proxyCert })
    const run = await check(
      { 'api-url': 'http://postiz.test', 'allow-insecure-http': 'true' },
      { HTTP_PROXY: `https://ci-bot:secret@proxy.test:${proxy.port}`, NODE_EXTRA_CA_CERTS: ca.caFile, NODE_OPTIONS: RESOLVE_TEST_HOSTS }
    )
    expect(run.outputs.status).toBe('pass')
    // The proxy is a TLS server: it can only have read these requests over TLS.
    expect(proxy.seen).toHaveLength(1)
    expect(proxy.seen[0].target).toMatch(/postiz\.test/)
    expect(proxy.seen[0].headers['proxy-authorization']).toBe(`Basic ${Buffer.from('ci-bot:secret').toString('base64')}`)
  })

  it('refuses an https:// proxy whose certificate is not trusted', async () => {
    const server = await postiz({ tls: { key: ca.key, cert: ca.cert } })
    const proxy = await proxyTo(server, { tls: proxyCert })
    const run = await check(
      { 'api-url': 'https://postiz.test', retries: '2' },
      { HTTPS_PROXY: `https://proxy.test:${proxy.port}`, NODE_OPTIONS: RESOLVE_TEST_HOSTS }
    )
    expectError(run, /TLS failed for the proxy proxy\.test:\d+ \(UNABLE_TO_VERIFY_LEAF_SIGNATURE: .*NODE_EXTRA_CA_CERTS/)
    expect(proxy.seen).toHaveLength(0)
    expect(run.stdout).not.toMatch(/Attempt 1 of/)
  })
})

describe('direct https', () => {
  it('refuses a server whose certificate is not trusted, without retrying', async () => {
    const untrusted = makeTestCa('localhost')
    const server = await postiz({ tls: { key: untrusted.key, cert: untrusted.cert } })
    const run = await check({ 'api-url': `https://localhost:${server.port}`, retries: '3' }, {})
    expectError(run, /TLS failed for localhost:\d+ \(UNABLE_TO_VERIFY_LEAF_SIGNATURE: .*NODE_EXTRA_CA_CERTS/)
    expect(server.requests).toHaveLength(0)
    expect(run.stdout).not.toMatch(/Attempt 1 of/)
  })
})

describe('proxy answers', () => {
  let ca: TestCa
  beforeAll(() => {
    ca = makeTestCa('postiz.test')
  })

  it('diagnoses 407 to CONNECT as missing proxy credentials, without retrying', async () => {
    const server = await postiz({ tls: { key: ca.key, cert: ca.cert } })
    const proxy = await proxyTo(server, { refuse: () => 407 })
    const run = await check({ 'api-url': 'https://postiz.test', retries: '3' }, { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: ca.caFile })
    expectError(
      run,
      /the proxy 127\.0\.0\.1:\d+ \(HTTPS_PROXY\) asks for credentials \(HTTP 407 Proxy Authentication Required\).*HTTPS_PROXY=http:\/\/user:password@/
    )
    expect(run.stdout).not.toMatch(/api-url must be/)
    expect(proxy.seen).toHaveLength(1)
  })

  it('diagnoses 407 to a forwarded plain-http request the same way', async () => {
    const server = await postiz()
    const proxy = await proxyTo(server, { refuse: () => 407 })
    const run = await check({ 'api-url': 'http://postiz.test', 'allow-insecure-http': 'true', retries: '3' }, { HTTP_PROXY: proxy.url })
    expectError(run, /asks for credentials \(HTTP 407 Proxy Authentication Required\)/)
    expect(run.stdout).not.toMatch(/api-url must be/)
    expect(targets(proxy)).toEqual(['GET http://postiz.test/public/v1/integrations'])
  })

  it('retries a tunnel refused with 503 and passes when the proxy recovers', async () => {
    const server = await postiz({ tls: { key: ca.key, cert: ca.cert } })
    const proxy = await proxyTo(server, { refuse: (_req, count) => (count === 1 ? 503 : undefined) })
    const run = await check({ 'api-url': 'https://postiz.test', retries: '1' }, { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: ca.caFile })
    expect(run.outputs.status).toBe('pass')
    expect(run.stdout).toMatch(
      /Attempt 1 of 2 failed \(the proxy 127\.0\.0\.1:\d+ \(HTTPS_PROXY\) refused the tunnel to postiz\.test(:443)? \(HTTP 503\)\); retrying/
    )
    expect(targets(proxy)).toEqual(['CONNECT postiz.test:443', 'CONNECT postiz.test:443'])
  })

  it('reports a proxy that keeps answering 502 after the retries', async () => {
    const server = await postiz({ tls: { key: ca.key, cert: ca.cert } })
    const proxy = await proxyTo(server, { refuse: () => 502 })
    const run = await check({ 'api-url': 'https://postiz.test', retries: '1' }, { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: ca.caFile })
    expectError(run, /after 2 attempts: the proxy .* refused the tunnel .*\(HTTP 502\)\. Check HTTPS_PROXY/)
    expect(proxy.seen).toHaveLength(2)
  })

  it('names a stray % in the proxy credentials as a proxy setting, once, without echoing it', async () => {
    const run = await check({ 'api-url': 'https://postiz.test', retries: '3' }, { HTTPS_PROXY: 'http://user:50%off@127.0.0.1:1' })
    expectError(run, /HTTPS_PROXY has a password with a /)
    const error = (run.report as { error: { message: string; fix: string } }).error
    expect(error.message).toMatch(/HTTPS_PROXY has a password with a "%" that is not followed by two hex digits\. .*write %25 for "%"/)
    expect(error.fix).toMatch(/^Check HTTPS_PROXY/)
    expect(run.stdout).not.toMatch(/Attempt 1 of|api-url \(host and port\)/)
    expect(run.everything).not.toContain('50%off')
  })
})

describe('an unreachable proxy', () => {
  it('names the proxy and its variable, and retries', async () => {
    const run = await check({ 'api-url': 'https://postiz.test', retries: '1' }, { HTTPS_PROXY: 'http://127.0.0.1:1' })
    expectError(run, /after 2 attempts: the connection was refused \(the proxy 127\.0\.0\.1:1 from HTTPS_PROXY, ECONNREFUSED\)\. Check HTTPS_PROXY/)
  })
})

describe('NO_PROXY, for a host that is not loopback', () => {
  let ca: TestCa
  beforeAll(() => {
    ca = makeTestCa('postiz.test')
  })

  async function viaNoProxy(noProxy: string | undefined): Promise<{ run: ActionRun; proxy: LoopbackProxy; server: StandIn }> {
    const server = await postiz({ tls: { key: ca.key, cert: ca.cert } })
    // The proxy forwards to the same server: a run passes either way, so what counts is whether it was used.
    const proxy = await proxyTo(server)
    const env: Record<string, string> = { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: ca.caFile, NODE_OPTIONS: RESOLVE_TEST_HOSTS }
    if (noProxy !== undefined) env.NO_PROXY = noProxy.replace('PORT', String(server.port))
    const run = await check({ 'api-url': `https://postiz.test:${server.port}` }, env)
    expect(run.outputs.status).toBe('pass')
    return { run, proxy, server }
  }

  it('uses the proxy for postiz.test when NO_PROXY does not name it', async () => {
    const { proxy } = await viaNoProxy('example.com,postiz.test:1')
    expect(proxy.seen).toHaveLength(1)
    expect(proxy.seen[0].target).toMatch(/^postiz\.test:\d+$/)
  })

  it.each(['postiz.test', '.test', '*.test', 'postiz.test:PORT', ' example.com\tpostiz.test ', '*', 'POSTIZ.TEST'])(
    'goes direct with NO_PROXY=%p',
    async noProxy => {
      const { proxy, server } = await viaNoProxy(noProxy)
      expect(proxy.seen).toHaveLength(0)
      expect(server.requests).toHaveLength(1)
    }
  )
})

// On real time, as a runner waits; the other forms of Retry-After are in client-retries.test.ts.
describe('Retry-After, measured on the wait itself', () => {
  /** The gap between the 429 and the retry, as the server saw the two requests arrive. */
  async function gapAfter(retryAfter: string): Promise<number> {
    const arrivals: number[] = []
    const server = await postiz({
      fault: (_req, res, count) => {
        arrivals.push(Date.now())
        if (count > 1) return false
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter }).end('{"msg":"slow down"}')
        return true
      }
    })
    const run = await check({ 'api-url': server.baseUrl, retries: '1' }, {})
    expect(run.outputs.status).toBe('pass')
    expect(arrivals).toHaveLength(2)
    return arrivals[1] - arrivals[0]
  }

  it('waits the whole seconds Retry-After asks for', async () => {
    const gap = await gapAfter('2')
    expect(gap).toBeGreaterThanOrEqual(1950)
    expect(gap).toBeLessThan(3000)
  })
})
