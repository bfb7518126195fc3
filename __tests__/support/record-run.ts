/**
 * With E2E_RECORD=<folder>, every child run of the end-to-end tests (action and CLI) is appended to
 * <folder>/<pid>.jsonl with the test that made it: what the process printed and wrote. Two such
 * recordings, before and after a change, are compared by scripts/compare-e2e-records.mjs, which
 * shows whether the built dist/ behaves the same. Off unless the variable is set.
 */
import { expect } from '@jest/globals'
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

const seen = new Map<string, number>()

export function recordRun(kind: 'action' | 'cli', data: Record<string, unknown>): void {
  const folder = process.env.E2E_RECORD
  if (!folder) return
  const { testPath = '', currentTestName = '' } = expect.getState()
  const test = `${testPath.replace(/^.*?__tests__[\\/]/, '')} › ${currentTestName}`
  const n = (seen.get(test) ?? 0) + 1
  seen.set(test, n)
  mkdirSync(folder, { recursive: true })
  appendFileSync(join(folder, `${process.pid}.jsonl`), `${JSON.stringify({ test, n, kind, data })}\n`)
}
