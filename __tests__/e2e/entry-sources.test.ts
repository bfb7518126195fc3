/**
 * Entries where teams keep them, end to end through dist/: the `integrations` input as JSON (an
 * object of alias → selector, as a repository variable holds it, or a list of entries), and
 * `integrations-file`, a real file in a temporary workspace (.json with a pointer, .yml/.yaml, or
 * lines), merged with the input; the CLI's --integrations-file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { API_KEY, channel } from '../support/fixtures.js'
import { expectClean } from '../support/expect-run.js'
import { loopbackServers } from '../support/loopback-servers.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import { CLI } from '../support/run-cli.js'
import { spawn } from 'node:child_process'

const X = channel({ identifier: 'x', profile: 'acme', name: 'Acme on X' })
const LI = channel({ identifier: 'linkedin-page', profile: 'acme-inc', name: 'Acme Inc.' })
const SKY = channel({ identifier: 'bluesky', profile: 'acme.bsky.social', name: 'Acme Bluesky' })
const { postiz } = loopbackServers([X, LI, SKY])

let workspace: string
let outside: string
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'pic-workspace-'))
  outside = mkdtempSync(join(tmpdir(), 'pic-outside-'))
  mkdirSync(join(workspace, 'scripts', 'social'), { recursive: true })
  // A posting script's config, with the channels under a key of their own.
  writeFileSync(join(workspace, 'scripts', 'social', 'config.json'), JSON.stringify({ postiz: { channels: { linkedin: LI.id, x: 'x:acme' } }, other: 1 }))
  writeFileSync(join(workspace, 'channels.yml'), '# the channels we post to\nblog: linkedin-page:acme-inc\nsky: "bluesky:*"\n')
  writeFileSync(join(workspace, 'list.yaml'), '- x:acme\n- blog=linkedin-page:acme-inc\n')
  writeFileSync(join(workspace, 'channels.txt'), 'x:acme  # our main account\n\nsky=bluesky:*\n')
  writeFileSync(join(workspace, 'big.txt'), `x:acme\n${'#'.repeat(1024 * 1024)}\n`)
  writeFileSync(join(workspace, 'broken.json'), '{"x": "x:acme",}')
  writeFileSync(join(workspace, 'broken.yml'), 'x: [unclosed\n')
  writeFileSync(join(workspace, 'nested.yml'), 'x:\n  profile: acme\n')
  writeFileSync(join(outside, 'secret.json'), '{"x": "x:kept-outside"}')
  symlinkSync(join(outside, 'secret.json'), join(workspace, 'link.json'))
})
afterAll(() => {
  rmSync(workspace, { recursive: true, force: true })
  rmSync(outside, { recursive: true, force: true })
})

async function check(inputs: Record<string, string>): Promise<ActionRun> {
  const server = await postiz()
  const run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': server.baseUrl, ...inputs }, env: { GITHUB_WORKSPACE: workspace } })
  expectClean(run)
  return run
}

const ids = (run: ActionRun): unknown => JSON.parse(run.outputs.ids)
const inputErrors = (run: ActionRun): string[] =>
  run.stdout
    .split('\n')
    .filter(l => l.startsWith('::error title=Invalid input::'))
    .map(l => l.replace('::error title=Invalid input::', ''))

describe('integrations as JSON', () => {
  it('an object of alias → selector, as ${{ vars.POSTIZ_INTEGRATIONS }} holds it: the ids output has the same keys', async () => {
    const variable = JSON.stringify({ linkedin: LI.id, x: 'x:acme', sky: 'bluesky:*' }, null, 2) // a variable may span lines
    const run = await check({ integrations: variable })
    expect(run.outputs.status).toBe('pass')
    expect(ids(run)).toEqual({ linkedin: LI.id, x: X.id, sky: [SKY.id] })
    expect(Object.keys(ids(run) as object)).toEqual(['linkedin', 'x', 'sky'])
    expect(run.report?.inputs.integrations).toEqual([
      { key: 'linkedin', text: `linkedin=${LI.id}`, alias: 'linkedin', selector: { kind: 'id', id: LI.id }, source: 'input' },
      { key: 'x', text: 'x=x:acme', alias: 'x', selector: { kind: 'profile', platform: 'x', profile: 'acme' }, source: 'input' },
      { key: 'sky', text: 'sky=bluesky:*', alias: 'sky', selector: { kind: 'platform', platform: 'bluesky' }, source: 'input' }
    ])
  })

  it('a list of entries in the line grammar', async () => {
    const run = await check({ integrations: '["x:acme", "blog=linkedin-page:acme-inc"]' })
    expect(ids(run)).toEqual({ 'x:acme': X.id, blog: LI.id })
  })

  it('the line grammar keeps working, a line that starts with { included', async () => {
    const run = await check({ integrations: 'x:acme\n{not-json}' })
    expect(JSON.parse(run.outputs.missing)).toEqual(['{not-json}'])
  })

  it.each([
    ['JSON that does not parse', '{"x": "x:acme",}', /^integrations: looks like JSON but does not parse \(.*\); write an object of alias → selector/],
    ['a key that is not an alias', '{"my channel": "x:acme"}', /^integrations: key "my channel" is not an alias: start it with a letter/],
    ['a value that is not a string', '{"x": 12}', /^integrations: key "x": the value is a number; it must be a selector such as "x:acme"/],
    ['a nested object', '{"x": {"profile": "acme"}}', /^integrations: key "x": the value is an object; it must be a selector/],
    ['an item that is not a string', '["x:acme", 3]', /^integrations: item 2 is a number; each item is an entry such as "x:acme"/],
    ['an empty object', '{}', /^integrations: the object holds no entries; add some, or leave it out/],
    ['a bad selector in a value', '{"x": "Bad Platform:acme"}', /^integrations: entry "x=Bad Platform:acme": "bad platform" is not a platform identifier/]
  ])('%s is an input error naming the key or the position and the fix', async (_what, integrations, message) => {
    const run = await check({ integrations })
    expect(run.outputs.status).toBe('error')
    expect(inputErrors(run)).toEqual([expect.stringMatching(message)])
  })
})

describe('integrations-file', () => {
  it('a .json file with a JSON pointer to the part that holds the entries', async () => {
    const run = await check({ 'integrations-file': 'scripts/social/config.json#/postiz/channels' })
    expect(run.outputs.status).toBe('pass')
    expect(ids(run)).toEqual({ linkedin: LI.id, x: X.id })
    expect(run.report?.inputs).toMatchObject({ integrationsFile: 'scripts/social/config.json#/postiz/channels' })
    expect((run.report?.inputs.integrations as { source: string }[]).map(e => e.source)).toEqual(['file', 'file'])
  })

  it('a .yml mapping and a .yaml list', async () => {
    expect(ids(await check({ 'integrations-file': 'channels.yml' }))).toEqual({ blog: LI.id, sky: [SKY.id] })
    expect(ids(await check({ 'integrations-file': 'list.yaml' }))).toEqual({ 'x:acme': X.id, blog: LI.id })
  })

  it('any other file in the line grammar, comments and blank lines included', async () => {
    expect(ids(await check({ 'integrations-file': 'channels.txt' }))).toEqual({ 'x:acme': X.id, sky: [SKY.id] })
  })

  it('merged with the input: the same entry counts once, each source recorded', async () => {
    const run = await check({ integrations: '{"x": "x:acme", "extra": "bluesky:*"}', 'integrations-file': 'scripts/social/config.json#/postiz/channels' })
    expect(ids(run)).toEqual({ x: X.id, extra: [SKY.id], linkedin: LI.id })
    expect((run.report?.inputs.integrations as { key: string; source: string }[]).map(e => `${e.key}:${e.source}`)).toEqual([
      'x:input',
      'extra:input',
      'linkedin:file'
    ])
  })

  it('one name with two different selectors is an input error', async () => {
    const run = await check({ integrations: '{"x": "x:other"}', 'integrations-file': 'scripts/social/config.json#/postiz/channels' })
    expect(inputErrors(run)).toEqual([
      'integrations-file: "scripts/social/config.json#/postiz/channels": entry "x=x:acme" and "x=x:other" in the integrations input are both named "x" but select different channels; give one of them another name'
    ])
  })

  it.each([
    [
      'outside the workspace',
      '../secret.json',
      /^integrations-file: "\.\.\/secret\.json" is outside the workspace \(.*\); give a path inside the repository's checkout/
    ],
    ['a link that leads outside', 'link.json', /^integrations-file: "link\.json" is outside the workspace/],
    [
      'missing',
      'nope.json',
      /^integrations-file: no file at "nope\.json" \(looked for .*nope\.json\); check the path, and that actions\/checkout ran before this step$/
    ],
    ['a directory', 'scripts', /^integrations-file: "scripts" is a directory; name the file/],
    ['over 1 MiB', 'big.txt', /^integrations-file: "big\.txt" is 1,048,584 bytes, more than 1 MiB/],
    [
      'a pointer that names nothing',
      'scripts/social/config.json#/postiz/chanels',
      /the pointer names nothing in the file \(no "chanels" there\); write the path to the entries, e\.g\. scripts\/social\/config\.json#\/postiz\/channels$/
    ],
    [
      'a pointer to the wrong kind of value',
      'scripts/social/config.json#/other',
      /^integrations-file: "scripts\/social\/config\.json#\/other": found a number where an object of alias → selector/
    ],
    ['invalid JSON', 'broken.json', /^integrations-file: "broken\.json" is not valid JSON \(.*\); fix the file/],
    ['invalid YAML', 'broken.yml', /^integrations-file: "broken\.yml" is not valid YAML \(.*\); fix the file/],
    ['a nested mapping', 'nested.yml', /^integrations-file: "nested\.yml": key "x": the value is an object; it must be a selector/]
  ])('%s is an input error naming the path and the fix, and nothing is sent', async (_what, path, message) => {
    const server = await postiz()
    const run = await runAction({
      inputs: { 'api-key': API_KEY, 'api-url': server.baseUrl, 'integrations-file': path },
      env: { GITHUB_WORKSPACE: join(workspace) }
    })
    expect(run.outputs.status).toBe('error')
    expect(inputErrors(run)).toEqual([expect.stringMatching(message)])
    expect(server.requests).toHaveLength(0)
    expect(run.everything).not.toContain('kept-outside') // nothing of the file outside is shown
  })
})

describe('the CLI', () => {
  it('reads --integrations-file from the current directory, and words its errors for a terminal', async () => {
    const server = await postiz()
    const cli = (args: string[]): Promise<{ code: number | null; out: string }> => {
      const child = spawn(process.execPath, [CLI, ...args], {
        cwd: workspace,
        env: { PATH: process.env.PATH ?? '', POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: server.baseUrl }
      })
      let out = ''
      child.stdout.on('data', (c: Buffer) => (out += c.toString()))
      child.stderr.on('data', (c: Buffer) => (out += c.toString()))
      return new Promise(resolve => child.on('close', code => resolve({ code, out })))
    }
    let run = await cli(['--integrations-file', 'channels.yml', '--json'])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.out) as { entries: { key: string }[] }
    expect(report.entries.map(e => e.key)).toEqual(['blog', 'sky'])
    run = await cli(['--integrations-file', 'nope.json'])
    expect(run.code).toBe(2)
    expect(run.out).toMatch(/^ {2}- --integrations-file: no file at "nope\.json" \(looked for .*\); check the path$/m)
  })
})
