/**
 * The run report: everything a run knows, as one JSON-ready object (the `report` output's file).
 * Pure. Never holds the API key.
 */
import type { RunOutcome } from '../core/outcome.js'
import { decideVerdict, type Verdict } from '../core/verdict.js'
import { NAME, VERSION } from '../shared/version.js'

export const REPORT_SCHEMA_VERSION = 1

export function buildReport(outcome: RunOutcome, verdict: Verdict = decideVerdict(outcome)): Record<string, unknown> {
  const { config, check } = outcome
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
          integrations: config.entries.map(e => ({ key: e.key, text: e.text, alias: e.alias ?? null, selector: e.selector })),
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
    posts: outcome.posts ?? null,
    notifications: outcome.notifications ?? null,
    recovered: check?.reconnect?.recovered ?? [],
    error: outcome.error ?? null,
    inputErrors: outcome.inputErrors ?? [],
    warnings: [...outcome.warnings, ...(check?.warnings ?? [])],
    discovery: check?.discovery ?? false,
    counts: check
      ? {
          integrations: check.total,
          considered: check.considered.length,
          enabled: check.considered.filter(i => !i.disabled).length,
          entries: check.results.length,
          missing: check.findings.filter(f => f.kind === 'missing').length,
          disabled: check.findings.filter(f => f.kind === 'disabled').length,
          failing: check.findings.filter(f => f.kind === 'failing').length,
          reconnect: check.findings.filter(f => f.kind === 'reconnect').length
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
    findings: check?.findings ?? [],
    // parseIntegrations builds each one with exactly these fields, in this order: no copy needed.
    integrations: check?.considered ?? []
  }
}
