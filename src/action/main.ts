/**
 * The action adapter: reads inputs through @actions/core (the runner's contract), wires the stages
 * together (config → client → check → sinks) and publishes outputs, annotations, summary and report file.
 */
import * as core from '@actions/core'
import { planAnnotations } from './annotations.js'
import { cleanApiKey, type RawInputs } from '../core/config.js'
import { checkIntegrations } from '../core/engine.js'
import { checkOf, type RunOutcome } from '../core/outcome.js'
import { decideVerdict, type Verdict } from '../core/verdict.js'
import { TONE_WORDS } from '../core/vocabulary.js'
import { syncTrackingIssue } from '../github/issues-api.js'
import { buildMessage } from './message.js'
import { buildOutputs } from './outputs.js'
import { buildReport } from '../report/report.js'
import { writeReportFile } from '../report/report-file.js'
import { logSafe } from '../shared/sanitize.js'
import { buildSummary, entryLogLine } from './summary.js'
import { ISSUE_INPUTS, parseIssueConfig, planIssueAction, type IssueConfig, type IssueInputs } from '../github/tracking-issue.js'
import { INPUT_DEFAULTS, inputValue, parseBoolean } from '../shared/inputs.js'
import { plural } from '../shared/text.js'
import { say, SETTINGS, type InputError } from '../shared/words.js'
import { ACTION_VOICE } from './voice.js'

/** What only the action has: whether to write a job summary (the CLI prints its report instead). */
interface ActionSettings {
  jobSummary: boolean
}

/** `job-summary`, or its error; an input that is not a boolean leaves the default (a summary), so the errors are shown. */
function readActionSettings(errors: InputError[]): ActionSettings {
  const parsed = parseBoolean(inputValue({ 'job-summary': core.getInput('job-summary') }, 'job-summary'))
  if (!parsed.ok) errors.push({ input: 'job-summary', problem: [parsed.problem] })
  return { jobSummary: parsed.ok ? parsed.value : INPUT_DEFAULTS['job-summary'] === 'true' }
}

/** The run's address, from the runner's environment, when it names one. */
function runUrlFrom(env: Record<string, string | undefined>): string | undefined {
  const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env
  return repo && run ? `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${run}` : undefined
}

/** Masks the key as given and as cleaned, before anything else can print it. */
function maskApiKey(): string {
  const raw = core.getInput('api-key', { trimWhitespace: false })
  for (const secret of new Set([raw, raw.trim(), cleanApiKey(raw).key])) {
    if (secret.trim() !== '') core.setSecret(secret)
  }
  return raw
}

function publishOutputs(outcome: RunOutcome, verdict: Verdict, reportPath: string | undefined, runUrl: string | undefined): void {
  const status = verdict.status
  core.setOutput('status', status)
  // A run that could not finish (status=error) sets no IDs: a later step must not post with them.
  if (outcome.stage === 'checked') {
    const { outputs, integrationsIncluded } = buildOutputs(outcome.check)
    for (const [name, value] of Object.entries(outputs)) {
      if (name !== 'status') core.setOutput(name, value)
    }
    const all = outcome.check.considered.length
    if (integrationsIncluded < all) {
      core.info(`The integrations output holds ${integrationsIncluded} of ${all} integrations (GitHub limits outputs); the report file has them all.`)
    }
  }
  if (reportPath !== undefined) core.setOutput('report', reportPath)
  // Also on status=error: the digest says the check could not run, for a notifier to forward.
  core.setOutput('message', buildMessage(outcome, runUrl, verdict))
}

/** One log line per entry, the annotations, and a one-line verdict; returns the failure message, if any. */
function publishLogAndAnnotations(outcome: RunOutcome, verdict: Verdict): string | undefined {
  const check = checkOf(outcome)
  const lines = (check?.results ?? []).map(entryLogLine)
  if (lines.length > 0) {
    // Folded in the log: one line per entry can be thousands; the verdict line below stays visible.
    core.startGroup(`${plural(lines.length, 'entry', 'entries')} checked`)
    core.info(lines.join('\n')) // one write, however many entries
    core.endGroup()
  }
  const plan = planAnnotations(outcome, verdict)
  for (const { level, title, message } of plan.annotations) (level === 'error' ? core.error : core.warning)(message, { title })
  if (check) core.info(`${TONE_WORDS[verdict.tone].terminal.mark} ${say(verdict.headline, ACTION_VOICE)}`)
  return plan.failure
}

async function publishSummary(outcome: RunOutcome, verdict: Verdict, settings: ActionSettings): Promise<void> {
  if (!settings.jobSummary) return
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written.')
    return
  }
  await core.summary.addRaw(buildSummary(outcome, verdict)).write()
}

/** Keeps the tracking issue (issue: true). A GitHub failure is a warning: the check's result stands. */
async function publishTrackingIssue(outcome: RunOutcome, verdict: Verdict, config: IssueConfig): Promise<void> {
  const status = verdict.status
  if (outcome.stage !== 'checked' || outcome.check.discovery) {
    core.info(`Tracking issue: left as it is (${status === 'error' ? 'the check could not run' : 'no integrations were checked'}).`)
    return
  }
  const context = {
    title: config.title,
    workflow: config.workflow,
    job: config.job,
    runUrl: config.runUrl,
    findings: outcome.check.findings,
    headline: say(verdict.headline, ACTION_VOICE),
    icon: verdict.icon,
    now: outcome.finishedAt
  }
  const result = await syncTrackingIssue(config, open => planIssueAction(status, outcome.check.discovery, open, context), {
    retries: outcome.config.retries,
    timeoutMs: outcome.config.timeoutMs,
    onRetry: note => core.info(`Tracking issue: ${note.line}`)
  })
  core.info(result.note)
  if (result.warning !== undefined) core.warning(result.warning, { title: 'Tracking issue' })
  if (result.number !== undefined) core.setOutput('issue-number', String(result.number))
}

/** Runs the action. Never throws: every failure ends in outputs, annotations, warnings or `setFailed`. */
export async function run(): Promise<void> {
  try {
    await runStages()
  } catch (error) {
    // Only a bug gets here (expected failures are outcomes): fail the step in one line, no stack trace.
    const message = error instanceof Error ? error.message : String(error)
    core.setFailed(`Unexpected error: ${logSafe(message, 500)}. This is a bug in postiz-integrations-check: please report it with the log.`)
  }
}

async function runStages(): Promise<void> {
  const rawKey = maskApiKey()
  const actionErrors: InputError[] = []
  const raw: Partial<RawInputs> = {}
  for (const name of SETTINGS) raw[name] = name === 'api-key' ? rawKey : core.getInput(name)
  const settings = readActionSettings(actionErrors)
  const issueInputs: Partial<IssueInputs> = {}
  for (const name of ISSUE_INPUTS) issueInputs[name] = core.getInput(name)
  if (issueInputs['github-token']) core.setSecret(issueInputs['github-token'])
  const runUrl = runUrlFrom(process.env)
  const issue = parseIssueConfig(issueInputs, process.env, runUrl)
  const outcome = await checkIntegrations(
    raw,
    {
      onStart: config => {
        const scope = config.customer !== undefined ? ` for customer "${logSafe(config.customer)}"` : ''
        core.info(`Checking ${plural(config.entries.length, 'entry', 'entries')} against ${config.apiUrl}${scope}`)
      },
      onRetry: note => core.info(note.line),
      // A path in integrations-file is the workspace's (the repository's checkout), and stays in it.
      files: { root: process.env.GITHUB_WORKSPACE || process.cwd(), confined: true },
      onDebug: message => core.debug(message)
    },
    [...actionErrors, ...issue.errors]
  )
  const verdict = decideVerdict(outcome)
  const failure = publishLogAndAnnotations(outcome, verdict)
  const reportPath = await attempt('write the report file', () =>
    writeReportFile(buildReport(outcome, verdict, ACTION_VOICE, { jobSummary: settings.jobSummary }))
  )
  try {
    publishOutputs(outcome, verdict, reportPath, runUrl)
  } catch (error) {
    // Later steps gate on the outputs: without them the step must not pass.
    core.setFailed(`Could not set the outputs: ${error instanceof Error ? error.message : String(error)}`)
    return
  }
  await attempt('write the job summary', () => publishSummary(outcome, verdict, settings))
  if (issue.config) await publishTrackingIssue(outcome, verdict, issue.config)
  if (failure !== undefined) core.setFailed(failure)
}

/** Runs a sink whose failure must not change the check's result: a failure becomes a warning. */
async function attempt<T>(what: string, sink: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await sink()
  } catch (error) {
    core.warning(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`)
    return undefined
  }
}
