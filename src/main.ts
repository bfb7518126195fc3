/**
 * The action adapter: reads inputs through the runner's workflow commands, wires the stages together
 * (config → client → check → sinks) and publishes outputs, annotations, summary and report file.
 */
import { planAnnotations } from './annotations.js'
import { cleanApiKey, DEFAULTS, type RawInputs } from './config.js'
import { checkIntegrations } from './engine.js'
import { syncTrackingIssue } from './github-issues.js'
import { buildOutputs } from './outputs.js'
import { buildReport, runStatus, type RunOutcome } from './report.js'
import { writeReportFile } from './report-file.js'
import { logSafe } from './sanitize.js'
import { buildSummary, entryLogLine, headline } from './summary.js'
import { ISSUE_DEFAULTS, parseIssueConfig, planIssueAction, type IssueConfig, type IssueInputs } from './tracking-issue.js'
import * as runner from './workflow-commands.js'

const INPUT_NAMES = Object.keys(DEFAULTS) as (keyof RawInputs)[]
const ISSUE_INPUT_NAMES = Object.keys(ISSUE_DEFAULTS) as (keyof IssueInputs)[]

/** Masks the key as given and as cleaned, before anything else can print it. */
function maskApiKey(): string {
  const raw = runner.getInput('api-key', { trimWhitespace: false })
  for (const secret of new Set([raw, raw.trim(), cleanApiKey(raw).key])) {
    if (secret.trim() !== '') runner.setSecret(secret)
  }
  return raw
}

function publishOutputs(outcome: RunOutcome, reportPath: string | undefined): void {
  runner.setOutput('status', runStatus(outcome))
  if (outcome.check) {
    const { outputs, integrationsIncluded } = buildOutputs(outcome.check)
    for (const [name, value] of Object.entries(outputs)) {
      if (name !== 'status') runner.setOutput(name, value)
    }
    const all = outcome.check.considered.length
    if (integrationsIncluded < all) {
      runner.info(`The integrations output holds ${integrationsIncluded} of ${all} integrations (GitHub limits outputs); the report file has them all.`)
    }
  }
  if (reportPath !== undefined) runner.setOutput('report', reportPath)
}

/** One log line per entry, the annotations, and a one-line verdict; returns the failure message, if any. */
function publishLogAndAnnotations(outcome: RunOutcome): string | undefined {
  const lines = (outcome.check?.results ?? []).map(entryLogLine)
  if (lines.length > 0) runner.info(lines.join('\n')) // one write, however many entries
  const plan = planAnnotations(outcome)
  for (const { level, title, message } of plan.annotations) (level === 'error' ? runner.error : runner.warning)(message, { title })
  if (outcome.check) runner.info(`${runStatus(outcome) === 'pass' ? '✓' : '✗'} ${headline(outcome)}`)
  return plan.failure
}

function publishSummary(outcome: RunOutcome): void {
  const wanted = outcome.config ? outcome.config.jobSummary : runner.getInput('job-summary').trim().toLowerCase() !== 'false'
  if (!wanted) return
  if (!process.env.GITHUB_STEP_SUMMARY) {
    runner.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.')
    return
  }
  runner.appendSummary(buildSummary(outcome))
}

/** Keeps the tracking issue (issue: true). A GitHub failure is a warning: the check's result stands. */
async function publishTrackingIssue(outcome: RunOutcome, config: IssueConfig): Promise<void> {
  const status = runStatus(outcome)
  const check = outcome.check
  if (status === 'error' || !check || check.discovery) {
    runner.info(`Tracking issue: left as it is (${status === 'error' ? 'the check could not run' : 'no integrations were checked'}).`)
    return
  }
  const context = { title: config.title, runUrl: config.runUrl, findings: check.findings, headline: headline(outcome), now: outcome.finishedAt }
  const result = await syncTrackingIssue(config, open => planIssueAction(status, check.discovery, open, context))
  runner.info(result.note)
  if (result.warning !== undefined) runner.warning(result.warning, { title: 'Tracking issue' })
  if (result.number !== undefined) runner.setOutput('issue-number', String(result.number))
}

/** Runs the action. Never throws: every failure ends in outputs, annotations, warnings or `setFailed`. */
export async function run(): Promise<void> {
  const rawKey = maskApiKey()
  const raw: Partial<RawInputs> = {}
  for (const name of INPUT_NAMES) raw[name] = name === 'api-key' ? rawKey : runner.getInput(name)
  const issueInputs: Partial<IssueInputs> = {}
  for (const name of ISSUE_INPUT_NAMES) issueInputs[name] = runner.getInput(name)
  if (issueInputs['github-token']) runner.setSecret(issueInputs['github-token'])
  const issue = parseIssueConfig(issueInputs, process.env)
  const outcome = await checkIntegrations(raw, {
    onStart: config => {
      const scope = config.customer !== undefined ? ` for customer "${logSafe(config.customer)}"` : ''
      runner.info(`Checking ${config.entries.length} entr${config.entries.length === 1 ? 'y' : 'ies'} against ${config.apiUrl}${scope}`)
    },
    onRetry: message => runner.info(message),
    onDebug: message => runner.debug(message)
  }, issue.errors)
  const failure = publishLogAndAnnotations(outcome)
  const reportPath = await attempt('write the report file', () => writeReportFile(buildReport(outcome)))
  try {
    publishOutputs(outcome, reportPath)
  } catch (error) {
    // Later steps gate on the outputs: without them the step must not pass.
    runner.setFailed(`Could not set the outputs: ${error instanceof Error ? error.message : String(error)}`)
    return
  }
  await attempt('write the job summary', () => publishSummary(outcome))
  if (issue.config) await publishTrackingIssue(outcome, issue.config)
  if (failure !== undefined) runner.setFailed(failure)
}

/** Runs a sink whose failure must not change the check's result: a failure becomes a warning. */
async function attempt<T>(what: string, sink: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await sink()
  } catch (error) {
    runner.warning(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`)
    return undefined
  }
}
