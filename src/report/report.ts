/**
 * The run report: everything a run knows, as one JSON-ready object (the `report` output's file).
 * Pure. Never holds the API key.
 */
import { FINDING_KINDS } from '../core/config.js'
import type { RunOutcome } from '../core/outcome.js'
import type { Verdict } from '../core/verdict.js'
import { findingAdvice, findingSentence } from '../core/vocabulary.js'
import { NAME, VERSION } from '../shared/version.js'
import { say, sayInputError, type Diagnosis, type Voice } from '../shared/words.js'

export const REPORT_SCHEMA_VERSION = 1

/**
 * The report of a finished run. Its texts (errors, fixes, warnings) are in `voice`'s words: the
 * action's report file speaks of inputs, the CLI's `--json` of flags and variables.
 */
export function buildReport(outcome: RunOutcome, verdict: Verdict, voice: Voice): Record<string, unknown> {
  const { config, check } = outcome
  const diagnosis = (d: Diagnosis): { message: string; fix: string } => ({ message: say(d.message, voice), fix: say(d.fix, voice) })
  const posts = outcome.posts ? { ...outcome.posts, ...(outcome.posts.error ? { error: diagnosis(outcome.posts.error) } : {}) } : null
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
          jobSummary: config.jobSummary,
          allowInsecureHttp: config.allowInsecureHttp,
          failedPostsDays: config.failedPostsDays,
          upcomingPostsDays: config.upcomingPostsDays,
          reconnectDays: config.reconnectDays
        }
      : null,
    server: outcome.fetch ? { url: outcome.fetch.url, attempts: outcome.fetch.attempts, durationMs: outcome.fetch.durationMs } : null,
    posts,
    notifications: outcome.notifications ?? null,
    recovered: check?.reconnect?.recovered ?? [],
    error: outcome.error ? diagnosis(outcome.error) : null,
    inputErrors: (outcome.inputErrors ?? []).map(e => sayInputError(e, voice)),
    warnings: [...outcome.warnings, ...(check?.warnings ?? [])].map(w => say(w, voice)),
    discovery: check?.discovery ?? false,
    counts: check
      ? {
          integrations: check.total,
          considered: check.considered.length,
          enabled: check.considered.filter(i => !i.disabled).length,
          entries: check.results.length,
          // Findings per kind, in FINDING_KINDS' order: an entry has at most one of each kind, so these count entries too.
          ...Object.fromEntries(FINDING_KINDS.map(kind => [kind, check.findings.filter(f => f.kind === kind).length]))
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
