/**
 * The `message` output: a plain-text digest of the run that a later step can forward with any
 * notifier (Slack, Discord, Teams, email) without parsing JSON. Headline, one line per finding with
 * its fix, the run's URL; under Discord's 2,000 characters, the smallest limit among them. Pure.
 */
import type { Finding } from '../core/check-result.js'
import type { RunOutcome } from '../core/outcome.js'
import { decideVerdict, type Verdict } from '../core/verdict.js'
import { logSafe } from '../shared/sanitize.js'

export const MESSAGE_MAX_CHARS = 1900

const WHAT: ReadonlyMap<string, string> = new Map([
  ['missing', 'missing'],
  ['disabled', 'disabled'],
  ['failing', 'posts failing'],
  ['reconnect', 'needs reconnecting']
])

function findingLine(f: Finding): string {
  return `- ${logSafe(f.key, 100)}: ${WHAT.get(f.kind) ?? f.kind}. ${logSafe(f.fix, 300)}`
}

export function buildMessage(outcome: RunOutcome, runUrl: string | undefined, verdict: Verdict = decideVerdict(outcome)): string {
  const status = verdict.status
  const lines = [`${verdict.icon} ${verdict.headline}`]
  if (status === 'error') {
    if (outcome.error) lines.push(logSafe(outcome.error.message, 600), `Fix: ${logSafe(outcome.error.fix, 400)}`)
    for (const e of (outcome.inputErrors ?? []).slice(0, 5)) lines.push(`- ${logSafe(e, 300)}`)
  }
  const tail = runUrl ? [`Run: ${runUrl}`] : []
  const budget = MESSAGE_MAX_CHARS - tail.reduce((n, l) => n + l.length + 1, 0) - 60
  let used = lines.reduce((n, l) => n + l.length + 1, 0)
  const findings = status === 'fail' ? (outcome.check?.findings ?? []) : []
  let shown = 0
  for (const f of findings) {
    const line = findingLine(f)
    if (used + line.length + 1 > budget) break
    lines.push(line)
    used += line.length + 1
    shown++
  }
  if (shown < findings.length) lines.push(`…and ${findings.length - shown} more: see the run.`)
  return [...lines, ...tail].join('\n').slice(0, MESSAGE_MAX_CHARS)
}

/** The run's URL from the runner's environment, when it names one. */
export function runUrlFrom(env: Record<string, string | undefined>): string | undefined {
  const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env
  return repo && run ? `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${run}` : undefined
}
