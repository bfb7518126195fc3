/**
 * The action adapter: reads inputs with @actions/core, wires the stages together
 * (config → client → check → sinks) and publishes outputs, annotations, summary and report file.
 */
import * as core from '@actions/core'
import { planAnnotations } from './annotations.js'
import { runCheck } from './check.js'
import { CheckError } from './check-error.js'
import { cleanApiKey, DEFAULTS, parseConfig, type RawInputs } from './config.js'
import { buildOutputs } from './outputs.js'
import { fetchIntegrations } from './postiz-client.js'
import { buildReport, runStatus, type RunOutcome } from './report.js'
import { writeReportFile } from './report-file.js'
import { logSafe } from './sanitize.js'
import { buildSummary, entryLogLine, headline } from './summary.js'

const INPUT_NAMES = Object.keys(DEFAULTS) as (keyof RawInputs)[]

/** Masks the key as given and as cleaned, before anything else can print it. */
function maskApiKey(): string {
  const raw = core.getInput('api-key', { trimWhitespace: false })
  for (const secret of new Set([raw, raw.trim(), cleanApiKey(raw).key])) {
    if (secret.trim() !== '') core.setSecret(secret)
  }
  return raw
}

async function gather(rawKey: string, outcome: RunOutcome): Promise<void> {
  const raw: Partial<RawInputs> = {}
  for (const name of INPUT_NAMES) raw[name] = name === 'api-key' ? rawKey : core.getInput(name)
  const parsed = parseConfig(raw)
  if (!parsed.ok) {
    outcome.inputErrors = parsed.errors
    return
  }
  const { config } = parsed
  outcome.config = config
  outcome.warnings.push(...parsed.warnings)

  const scope = config.customer !== undefined ? ` for customer "${logSafe(config.customer)}"` : ''
  core.info(`Checking ${config.entries.length} entr${config.entries.length === 1 ? 'y' : 'ies'} against ${config.apiUrl}${scope}`)
  const fetched = await fetchIntegrations({
    apiUrl: config.apiUrl,
    apiKey: config.apiKey,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    onRetry: message => core.info(message)
  })
  outcome.fetch = { url: fetched.url, attempts: fetched.attempts, durationMs: fetched.durationMs }
  core.debug(`Fetched ${fetched.integrations.length} integrations in ${fetched.durationMs} ms (${fetched.attempts} attempt(s))`)
  outcome.check = runCheck(fetched.integrations, config.entries, config.customer)
}

function publishOutputs(outcome: RunOutcome, reportPath: string): void {
  core.setOutput('status', runStatus(outcome))
  if (outcome.check) {
    const { outputs, integrationsIncluded } = buildOutputs(outcome.check)
    for (const [name, value] of Object.entries(outputs)) {
      if (name !== 'status') core.setOutput(name, value)
    }
    const all = outcome.check.considered.length
    if (integrationsIncluded < all) {
      core.info(`The integrations output holds ${integrationsIncluded} of ${all} integrations (GitHub limits outputs); the report file has them all.`)
    }
  }
  core.setOutput('report', reportPath)
}

/** One log line per entry, the annotations, and a one-line verdict; returns the failure message, if any. */
function publishLogAndAnnotations(outcome: RunOutcome): string | undefined {
  for (const result of outcome.check?.results ?? []) core.info(entryLogLine(result))
  const plan = planAnnotations(outcome)
  for (const { level, title, message } of plan.annotations) (level === 'error' ? core.error : core.warning)(message, { title })
  if (outcome.check) core.info(`${runStatus(outcome) === 'pass' ? '✓' : '✗'} ${headline(outcome)}`)
  return plan.failure
}

async function publishSummary(outcome: RunOutcome): Promise<void> {
  const wanted = outcome.config ? outcome.config.jobSummary : core.getInput('job-summary').trim().toLowerCase() !== 'false'
  if (!wanted) return
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.')
    return
  }
  await core.summary.addRaw(buildSummary(outcome)).write()
}

/** Runs the action. Never throws: every failure ends in outputs, annotations and `setFailed`. */
export async function run(): Promise<void> {
  const rawKey = maskApiKey()
  const outcome: RunOutcome = { startedAt: new Date(), finishedAt: new Date(), warnings: [] }
  try {
    await gather(rawKey, outcome)
  } catch (error) {
    if (error instanceof CheckError) {
      outcome.error = { message: error.message, fix: error.fix }
    } else {
      core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error))
      outcome.error = {
        message: `Unexpected error: ${logSafe(error instanceof Error ? error.message : String(error), 500)}.`,
        fix: 'This is a bug in postiz-integrations-check: please report it with the step log (run with ACTIONS_STEP_DEBUG=true for details).'
      }
    }
  }
  outcome.finishedAt = new Date()
  let failure: string | undefined
  try {
    const reportPath = writeReportFile(buildReport(outcome))
    failure = publishLogAndAnnotations(outcome)
    publishOutputs(outcome, reportPath)
    await publishSummary(outcome)
  } catch (error) {
    core.setFailed(`Could not publish the results: ${error instanceof Error ? error.message : String(error)}`)
    return
  }
  if (failure !== undefined) core.setFailed(failure)
}
