/**
 * The built CLI (dist/cli/index.js) as a child process, against the loopback Postiz stand-in.
 * CI runs this file on Node 20 (npm test) and again on Node 24.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startPostizStandIn, type StandIn } from '../../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel } from '../support/fixtures.js'
import { CLI, runCli } from '../support/run-cli.js'
import { ROOT, type ReportFile } from '../support/run-action.js'

const X = channel({ identifier: 'x', profile: 'acme', name: 'Acme on X' })
const OFF = channel({ identifier: 'bluesky', profile: 'acme', name: 'Acme Bluesky', disabled: true })

const cli = runCli

let server: StandIn
let env: Record<string, string>
beforeAll(async () => {
  server = await startPostizStandIn({ integrations: [X, OFF], apiKey: API_KEY })
  env = { POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: server.baseUrl }
})
afterAll(() => server.close())

describe('exit codes', () => {
  it('0 when every entry is ready, with a table and a verdict', async () => {
    const run = await cli(['--integrations', 'main=x:acme'], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^STATE\s+ENTRY\s+CHANNEL\s+PLATFORM\s+PROFILE\s+ID$/m)
    expect(run.stdout).toMatch(new RegExp(`^✓ enabled\\s+main=x:acme\\s+Acme on X\\s+x\\s+acme\\s+${X.id}$`, 'm'))
    expect(run.stdout).toMatch(/^✓ Pass: 1 of 1 Postiz integration ready$/m)
    expect(run.stdout).not.toContain('\u001b[') // no colour when not a terminal
  })

  it('1 on a finding in --fail-on, 0 when it is not', async () => {
    let run = await cli(['--integrations', 'x:acme', '-i', 'bluesky:acme,gone'], env)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^✗ disabled\s+bluesky:acme\s+Acme Bluesky/m)
    expect(run.stdout).toMatch(/^✗ missing\s+gone\s+—/m)
    expect(run.stdout).toMatch(/^✗ Fail: 2 of 3 Postiz integrations need attention \(1 missing, 1 disabled\)$/m)
    run = await cli(['--integrations=bluesky:acme', '--fail-on', 'missing'], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^! bluesky:acme — "Acme Bluesky" .*\n {2}disabled\.\n {2}Fix: Enable it in Postiz\.$/m)
  })

  it('2 when the key is wrong, without printing it', async () => {
    const run = await cli(['--integrations', 'x:acme'], { ...env, POSTIZ_API_KEY: 'wrong-key-123456' })
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/Postiz rejected the API key \(HTTP 401: "Invalid API key"\)/)
    expect(run.stdout + run.stderr).not.toContain('wrong-key-123456')
  })

  it('2 when POSTIZ_API_KEY is missing, before any request', async () => {
    const before = server.requests.length
    const run = await cli(['--integrations', 'x:acme'], { POSTIZ_API_URL: server.baseUrl })
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/POSTIZ_API_KEY: not set\. Export your Postiz API key/)
    expect(server.requests.length).toBe(before)
  })

  it('2 when the server cannot be reached', async () => {
    const run = await cli(['--integrations', 'x:acme', '--retries', '0'], { ...env, POSTIZ_API_URL: 'http://127.0.0.1:9' })
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/Could not reach Postiz at http:\/\/127\.0\.0\.1:9\/public\/v1\/integrations: the connection was refused/)
  })

  it('2 on bad flags, with a hint, and the key is refused as a flag', async () => {
    let run = await cli(['--integratons', 'x:acme'], env)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/unknown option --integratons\. Did you mean --integrations\?/)
    run = await cli(['--api-key', 'abc'], env)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--api-key is not accepted: .*POSTIZ_API_KEY/)
    run = await cli(['--timeout', 'soon', '--fail-on', 'broken'], env)
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/--fail-on: "broken" is not a finding kind/)
    expect(run.stdout).toMatch(/--timeout: "soon" must be a number/)
  })
})

describe('output modes', () => {
  it('--json prints only the report, parseable', async () => {
    const run = await cli(['--json', '--integrations', 'x:acme,gone'], env)
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as ReportFile
    expect(report.schemaVersion).toBe(1)
    expect(report.status).toBe('fail')
    expect(report.entries.map((e: { key: string; state: string }) => [e.key, e.state])).toEqual([
      ['x:acme', 'enabled'],
      ['gone', 'missing']
    ])
    expect(run.stdout).not.toContain(API_KEY)
  })

  it('lists the organisation without --integrations', async () => {
    const run = await cli([], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^STATE\s+PLATFORM\s+SELECTOR\s+NAME\s+CUSTOMER\s+ID$/m)
    expect(run.stdout).toMatch(/^disabled\s+bluesky\s+bluesky:acme\s+Acme Bluesky/m)
    expect(run.stdout).toMatch(/Discovery: listed 2 Postiz integrations, checked none\. Pass entries with --integrations/)
  })

  it('--help and --version', async () => {
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: postiz-integrations-check \[options\]/)
    expect(help.stdout).toContain('POSTIZ_API_KEY')
    const version = await cli(['-v'])
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(version.stdout).toBe(`postiz-integrations-check ${pkg.version}\n`)
  })

  it('--demo checks a sample organisation on 127.0.0.1 with no account and exits 0', async () => {
    const run = await cli(['--demo'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Demo: a sample Postiz organisation is served on http:\/\/127\.0\.0\.1:\d+/)
    expect(run.stdout).toMatch(/^✓ Pass: 3 of 3 Postiz integrations ready$/m)
  })
})

describe('bundles', () => {
  it('the CLI bundle has no @actions/core, the action bundle no CLI', () => {
    const cliBundle = readFileSync(CLI, 'utf8')
    const actionBundle = readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8')
    expect(cliBundle.startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(cliBundle).not.toContain('add-mask')
    expect(cliBundle).not.toContain('GITHUB_OUTPUT')
    expect(actionBundle).not.toContain('Usage: postiz-integrations-check')
    expect(actionBundle).not.toContain('demo-key-not-a-secret')
  })

  it('the action bundle speaks to the runner through @actions/core and loads Octokit only for the issue', () => {
    const actionBundle = readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8')
    // @actions/core is the runner's contract (its YAML 1.2 boolean message, its summary class).
    expect(actionBundle).toContain('Input does not meet YAML 1.2 "Core Schema" specification')
    expect(actionBundle).toContain('GITHUB_STEP_SUMMARY')
    // Start-up time is paid on every run (see npm run bench): Octokit belongs in the lazy issue chunk.
    expect(actionBundle).not.toContain('octokit-core.js') // Octokit's user agent
    expect(actionBundle).not.toMatch(/source-map-support|sourceMapSupport/)
    expect(Buffer.byteLength(actionBundle)).toBeLessThan(1600 * 1024)
  })

  it('package.json names the bin', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }
    expect(pkg.bin).toEqual({ 'postiz-integrations-check': 'dist/cli/index.js' })
  })
})
