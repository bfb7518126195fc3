/** Assertions every end-to-end run against a loopback server shares. */
import { expect } from '@jest/globals'
import { API_KEY } from './fixtures.js'
import type { ActionRun } from './run-action.js'

/** A line of a Node stack trace (`    at fn (file:1:2)`). */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m

/** The key appears nowhere (log, outputs, summary, report file) and no stack trace is printed. */
export function expectClean(run: ActionRun): void {
  expect(run.everything).not.toContain(API_KEY)
  expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE)
}

/** A run that could not check: exit 1, status=error, `message` in the failure annotation, no IDs. */
export function expectError(run: ActionRun, message: RegExp): void {
  expect(run.code).toBe(1)
  expect(run.outputs.status).toBe('error')
  expect(run.stdout).toMatch(new RegExp(`^::error::.*${message.source}`, 'm'))
  expect(run.outputs.ids).toBeUndefined()
}
