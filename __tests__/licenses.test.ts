/**
 * The build's licence gate (scripts/write-licenses.mjs, the last step of scripts/bundle.mjs): a bundled
 * package under a licence outside the allowlist fails the build, naming it.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { licenseAllowed } from '../scripts/write-licenses.mjs'
import { ROOT } from './support/run-action.js'

const SCRIPT = join(ROOT, 'scripts', 'write-licenses.mjs')
const dirs: string[] = []
afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })))

/** A folder with a package-lock.json and node_modules holding the given production packages. */
function project(packages: Record<string, string | undefined>, dev: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'pic-licences-'))
  dirs.push(root)
  const entries: Record<string, unknown> = { '': { name: 'fixture' } }
  for (const [name, license] of [...Object.entries(packages), ...Object.entries(dev)]) {
    const dir = join(root, 'node_modules', name)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.2.3', ...(license !== undefined ? { license } : {}) }))
    entries[`node_modules/${name}`] = { version: '1.2.3', ...(name in dev ? { dev: true } : {}) }
  }
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: entries }))
  return root
}

const run = (root: string) => spawnSync(process.execPath, [SCRIPT, '--root', root], { encoding: 'utf8' })

describe('the licence gate', () => {
  it('is the last step of the bundle, which npm run build and npm test run', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts.build).toMatch(/&& node scripts\/bundle\.mjs$/)
    expect(pkg.scripts.test).toMatch(/&& node scripts\/bundle\.mjs && /)
    const bundle = readFileSync(join(ROOT, 'scripts/bundle.mjs'), 'utf8').trimEnd()
    expect(bundle.split('\n').at(-1)).toBe("process.exit(await run('node', ['scripts/write-licenses.mjs']))")
  })

  it('passes allowed licences and writes dist/licenses.txt', () => {
    const root = project({ a: 'MIT', b: '(MIT OR GPL-3.0)', c: 'BlueOak-1.0.0' }, { tool: 'GPL-3.0' })
    const result = run(root)
    expect(result.status).toBe(0)
    expect(readFileSync(join(root, 'dist', 'licenses.txt'), 'utf8')).toMatch(/^a 1\.2\.3\nMIT\n/m)
  })

  it('fails the build on a bundled package under a licence outside the allowlist, naming it', () => {
    const result = run(project({ a: 'MIT', copyleft: 'GPL-3.0-only', unknown: undefined }))
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/Build refused: 2 bundled package\(s\) have a licence outside the allowlist/)
    expect(result.stderr).toContain('  - copyleft@1.2.3 (GPL-3.0-only)')
    expect(result.stderr).toContain('  - unknown@1.2.3 (no licence given)')
  })

  it.each([
    ['MIT', true],
    ['Apache-2.0 AND MIT', true],
    ['(MIT OR Apache-2.0)', true],
    ['GPL-2.0 OR MIT', true],
    ['MIT AND GPL-2.0', false],
    ['AGPL-3.0', false],
    ['UNLICENSED', false],
    ['SEE LICENSE IN LICENSE.md', false],
    ['(MIT', false],
    ['', false]
  ])('reads %p as %p', (expression, allowed) => {
    expect(licenseAllowed(expression)).toBe(allowed)
  })
})
