/**
 * The run report: everything a run knows, as one JSON-ready object (the `report` output's file,
 * and the CLI's `--json`). Pure. Never holds the API key. `Report` is its schema (version 1), as
 * docs/report-file.md describes it.
 */
import type { CheckResult, EntryState, PostCounts } from '../core/check-result.js'
import { FINDING_KINDS, type FindingKind } from '../core/config.js'
import type { EntrySource, Selector } from '../core/entries.js'
import { checkOf, type FetchInfo, type NotificationsInfo, type PostsInfo, type RunOutcome } from '../core/outcome.js'
import type { RunStatus, Verdict } from '../core/verdict.js'
import { findingAdvice, findingSentence } from '../core/vocabulary.js'
import { NAME, VERSION } from '../shared/version.js'
import { say, sayInputError, type Diagnosis, type Voice } from '../shared/words.js'

const REPORT_SCHEMA_VERSION = 1

/** A diagnosis in the caller's words. */
export interface ReportDiagnosis {
  message: string
  fix: string
}

/** The inputs as interpreted; never the key. */
export interface ReportInputs {
  apiUrl: string
  integrations: { key: string; text: string; alias: string | null; selector: Selector; source: EntrySource }[]
  integrationsFile: string | null
  customer: string | null
  failOn: FindingKind[]
  timeoutSeconds: number
  retries: number
  /** The action's `job-summary` input; the CLI writes no job summary, so its report has none. */
  jobSummary?: boolean
  allowInsecureHttp: boolean
  failedPostsDays: number
  upcomingPostsDays: number
  reconnectDays: number
}

export type ReportCounts = { integrations: number; considered: number; enabled: number; entries: number } & Record<FindingKind, number>

export interface ReportEntry {
  key: string
  text: string
  state: EntryState
  integrationId: string | null
  ids: string | string[] | null
  matches: string[]
  posts: PostCounts | null
}

export interface ReportFinding {
  kind: FindingKind
  key: string
  message: string
  fix: string
  action: string
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION
  tool: { name: string; version: string }
  status: RunStatus
  startedAt: string
  finishedAt: string
  durationMs: number
  inputs: ReportInputs | null
  server: FetchInfo | null
  posts: (Omit<PostsInfo, 'error'> & { error?: ReportDiagnosis }) | null
  notifications: NotificationsInfo | null
  recovered: string[]
  error: ReportDiagnosis | null
  inputErrors: string[]
  warnings: string[]
  discovery: boolean
  counts: ReportCounts | null
  entries: ReportEntry[]
  findings: ReportFinding[]
  /** The integrations considered, as the server described them (parsed). */
  integrations: CheckResult['considered']
}

/** What only the adapter knows: the action's `job-summary`. */
export interface AdapterSettings {
  jobSummary?: boolean
}

/** The posts asked for, with the error (when there was one) in the caller's words; the error stays the last field. */
function postsPart(info: PostsInfo, diagnosis: (d: Diagnosis) => ReportDiagnosis): Report['posts'] {
  const { error, ...asked } = info
  return error ? { ...asked, error: diagnosis(error) } : asked
}

/**
 * The report of a finished run. Its texts (errors, fixes, warnings) are in `voice`'s words: the
 * action's report file speaks of inputs, the CLI's `--json` of flags and variables.
 */
export function buildReport(outcome: RunOutcome, verdict: Verdict, voice: Voice, adapter: AdapterSettings = {}): Report {
  const { config } = outcome
  const check = checkOf(outcome)
  const diagnosis = (d: Diagnosis): ReportDiagnosis => ({ message: say(d.message, voice), fix: say(d.fix, voice) })
  const postsInfo = outcome.stage === 'rejected' ? undefined : outcome.posts
  const posts = postsInfo ? postsPart(postsInfo, diagnosis) : null
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: NAME, version: VERSION },
    status: verdict.status,
    startedAt: outcome.startedAt.toISOString(),
    finishedAt: outcome.finishedAt.toISOString(),
    durationMs: outcome.finishedAt.getTime() - outcome.startedAt.getTime(),
    inputs: config
      ? {
          apiUrl: config.apiUrl,
          integrations: config.entries.map(e => ({ key: e.key, text: e.text, alias: e.alias ?? null, selector: e.selector, source: e.source })),
          integrationsFile: config.integrationsFile ?? null,
          customer: config.customer ?? null,
          failOn: [...config.failOn],
          timeoutSeconds: config.timeoutMs / 1000,
          retries: config.retries,
          ...(adapter.jobSummary !== undefined ? { jobSummary: adapter.jobSummary } : {}),
          allowInsecureHttp: config.allowInsecureHttp,
          failedPostsDays: config.failedPostsDays,
          upcomingPostsDays: config.upcomingPostsDays,
          reconnectDays: config.reconnectDays
        }
      : null,
    server: outcome.fetch ? { url: outcome.fetch.url, attempts: outcome.fetch.attempts, durationMs: outcome.fetch.durationMs } : null,
    posts,
    notifications: (outcome.stage === 'checked' ? outcome.notifications : undefined) ?? null,
    recovered: check?.reconnect?.recovered ?? [],
    error: outcome.stage === 'failed' ? diagnosis(outcome.error) : null,
    inputErrors: outcome.stage === 'rejected' ? outcome.inputErrors.map(e => sayInputError(e, voice)) : [],
    warnings: [...outcome.warnings, ...(check?.warnings ?? [])].map(w => say(w, voice)),
    discovery: check?.discovery ?? false,
    counts: check
      ? {
          integrations: check.total,
          considered: check.considered.length,
          enabled: check.considered.filter(i => !i.disabled).length,
          entries: check.results.length,
          // Findings per kind, in FINDING_KINDS' order: an entry has at most one of each kind, so these count entries too.
          ...(Object.fromEntries(FINDING_KINDS.map(kind => [kind, check.findings.filter(f => f.kind === kind).length])) as Record<FindingKind, number>)
        }
      : null,
    entries: (check?.results ?? []).map(r => ({
      key: r.entry.key,
      text: r.entry.text,
      state: r.state,
      integrationId: r.integration?.id ?? null,
      ids: r.idsValue,
      matches: r.matches.map(i => i.id),
      posts: r.posts ?? null
    })),
    findings: (check?.findings ?? []).map(f => ({ kind: f.kind, key: f.key, message: findingSentence(f), fix: f.fix, action: findingAdvice(f) })),
    // parseIntegrations builds each one with exactly these fields, in this order: no copy needed.
    integrations: check?.considered ?? []
  }
}
