/** The CLI's pure parts and its main() with in-memory I/O (no child process). */
import { describe, expect, it } from '@jest/globals'
import { cliWording, parseCliArgs } from '../src/cli-args.js'
import { main } from '../src/cli.js'

describe('parseCliArgs', () => {
  it('reads value flags in both forms, repeats --integrations, and switches', () => {
    const result = parseCliArgs(['-i', 'x:a', '--integrations=b=y:c', '--customer', 'Acme', '--fail-on=none', '--timeout', '5', '--retries', '0', '--json', '--allow-insecure-http'])
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
    [['--frobnicate'], /^unknown option --frobnicate\. See --help\.$/]
  ])('%j → %s', (argv, message) => {
    const result = parseCliArgs(argv)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(message)
  })
})

describe('cliWording', () => {
  it('names environment variables and flags instead of action inputs', () => {
    expect(cliWording('api-url: "x" is not a URL')).toBe('POSTIZ_API_URL: "x" is not a URL')
    expect(cliWording('fail-on: "z" is not a finding kind')).toBe('--fail-on: "z" is not a finding kind')
    expect(cliWording('integrations: entry "a b": an integration ID has no spaces')).toMatch(/^--integrations:/)
  })
})

describe('main', () => {
  async function run(argv: string[], env: Record<string, string>, isTty: boolean): Promise<{ code: number; out: string }> {
    let out = ''
    const code = await main(argv, { env, isTty, stdout: t => (out += t), stderr: t => (out += t) })
    return { code, out }
  }

  it('colours a terminal unless NO_COLOR is set', async () => {
    expect((await run(['--demo'], {}, true)).out).toContain('\u001b[32m✓ Pass')
    expect((await run(['--demo'], { NO_COLOR: '1' }, true)).out).not.toContain('\u001b[')
    expect((await run(['--demo'], {}, false)).out).not.toContain('\u001b[')
  })

  it('--demo --json prints only the report', async () => {
    const { code, out } = await run(['--demo', '--json'], {}, false)
    expect(code).toBe(0)
    expect(JSON.parse(out).status).toBe('pass')
  })
})
