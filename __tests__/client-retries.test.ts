/**
 * The client's retries, backoff, Retry-After and deadlines, in process against loopback servers,
 * with the clock driven by the test: `sleep` records each wait and returns at once, `random` fixes
 * the jitter. What is under test is the behaviour (how long it asks to wait, how many attempts,
 * what it says), not the real clock; a few end-to-end tests (e2e/action.test.ts,
 * e2e/proxy-tls.test.ts) keep real waits and real time.
 */
import { describe, expect, it } from '@jest/globals'
import { fetchIntegrations, type ClientOptions } from '../src/postiz/client.js'
import { CheckError } from '../src/postiz/errors.js'
import { withRetries } from '../src/shared/retry.js'
import { plainText } from '../src/shared/words.js'
import type { StandIn } from '../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel } from './support/fixtures.js'
import { loopbackServers } from './support/loopback-servers.js'

const X = channel({ identifier: 'x', profile: 'acme', name: 'Acme on X' })
const { postiz, answering } = loopbackServers([X])

/** A client for `server` whose waits are recorded, not slept; jitter at its middle (the backoff exactly 1 s, 2 s, 4 s …). */
function client(server: StandIn, options: Partial<ClientOptions> = {}): { options: ClientOptions; waits: number[]; lines: string[] } {
  const waits: number[] = []
  const lines: string[] = []
  return {
    waits,
    lines,
    options: {
      apiUrl: server.baseUrl,
      apiKey: API_KEY,
      timeoutMs: 5000,
      retries: 3,
      sleep: ms => {
        waits.push(ms)
        return Promise.resolve()
      },
      random: () => 0.5,
      onRetry: note => lines.push(note.line),
      ...options
    }
  }
}

/** The CheckError a read ends in, as plain text: what happened and the fix. */
async function failure(read: Promise<unknown>): Promise<{ said: string; fix: string }> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof CheckError)) throw new Error(`expected a CheckError, got ${String(error)}`)
  return { said: plainText(error.said), fix: plainText(error.fix) }
}

const rateLimited = (retryAfter: string): ((req: unknown, res: import('node:http').ServerResponse, count: number) => boolean) => {
  return (_req, res, count) => {
    if (count > 1) return false
    res
      .writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter })
      .end('{"statusCode":429,"message":"ThrottlerException: Too Many Requests"}')
    return true
  }
}

describe('withRetries', () => {
  it('tries until the outcome is final or the attempts run out, backing off 1 s, 2 s, 4 s with the jitter it is given', async () => {
    const waits: number[] = []
    let calls = 0
    const result = await withRetries(
      { retries: 3, random: () => 0, sleep: ms => Promise.resolve(void waits.push(ms)) },
      () => Promise.resolve(++calls),
      () => ({ final: false, reason: 'busy' })
    )
    expect(result).toEqual({ outcome: 4, attempts: 4 })
    expect(waits).toEqual([750, 1500, 3000]) // -25 % jitter
  })

  it('stops at a final outcome, waits what the judge names, and says each retry', async () => {
    const notes: string[] = []
    let calls = 0
    const result = await withRetries(
      { retries: 5, sleep: () => Promise.resolve(), onRetry: note => notes.push(note.line) },
      () => Promise.resolve(++calls),
      n => (n < 3 ? { final: false, reason: `try ${n}`, waitMs: 250 } : { final: true })
    )
    expect(result).toEqual({ outcome: 3, attempts: 3 })
    expect(notes).toEqual(['Attempt 1 of 6 failed (try 1); retrying in 0.3 s.', 'Attempt 2 of 6 failed (try 2); retrying in 0.3 s.'])
  })
})

describe('the client, with the clock driven by the test', () => {
  it('retries 5xx with exponential backoff, then reports the server failure', async () => {
    const server = await answering(res => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>'))
    const { options, waits, lines } = client(server, { retries: 2 })
    const { said } = await failure(fetchIntegrations(options))
    expect(said).toMatch(/HTTP 502 .*Bad Gateway.*the Postiz server failed/)
    expect(server.requests).toHaveLength(3)
    expect(waits).toEqual([1000, 2000])
    expect(lines).toEqual(['Attempt 1 of 3 failed (HTTP 502); retrying in 1.0 s.', 'Attempt 2 of 3 failed (HTTP 502); retrying in 2.0 s.'])
  })

  it('retries a reset connection and passes when the server recovers', async () => {
    const server = await postiz({
      fault: (req, _res, count) => {
        if (count > 1) return false
        req.socket.destroy()
        return true
      }
    })
    const { options, waits, lines } = client(server, { retries: 1 })
    const result = await fetchIntegrations(options)
    expect(result.integrations.map(i => i.id)).toEqual([X.id])
    expect(result.attempts).toBe(2)
    expect(waits).toEqual([1000])
    expect(lines[0]).toMatch(/^Attempt 1 of 2 failed \(the connection closed before the response was complete/)
  })

  it('does not retry a 4xx other than 429, nor a 401', async () => {
    const bad = await answering(res => res.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"Bad Request"}'))
    const first = client(bad)
    expect((await failure(fetchIntegrations(first.options))).said).toMatch(/HTTP 400/)
    expect([bad.requests.length, first.waits]).toEqual([1, []])
    const real = await postiz()
    const wrong = client(real, { apiKey: 'wrong-key-1234567890' })
    expect((await failure(fetchIntegrations(wrong.options))).said).toMatch(/Invalid API key/)
    expect([real.requests.length, wrong.waits]).toEqual([1, []])
  })

  it('waits the seconds a short Retry-After asks for, then passes', async () => {
    const server = await postiz({ fault: rateLimited('1') })
    // The jitter at its top: the backoff would wait 1.25 s, the header asks for 1 s.
    const { options, waits, lines } = client(server, { retries: 1, random: () => 1 })
    expect((await fetchIntegrations(options)).attempts).toBe(2)
    expect(waits).toEqual([1000])
    expect(lines).toEqual(['Attempt 1 of 2 failed (HTTP 429 (rate limited)); retrying in 1.0 s.'])
  })

  it('waits until a Retry-After given as an HTTP date', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 30_000) // whole seconds, as HTTP dates have
    const server = await postiz({ fault: rateLimited(at.toUTCString()) })
    const { options, waits } = client(server, { retries: 1 })
    const asked = Date.now()
    expect((await fetchIntegrations(options)).attempts).toBe(2)
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThan(at.getTime() - asked - 1000)
    expect(waits[0]).toBeLessThanOrEqual(at.getTime() - asked)
  })

  it.each(['1.5', '-1', 'soon', 'Sunday, 06-Nov-94 08:49:37'])('falls back to the backoff for Retry-After: %s', async value => {
    const server = await postiz({ fault: rateLimited(value) })
    const { options, waits } = client(server, { retries: 1, random: () => 1 })
    expect((await fetchIntegrations(options)).attempts).toBe(2)
    expect(waits).toEqual([1250]) // the backoff's first step with +25 % jitter, not what the header said
  })

  it('stops at once on a Retry-After longer than 60 s, saying when to run again and why', async () => {
    const server = await answering(res =>
      res.writeHead(429, { 'retry-after': '3600' }).end('{"statusCode":429,"message":"ThrottlerException: Too Many Requests"}')
    )
    const { options, waits } = client(server, { retries: 3 })
    const { said, fix } = await failure(fetchIntegrations(options))
    expect(said).toMatch(/HTTP 429: Postiz is rate limiting this organisation and asks to wait 60 min, longer than this check waits \(60 s\)/)
    expect(fix).toMatch(/^Run again after \d{4}-\d\d-\d\dT.*30 requests per hour/)
    expect([server.requests.length, waits]).toEqual([1, []])
  })

  it('gives up on a server that never answers, once per attempt, after the deadline of each', async () => {
    const server = await postiz({ fault: () => true })
    const { options, waits } = client(server, { retries: 1, timeoutMs: 150 })
    const started = Date.now()
    const { said } = await failure(fetchIntegrations(options))
    expect(said).toMatch(/after 2 attempts: no complete answer within 0\.15 s|no complete answer within 0\.15 s .*after 2 attempts/)
    expect(server.requests).toHaveLength(2)
    expect(waits).toEqual([1000])
    expect(Date.now() - started).toBeGreaterThanOrEqual(290) // two deadlines, and no real backoff
  })

  it('bounds the whole attempt, not only idle time: a body that trickles in is cut off', async () => {
    const server = await answering(res => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('[')
      const timer = setInterval(() => res.write(' '), 20)
      res.on('close', () => clearInterval(timer))
    })
    const { options } = client(server, { retries: 0, timeoutMs: 200 })
    const started = Date.now()
    expect((await failure(fetchIntegrations(options))).said).toMatch(/no complete answer within 0\.2 s/)
    expect(server.requests).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
