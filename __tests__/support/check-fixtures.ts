/** Parsed integrations, posts and run outcomes for the pure stages' and the sinks' tests (the check, signals, verdict, sinks). */
import { runCheck } from '../../src/core/check.js'
import { parseConfig, type Config, type RawInputs } from '../../src/core/config.js'
import type { CheckedRun, FailedRun, FetchInfo, RejectedRun } from '../../src/core/outcome.js'
import { DAY_MS } from '../../src/core/post-signals.js'
import type { Integration } from '../../src/postiz/integrations.js'
import type { Post } from '../../src/postiz/posts.js'
import type { Diagnosis, InputError } from '../../src/shared/words.js'

/** The tests' "now": posts are placed relative to it. */
export const NOW = Date.parse('2026-11-28T12:00:00Z')

/**
 * The unit tests' one channel, parsed as the client returns it: an enabled x channel whose name and
 * profile are its ID, with `fields` on top (`channel('off', { disabled: true })`).
 */
export const channel = (id: string, fields: Partial<Integration> = {}): Integration => ({
  id,
  name: id,
  identifier: 'x',
  picture: null,
  disabled: false,
  profile: id,
  customer: null,
  ...fields
})

/** A post on a channel, `days` from NOW (negative: in the past). */
export const post = (integrationId: string, state: string, days: number): Post => ({
  id: `${integrationId}-${state}-${days}`,
  publishAt: NOW + days * DAY_MS,
  state,
  repeating: false,
  integrationId
})

/** A config parsed from `inputs` (the key set), as the engine parses the action's inputs; throws on input errors. */
export function configOf(inputs: Partial<RawInputs> = {}): Config {
  const parsed = parseConfig({ 'api-key': 'k', ...inputs })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return parsed.config
}

/** The read of the integrations a checked run reports. */
export const FETCH: FetchInfo = { url: 'https://api.postiz.com/public/v1/integrations', attempts: 1, durationMs: 5 }

/** A run that checked `integrations` against the entries of `inputs`, started and finished at NOW. */
export function checkedRun(integrations: Integration[], inputs: Partial<RawInputs> = {}, extra: Partial<CheckedRun> = {}): CheckedRun {
  const parsed = parseConfig({ 'api-key': 'k', ...inputs })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const { config, warnings } = parsed
  const at = new Date(NOW)
  return { stage: 'checked', startedAt: at, finishedAt: at, config, fetch: FETCH, check: runCheck(integrations, config.entries), warnings, ...extra }
}

/** A run whose inputs were rejected. */
export function rejectedRun(inputErrors: InputError[]): RejectedRun {
  const at = new Date(NOW)
  return { stage: 'rejected', startedAt: at, finishedAt: at, inputErrors, warnings: [] }
}

/** A run that could not check. */
export function failedRun(error: Diagnosis, extra: Partial<FailedRun> = {}): FailedRun {
  const at = new Date(NOW)
  return { stage: 'failed', startedAt: at, finishedAt: at, error, warnings: [], ...extra }
}
