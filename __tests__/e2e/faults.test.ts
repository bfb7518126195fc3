/**
 * Fault injection against real loopback servers, running the built action. Every case asserts the
 * exit code, the status output, the message, the number of requests, a bound on the elapsed time,
 * and that the API key appears nowhere (stdout, stderr, outputs, summary, report file).
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import type { StandIn } from '../../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel } from '../support/fixtures.js'
import { startLoopbackProxy } from '../support/loopback-proxy.js'
import { loopbackServers } from '../support/loopback-servers.js'
import { expectClean, expectError } from '../support/expect-run.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import { makeTestCa, type TestCa } from '../support/test-ca.js'

const X = channel({ identifier: 'x', profile: 'acme', name: 'Acme on X' })
const MiB = 1024 * 1024

const { postiz, answering, track } = loopbackServers([X])

async function check(server: StandIn, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': server.baseUrl, integrations: 'x:acme', ...inputs }, env })
  expectClean(run)
  expect(run.elapsedMs).toBeLessThan(15_000) // nothing here may take long; tighter bounds below
  return run
}

// Backoff, Retry-After and deadlines are in client-retries.test.ts, with the clock driven by the test.
describe('retries', () => {
  it('does not retry other 4xx answers', async () => {
    const server = await answering(res => res.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"Bad Request"}'))
    const run = await check(server, { retries: '3' })
    expectError(run, /HTTP 400/)
    expect(server.requests).toHaveLength(1)
    expect(run.elapsedMs).toBeLessThan(3000)
  })

  it('never retries a 401', async () => {
    const server = await postiz()
    const run = await runAction({ inputs: { 'api-key': 'wrong', 'api-url': server.baseUrl, integrations: 'x:acme', retries: '3' } })
    expectError(run, /Invalid API key/)
    expect(server.requests).toHaveLength(1)
  })
})

describe('rate limiting', () => {
  it('stops at once on a long Retry-After, saying when to retry and why', async () => {
    const server = await answering(res =>
      res.writeHead(429, { 'retry-after': '3600' }).end('{"statusCode":429,"message":"ThrottlerException: Too Many Requests"}')
    )
    const run = await check(server, { retries: '3' })
    expectError(run, /HTTP 429: Postiz is rate limiting this organisation and asks to wait 60 min, longer than this check waits \(60 s\)/)
    expect(run.stdout).toMatch(/Run again after \d{4}-\d\d-\d\dT.*30 requests per hour/)
    expect(server.requests).toHaveLength(1)
    expect(run.elapsedMs).toBeLessThan(3000)
  })
})

describe('unusable answers', () => {
  it.each([
    [
      'invalid JSON',
      (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('[{"id": "a",'),
      /invalid JSON .*it starts "\[\{"id": "a","/
    ],
    [
      'a JSON object',
      (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"integrations": []}'),
      /not a list of Postiz integrations: the response is an object, expected a JSON array/
    ],
    [
      'an element without id',
      (res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('[{"name":"x","identifier":"x","disabled":false}]'),
      /not a list of Postiz integrations: element 0: "id" is missing, expected a string/
    ],
    [
      'HTML with status 200',
      (res: ServerResponse) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><title>Postiz</title>'),
      /answered with an HTML page \("<!DOCTYPE html><title>Postiz<\/title>"\), not JSON.*\/api/
    ],
    [
      'a 404',
      (res: ServerResponse) => res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>nginx 404</body></html>'),
      /HTTP 404 \(an HTML page "<html><body>nginx 404.*no Postiz public API.*\/api/
    ]
  ])('%s → status=error with a precise diagnosis', async (_name, respond, message) => {
    const server = await answering(res => respond(res))
    const run = await check(server)
    expectError(run, message)
    expect(run.stdout).toContain(`${server.baseUrl}/public/v1/integrations`)
    expect(server.requests).toHaveLength(1)
    expect(run.elapsedMs).toBeLessThan(3000)
    expect(run.summary).toContain('**How to fix it:**')
  })

  it('accepts unknown fields and unknown platform identifiers', async () => {
    const server = await answering(res =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify([{ id: 'n1', name: 'New', identifier: 'brand-new-network', picture: null, disabled: false, profile: 'acme', extra: { a: 1 } }]))
    )
    const run = await check(server, { integrations: 'brand-new-network:acme' })
    expect(run.outputs.status).toBe('pass')
  })

  it('treats IDs such as __proto__ and constructor as ordinary IDs', async () => {
    const odd = [channel({ id: '__proto__', identifier: 'x' }), channel({ id: 'constructor', identifier: 'x' })]
    const server = await postiz({ integrations: odd })
    const run = await check(server, { integrations: '__proto__, constructor, hasOwnProperty' })
    expect(run.outputs.status).toBe('fail')
    expect(run.outputs.ids).toBe('{"__proto__":"__proto__","constructor":"constructor","hasOwnProperty":null}')
    expect(JSON.parse(run.outputs.missing)).toEqual(['hasOwnProperty'])
  })
})

describe('redirects and origins', () => {
  it('does not follow a cross-origin redirect and never sends the key there', async () => {
    const elsewhere = await postiz()
    const server = await answering(res => res.writeHead(302, { location: `${elsewhere.baseUrl}/public/v1/integrations` }).end())
    const run = await check(server)
    expectError(run, new RegExp(`HTTP 302, a redirect to ${elsewhere.baseUrl.replace(/[.]/g, '\\.')}/public/v1/integrations`))
    expect(run.stdout).toMatch(/Set the api-url input to the address the server redirects to/)
    expect(server.requests).toHaveLength(1)
    expect(elsewhere.requests).toHaveLength(0)
  })

  it('refuses plain http to a remote host before sending anything', async () => {
    const run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': 'http://postiz.example.com/api', integrations: 'x:acme' } })
    expectError(run, /1 input error/)
    expect(run.stdout).toMatch(/::error title=Invalid input::api-url: .*plain http:\/\/ to a remote host/)
    expect(run.everything).not.toContain(API_KEY)
  })
})

describe('oversized answers', () => {
  it('refuses a 40 MiB body declared by Content-Length', async () => {
    const server = await answering(res => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(40 * MiB) })
      res.write('[')
    })
    const run = await check(server)
    expectError(run, /larger than 32 MiB/)
    expect(server.requests).toHaveLength(1)
    expect(run.elapsedMs).toBeLessThan(4000)
  })

  it('stops reading a 40 MiB chunked body at the cap', async () => {
    const chunk = Buffer.alloc(MiB, 0x20)
    const server = await answering(res => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('[')
      let sent = 0
      const pump = (): void => {
        while (sent < 40 && !res.destroyed) {
          sent++
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        if (!res.destroyed) res.end(']')
      }
      pump()
    })
    const run = await check(server)
    expectError(run, /larger than 32 MiB/)
    expect(run.elapsedMs).toBeLessThan(8000)
  })

  it('refuses a gzip body that inflates past the cap', async () => {
    const bomb = gzipSync(Buffer.alloc(40 * MiB, 0x20))
    const server = await answering(res => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb))
    const run = await check(server)
    expectError(run, /larger than 32 MiB/)
  })
})

describe('proxies and private certificate authorities', () => {
  let ca: TestCa
  beforeAll(() => {
    ca = makeTestCa('postiz.test')
  })

  it('tunnels https through HTTPS_PROXY and trusts NODE_EXTRA_CA_CERTS', async () => {
    const server = await postiz({ tls: { key: ca.key, cert: ca.cert }, prefix: '/api' })
    const proxy = await startLoopbackProxy(server.port)
    track(proxy)
    const run = await check(server, { 'api-url': 'https://postiz.test/api' }, { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: ca.caFile })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('pass')
    expect(proxy.seen.map(s => `${s.method} ${s.target}`)).toEqual(['CONNECT postiz.test:443'])
    expect(proxy.seen[0].headers.authorization).toBeUndefined() // the key stays inside the TLS tunnel
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0].headers.authorization).toBe(API_KEY)
  })

  it('connects to https directly (no proxy) and trusts NODE_EXTRA_CA_CERTS', async () => {
    const local = makeTestCa('localhost')
    const server = await postiz({ tls: { key: local.key, cert: local.cert } })
    const run = await check(server, { 'api-url': `https://localhost:${server.port}` }, { NODE_EXTRA_CA_CERTS: local.caFile })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('pass')
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0].headers.authorization).toBe(API_KEY)
  })

  it('names NODE_EXTRA_CA_CERTS when the certificate is not trusted, without retrying', async () => {
    const server = await postiz({ tls: { key: ca.key, cert: ca.cert } })
    const proxy = await startLoopbackProxy(server.port)
    track(proxy)
    const run = await check(server, { 'api-url': 'https://postiz.test', retries: '3' }, { HTTPS_PROXY: proxy.url })
    expectError(run, /TLS failed for postiz\.test .*NODE_EXTRA_CA_CERTS/)
    expect(proxy.seen).toHaveLength(1)
    expect(server.requests).toHaveLength(0)
  })

  it('sends plain http through HTTP_PROXY when insecure http is allowed', async () => {
    const server = await postiz()
    const proxy = await startLoopbackProxy(server.port)
    track(proxy)
    const run = await check(server, { 'api-url': 'http://postiz.test', 'allow-insecure-http': 'true' }, { HTTP_PROXY: proxy.url })
    expect(run.outputs.status).toBe('pass')
    expect(proxy.seen.map(s => `${s.method} ${s.target}`)).toEqual(['GET http://postiz.test/public/v1/integrations'])
  })

  it('reports a broken proxy setting without echoing it', async () => {
    const run = await runAction({
      inputs: { 'api-key': API_KEY, 'api-url': 'https://postiz.test', integrations: 'x:acme', retries: '0' },
      env: { HTTPS_PROXY: 'http://user:hunter2@[oops' }
    })
    expectError(run, /HTTPS_PROXY is set but is not a valid proxy URL/)
    expect(run.everything).not.toContain('hunter2')
  })
})

describe('hostile text from the server', () => {
  it('cannot inject workflow commands into the log or markup into the summary', async () => {
    const evil = channel({
      identifier: 'x',
      profile: 'evil',
      disabled: true,
      name: 'Evil\n::stop-commands::pwn\r\n::error::fake\u2028##[warning]legacy | <script>alert(1)</script> [x](https://evil.example)',
      picture: 'javascript:alert(1)'
    })
    const server = await postiz({ integrations: [evil] })
    const run = await check(server, { integrations: 'x:evil' })
    expect(run.outputs.status).toBe('fail')
    const lines = (run.stdout + run.stderr).split('\n')
    for (const line of lines) {
      expect(line).not.toMatch(/^\s*::(stop-commands|error::fake)/)
      expect(line).not.toContain('##[')
    }
    expect(lines.filter(l => l.startsWith('::')).every(l => /^::(add-mask|error|warning|debug|notice|group|endgroup)/.test(l))).toBe(true)
    expect(run.summary).not.toContain('<script>')
    expect(run.summary).not.toContain('](https://evil')
    expect(run.summary).not.toContain('javascript:')
  })

  it('sanitises server error bodies', async () => {
    const server = await answering(res =>
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ msg: 'no\n::stop-commands::x ##[error]y' }))
    )
    const run = await check(server)
    expectError(run, /Postiz rejected the API key \(HTTP 401: "no ::stop-commands::x ## \[error\]y"\)/)
    expect(run.stdout).not.toMatch(/^::stop-commands/m)
  })
})
