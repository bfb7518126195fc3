/**
 * Human-readable renderings of a run: the job summary (Markdown) and the log lines. Pure.
 * Every string from the server passes through `markdownSafe` or `logSafe`. The summary stays
 * under GitHub's 1 MiB per step however large the organisation: long lists are cut with a line
 * pointing to the report file, which keeps everything.
 */
import { shownStates } from '../core/check.js'
import { describeIntegration, hintText, listOf, type CheckResult, type EntryResult, type Hint } from '../core/check-result.js'
import { FINDING_KINDS } from '../core/config.js'
import type { CheckedRun, FailedRun, RejectedRun, RunOutcome } from '../core/outcome.js'
import type { Verdict } from '../core/verdict.js'
import { KIND_WORDS, problemsByEntry, STATE_WORDS, type EntryProblems, type ShownState } from '../core/vocabulary.js'
import type { Integration } from '../postiz/integrations.js'
import { logSafe, markdownSafe, safeHttpsUrl } from '../shared/sanitize.js'
import { capitalise, count, plural } from '../shared/text.js'
import { say as sayWords, sayInputError, type Words } from '../shared/words.js'
import { ACTION_VOICE } from './voice.js'

/** GitHub refuses a step summary over 1 MiB; this leaves room to spare. */
const SUMMARY_MAX_BYTES = 1_000_000
/** At most this many rows in the list of other integrations (it is for browsing, not for search). */
export const SUMMARY_LIST_LIMIT = 1000
/** Bytes kept back from the entries table for the lines that follow it. */
const TAIL_RESERVE = 40_000
const MAX_PICTURE_URL = 500

/** A state's mark and word, joined by a no-break space so that a narrow column never splits them. */
const stateLabel = (state: ShownState): string => `${STATE_WORDS[state].mark}\u00a0${STATE_WORDS[state].label}`

const say = (text: Words): string => sayWords(text, ACTION_VOICE)

/** Lines within a byte budget. */
class Budget {
  constructor(private left: number) {}
  take(line: string): boolean {
    const size = Buffer.byteLength(line, 'utf8') + 1
    if (size > this.left) return false
    this.left -= size
    return true
  }
  reserve(bytes: number): void {
    this.left -= bytes
  }
  release(bytes: number): void {
    this.left += bytes
  }
}

function cell(text: string | null | undefined): string {
  return text ? markdownSafe(text) : ''
}

function avatar(i: Integration): string {
  const picture = i.picture !== null && i.picture.length <= MAX_PICTURE_URL ? safeHttpsUrl(i.picture) : null
  return picture ? `<img src="${picture}" width="20" height="20" alt=""> ` : ''
}

function channelCell(i: Integration | null): string {
  if (!i) return '—'
  return `${avatar(i)}${cell(i.name)}<br><code>${cell(i.id)}</code>`
}

/** The channel with its platform and profile in one cell, so that the table fits a 1012 px page. */
function channelWithPlatformCell(i: Integration | null): string {
  if (!i) return '—'
  const where = i.profile ? `${cell(i.identifier)} · ${cell(i.profile)}` : cell(i.identifier)
  return `${avatar(i)}${cell(i.name)}<br>${where}<br><code>${cell(i.id)}</code>`
}

/** A date that does not wrap at its hyphens (non-breaking hyphens). */
const date = (iso: string | null | undefined): string => (iso ?? '').slice(0, 10).replace(/-/g, '\u2011')

function postsCells(result: EntryResult, signals: CheckResult['postSignals']): string {
  if (!signals) return ''
  const p = result.posts
  const stuck = p?.stuck ? `, ${p.stuck} stuck` : ''
  const failed =
    signals.failedPostsDays > 0
      ? ` ${p && (p.failed > 0 || (p.stuck ?? 0) > 0) ? `${KIND_WORDS.failing.mark} ${count(p.failed)}${stuck}${p.latestFailed ? `, latest ${date(p.latestFailed)}` : ''}` : '0'} |`
      : ''
  const queued =
    signals.upcomingPostsDays > 0
      ? ` ${p && p.queued > 0 ? `${result.state === 'enabled' ? '' : '🚫 '}${count(p.queued)}, next ${date(p.nextQueued)}` : '0'} |`
      : ''
  return `${failed}${queued}`
}

interface EntryTable {
  signals: CheckResult['postSignals']
  shown: ReturnType<typeof shownStates>
  customers: boolean
}

/** The channel an entry found, and how many more a `platform:*` entry exports. */
function foundCell(result: EntryResult): string {
  const more = result.entry.selector.kind === 'platform' && result.enabledIds.length > 1 ? `<br>and ${count(result.enabledIds.length - 1)} more` : ''
  return `${channelWithPlatformCell(result.integration)}${more}`
}

function entryRow(result: EntryResult, t: EntryTable): string {
  const customer = t.customers ? ` ${cell(result.integration?.customer?.name)} |` : ''
  return `| <code>${cell(result.entry.text)}</code> | ${foundCell(result)} |${customer} ${stateLabel(t.shown(result))} |${postsCells(result, t.signals)}`
}

function entryHeader(t: EntryTable): string[] {
  const extra: string[] = []
  if (t.signals && t.signals.failedPostsDays > 0) extra.push(`Failed posts (${t.signals.failedPostsDays} d)`)
  if (t.signals && t.signals.upcomingPostsDays > 0) extra.push(`Queued posts (${t.signals.upcomingPostsDays} d)`)
  const columns = ['Entry', 'Channel', ...(t.customers ? ['Customer'] : []), 'State', ...extra]
  return [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`]
}

/** At most this many rows in the problems table at the top; the report file has them all. */
const PROBLEMS_SHOWN = 100
/** The table of every entry stays open up to this many rows when nothing needs attention. */
const ENTRIES_OPEN_UP_TO = 20

/** A value as code, escaped: hints hold server text. */
const code = (value: string): string => `<code>${cell(value)}</code>`
const hintCell = (hint: Hint): string => hintText(hint, code)

/** The lists that several problem rows share (a platform's handles): shown once, under the table. */
function sharedHints(rows: EntryProblems[]): Set<string> {
  const seen = new Map<string, number>()
  for (const row of rows) for (const hint of row.hints) if ('among' in hint) seen.set(hintText(hint), (seen.get(hintText(hint)) ?? 0) + 1)
  return new Set([...seen].filter(([, n]) => n > 1).map(([text]) => text))
}

function problemRow(row: EntryProblems, result: EntryResult | undefined, shared: Set<string>): string {
  const problems = row.findings
    .map(f => {
      const detail = f.detail ? ` ${markdownSafe(f.detail, 600)}` : ''
      return `${stateLabel(f.kind)}${f.problem !== undefined ? `: ${markdownSafe(f.problem, 300)}` : ''}.${detail}`
    })
    .join('<br>')
  // The advice is this project's own text (platform identifiers in it are validated), not escaped.
  const hints = row.hints.map(h => ('among' in h && shared.has(hintText(h)) ? `${capitalise(h.among)}: see below.` : `${capitalise(hintCell(h))}.`))
  const channel = result?.integration ? foundCell(result) : '—'
  return `| <code>${cell(result?.entry.text ?? row.key)}</code> | ${channel} | ${problems} | ${[...hints, ...row.advice].join(' ')} |`
}

function problemsSection(lines: string[], check: CheckResult, budget: Budget): void {
  const rows = problemsByEntry(check.findings)
  const shared = sharedHints(rows)
  const results = new Map(check.results.map(r => [r.entry.key, r]))
  const header = ['| Entry | Channel | Problem | Fix |', '|---|---|---|---|']
  pushTable(lines, header, rows.slice(0, PROBLEMS_SHOWN), row => problemRow(row, results.get(row.key), shared), budget, 'problems')
  if (rows.length > PROBLEMS_SHOWN)
    lines.push('', `…and ${count(rows.length - PROBLEMS_SHOWN)} more entries with problems: see the report file (the \`report\` output).`)
  const notes = new Map<string, Extract<Hint, { among: string }>>()
  for (const row of rows.slice(0, PROBLEMS_SHOWN)) for (const h of row.hints) if ('among' in h && shared.has(hintText(h))) notes.set(hintText(h), h)
  for (const h of notes.values()) lines.push('', `**${capitalise(h.among)}:** ${listOf(h, code)}`)
  for (const kind of FINDING_KINDS) {
    const why = KIND_WORDS[kind].why
    if (why !== undefined && check.findings.some(f => f.kind === kind)) lines.push('', `${KIND_WORDS[kind].mark} **${KIND_WORDS[kind].said}:** ${why}`)
  }
}

function integrationRow(i: Integration): string {
  const selector = i.profile ? `<code>${cell(`${i.identifier}:${i.profile.replace(/^@/, '')}`)}</code>` : ''
  return `| ${channelCell(i)} | ${cell(i.identifier)} | ${selector} | ${cell(i.customer?.name)} | ${stateLabel(i.disabled ? 'disabled' : 'enabled')} |`
}

/** Appends a table: the header always, then rows while the budget and `limit` allow, then a "more" line. */
function pushTable<T>(lines: string[], header: string[], items: T[], row: (item: T) => string, budget: Budget, noun: string, limit = Infinity): void {
  for (const line of header) {
    budget.take(line)
    lines.push(line)
  }
  let shown = 0
  while (shown < items.length && shown < limit) {
    const line = row(items[shown])
    if (!budget.take(line)) break
    lines.push(line)
    shown++
  }
  if (shown < items.length) lines.push('', `…and ${count(items.length - shown)} more ${noun}: see the report file (the \`report\` output).`)
}

const INTEGRATION_HEADER = ['| Channel | Platform | Selector | Customer | State |', '|---|---|---|---|---|']

function errorSection(outcome: RejectedRun | FailedRun, lines: string[]): void {
  if (outcome.stage === 'rejected') {
    lines.push('The inputs have problems; nothing was sent to Postiz.', '')
    for (const e of outcome.inputErrors.slice(0, 100)) lines.push(`- ${markdownSafe(sayInputError(e, ACTION_VOICE), 600)}`)
  } else {
    lines.push(`**What happened:** ${markdownSafe(say(outcome.error.message), 1000)}`, '', `**How to fix it:** ${markdownSafe(say(outcome.error.fix), 1000)}`)
  }
}

/** "12 integrations of customer Acme", and the server's count only when the customer filter left some out. */
function scopeLine(check: CheckResult): string {
  const scope = check.customer !== undefined ? ` of customer ${markdownSafe(check.customer)}` : ''
  const returned = check.total !== check.considered.length ? ` (the server returned ${count(check.total)})` : ''
  return `${plural(check.considered.length, 'integration')}${scope}${returned}`
}

function checkSection(outcome: CheckedRun, lines: string[], budget: Budget): void {
  const { check } = outcome
  if (check.discovery) {
    lines.push(`The organisation has ${scopeLine(check)}.`, '')
    lines.push('Put IDs or `platform:profile` selectors from this list in the `integrations` input to gate on them.', '')
    pushTable(lines, INTEGRATION_HEADER, check.considered, integrationRow, budget, 'integrations', SUMMARY_LIST_LIMIT)
    return
  }
  lines.push(`Checked against ${scopeLine(check)}.`, '')

  // What needs attention first; then every entry, open when nothing does, folded otherwise, and
  // left out when every entry is in the problems table already.
  budget.reserve(TAIL_RESERVE)
  const withProblems = new Set(check.findings.map(f => f.key)).size
  if (withProblems > 0) problemsSection(lines, check, budget)
  const table: EntryTable = {
    signals: check.postSignals,
    shown: shownStates(check.findings),
    customers: check.results.some(r => r.matches.some(i => i.customer !== null))
  }
  if (withProblems < check.results.length) {
    const all = check.results.length === 1 ? 'The entry' : `All ${plural(check.results.length, 'entry', 'entries')}`
    const folded = withProblems > 0 || check.results.length > ENTRIES_OPEN_UP_TO
    if (withProblems > 0) lines.push('')
    lines.push(folded ? `<details><summary>${all}</summary>` : `### ${all}`, '')
    pushTable(lines, entryHeader(table), check.results, r => entryRow(r, table), budget, 'entries')
    // The legend of the table's 🚫, under the table it explains.
    if (check.results.some(r => r.state !== 'enabled' && (r.posts?.queued ?? 0) > 0)) {
      lines.push('', '🚫 Queued posts on a disabled or missing channel will not go out until the channel is fixed.')
    }
    if (folded) lines.push('', '</details>')
  }
  budget.release(TAIL_RESERVE)
  const recovered = check.reconnect?.recovered ?? []
  if (recovered.length > 0) {
    lines.push(
      '',
      `🔌 **Recovered:** ${recovered
        .slice(0, 10)
        .map(r => markdownSafe(r, 300))
        .join(' ')}${recovered.length > 10 ? ' …' : ''}`
    )
  }
  const warnings = [...outcome.warnings, ...check.warnings]
  if (warnings.length > 0) {
    lines.push('', '**Warnings**', '')
    for (const w of warnings.slice(0, 20)) lines.push(`- ${markdownSafe(say(w), 600)}`)
    if (warnings.length > 20) lines.push(`- …and ${warnings.length - 20} more in the report file.`)
  }

  const used = new Set(check.results.flatMap(r => r.matches.map(i => i.id)))
  const others = check.considered.filter(i => !used.has(i.id))
  if (others.length > 0) {
    lines.push('', `<details><summary>The organisation's ${plural(others.length, 'other integration')}</summary>`, '')
    budget.reserve(200)
    pushTable(lines, INTEGRATION_HEADER, others, integrationRow, budget, 'integrations', SUMMARY_LIST_LIMIT)
    lines.push('', '</details>')
  }
}

/** The job summary in GitHub-flavoured Markdown. */
export function buildSummary(outcome: RunOutcome, verdict: Verdict): string {
  // The headline is this project's own text (counts, finding kinds, fail-on's validated words).
  const lines = [`## ${verdict.icon} ${say(verdict.headline)}`, '']
  const budget = new Budget(SUMMARY_MAX_BYTES - 4000)
  if (outcome.stage !== 'checked') errorSection(outcome, lines)
  else checkSection(outcome, lines, budget)
  return `${lines.join('\n')}\n`
}

/** One log line per entry; every line starts with our own mark, never with server text. */
export function entryLogLine(result: EntryResult): string {
  const mark = result.state === 'enabled' ? '✓' : '✗'
  const i = result.integration
  if (result.state === 'missing') return logSafe(`${mark} ${result.entry.key}: missing`, 400)
  if (result.entry.selector.kind === 'platform') {
    const enabled = result.enabledIds.length
    return logSafe(`${mark} ${result.entry.key}: ${enabled} enabled of ${result.matches.length} (${result.matches.map(m => m.id).join(', ')})`, 400)
  }
  return logSafe(`${mark} ${result.entry.key}: ${result.state} → ${i ? describeIntegration(i) : ''}`, 400)
}
