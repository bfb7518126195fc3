/**
 * Everything a run learnt, gathered by the engine (engine.ts) and read by the verdict and every sink.
 * Plain data; what people read is `Words`, which each front end words (shared/words.ts). Never holds the API key.
 */
import type { CheckResult } from './check-result.js'
import type { Config } from './config.js'
import type { Diagnosis, InputError, Words } from '../shared/words.js'

export interface RunOutcome {
  startedAt: Date
  finishedAt: Date
  /** Set when inputs were valid. */
  config?: Config
  /** Set when the integrations were fetched. */
  fetch?: { url: string; attempts: number; durationMs: number }
  /** Set when the check ran. */
  check?: CheckResult
  /** Set when failed or upcoming posts were asked for. */
  posts?: { startDate: string; endDate: string; url?: string; attempts?: number; durationMs?: number; error?: Diagnosis }
  /** Set when the notifications were read (reconnect-days). */
  notifications?: { since: string; url: string; pages: number; count: number }
  /** Set when the run could not check. */
  error?: Diagnosis
  inputErrors?: InputError[]
  warnings: Words[]
}
