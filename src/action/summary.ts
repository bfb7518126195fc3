/**
 * Human-readable renderings of a run: the job summary (Markdown) and the log lines. Pure.
 * Every string from the server passes through `markdownSafe` or `logSafe`. The summary stays
 * under GitHub's 1 MiB per step however large the organisation: long lists are cut with a line
 * pointing to the report file, which keeps everything.
 */
import { shownStates } from '../core/check.js'
import { describeIntegration, type CheckResult, type EntryResult, type Finding } from '../core/check-result.js'
import type { RunOutcome } from '../core/outcome.js'
import { decideVerdict, type Verdict } from '../core/verdict.js'
import type { Integration } from '../postiz/integrations.js'
import { logSafe, markdownSafe, safeHttpsUrl } from '../shared/sanitize.js'
import { plural } from '../shared/text.js'

/** GitHub refuses a step summary over 1 MiB; this leaves room to spare. */
export const SUMMARY_MAX_BYTES = 1_000_000
/** At most this many rows in the list of other integrations (it is for browsing, not for search). */
export const SUMMARY_LIST_LIMIT = 1000
/** Bytes kept back from the entries table for the lines that follow it. */
const TAIL_RESERVE = 40_000
const MAX_PICTURE_URL = 500

// A no-break space between mark and word: a narrow State column never splits them.
const MARK = { enabled: '✅\u00a0enabled', disabled: '⛔\u00a0disabled', missing: '❌\u00a0missing' } as const
/** The State column: the entry's state, or the post signal that makes an enabled channel fail. */
const STATE_LABEL = { ...MARK, failing: '⚠️\u00a0failing', reconnect: '🔌\u00a0reconnect' } as const

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
      ? ` ${p && (p.failed > 0 || (p.stuck ?? 0) > 0) ? `⚠️ ${p.failed}${stuck}${p.latestFailed ? `, latest ${date(p.latestFailed)}` : ''}` : '0'} |`
      : ''
  const queued =
    signals.upcomingPostsDays > 0 ? ` ${p && p.queued > 0 ? `${result.state === 'enabled' ? '' : '🚫 '}${p.queued}, next ${date(p.nextQueued)}` : '0'} |` : ''
  return `${failed}${queued}`
}

interface EntryTable {
  signals: CheckResult['postSignals']
  actions: Map<string, string>
  shown: ReturnType<typeof shownStates>
  customers: boolean
  fix: boolean
}

function entryRow(result: EntryResult, t: EntryTable): string {
  const i = result.integration
  const more = result.entry.selector.kind === 'platform' && result.enabledIds.length > 1 ? `<br>and ${result.enabledIds.length - 1} more` : ''
  // The actions are this project's own text (platform identifiers in them are validated), not escaped.
  const action = t.fix ? ` ${t.actions.get(result.entry.key) ?? ''} |` : ''
  const customer = t.customers ? ` ${cell(i?.customer?.name)} |` : ''
  return `| <code>${cell(result.entry.text)}</code> | ${channelWithPlatformCell(i)}${more} |${customer} ${STATE_LABEL[t.shown(result)]} |${postsCells(result, t.signals)}${action}`
}

function entryHeader(t: EntryTable): string[] {
  const extra: string[] = []
  if (t.signals && t.signals.failedPostsDays > 0) extra.push(`Failed posts (${t.signals.failedPostsDays} d)`)
  if (t.signals && t.signals.upcomingPostsDays > 0) extra.push(`Queued posts (${t.signals.upcomingPostsDays} d)`)
  const columns = ['Entry', 'Channel', ...(t.customers ? ['Customer'] : []), 'State', ...extra, ...(t.fix ? ['Fix'] : [])]
  return [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`]
}

const FINDING_LABEL: ReadonlyMap<string, string> = new Map([
  ['missing', '❌ missing'],
  ['disabled', '⛔ disabled'],
  ['failing', '⚠️ failing'],
  ['reconnect', '🔌 reconnect']
])
/** At most this many rows in the findings table at the top; the entries table has them all. */
const FINDINGS_SHOWN = 100
/** The entries table stays open up to this many rows; a longer one is folded under the findings. */
export const ENTRIES_OPEN_UP_TO = 20

function findingsSection(lines: string[], findings: Finding[], budget: Budget): void {
  const header = ['| Entry | Problem | Fix |', '|---|---|---|']
  pushTable(
    lines,
    header,
    findings.slice(0, FINDINGS_SHOWN),
    f => `| <code>${cell(f.key)}</code> | ${FINDING_LABEL.get(f.kind) ?? f.kind}: ${markdownSafe(f.message, 600)} | ${f.action} |`,
    budget,
    'problems'
  )
  if (findings.length > FINDINGS_SHOWN) lines.push('', `…and ${findings.length - FINDINGS_SHOWN} more problems: every entry is in the table below.`)
}

function integrationRow(i: Integration): string {
  const selector = i.profile ? `<code>${cell(`${i.identifier}:${i.profile.replace(/^@/, '')}`)}</code>` : ''
  return `| ${channelCell(i)} | ${cell(i.identifier)} | ${selector} | ${cell(i.customer?.name)} | ${i.disabled ? MARK.disabled : MARK.enabled} |`
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
  if (shown < items.length) lines.push('', `…and ${items.length - shown} more ${noun} — see the report file (the \`report\` output).`)
}

const INTEGRATION_HEADER = ['| Channel | Platform | Selector | Customer | State |', '|---|---|---|---|---|']

function errorSection(outcome: RunOutcome, lines: string[]): void {
  if (outcome.inputErrors && outcome.inputErrors.length > 0) {
    lines.push('The inputs have problems; nothing was sent to Postiz.', '')
    for (const e of outcome.inputErrors.slice(0, 100)) lines.push(`- ${markdownSafe(e, 600)}`)
  } else if (outcome.error) {
    lines.push(`**What happened:** ${markdownSafe(outcome.error.message, 1000)}`, '', `**How to fix it:** ${markdownSafe(outcome.error.fix, 1000)}`)
  }
}

function checkSection(outcome: RunOutcome, check: CheckResult, lines: string[], budget: Budget): void {
  const scope = check.customer !== undefined ? ` of customer ${markdownSafe(check.customer)}` : ''

  if (check.discovery) {
    lines.push(`The organisation${scope} has ${plural(check.considered.length, 'integration')} (the server returned ${check.total}).`, '')
    lines.push('Put IDs or `platform:profile` selectors from this list in the `integrations` input to gate on them.', '')
    pushTable(lines, INTEGRATION_HEADER, check.considered, integrationRow, budget, 'integrations', SUMMARY_LIST_LIMIT)
    return
  }
  lines.push(`Checked against ${plural(check.considered.length, 'integration')}${scope} (the server returned ${check.total}).`, '')

  const actions = new Map<string, string>()
  for (const f of check.findings) actions.set(f.key, actions.has(f.key) ? `${actions.get(f.key)} ${f.action}` : f.action)
  // What needs attention first; then every entry, folded when there are many.
  budget.reserve(TAIL_RESERVE)
  if (check.findings.length > 0) {
    findingsSection(lines, check.findings, budget)
    lines.push('')
  }
  const table: EntryTable = {
    signals: check.postSignals,
    actions,
    shown: shownStates(check.findings),
    customers: check.results.some(r => r.matches.some(i => i.customer !== null)),
    fix: check.findings.length > 0
  }
  const folded = check.results.length > ENTRIES_OPEN_UP_TO
  if (folded) lines.push(`<details><summary>All ${check.results.length} entries</summary>`, '')
  pushTable(lines, entryHeader(table), check.results, r => entryRow(r, table), budget, 'entries')
  if (folded) lines.push('', '</details>')
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
  if (check.findings.some(f => f.kind === 'failing')) {
    lines.push(
      '',
      '⚠️ **Failing posts** usually mean the channel must be reconnected in Postiz: its connection expired or was revoked, ' +
        'yet Postiz still lists it as enabled. Reconnect it, then retry or reschedule the failed posts.'
    )
  }
  if (check.results.some(r => r.state !== 'enabled' && (r.posts?.queued ?? 0) > 0)) {
    lines.push('', '🚫 Queued posts on a disabled or missing channel will not go out until the channel is fixed.')
  }

  const warnings = [...outcome.warnings, ...check.warnings]
  if (warnings.length > 0) {
    lines.push('', '**Warnings**', '')
    for (const w of warnings.slice(0, 20)) lines.push(`- ${markdownSafe(w, 600)}`)
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
export function buildSummary(outcome: RunOutcome, verdict: Verdict = decideVerdict(outcome)): string {
  const status = verdict.status
  const lines = [`## ${verdict.icon} ${verdict.headline}`, '']
  const budget = new Budget(SUMMARY_MAX_BYTES - 4000)
  if (status === 'error' || !outcome.check) errorSection(outcome, lines)
  else checkSection(outcome, outcome.check, lines, budget)
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
