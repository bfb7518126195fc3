/**
 * The engine shared by the action and the CLI: raw inputs → config → Postiz client → check,
 * gathered into a RunOutcome. Never throws: every failure is recorded in the outcome.
 */
import { runCheck } from './check.js'
import { CheckError } from './check-error.js'
import { parseConfig, type Config, type RawInputs } from './config.js'
import { fetchIntegrations } from './postiz-client.js'
import type { RunOutcome } from './report.js'
import { logSafe } from './sanitize.js'

export interface EngineHooks {
  /** Called once the config is valid, before the request. */
  onStart?: (config: Config) => void
  /** Called with a human line before each retry. */
  onRetry?: (message: string) => void
  /** Called with details worth a debug line (timings, unexpected stacks). */
  onDebug?: (message: string) => void
  env?: Record<string, string | undefined>
}

export const BUG_FIX = 'This is a bug in postiz-integrations-check: please report it with the log (in Actions, run with ACTIONS_STEP_DEBUG=true for details).'

async function gather(raw: Partial<RawInputs>, outcome: RunOutcome, hooks: EngineHooks, otherErrors: string[]): Promise<void> {
  const parsed = parseConfig(raw)
  if (!parsed.ok || otherErrors.length > 0) {
    outcome.inputErrors = [...(parsed.ok ? [] : parsed.errors), ...otherErrors]
    return
  }
  const { config } = parsed
  outcome.config = config
  outcome.warnings.push(...parsed.warnings)
  hooks.onStart?.(config)
  const fetched = await fetchIntegrations({
    apiUrl: config.apiUrl,
    apiKey: config.apiKey,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    onRetry: hooks.onRetry,
    env: hooks.env
  })
  outcome.fetch = { url: fetched.url, attempts: fetched.attempts, durationMs: fetched.durationMs }
  hooks.onDebug?.(`Fetched ${fetched.integrations.length} integrations in ${fetched.durationMs} ms (${fetched.attempts} attempt(s))`)
  outcome.check = runCheck(fetched.integrations, config.entries, config.customer)
}

/**
 * Checks the integrations described by `raw` and returns everything the run learnt.
 * `otherErrors` are the adapter's own input errors: reported with the others, and no request is sent.
 */
export async function checkIntegrations(raw: Partial<RawInputs>, hooks: EngineHooks = {}, otherErrors: string[] = []): Promise<RunOutcome> {
  const outcome: RunOutcome = { startedAt: new Date(), finishedAt: new Date(), warnings: [] }
  try {
    await gather(raw, outcome, hooks, otherErrors)
  } catch (error) {
    if (error instanceof CheckError) {
      outcome.error = { message: error.message, fix: error.fix }
    } else {
      hooks.onDebug?.(error instanceof Error ? (error.stack ?? error.message) : String(error))
      outcome.error = { message: `Unexpected error: ${logSafe(error instanceof Error ? error.message : String(error), 500)}.`, fix: BUG_FIX }
    }
  }
  outcome.finishedAt = new Date()
  return outcome
}
