/**
 * The import rules of src/ (.dependency-cruiser.cjs, run by `npm run lint`): the real tree passes,
 * and small trees that break a rule fail with that rule's name, so the rules can fail. And
 * docs/architecture.md says what the rules and the folders are.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ROOT } from './support/run-action.js'

const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs')
const CONFIG = join(ROOT, '.dependency-cruiser.cjs')
// Inside the project (build/ is git-ignored), so that npm packages resolve from its node_modules.
mkdirSync(join(ROOT, 'build'), { recursive: true })
const scratch = mkdtempSync(join(ROOT, 'build', 'dependency-rules-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function cruise(cwd: string): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG], { cwd, encoding: 'utf8' })
  return { code: run.status, output: `${run.stdout}${run.stderr}` }
}

/** A tree of TypeScript files (path → source) with the project's tsconfig.json. */
function tree(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name)
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), source)
  }
  copyFileSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'))
  return dir
}

describe('import rules', () => {
  it('src/ follows them', () => {
    const run = cruise(ROOT)
    expect(run.output).toMatch(/no dependency violations found/)
    expect(run.code).toBe(0)
  })

  it('an import cycle fails', () => {
    const run = cruise(
      tree('cycle', {
        'src/core/a.ts': "import { b } from './b.js'\nexport const a = (): number => b() + 1\n",
        'src/core/b.ts': "import { a } from './a.js'\nexport const b = (): number => a.length\n"
      })
    )
    expect(run.output).toMatch(/error no-circular: src\/core\/a\.ts →/)
    expect(run.code).not.toBe(0)
  })

  it('an edge from core to a sink or an adapter fails, even for a type', () => {
    const run = cruise(
      tree('against-the-flow', {
        'src/core/verdict.ts': "import type { Plan } from '../action/annotations.js'\nexport type P = Plan\n",
        'src/action/annotations.ts': 'export type Plan = string\n'
      })
    )
    expect(run.output).toMatch(/error core-imports: src\/core\/verdict\.ts → src\/action\/annotations\.ts/)
    expect(run.code).not.toBe(0)
  })

  it('the runner toolkit outside the action adapter fails (the CLI bundle must not load it)', () => {
    const run = cruise(tree('toolkit-in-cli', { 'src/cli/main.ts': "import * as core from '@actions/core'\nexport const info = core.info\n" }))
    expect(run.output).toMatch(/error actions-core-only-in-action: src\/cli\/main\.ts → .*node_modules\/@actions\/core\//)
    expect(run.code).not.toBe(0)
  })
})

describe('docs/architecture.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8')
  // Its folder table: | `src/<folder>/` | what it is | may import |
  const rows = new Map(
    [...doc.matchAll(/^\| `src\/([a-z]+)\/` \| (.+) \| ([a-z, ]+) \|$/gm)].map(([, folder, what, may]) => [
      folder,
      { what, may: may === 'nothing' ? [] : may.split(', ').sort() }
    ])
  )

  it('has a row for every folder of src/, naming every file in it', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter(d => d.isDirectory())
    expect([...rows.keys()].sort()).toEqual(folders.map(d => d.name).sort())
    for (const folder of folders) {
      const files = readdirSync(join(ROOT, 'src', folder.name), { recursive: true, encoding: 'utf8' }).filter(f => /\.[jt]s$/.test(f))
      for (const file of files) expect(`${folder.name}: ${rows.get(folder.name)?.what.includes(`\`${file}\``) ? 'named' : file}`).toBe(`${folder.name}: named`)
    }
  })

  it('gives each folder the imports .dependency-cruiser.cjs allows', () => {
    const config = createRequire(import.meta.url)(CONFIG) as { forbidden: { name: string; to: { pathNot?: string } }[] }
    const allowed = new Map(
      config.forbidden.flatMap(rule => {
        const folder = /^([a-z]+)-imports$/.exec(rule.name)?.[1]
        const list = /^\^src\/\((.+)\)\/$/.exec(rule.to.pathNot ?? '')?.[1]
        return folder && list
          ? [
              [
                folder,
                list
                  .split('|')
                  .filter(f => f !== folder)
                  .sort()
              ] as const
            ]
          : []
      })
    )
    expect(allowed.size).toBe(rows.size)
    for (const [folder, row] of rows) expect([folder, row.may]).toEqual([folder, allowed.get(folder)])
  })
})
