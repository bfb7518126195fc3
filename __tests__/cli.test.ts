/** The CLI's pure parts and its main() with in-memory I/O (no child process). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import stringWidth from 'string-width'
import { parseCliArgs } from '../src/cli/args.js'
import { parseConfig } from '../src/core/config.js'
import { CLI_VOICE } from '../src/cli/voice.js'
import { sayInputError } from '../src/shared/words.js'
import { colourWanted, main } from '../src/cli/main.js'
import { startPostizStandIn, type StandIn } from '../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel } from './support/fixtures.js'

describe('parseCliArgs', () => {
  it('reads value flags in both forms, repeats --integrations, and switches', () => {
    const result = parseCliArgs([
      '-i',
      'x:a',
      '--integrations=b=y:c',
      '--customer',
      'Acme',
      '--fail-on=none',
      '--timeout',
      '5',
      '--retries',
      '0',
      '--json',
      '--allow-insecure-http'
    ])
    expect(result).toEqual({
      ok: true,
      options: {
        inputs: { integrations: 'x:a\nb=y:c', customer: 'Acme', 'fail-on': 'none', timeout: '5', retries: '0', 'allow-insecure-http': 'true' },
        json: true,
        help: false,
        version: false,
        demo: false
      }
    })
  })

  it.each([
    [['--integrations'], /--integrations needs a value/],
    [['--integrations', '--json'], /--integrations needs a value/],
    [['x:acme'], /unexpected argument "x:acme": pass entries with --integrations/],
    [['--jsno'], /Did you mean --json\?/],
    [['--token=abc'], /--token is not accepted/],
    [['--api-url', 'https://x'], /set the backend in the environment/],
    [['--json=yes'], /--json takes no value/],
    [['--frobnicate'], /^unknown option --frobnicate\. See --help\.$/],
    [['--timeout='], /^--timeout needs a value\. See --help\.$/],
    [['--customer', ''], /^--customer needs a value/],
    [['-i'], /^--integrations needs a value/],
    [['--retries', '-v'], /^--retries needs a value/],
    [['--api-key', 'abc'], /--api-key is not accepted: a key on the command line lands in shell history/],
    [['--tiemout', '5'], /Did you mean --timeout\?/],
    [['-x'], /^unknown option -x\./],
    [['--', 'x:acme'], /unexpected "--"/]
  ])('%j → %s', (argv, message) => {
    const result = parseCliArgs(argv)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(message)
  })
})

describe('parseCliArgs short forms', () => {
  it('reads -h, -v, -V and -i, alone or grouped', () => {
    const grouped = parseCliArgs(['-hv'])
    expect(grouped.ok && grouped.options.help && grouped.options.version).toBe(true)
    const upper = parseCliArgs(['-V'])
    expect(upper.ok && upper.options.version).toBe(true)
    const short = parseCliArgs(['-i', 'x:a', '-iy:b'])
    expect(short.ok && short.options.inputs.integrations).toBe('x:a\ny:b')
  })

  it('keeps the last value of a repeated value flag and every --integrations', () => {
    const result = parseCliArgs(['--timeout', '5', '--timeout=7', '--integrations', 'a', '--integrations', 'b'])
    expect(result.ok && result.options.inputs).toEqual({ timeout: '7', integrations: 'a\nb' })
  })
})

describe('colourWanted', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ TERM: 'dumb' }, true, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true], // set but empty: no-color.org says it does not count
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true]
  ])('%j on a terminal: %s → %s', (env, isTty, expected) => {
    expect(colourWanted(env, isTty)).toBe(expected)
  })
})

describe('the CLI voice', () => {
  it('names environment variables and flags where the engine names a setting', () => {
    const parsed = parseConfig({ 'api-key': 'k', 'api-url': 'x', 'fail-on': 'z', integrations: 'a b' })
    const errors = parsed.ok ? [] : parsed.errors.map(e => sayInputError(e, CLI_VOICE))
    expect(errors).toEqual([
      'POSTIZ_API_URL: "x" is not a URL; write it like https://api.postiz.com or https://postiz.example.com/api',
      '--integrations: entry "a b": an integration ID has no spaces',
      '--fail-on: "z" is not a finding kind; use any of missing, disabled, failing, reconnect, or none'
    ])
  })
})

describe('main', () => {
  async function run(argv: string[], env: Record<string, string>, isTty: boolean): Promise<{ code: number; out: string }> {
    let out = ''
    const code = await main(argv, { env, isTty, stdout: t => (out += t), stderr: t => (out += t) })
    return { code, out }
  }

  it('colours a terminal unless NO_COLOR is set, and a pipe when FORCE_COLOR is', async () => {
    expect((await run(['--demo'], {}, true)).out).toContain('\u001b[32m✓ Pass')
    expect((await run(['--demo'], { NO_COLOR: '1' }, true)).out).not.toContain('\u001b[')
    expect((await run(['--demo'], { NO_COLOR: '' }, true)).out).toContain('\u001b[32m✓ Pass')
    expect((await run(['--demo'], {}, false)).out).not.toContain('\u001b[')
    expect((await run(['--demo'], { FORCE_COLOR: '1' }, false)).out).toContain('\u001b[32m✓ Pass')
  })

  it('--demo --json prints only the report', async () => {
    const { code, out } = await run(['--demo', '--json'], {}, false)
    expect(code).toBe(0)
    expect((JSON.parse(out) as { status: string }).status).toBe('pass')
  })
})

describe('the table, in display columns', () => {
  let server: StandIn
  const NAMES = ['Acme', '株式会社アクメ公式アカウント', '🚀 Launch 🎉', 'Café Zürich', '東京'.repeat(30)]
  const channels = NAMES.map((name, n) => channel({ identifier: 'x', profile: `p${n}`, name }))
  beforeAll(async () => {
    server = await startPostizStandIn({ integrations: channels, apiKey: API_KEY })
  })
  afterAll(() => server.close())

  async function table(argv: string[]): Promise<string[]> {
    let out = ''
    await main(argv, { env: { POSTIZ_API_URL: server.baseUrl, POSTIZ_API_KEY: API_KEY }, isTty: false, stdout: t => (out += t), stderr: t => (out += t) })
    return out.split('\n').filter(line => channels.some(c => line.endsWith(c.id)))
  }

  it.each([[['--integrations', channels.map((_, n) => `x:p${n}`).join(',')]], [[]]])('lines up the ID column with CJK and emoji names (%j)', async argv => {
    const rows = await table(argv)
    expect(rows).toHaveLength(NAMES.length)
    const idColumns = rows.map(row => stringWidth(row.slice(0, row.lastIndexOf('cm'))))
    expect(new Set(idColumns).size).toBe(1)
    expect(rows.some(row => row.includes('株式会社アクメ公式アカウント'))).toBe(true)
    // A long name is cut to 40 columns at a whole character: 19 double-width characters and "…".
    const long = rows.find(row => row.includes('東京'))
    expect(long).toMatch(/ (東京){9}東… /)
  })
})
