/**
 * The verdict: the run's status, its one-line headline, and which findings fail the run (fail-on).
 * The only place those are decided; every sink (outputs, annotations, job summary, message, report
 * file, tracking issue, CLI table and exit code) reads them from here. Pure.
 */
import type { Finding } from './check-result.js'
import { FINDING_KINDS, type Config, type FindingKind } from './config.js'
import type { RunOutcome } from './outcome.js'
import { plural } from '../shared/text.js'

/** The `status` output: pass, fail (there are findings), or error (nothing could be checked). */
export type RunStatus = 'pass' | 'fail' | 'error'

export interface Verdict {
  status: RunStatus
  /** The one-line verdict with its counts, used by the summary, the log, the message, the CLI and the failure message. */
  headline: string
  /** The headline's mark in the job summary and the message: ✅ pass, ❌ fail, ⚠️ error, 🔎 discovery. */
  icon: string
  /** Whether a finding fails the run (its kind is in fail-on); the others are warnings. */
  blocks: (finding: Finding) => boolean
  /** The findings that fail the run, in report order. */
  blocking: Finding[]
  /** The step fails (the CLI exits non-zero): the run could not check, or a finding blocks it. */
  fails: boolean
}

/** A check's own status: `fail` as soon as it has a finding of any kind (fail-on only decides whether that fails the run). */
export function checkStatus(findings: readonly Finding[]): 'pass' | 'fail' {
  return findings.length > 0 ? 'fail' : 'pass'
}

/**
 * Whether findings of this kind fail the run: the fail-on input. The engine asks it too, to tell
 * whether a signal it could not read makes the run an error or a warning.
 */
export function failsOn(config: Pick<Config, 'failOn'>, kind: FindingKind): boolean {
  return config.failOn.has(kind)
}

const ICONS = { pass: '✅', fail: '❌', error: '⚠️' } as const

function runStatus(outcome: RunOutcome): RunStatus {
  if (outcome.error || (outcome.inputErrors?.length ?? 0) > 0 || !outcome.check) return 'error'
  return outcome.check.status
}

function headlineOf(outcome: RunOutcome, status: RunStatus): string {
  const check = outcome.check
  if (status === 'error' || !check) return 'Could not check the Postiz integrations'
  if (check.discovery) return `Discovery: listed ${plural(check.considered.length, 'Postiz integration')}, checked none`
  const total = check.results.length
  if (status === 'pass') return `Pass: ${total} of ${plural(total, 'Postiz integration')} ready`
  const counts = FINDING_KINDS.map(kind => [kind, check.findings.filter(f => f.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
  return `Fail: ${check.findings.length} of ${plural(total, 'Postiz integration')} need${check.findings.length === 1 ? 's' : ''} attention (${counts.join(', ')})`
}

/** Decides the verdict of a finished run. */
export function decideVerdict(outcome: RunOutcome): Verdict {
  const status = runStatus(outcome)
  const config = outcome.config
  // Without a config nothing was checked: there are no findings, and the run is an error.
  const blocks = (finding: Finding): boolean => (config ? failsOn(config, finding.kind) : true)
  const blocking = (outcome.check?.findings ?? []).filter(blocks)
  const icon = outcome.check?.discovery ? '🔎' : ICONS[status]
  return { status, headline: headlineOf(outcome, status), icon, blocks, blocking, fails: status === 'error' || blocking.length > 0 }
}
