/**
 * The verdict: the run's status, its one-line headline, and which findings fail the run (fail-on).
 * The only place those are decided; every sink (outputs, annotations, job summary, message, report
 * file, tracking issue, CLI table and exit code) reads them from here. Pure.
 */
import type { CheckResult, Finding } from './check-result.js'
import { FINDING_KINDS, type Config, type FindingKind } from './config.js'
import { checkOf, type RunOutcome } from './outcome.js'
import { KIND_WORDS, TONE_WORDS, type Tone } from './vocabulary.js'
import { count, plural } from '../shared/text.js'
import { setting, words, type Words } from '../shared/words.js'

/** The `status` output: pass, fail (there are findings), or error (nothing could be checked). */
export type RunStatus = 'pass' | 'fail' | 'error'

export type { Tone } from './vocabulary.js'

export interface Verdict {
  status: RunStatus
  tone: Tone
  /** The one-line verdict with its counts, used by the summary, the log, the message, the CLI, the tracking issue and the failure message. */
  headline: Words
  /** The headline's mark in Markdown and the message: ✅ pass, ❌ fail, ⚠️ warnings only, 🛑 error, 🔎 discovery. */
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

function runStatus(outcome: RunOutcome): RunStatus {
  return outcome.stage === 'checked' ? outcome.check.status : 'error'
}

/** "2 of 5 Postiz integrations need attention (1 missing, 1 failing)": entries, each counted once, by kind. */
function attention(check: CheckResult): string {
  const entries = new Set(check.findings.map(f => f.key)).size
  const counts = FINDING_KINDS.map(kind => [kind, new Set(check.findings.filter(f => f.kind === kind).map(f => f.key)).size] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${count(n)} ${KIND_WORDS[kind].label}`)
  const total = check.results.length
  return `${count(entries)} of ${plural(total, 'Postiz integration')} ${entries === 1 ? 'needs' : 'need'} attention (${counts.join(', ')})`
}

function headlineOf(outcome: RunOutcome, tone: Tone): Words {
  if (tone === 'error' || outcome.stage !== 'checked') return ['Could not check the Postiz integrations']
  const { check } = outcome
  if (tone === 'discovery') return [`Discovery: listed ${plural(check.considered.length, 'Postiz integration')}, checked none`]
  if (tone === 'pass') return [`Pass: ${count(check.results.length)} of ${plural(check.results.length, 'Postiz integration')} ready`]
  if (tone === 'fail') return [`Fail: ${attention(check)}`]
  const failOn = [...(outcome.config?.failOn ?? [])].join(',') || 'none'
  return words`Warnings: ${attention(check)}; reported only, since ${setting('fail-on')} is "${failOn}"`
}

/** Decides the verdict of a finished run. */
export function decideVerdict(outcome: RunOutcome): Verdict {
  const status = runStatus(outcome)
  const config = outcome.config
  // Without a config nothing was checked: there are no findings, and the run is an error.
  const blocks = (finding: Finding): boolean => (config ? failsOn(config, finding.kind) : true)
  const blocking = (checkOf(outcome)?.findings ?? []).filter(blocks)
  const fails = status === 'error' || blocking.length > 0
  const tone: Tone =
    status === 'error' ? 'error' : outcome.stage === 'checked' && outcome.check.discovery ? 'discovery' : status === 'pass' ? 'pass' : fails ? 'fail' : 'warn'
  return { status, tone, headline: headlineOf(outcome, tone), icon: TONE_WORDS[tone].icon, blocks, blocking, fails }
}
