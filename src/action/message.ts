/**
 * The `message` output: a plain-text digest of the run that a later step can forward with any
 * notifier (Slack, Discord, Teams, email) without parsing JSON. The headline, then the findings
 * grouped by kind and fix (the fix once, the entries under it, each with its channel and what to
 * write when the check can tell), then the run's URL; under Discord's 2,000 characters, the
 * smallest limit among them. Entries and selectors are in backticks, so chat apps show them as
 * code and never as emoji (`:acme:`). Pure.
 */
import { hintText, type Finding } from '../core/check-result.js'
import type { RunOutcome } from '../core/outcome.js'
import type { Verdict } from '../core/verdict.js'
import { FINDING_KINDS, type FindingKind } from '../core/config.js'
import { KIND_WORDS } from '../core/vocabulary.js'
import { logSafe } from '../shared/sanitize.js'
import { capitalise, count } from '../shared/text.js'
import { say as sayWords, sayInputError, type Words } from '../shared/words.js'
import { ACTION_VOICE } from './voice.js'

const MESSAGE_MAX_CHARS = 1900

const say = (text: Words): string => sayWords(text, ACTION_VOICE)

/** Text as inline code: one line, no backtick that could end it. */
const code = (text: string): string => `\`${logSafe(text, 100).replace(/`/g, "'")}\``

function findingLine(f: Finding, withHint: boolean): string {
  const channel = f.channel ? ` (${logSafe(f.channel.name, 80)})` : ''
  const hint = f.hint && withHint ? `; ${hintText(f.hint, code)}` : ''
  // The group's heading names the kind: a finding that says no more than its kind is its entry alone.
  const problem = f.problem !== undefined ? `: ${logSafe(f.problem, 300)}` : ''
  return `- ${code(f.key)}${channel}${problem}${hint}`
}

interface Group {
  kind: FindingKind
  advice: string
  findings: Finding[]
}

/** Findings of one kind with the same fix, by kind (in fail-on's order), then by their first finding. */
function groups(findings: Finding[]): Group[] {
  const byFix = new Map<string, Group>()
  for (const f of findings) {
    const advice = f.advice.join(' ')
    const id = `${f.kind}\n${advice}`
    const group = byFix.get(id)
    if (group) group.findings.push(f)
    else byFix.set(id, { kind: f.kind, advice, findings: [f] })
  }
  return FINDING_KINDS.flatMap(kind => [...byFix.values()].filter(g => g.kind === kind))
}

/** The group's heading: its kind and its fix, with the hint its findings share (a platform's list), once. */
function heading(group: Group, sharedHint: string | undefined): string {
  const fix = [group.advice, ...(sharedHint !== undefined ? [`${capitalise(sharedHint)}.`] : [])].filter(t => t !== '').join(' ')
  return `${KIND_WORDS[group.kind].said}${fix === '' ? ':' : ` — ${fix}`}`
}

/** The hint every finding of the group has, when there are several. */
function sharedHintOf(group: Group): string | undefined {
  const texts = new Set(group.findings.map(f => (f.hint ? hintText(f.hint, code) : undefined)))
  const [only] = texts
  return group.findings.length > 1 && texts.size === 1 ? only : undefined
}

export function buildMessage(outcome: RunOutcome, runUrl: string | undefined, verdict: Verdict): string {
  const status = verdict.status
  const lines = [`${verdict.icon} ${say(verdict.headline)}`]
  if (status === 'error') {
    if (outcome.stage === 'failed') lines.push(logSafe(say(outcome.error.message), 600), `Fix: ${logSafe(say(outcome.error.fix), 400)}`)
    if (outcome.stage === 'rejected') for (const e of outcome.inputErrors.slice(0, 5)) lines.push(`- ${logSafe(sayInputError(e, ACTION_VOICE), 300)}`)
  }
  const tail = runUrl ? [`Run: ${runUrl}`] : []
  const budget = MESSAGE_MAX_CHARS - tail.reduce((n, l) => n + l.length + 1, 0) - 60
  let used = lines.reduce((n, l) => n + l.length + 1, 0)
  const take = (line: string): boolean => {
    if (used + line.length + 1 > budget) return false
    lines.push(line)
    used += line.length + 1
    return true
  }
  const findings = outcome.stage === 'checked' && status === 'fail' ? outcome.check.findings : []
  let shown = 0
  fill: for (const group of groups(findings)) {
    const shared = sharedHintOf(group)
    if (!take(heading(group, shared))) break
    for (const f of group.findings) {
      if (!take(findingLine(f, shared === undefined))) break fill
      shown++
    }
  }
  if (shown < findings.length) lines.push(`…and ${count(findings.length - shown)} more ${runUrl ? 'in the run' : 'in the job summary'}.`)
  return [...lines, ...tail].join('\n').slice(0, MESSAGE_MAX_CHARS)
}
