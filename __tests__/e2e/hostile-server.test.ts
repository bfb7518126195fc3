/**
 * What a hostile or broken server must not break, end to end through dist/ (the action as the
 * runner starts it, and the CLI): server text named like Object.prototype members, outputs on a
 * run that did not finish, table-breaking picture URLs, absurd Retry-After values, the key echoed
 * back, and answers whose diagnosis used to send people the wrong way.
 */
import { describe, expect, it } from '@jest/globals'
import type { ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import type { StandIn } from '../../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel } from '../support/fixtures.js'
import { STACK_TRACE } from '../support/expect-run.js'
import { loopbackServers } from '../support/loopback-servers.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import { runCli } from '../support/run-cli.js'

const X = channel({ identifier: 'x', profile: 'acme', name: 'Acme on X' })
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype)

const { postiz, answering } = loopbackServers([X])

async function check(server: StandIn, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': server.baseUrl, integrations: 'x:acme', ...inputs }, env })
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE)
  expect(run.stdout).not.toMatch(/Unexpected error/)
  return run
}

const cli = runCli

const reportError = (run: ActionRun) => (run.report as { error?: { message: unknown; fix: unknown } }).error

function expectError(run: ActionRun, message: RegExp): void {
  expect(run.code).toBe(1)
  expect(run.outputs.status).toBe('error')
  expect(String(reportError(run)?.message)).toMatch(message)
  expect(typeof reportError(run)?.fix).toBe('string')
}

describe('server text named like an Object.prototype member', () => {
  it.each(PROTOTYPE_NAMES.flatMap(name => [401, 403].map(status => [name, status] as const)))(
    'a %s message on HTTP %i gets the generic fix, in every sink',
    async (name, status) => {
      const server = await answering(res => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ msg: name })))
      const run = await check(server, { retries: '0' })
      expectError(run, new RegExp(`Postiz rejected the API key \\(HTTP ${status}: "${name.replace(/\$/g, '\\$')}"\\)`))
      expect(String(reportError(run)?.fix)).toMatch(
        /^(Check the key\.|Postiz refused the key\. If this persists, check the key and the server's logs\.) The key comes from the api-key input/
      )
      expect(run.summary).toMatch(/Postiz rejected the API key/)
      expect(run.stdout).not.toMatch(/Could not write the job summary/)
    }
  )

  it.each(PROTOTYPE_NAMES)('the CLI reports a %s message with exit code 2, never a stack trace', async name => {
    const server = await answering(res => res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ msg: name })))
    const run = await cli(['--integrations', 'x:acme', '--retries', '0'], { POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: server.baseUrl })
    expect(run.code).toBe(2)
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE)
    expect(run.stdout).toMatch(/^ {2}Fix: Check the key\./m)
  })

  it.each(PROTOTYPE_NAMES)('channels, customers, IDs and aliases named %s are matched as text', async name => {
    const alias = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? name : 'x_alias'
    // A platform identifier starts with a letter or digit: "__proto__" can only be a profile there.
    const platform = /^[A-Za-z0-9]/.test(name) ? name : 'x'
    const twin = channel({ identifier: platform, profile: name, name, customer: { id: `cu_${name.replace(/\W/g, '')}`, name } })
    const named = { ...twin, id: name }
    const server = await postiz({ integrations: [named] })
    const entries = [`${alias}=${name}`, `${platform}:${name}`, `${platform}:*`, `${platform}:missing`, `missing_${name.replace(/\W/g, '')}`].join('\n')
    const run = await check(server, { integrations: entries, customer: name, 'fail-on': 'none' })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('fail')
    const ids = JSON.parse(run.outputs.ids) as Record<string, unknown>
    expect(Object.getOwnPropertyDescriptor(ids, alias)?.value).toBe(name)
    expect(Object.getOwnPropertyDescriptor(ids, `${platform}:${name}`)?.value).toBe(name)
    expect(Object.getOwnPropertyDescriptor(ids, `${platform}:*`)?.value).toEqual([name])
    expect(JSON.parse(run.outputs.missing)).toEqual([`${platform}:missing`, `missing_${name.replace(/\W/g, '')}`])
    expect(run.stdout).toMatch(/::warning title=Postiz integration missing.*: no integration has this ID/)
  })
})

describe('a run that could not finish sets no IDs', () => {
  const postsFaults: [string, (res: ServerResponse) => void][] = [
    ['HTTP 500', res => res.writeHead(500).end('boom')],
    ['HTTP 429', res => res.writeHead(429, { 'content-type': 'application/json' }).end('{"message":"slow down"}')],
    ['an HTML page', res => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>login</body></html>')],
    ['the wrong shape', res => res.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}')],
    [
      'a bad publishDate',
      res =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            posts: [{ id: 'p1', publishDate: 'soon', state: 'ERROR', integration: { id: X.id, providerIdentifier: 'x', name: 'X', picture: null } }]
          })
        )
    ]
  ]

  it.each(postsFaults)('posts answering %s with failing in fail-on: status, report and message only', async (_what, respond) => {
    const server = await postiz({
      fault: (req, res) => {
        if (!req.url?.includes('/public/v1/posts')) return false
        respond(res)
        return true
      }
    })
    const run = await check(server, { 'failed-posts-days': '7', 'fail-on': 'missing,disabled,failing', retries: '0' })
    expect(run.outputs.status).toBe('error')
    expect(Object.keys(run.outputs).sort()).toEqual(['message', 'report', 'status'])
    expect(run.outputs.message).toMatch(/^🛑 Could not check the Postiz integrations\nCould not read the posts, which "failing" in the fail-on input needs: /)
    expect(run.code).toBe(1)
  })
})

describe('the job summary table', () => {
  it('keeps a picture URL with | in path, query and fragment inside its cell and its attribute', async () => {
    const pictured = channel({ identifier: 'x', profile: 'pic', name: 'Pictured', picture: 'https://x.example/a|b.png?q=a|b&r="c"#d|e' })
    const server = await postiz({ integrations: [pictured] })
    const run = await check(server, { integrations: 'x:pic' })
    const row = run.summary.split('\n').find(line => line.includes('Pictured'))
    expect(row).toBeDefined()
    // An entry row on a pass has 3 cells (Entry, Channel, State): 4 pipes, none of them inside the URL.
    expect(row?.match(/\|/g)).toHaveLength(4)
    expect(row).toContain('<img src="https://x.example/a%7Cb.png?q=a%7Cb%26r=%22c%22#d%7Ce" width="20" height="20" alt="">')
  })
})

describe('Retry-After', () => {
  it.each([
    ['14 digits', '99999999999999'],
    ['400 digits', '9'.repeat(400)]
  ])('a Retry-After of %s is the ordinary rate-limit error, with no time given', async (_what, value) => {
    const server = await answering(res => res.writeHead(429, { 'retry-after': value, 'content-type': 'application/json' }).end('{}'))
    const run = await check(server)
    expectError(run, /HTTP 429: Postiz is rate limiting this organisation and asks to wait more than a year, longer than this check waits/)
    expect(String(reportError(run)?.fix)).toMatch(/^Run again later \(Retry-After: 9+/)
    expect(run.elapsedMs).toBeLessThan(5000)
  })
})

describe('the key echoed back by the server', () => {
  const escaped = (text: string) => [...text].map(c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')

  it('is taken out of an error message before the summary, the report file and the log', async () => {
    const server = await answering(res =>
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ msg: `Invalid API key: ${API_KEY}` }))
    )
    const run = await check(server, { 'api-key': `  Bearer ${API_KEY} ` })
    expectError(run, /HTTP 401: "Invalid API key: \*\*\*"/)
    expect(run.everything).not.toContain(API_KEY)
    expect(run.summary).toContain('Invalid API key<wbr>\\: \\*\\*\\*')
  })

  it('is taken out of channel names, even spelt with JSON escapes, in every output and the CLI', async () => {
    const echo = channel({ identifier: 'x', profile: 'echo', name: `Echo ${API_KEY}` })
    const body = JSON.stringify([X, echo]).replace(`Echo ${API_KEY}`, `Echo ${escaped(API_KEY)}`)
    const server = await postiz({
      fault: (req, res) => {
        if (!req.url?.startsWith('/public/v1/integrations')) return false
        res.writeHead(200, { 'content-type': 'application/json' }).end(body)
        return true
      }
    })
    const run = await check(server, { integrations: 'x:echo' })
    expect(run.outputs.status).toBe('pass')
    expect(run.everything).not.toContain(API_KEY)
    expect(run.outputs.integrations).toContain('"Echo ***"')
    expect(run.summary).toContain('Echo \\*\\*\\*')
    const cliRun = await cli(['--integrations', 'x:echo'], { POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: server.baseUrl })
    expect(cliRun.code).toBe(0)
    expect(cliRun.stdout).toContain('Echo ***')
    expect(cliRun.stdout + cliRun.stderr).not.toContain(API_KEY)
    const json = await cli(['--json'], { POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: server.baseUrl })
    expect(json.stdout).not.toContain(API_KEY)
  })
})

describe('diagnoses that point the right way', () => {
  it.each(['line\nbreak', 'tab\tinside', 'bell\u0007', 'café'])('a key with %j is an api-key input error, before any request', async key => {
    const server = await postiz()
    const run = await check(server, { 'api-key': `${key}${API_KEY}` })
    expect(run.outputs.status).toBe('error')
    expect(run.stdout).toMatch(
      /::error title=Invalid input::api-key: contains (a line break|a control character|a character outside printable ASCII) \(character \d+\), which cannot be sent in an HTTP header/
    )
    expect(run.stdout).not.toMatch(/api-url|Attempt 1 of/)
    expect(server.requests).toHaveLength(0)
    expect(run.elapsedMs).toBeLessThan(3000)
  })

  it('shows what a 401 with an HTML body said, instead of "an empty body"', async () => {
    const server = await answering(res => res.writeHead(401, { 'content-type': 'text/html' }).end('<html><title>Sign in</title></html>'))
    const run = await check(server)
    expectError(run, /HTTP 401 with an HTML page "<html><title>Sign in<\/title><\/html>"\)/)
  })

  it('does not retry a corrupt gzip body nor blame reachability', async () => {
    const corrupt = Buffer.concat([gzipSync(JSON.stringify([X])).subarray(0, 20), Buffer.alloc(50, 7)])
    const server = await answering(res => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(corrupt))
    const run = await check(server, { retries: '3' })
    expectError(run, /\/public\/v1\/integrations answered with a gzip body that does not decompress/)
    expect(String(reportError(run)?.message)).not.toMatch(/Could not reach/)
    expect(String(reportError(run)?.fix)).toMatch(/proxy/)
    expect(server.requests).toHaveLength(1)
  })

  it('calls a decompression bomb an answer, not an unreachable server', async () => {
    const bomb = gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20))
    const server = await answering(res => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb))
    const run = await check(server)
    expectError(run, /answered with a body larger than 32 MiB/)
    expect(String(reportError(run)?.message)).not.toMatch(/Could not reach/)
  })

  it.each([
    ['a JSON list served as text/html', { 'content-type': 'text/html' }, JSON.stringify([X])],
    ['JSON after a UTF-8 byte order mark', { 'content-type': 'application/json' }, `\ufeff${JSON.stringify([X])}`]
  ])('reads %s', async (_what, headers, body) => {
    const server = await answering(res => res.writeHead(200, headers).end(body))
    const run = await check(server)
    expect(run.outputs.status).toBe('pass')
  })

  it('names a 304 for what it is', async () => {
    const server = await answering(res => res.writeHead(304).end())
    const run = await check(server)
    expectError(run, /answered HTTP 304 Not Modified, to a request that asked for no cached copy/)
    expect(String(reportError(run)?.fix)).toMatch(/proxy or cache/)
  })

  it('names a 204 an empty answer', async () => {
    const server = await answering(res => res.writeHead(204).end())
    const run = await check(server)
    expectError(run, /answered HTTP 204 with an empty body, where a JSON answer belongs/)
  })

  it('takes http://[::ffff:127.0.0.1] for loopback', async () => {
    const server = await postiz()
    const run = await check(server, { 'api-url': `http://[::ffff:127.0.0.1]:${server.port}` })
    expect(run.stdout).not.toMatch(/plain http:\/\/ to a remote host/)
    expect(run.outputs.status).toBe('pass')
  })

  it.each([
    ['a comma', 'cmA,cmB', /"id" "cmA,cmB" contains a comma/],
    ['a line break', 'cmC\ncmD', /"id" "cmC\\ncmD" contains a control character/],
    ['a space', 'cm E', /"id" "cm E" contains whitespace/],
    ['a control character', 'cm\u0007F', /"id" "cm\\u0007F" contains a control character/]
  ])('refuses an ID with %s, naming it', async (_what, id, message) => {
    const server = await postiz({ integrations: [X, channel({ identifier: 'x', profile: 'odd', id })] })
    const run = await check(server)
    expectError(run, message)
    expect(run.outputs['integration-ids']).toBeUndefined()
  })

  it('refuses two channels with one ID', async () => {
    const server = await postiz({ integrations: [X, channel({ identifier: 'x', profile: 'twin', id: X.id })] })
    const run = await check(server)
    expectError(run, new RegExp(`elements 0 and 1 have the same "id" "${X.id}"`))
  })

  it('does not send people to api-url when only the posts read fails', async () => {
    const server = await postiz({
      fault: (req, res) => {
        if (!req.url?.includes('/public/v1/posts')) return false
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>')
        return true
      }
    })
    const run = await check(server, { 'failed-posts-days': '7' })
    expect(run.outputs.status).toBe('pass')
    const warning = run.stdout.split('\n').find(line => line.includes('Could not read the posts'))
    expect(warning).toMatch(/answered with an HTML page/)
    expect(warning).toMatch(/the address is right/)
    expect(warning).not.toMatch(/api-url input must be the Postiz backend/)
  })
})
