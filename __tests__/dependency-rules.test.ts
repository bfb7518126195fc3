/**
 * The import rules of src/ (.dependency-cruiser.cjs, run by `npm run lint`): the real tree passes,
 * and small trees that break a rule fail with that rule's name, so the rules can fail.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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
