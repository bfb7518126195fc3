/**
 * Human-readable renderings of a run: the job summary (Markdown) and the log lines. Pure.
 * Every string from the server passes through `markdownSafe` or `logSafe`.
 */
import { describeIntegration, type CheckResult, type EntryResult } from './check.js'
import type { Integration } from './integrations.js'
import { runStatus, type RunOutcome } from './report.js'
import { logSafe, markdownSafe, safeHttpsUrl } from './sanitize.js'

/** Lists longer than this are cut in the summary; the report file keeps everything. */
export const SUMMARY_LIST_LIMIT = 500

const MARK = { enabled: '✅ enabled', disabled: '⛔ disabled', missing: '❌ missing' } as const

export function headline(outcome: RunOutcome): string {
  const status = runStatus(outcome)
  const check = outcome.check
  if (status === 'error' || !check) return 'Could not check the Postiz integrations'
  if (check.discovery) {
    return `Listed ${check.considered.length} Postiz integration${check.considered.length === 1 ? '' : 's'} (no integrations to check were given)`
  }
  const total = check.results.length
  if (status === 'pass') return `All ${total} Postiz integration${total === 1 ? '' : 's'} ready`
  const counts = (['missing', 'disabled'] as const)
    .map(kind => [kind, check.findings.filter(f => f.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
  return `${check.findings.length} of ${total} Postiz integrations need attention (${counts.join(', ')})`
}

function cell(text: string | null | undefined): string {
  return text ? markdownSafe(text) : ''
}

function channelCell(i: Integration | null): string {
  if (!i) return '—'
  const picture = safeHttpsUrl(i.picture)
  const avatar = picture ? `<img src="${picture}" width="20" height="20" alt=""> ` : ''
  return `${avatar}${cell(i.name)}<br><code>${cell(i.id)}</code>`
}

function fixFor(result: EntryResult, check: CheckResult): string {
  const finding = check.findings.find(f => f.key === result.entry.key)
  return finding ? markdownSafe(finding.fix, 400) : ''
}

function entryRow(result: EntryResult, check: CheckResult): string {
  const i = result.integration
  const channel = result.entry.selector.kind === 'platform' && result.enabledIds.length > 1 ? `${channelCell(i)}<br>and ${result.enabledIds.length - 1} more` : channelCell(i)
  return `| <code>${cell(result.entry.text)}</code> | ${channel} | ${cell(i?.identifier)} | ${cell(i?.profile)} | ${cell(i?.customer?.name)} | ${MARK[result.state]} | ${fixFor(result, check)} |`
}

function integrationRow(i: Integration): string {
  const selector = i.profile ? `<code>${cell(`${i.identifier}:${i.profile.replace(/^@/, '')}`)}</code>` : ''
  return `| ${channelCell(i)} | ${cell(i.identifier)} | ${selector} | ${cell(i.customer?.name)} | ${i.disabled ? MARK.disabled : MARK.enabled} |`
}

function integrationTable(list: Integration[]): string[] {
  const lines = ['| Channel | Platform | Selector | Customer | State |', '|---|---|---|---|---|']
  for (const i of list.slice(0, SUMMARY_LIST_LIMIT)) lines.push(integrationRow(i))
  if (list.length > SUMMARY_LIST_LIMIT) lines.push('', `…and ${list.length - SUMMARY_LIST_LIMIT} more — see the report file.`)
  return lines
}

/** The job summary in GitHub-flavoured Markdown. */
export function buildSummary(outcome: RunOutcome): string {
  const status = runStatus(outcome)
  const icon = { pass: '✅', fail: '❌', error: '⚠️' }[status]
  const lines = [`## ${icon} ${headline(outcome)}`, '']
  const check = outcome.check
  if (status === 'error' || !check) {
    if (outcome.inputErrors && outcome.inputErrors.length > 0) {
      lines.push('The inputs have problems; nothing was sent to Postiz.', '')
      for (const e of outcome.inputErrors) lines.push(`- ${markdownSafe(e, 600)}`)
    } else if (outcome.error) {
      lines.push(`**What happened:** ${markdownSafe(outcome.error.message, 1000)}`, '', `**How to fix it:** ${markdownSafe(outcome.error.fix, 1000)}`)
    }
    return `${lines.join('\n')}\n`
  }
  const scope = check.customer !== undefined ? ` of customer ${markdownSafe(check.customer)}` : ''
  lines.push(`Checked against ${check.considered.length} integration${check.considered.length === 1 ? '' : 's'}${scope} (the server returned ${check.total}).`, '')

  if (check.discovery) {
    lines.push(
      'Put IDs or `platform:profile` selectors from this list in the `integrations` input to gate on them.',
      '',
      ...integrationTable(check.considered)
    )
    return `${lines.join('\n')}\n`
  }

  lines.push('| Entry | Channel | Platform | Profile | Customer | State | Fix |', '|---|---|---|---|---|---|---|')
  for (const r of check.results.slice(0, SUMMARY_LIST_LIMIT)) lines.push(entryRow(r, check))
  if (check.results.length > SUMMARY_LIST_LIMIT) lines.push('', `…and ${check.results.length - SUMMARY_LIST_LIMIT} more entries — see the report file.`)

  const warnings = [...outcome.warnings, ...check.warnings]
  if (warnings.length > 0) {
    lines.push('', '**Warnings**', '')
    for (const w of warnings.slice(0, 50)) lines.push(`- ${markdownSafe(w, 600)}`)
  }

  const used = new Set(check.results.flatMap(r => r.matches.map(i => i.id)))
  const others = check.considered.filter(i => !used.has(i.id))
  if (others.length > 0) {
    lines.push('', `<details><summary>The organisation's ${others.length} other integration${others.length === 1 ? '' : 's'}</summary>`, '')
    lines.push(...integrationTable(others), '', '</details>')
  }
  return `${lines.join('\n')}\n`
}

/** One log line per entry; every line starts with our own text, never with server text. */
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
