/**
 * The run report: everything a run knows, as one JSON-ready object (the `report` output's file).
 * Pure. Never holds the API key.
 */
import type { CheckResult } from '../core/check.js'
import type { Config } from '../core/config.js'
import { NAME, VERSION } from '../shared/version.js'

export const REPORT_SCHEMA_VERSION = 1

export type RunStatus = 'pass' | 'fail' | 'error'

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
  posts?: { startDate: string; endDate: string; url?: string; attempts?: number; durationMs?: number; error?: { message: string; fix: string } }
  /** Set when the notifications were read (reconnect-days). */
  notifications?: { since: string; url: string; pages: number; count: number }
  /** Set when the run could not check. */
  error?: { message: string; fix: string }
  inputErrors?: string[]
  warnings: string[]
}

export function runStatus(outcome: RunOutcome): RunStatus {
  if (outcome.error || (outcome.inputErrors?.length ?? 0) > 0 || !outcome.check) return 'error'
  return outcome.check.status
}

export function buildReport(outcome: RunOutcome): Record<string, unknown> {
  const { config, check } = outcome
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: NAME, version: VERSION },
    status: runStatus(outcome),
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
