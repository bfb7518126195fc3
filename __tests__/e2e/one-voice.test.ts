/**
 * What people read, end to end through dist/: the headline counts entries, a run that fails no step
 * never says "Fail", each front end names settings its own way, the summary leads with one problems
 * table, the message keeps what to write, the CLI fits an 80-column terminal, and small words.
 */
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import stringWidth from 'string-width'
import type { StandInNotification } from '../../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel, postOn as post } from '../support/fixtures.js'
import { expectClean } from '../support/expect-run.js'
import { startGitHubStandIn } from '../support/github-stand-in.js'
import { loopbackServers } from '../support/loopback-servers.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import { CLI, runCli, type CliRun } from '../support/run-cli.js'

const DAY = 86_400_000
const X = channel({ identifier: 'x', profile: 'acme', name: 'Acme on X' })
const X_BETA = channel({ identifier: 'x', profile: 'acme-beta', name: 'Acme Beta on X' })
const INSTA = channel({ identifier: 'instagram', profile: 'acme.insta', name: 'Acme Insta' })
const MASTODON = channel({ identifier: 'mastodon', profile: 'acme@mastodon.social', name: 'Acme Mastodon (old)', disabled: true })
const LI = channel({ identifier: 'linkedin-page', profile: 'acme-inc', name: 'Acme Inc.', customer: { id: 'cust_acme', name: 'Acme' } })
const ORG = [X, X_BETA, INSTA, MASTODON, LI]
const { postiz, track, answering } = loopbackServers(ORG)

const at = (days: number): string => new Date(Date.now() + days * DAY).toISOString()
const POSTS = [post(INSTA, 'ERROR', -1), post(INSTA, 'ERROR', -2), post(MASTODON, 'QUEUE', 1)]
const NOTIFICATIONS: StandInNotification[] = [
  {
    id: 'n-insta',
    content: "We couldn't post to instagram for Acme Insta because you need to reconnect it. Please enable it and try again.",
    link: null,
    createdAt: at(-3)
  },
  { id: 'n-x', content: 'Could not refresh your x channel invalid_grant. Please go back to the system and connect it again', createdAt: at(-1) }
]
const RUN_ENV = { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'acme/site', GITHUB_RUN_ID: '77' }

async function action(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const server = await postiz({ posts: POSTS, notifications: NOTIFICATIONS })
  const run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': server.baseUrl, ...inputs }, env: { ...RUN_ENV, ...env } })
  expectClean(run)
  return run
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun & { out: string }> {
  const server = await postiz({ posts: POSTS, notifications: NOTIFICATIONS })
  const run = await runCli(args, { POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: server.baseUrl, ...env })
  expect(run.stdout + run.stderr).not.toContain(API_KEY)
  return { ...run, out: run.stdout + run.stderr }
}

/** The lines of the job summary's first table. */
function firstTable(summary: string): string[] {
  const lines = summary.split('\n')
  const start = lines.findIndex(l => l.startsWith('|'))
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'))
  return lines.slice(start, end)
}

describe('1. counts count entries', () => {
  it('an entry that is both failing and reconnect counts once, and the verb agrees (CLI)', async () => {
    const run = await cli(['-i', 'instagram:acme.insta', '--failed-posts-days', '7', '--reconnect-days', '7'])
    expect(run.out).toContain('1 of 1 Postiz integration needs attention (1 failing, 1 reconnect)')
    expect(run.out).not.toMatch(/2 of 1/)
  })

  it('… in the summary, the message, the failure message and the tracking issue, with the entry named once', async () => {
    const github = track(await startGitHubStandIn('acme', 'site'))
    const run = await action(
      {
        integrations: 'insta=instagram:acme.insta\nx=x:acme',
        'failed-posts-days': '7',
        'reconnect-days': '7',
        'fail-on': 'missing,disabled,failing,reconnect',
        issue: 'true'
      },
      { GITHUB_API_URL: github.url, GITHUB_WORKFLOW: 'Nightly', GITHUB_JOB: 'check' }
    )
    const headline = 'Fail: 1 of 2 Postiz integrations needs attention (1 failing, 1 reconnect)'
    expect(run.summary.split('\n')[0]).toBe(`## ❌ ${headline}`)
    expect(run.outputs.message.split('\n')[0]).toBe(`❌ ${headline}`)
    expect(run.stdout).toContain(`::error::${headline}: insta.\n`)
    expect(github.issues[0].body).toContain(`\n## ❌ ${headline}\n`)
    // The report still counts findings per kind, as its schema says.
    expect(run.report?.counts).toMatchObject({ failing: 1, reconnect: 1 })
  })

  it('two entries need attention', async () => {
    const run = await cli(['-i', 'gone1,gone2,x:acme'])
    expect(run.out).toContain('Fail: 2 of 3 Postiz integrations need attention (2 missing)')
  })
})

describe('2. no "Fail" over a green step', () => {
  it.each([
    [
      'fail-on: none',
      { integrations: 'x:acme, mastodon:*, gone', 'fail-on': 'none' },
      'Warnings: 2 of 3 Postiz integrations need attention (1 missing, 1 disabled); reported only, since the fail-on input is "none"'
    ],
    [
      'a kind left out of fail-on',
      { integrations: 'x:acme, instagram:acme.insta', 'failed-posts-days': '7' },
      'Warnings: 1 of 2 Postiz integrations needs attention (1 failing); reported only, since the fail-on input is "missing,disabled"'
    ]
  ])('%s: status=fail, and the summary, message, log, annotations and tracking issue say warnings, reported only', async (_name, inputs, headline) => {
    const github = track(await startGitHubStandIn('acme', 'site'))
    const run = await action({ ...inputs, issue: 'true' }, { GITHUB_API_URL: github.url, GITHUB_WORKFLOW: 'Nightly', GITHUB_JOB: 'check' })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('fail') // the contract
    expect(run.summary.split('\n')[0]).toBe(`## ⚠️ ${headline}`)
    expect(run.outputs.message.split('\n')[0]).toBe(`⚠️ ${headline}`)
    expect(run.stdout).toContain(`\n! ${headline}\n`)
    expect(run.stdout).not.toMatch(/^::error/m)
    expect(run.stdout).toMatch(/^::warning title=Postiz integration (missing|failing)/m)
    const issue = github.issues[0]
    expect(issue.body).toContain(`\n## ⚠️ ${headline}\n`)
    for (const text of [run.summary, run.outputs.message, run.stdout, issue.title, issue.body]) expect(text).not.toMatch(/\bFail\b/)
  })

  it('the CLI says warnings with "!" and exits 0', async () => {
    const run = await cli(['-i', 'x:acme,mastodon:*', '--fail-on', 'missing'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^! disabled {2}mastodon:\*/m)
    expect(run.stdout).toMatch(/^! Warnings: 1 of 2 Postiz integrations needs attention \(1 disabled\); reported only, since --fail-on is "missing"$/m)
    expect(run.out).not.toMatch(/\bFail\b/)
  })
})

/** What an action input, a secret or the runner look like in a sentence: never in the CLI. */
const ACTION_WORDS =
  /\$\{\{|actions\/checkout|the runner|\brunners?\b|secret|\binputs?\b|\bset (customer|timeout|retries|integrations)\b|(?<![-\w])(api-key|api-url|fail-on|failed-posts-days|upcoming-posts-days|reconnect-days|allow-insecure-http|job-summary)(?![\w-])/i

interface Setup {
  args: string[]
  env: Record<string, string>
}

describe('4. each front end in its own words', () => {
  const hanging = async (): Promise<string> => {
    const server = await postiz({ fault: () => new Promise<boolean>(() => undefined) })
    return server.baseUrl
  }
  const cases: [string, () => Setup | Promise<Setup>][] = [
    ['no key', () => ({ args: ['-i', 'x:acme'], env: { POSTIZ_API_KEY: '' } })],
    ['a key with a line break', () => ({ args: ['-i', 'x:acme'], env: { POSTIZ_API_KEY: 'abc\ndef' } })],
    ['a Bearer prefix', () => ({ args: ['-i', 'x:acme'], env: { POSTIZ_API_KEY: `Bearer ${API_KEY}` } })],
    ['a bad URL', () => ({ args: ['-i', 'x:acme'], env: { POSTIZ_API_URL: 'postiz' } })],
    ['plain http to a remote host', () => ({ args: ['-i', 'x:acme'], env: { POSTIZ_API_URL: 'http://postiz.example.com' } })],
    ['bad flags', () => ({ args: ['-i', 'x:acme', '--fail-on', 'reconnect', '--timeout', 'soon', '--retries', '99'], env: {} })],
    ['fail-on failing without its days', () => ({ args: ['-i', 'x:acme', '--fail-on', 'failing'], env: {} })],
    ['a wrong key', () => ({ args: ['-i', 'x:acme'], env: { POSTIZ_API_KEY: 'wrong-key-0123456789' } })],
    ['an unreachable server', () => ({ args: ['-i', 'x:acme', '--retries', '0'], env: { POSTIZ_API_URL: 'http://127.0.0.1:9' } })],
    ['a server that never answers', async () => ({ args: ['-i', 'x:acme', '--retries', '0', '--timeout', '1'], env: { POSTIZ_API_URL: await hanging() } })],
    ['two channels with one profile', () => ({ args: ['-i', 'x:acme'], env: {} })],
    ['a customer without channels', () => ({ args: ['-i', 'x:acme', '--customer', 'Initech'], env: {} })],
    ['a missing integrations file', () => ({ args: ['--integrations-file', 'nope.json'], env: {} })]
  ]

  it.each(cases)('%s: the CLI names flags, variables and this machine, in text and in --json', async (_name, setup) => {
    const { args, env } = await setup()
    const twin = _name.startsWith('two channels') ? [channel({ identifier: 'x', profile: 'acme', name: 'Acme twin' })] : []
    const server = await postiz({ integrations: [...ORG, ...twin] })
    const base = { POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: server.baseUrl, ...env }
    const text = await runCli(args, base)
    const json = await runCli([...args, '--json'], base)
    expect(text.stdout.trim()).not.toBe('')
    expect((text.stdout + text.stderr).match(ACTION_WORDS)?.[0]).toBeUndefined()
    // In --json, every text a person reads: the report's keys, and an entry's source (input or file), are its schema, not words.
    const values = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : value !== null && typeof value === 'object'
          ? Object.entries(value).flatMap(([key, v]) => (key === 'source' ? [] : values(v)))
          : []
    const said = json.stdout === '' ? [json.stderr] : [...values(JSON.parse(json.stdout)), json.stderr]
    expect(said.join('\n').match(ACTION_WORDS)?.[0]).toBeUndefined()
  })

  it('the CLI says what to set, the way a terminal user sets it', async () => {
    let run = await cli(['-i', 'x:acme'], { POSTIZ_API_KEY: '' })
    expect(run.out).toContain('POSTIZ_API_KEY: not set. Export your Postiz API key')
    run = await cli(['-i', 'x:acme'], { POSTIZ_API_URL: 'http://postiz.example.com' })
    expect(run.out).toContain('POSTIZ_API_URL: "http://postiz.example.com" uses plain http://')
    expect(run.out).toContain('or pass --allow-insecure-http if the network path is trusted')
    run = await cli(['-i', 'x:acme', '--fail-on', 'reconnect'])
    expect(run.out).toContain('--fail-on: "reconnect" needs --reconnect-days above 0')
    run = await cli(['-i', 'x:acme', '--retries', '0', '--timeout', '1'], { POSTIZ_API_URL: await hanging() })
    expect(run.out).toContain('is reachable from this machine; raise --timeout if the server is slow')
    run = await cli(['-i', 'x:acme'], { POSTIZ_API_KEY: 'wrong-key-0123456789' })
    expect(run.out).toContain('Update POSTIZ_API_KEY. The key comes from POSTIZ_API_KEY;')
  })

  it('starts a sentence that opens with a setting with a capital, in both voices', async () => {
    const webApp = await answering(res => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<!DOCTYPE html><html><body>Postiz</body></html>')
    })
    const run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': webApp.baseUrl, integrations: 'x:acme' } })
    expect(run.stdout).toContain('not the Postiz API. The api-url input must be the Postiz backend, not the web app')
    const fromCli = await runCli(['-i', 'x:acme'], { POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: webApp.baseUrl })
    expect(fromCli.stdout).toContain('Fix: POSTIZ_API_URL must be the Postiz backend, not the web app')
    expect(run.outputs.message).toContain('Fix: The api-url input must be the Postiz backend')
    expect(run.stdout + fromCli.stdout).not.toMatch(/[.!?] (the|this) /)
  })

  it('the action says the same in its own words: the inputs, the secret, the runner', async () => {
    let run = await action({ integrations: 'x:acme', 'api-key': '' })
    expect(run.stdout).toContain('api-key: empty. Pass your Postiz API key from a secret (api-key: ${{ secrets.POSTIZ_API_KEY }})')
    run = await action({ integrations: 'x:acme', 'api-url': 'http://postiz.example.com' })
    expect(run.stdout).toContain('or set allow-insecure-http: true if the network path is trusted')
    run = await action({ integrations: 'x:acme', 'fail-on': 'reconnect' })
    expect(run.stdout).toContain('fail-on: "reconnect" needs the reconnect-days input above 0')
    run = await action({ integrations: 'x:acme', retries: '0', timeout: '1', 'api-url': await hanging() })
    expect(run.stdout).toContain('is reachable from the runner; raise the timeout input if the server is slow')
    run = await action({ integrations: 'x:acme', 'api-key': 'wrong-key-0123456789' })
    expect(run.stdout).toContain('Update the secret. The key comes from the api-key input (usually ${{ secrets.POSTIZ_API_KEY }})')
    expect(JSON.stringify(run.report?.error)).toContain('the api-key input')
  })
})

describe('5. a summary that reads in ten seconds', () => {
  const ENTRIES = 'blog=cm4e9rq8z0001w8w1old0id00\ntwitter:acme\nmastodon=mastodon:*\nx:nobody\nx:ghost\nx=x:acme\ninsta=instagram:acme.insta'
  const INPUTS = { integrations: ENTRIES, 'failed-posts-days': '7', 'reconnect-days': '7', 'upcoming-posts-days': '7' }

  it('leads with one problems table: entry, channel, problem, and a fix that fits the cause', async () => {
    const run = await action(INPUTS)
    const lines = run.summary.split('\n')
    expect(lines[2]).toBe('Checked against 5 integrations.') // the server's count only when it differs
    const table = firstTable(run.summary)
    expect(table.slice(0, 2)).toEqual(['| Entry | Channel | Problem | Fix |', '|---|---|---|---|'])
    expect(table).toHaveLength(2 + 6) // every entry with a problem, once
    const row = (entry: string): string => table.find(l => l.startsWith(`| <code>${entry}</code> |`)) ?? `no row for ${entry}`
    // The wrong platform, not the wrong profile: what to write, in the fix cell.
    expect(row('twitter\\:acme')).toBe(
      '| <code>twitter\\:acme</code> | — | ❌\u00a0missing: Postiz calls this platform &quot;x&quot;, not &quot;twitter&quot;. | Write <code>x\\:acme</code>. |'
    )
    // The problem does not repeat the entry; the channel sits in its own cell.
    expect(row('mastodon=mastodon\\:\\*')).toMatch(
      /^\| <code>mastodon=mastodon\\:\\\*<\/code> \| Acme Mastodon \\\(old\\\)<br>.* \| ⛔\u00a0disabled\. 1 queued post in the next 7 days will not go out .* \| Enable it in Postiz\. \|$/
    )
    // A platform's handles, shared by two rows, said once under the table.
    expect(row('x\\:nobody')).toMatch(/\| Integrations on x: see below\. Correct the profile, or connect the channel in Postiz\. \|$/)
    expect(row('x\\:ghost')).toMatch(/\| Integrations on x: see below\. /)
    expect(run.summary.match(/^\*\*Integrations on x:\*\* <code>x\\:acme<\/code>, <code>x\\:acme-beta<\/code>$/gm)).toHaveLength(1)
    // Two findings of one entry: each piece of advice once.
    expect(row('insta=instagram\\:acme.insta')).toMatch(
      /⚠️\u00a0failing: 2 failed posts .*<br>🔌\u00a0reconnect: Postiz asked on .* \| Reconnect it in Postiz\. Retry the failed posts\. \|$/
    )
    expect(run.summary).not.toContain('see the integrations this run listed')
  })

  it('gives the table of every entry a heading, folds it under the problems, and leaves it out when it would only repeat them', async () => {
    let run = await action(INPUTS)
    expect(run.summary).toContain('<details><summary>All 7 entries</summary>')
    // An entry failing and needing a reconnect shows the kind that ranks first.
    expect(run.summary).toMatch(/^\| <code>insta=instagram\\:acme.insta<\/code> \| .* \| 🔌\u00a0reconnect \| ⚠️ 2, latest .* \| 0 \|$/m)
    run = await action({ integrations: 'x:acme, linkedin-page:acme-inc' })
    expect(run.summary).toMatch(/^### All 2 entries\n\n\| Entry \| Channel \| Customer \| State \|$/m)
    run = await action({ integrations: 'gone, mastodon:*' })
    expect(run.summary).not.toContain('| Entry | Channel | State |')
    expect(run.summary).not.toContain('All 2 entries')
  })

  it('says what the server returned only when a customer left some out', async () => {
    const run = await action({ integrations: 'linkedin-page:acme-inc', customer: 'Acme' })
    expect(run.summary).toContain('Checked against 1 integration of customer Acme (the server returned 5).')
  })

  it('keeps selectors whole in the Entry column: no break after `x:`', async () => {
    const run = await action({ integrations: 'x:acme, x:nobody' })
    expect(run.summary).toContain('<code>x\\:acme</code>')
    expect(run.summary).toContain('<code>x\\:nobody</code>')
    expect(run.summary).not.toMatch(/<code>x\\:<wbr>/)
  })
})

describe('6. a message worth forwarding', () => {
  it('keeps the hint, names the channel, groups one fix once, and contains all it refers to', async () => {
    const run = await action({ integrations: 'mastodon=mastodon:*\ntwitter:acme\nx:nobody\nx:ghost\nx=x:acme' })
    const message = run.outputs.message
    expect(message.length).toBeLessThan(2000)
    expect(message.split('\n')).toEqual([
      '❌ Fail: 4 of 5 Postiz integrations need attention (3 missing, 1 disabled)',
      'Missing:',
      '- `twitter:acme`: Postiz calls this platform "x", not "twitter"; write `x:acme`',
      'Missing — Correct the profile, or connect the channel in Postiz. Integrations on x: `x:acme`, `x:acme-beta`.',
      '- `x:nobody`: no x integration has this profile',
      '- `x:ghost`: no x integration has this profile',
      'Disabled — Enable it in Postiz.',
      '- `mastodon` (Acme Mastodon (old))',
      'Run: https://github.example/acme/site/actions/runs/77'
    ])
  })
})

/** Runs the CLI on a pseudo-terminal of `columns` columns (util-linux `script`); returns what the terminal got. */
function onTerminal(args: string[], env: Record<string, string>, columns: number): Promise<string> {
  const quoted = [process.execPath, CLI, ...args].map(a => `'${a.replace(/'/g, "'\\''")}'`).join(' ')
  const child = spawn('script', ['-qfec', `stty cols ${columns} rows 50; ${quoted}`, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
  return new Promise(resolve => child.on('close', () => resolve(out)))
}

/** The lines a terminal shows: colours and line-clearing left out, carriage returns as line starts. */
const screenLines = (out: string): string[] =>
  out
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')
    .split(/\r?\n/)
    .map(line => line.split('\r').at(-1) ?? '')

describe('7. a CLI for an 80-column terminal', () => {
  const ARGS = [
    '-i',
    'blog=cm4e9rq8z0001w8w1old0id00,twitter:acme,mastodon=mastodon:*,x:nobody,x=x:acme,insta=instagram:acme.insta',
    '--failed-posts-days',
    '7',
    '--reconnect-days',
    '7'
  ]

  it('prints a block per entry when the table does not fit, and no line wider than the terminal', async () => {
    const server = await postiz({ posts: POSTS, notifications: NOTIFICATIONS })
    const out = await onTerminal(ARGS, { POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: server.baseUrl }, 80)
    const lines = screenLines(out)
    expect(lines.filter(l => stringWidth(l) > 80)).toEqual([])
    expect(lines).toContain('✓ enabled  x=x:acme')
    expect(lines.some(l => /^ {4}Acme on X · x · acme · /.test(l))).toBe(true)
    expect(lines.some(l => l.startsWith('STATE'))).toBe(false)
    // At 160 columns the table fits.
    const wide = screenLines(await onTerminal(ARGS, { POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: server.baseUrl }, 160))
    expect(wide.some(l => /^STATE\s+ENTRY\s+CHANNEL\s+PLATFORM\s+PROFILE\s+FAILED\s+ID$/.test(l))).toBe(true)
    expect(wide.filter(l => stringWidth(l) > 160)).toEqual([])
  })

  it('honours COLUMNS on a pipe; a listing leads each block with the selector to paste', async () => {
    const run = await cli(ARGS, { COLUMNS: '80' })
    expect(run.stdout.split('\n').filter(l => stringWidth(l) > 80)).toEqual([])
    const listing = await cli([], { COLUMNS: '60' })
    expect(listing.stdout).toMatch(/^enabled {2}x:acme-beta\n {4}x · Acme Beta on X · cm\w+$/m)
  })

  it('notes on a terminal what it waits for, and clears the note; on a pipe and with --json it prints no note', async () => {
    let requests = 0
    const server = await postiz({
      fault: (_req, res) => {
        requests++
        if (requests > 1) return false
        res.writeHead(503, { 'content-type': 'text/plain' })
        res.end('busy')
        return true
      }
    })
    const env = { POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: server.baseUrl }
    const out = await onTerminal(['-i', 'x:acme'], env, 160)
    expect(out).toMatch(new RegExp(`\\rChecking 1 entry at ${server.baseUrl.replace(/[.]/g, '\\.')} — attempt 2 of 4, next in \\d+ s \\(HTTP 503\\)\u001b\\[K`))
    expect(out).toContain('\r\u001b[K') // cleared when the answer came
    requests = 0
    const piped = await runCli(['-i', 'x:acme'], env)
    expect(piped.stderr).toMatch(/^Attempt 1 of 4 failed \(HTTP 503\); retrying in [\d.]+ s\.\n$/)
    requests = 0
    const json = await onTerminal(['-i', 'x:acme', '--json'], env, 80)
    expect(json).not.toContain('Checking 1 entry')
  })

  it("quotes selectors with '*' in the help and in the demo's command, so zsh users can paste them", async () => {
    const help = await runCli(['--help'])
    expect(help.stdout).toContain("-i 'bluesky:*'")
    const demo = await runCli(['--demo'])
    expect(demo.stdout).toMatch(/postiz-integrations-check --integrations 'x=x:acme,linkedin=linkedin-page:acme-inc,bluesky:\*'\n/)
  })
})

describe('8. small words', () => {
  it('no article before a platform identifier', async () => {
    const runs = [await cli(['-i', 'tiktok:*,x:acme', '--reconnect-days', '7']), await action({ integrations: 'tiktok:*, x:acme', 'reconnect-days': '7' })]
    const all = runs.map(r => ('out' in r ? r.out : r.everything)).join('\n')
    expect(all).toContain('Connect the tiktok channel in Postiz')
    expect(all).toContain("Postiz could not refresh one of the organisation's 2 x channels")
    expect(all).not.toMatch(/\ban? (x|tiktok|mastodon|instagram|linkedin[\w-]*) (channel|integration)/)
  })
})
