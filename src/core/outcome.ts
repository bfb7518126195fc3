/**
 * Everything a run learnt, returned by the engine (engine.ts) and read by the verdict and every
 * sink. Its `stage` says how far the run got, and only what that stage reached is there: a sink
 * cannot read a check that did not happen. Plain data; what people read is `Words`, which each
 * front end words (shared/words.ts). Never holds the API key.
 */
import type { CheckResult } from './check-result.js'
import type { Config } from './config.js'
import type { Diagnosis, InputError, Words } from '../shared/words.js'

/** The integrations read: where, in how many attempts, how long. */
export interface FetchInfo {
  url: string
  attempts: number
  durationMs: number
}

/** The posts asked for (failed or upcoming posts): the window, and the read, or why it failed. */
export interface PostsInfo {
  startDate: string
  endDate: string
  url?: string
  attempts?: number
  durationMs?: number
  error?: Diagnosis
}

/** The notifications read for the reconnect signal. */
export interface NotificationsInfo {
  since: string
  url: string
  pages: number
  count: number
}

interface Times {
  startedAt: Date
  finishedAt: Date
  /** Warnings about the inputs and the reads (the check's own are in `check.warnings`). */
  warnings: Words[]
}

/** The inputs were rejected, so nothing was checked. After a read (a customer name that is ambiguous), with the config and the read. */
export interface RejectedRun extends Times {
  stage: 'rejected'
  inputErrors: InputError[]
  config?: Config
  fetch?: FetchInfo
}

/** The run could not check (`error` says why), with what it reached before it failed. */
export interface FailedRun extends Times {
  stage: 'failed'
  error: Diagnosis
  config?: Config
  fetch?: FetchInfo
  /** When a signal that fail-on needs could not be read: the check it would have added to. */
  check?: CheckResult
  posts?: PostsInfo
}

/** The check ran: the integrations were read and every entry checked. */
export interface CheckedRun extends Times {
  stage: 'checked'
  config: Config
  fetch: FetchInfo
  check: CheckResult
  /** When failed or upcoming posts were asked for. */
  posts?: PostsInfo
  /** When the notifications were read (reconnect-days). */
  notifications?: NotificationsInfo
}

export type RunOutcome = RejectedRun | FailedRun | CheckedRun

/** The check, when the run got that far: a checked run, or one that failed reading a signal after it. */
export function checkOf(outcome: RunOutcome): CheckResult | undefined {
  return outcome.stage === 'rejected' ? undefined : outcome.check
}
