/** scripts/compare-e2e-records.mjs: what differs between runs is ignored, what the action says is not. */
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './support/run-action.js'

const scratch = mkdtempSync(join(tmpdir(), 'e2e-records-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function recording(name: string, runs: { test: string; data: Record<string, unknown> }[]): string {
  const folder = join(scratch, name)
  mkdirSync(folder)
  writeFileSync(join(folder, '1234.jsonl'), runs.map(({ test, data }) => JSON.stringify({ test, n: 1, kind: 'action', data })).join('\n') + '\n')
  return folder
}

function compare(before: string, after: string): { code: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'compare-e2e-records.mjs'), before, after], { encoding: 'utf8' })
  return { code: run.status, stdout: run.stdout }
}

const run = (port: number, at: string, status: string, ms: number) => ({
  code: 0,
  stdout: `Checking 1 entry against http://127.0.0.1:${port}\n::notice::Attempt 1 of 3 failed (HTTP 503); retrying in ${ms / 1000} s.\n✓ Pass`,
  outputs: `status=${status}\nmessage<<ghadelimiter_${port}-ab12\n✅ Pass\nghadelimiter_${port}-ab12`,
  report: JSON.stringify({ status, startedAt: at, durationMs: ms, server: { url: `http://127.0.0.1:${port}/public/v1/integrations` } }, null, 2),
  summary: `**What happened:** http\\:<wbr>//127.0.0.1\\:<wbr>${port}/public/v1/posts?startDate=${at.replace(/:/g, '%3A')} at /tmp/pic-e2e-${port}/report.json`
})

describe('compare-e2e-records', () => {
  it('the same runs on other ports, at other times and with other jitter are the same', () => {
    const before = recording('a', [{ test: 'e2e/action.test.ts › passes', data: run(40111, '2026-11-30T01:02:31.698Z', 'pass', 1200) }])
    const after = recording('b', [{ test: 'e2e/action.test.ts › passes', data: run(35002, '2026-12-01T23:59:01.001Z', 'pass', 800) }])
    const result = compare(before, after)
    expect(result.stdout).toMatch(/1 runs before, 1 after: 1 the same, 0 differ/)
    expect(result.code).toBe(0)
  })

  it('a different output fails, naming the run and the line', () => {
    const before = recording('c', [{ test: 'e2e/action.test.ts › passes', data: run(40111, '2026-11-30T01:02:31.698Z', 'pass', 1200) }])
    const after = recording('d', [{ test: 'e2e/action.test.ts › passes', data: run(40111, '2026-11-30T01:02:31.698Z', 'fail', 1200) }])
    const result = compare(before, after)
    expect(result.stdout).toMatch(/differs: e2e\/action\.test\.ts › passes #1 \(action\)\n {2}before: status=pass\n {2}after: {2}status=fail/)
    expect(result.code).toBe(1)
  })

  it('a run missing on one side fails', () => {
    const data = run(40111, '2026-11-30T01:02:31.698Z', 'pass', 1200)
    const before = recording('e', [
      { test: 'one', data },
      { test: 'two', data }
    ])
    const result = compare(before, recording('f', [{ test: 'one', data }]))
    expect(result.stdout).toMatch(/^only before: two #1 \(action\)$/m)
    expect(result.code).toBe(1)
  })
})
