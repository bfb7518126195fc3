/**
 * The CLI's human output: a table and a verdict line, coloured only when asked. Pure.
 * Server text passes through `logSafe`, which also strips terminal escape sequences' ESC.
 */
import stringWidth from 'string-width'
import { shownStates } from '../core/check.js'
import type { RunOutcome } from '../core/outcome.js'
import { decideVerdict, type Verdict } from '../core/verdict.js'
import { cliWording } from './args.js'
import type { Integration } from '../postiz/integrations.js'
import { logSafe } from '../shared/sanitize.js'

const CELL_MAX = 40

type Paint = (text: string) => string
interface Palette {
  green: Paint
  red: Paint
  yellow: Paint
  dim: Paint
  bold: Paint
}

function palette(colour: boolean): Palette {
  const code =
    (open: number, close: number): Paint =>
    text =>
      colour ? `\u001b[${open}m${text}\u001b[${close}m` : text
  return { green: code(32, 39), red: code(31, 39), yellow: code(33, 39), dim: code(2, 22), bold: code(1, 22) }
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** At most CELL_MAX columns on a terminal (CJK and emoji take two), cut at a whole character. */
function clip(text: string): string {
  const safe = logSafe(text, 400)
  if (stringWidth(safe) <= CELL_MAX) return safe
  let kept = ''
  let width = 0
  for (const { segment } of graphemes.segment(safe)) {
    const w = stringWidth(segment)
    if (width + w > CELL_MAX - 1) break
    kept += segment
    width += w
  }
  return `${kept}…`
}

/** Left-aligned columns measured in display width; `paint` colours a whole cell after padding so widths stay right. */
function table(header: string[], rows: { cells: string[]; paint?: Paint[] }[], p: Palette): string[] {
  const widths = header.map((h, c) => Math.max(stringWidth(h), ...rows.map(r => stringWidth(r.cells[c]))))
  const line = (cells: string[], paints?: Paint[]): string =>
    cells
      .map((cell, c) => {
        const padded = c === cells.length - 1 ? cell : cell + ' '.repeat(widths[c] - stringWidth(cell))
        return paints?.[c] ? paints[c](padded) : padded
      })
      .join('  ')
      .trimEnd()
  return [p.bold(line(header)), ...rows.map(r => line(r.cells, r.paint))]
}

function integrationRows(list: Integration[], p: Palette): { cells: string[]; paint?: Paint[] }[] {
  return list.map(i => ({
    cells: [
      i.disabled ? 'disabled' : 'enabled',
      clip(i.identifier),
      i.profile ? clip(`${i.identifier}:${i.profile.replace(/^@/, '')}`) : '—',
      clip(i.name),
      clip(i.customer?.name ?? ''),
      logSafe(i.id, 100)
    ],
    paint: [i.disabled ? p.yellow : p.green]
  }))
}

export function renderTerminalReport(outcome: RunOutcome, colour: boolean, verdict: Verdict = decideVerdict(outcome)): string {
  const p = palette(colour)
  const { status, headline } = verdict
  const lines: string[] = []
  const check = outcome.check
  for (const warning of [...outcome.warnings, ...(check?.warnings ?? [])]) lines.push(p.yellow(`warning: ${logSafe(cliWording(warning), 600)}`))

  if (status === 'error' || !check) {
    lines.push(p.red(`✗ ${headline}`))
    for (const error of outcome.inputErrors ?? []) lines.push(`  - ${logSafe(cliWording(error), 600)}`)
    if (outcome.error) lines.push(`  ${logSafe(outcome.error.message, 1000)}`, `  Fix: ${logSafe(outcome.error.fix, 1000)}`)
    return `${lines.join('\n')}\n`
  }

  if (check.discovery) {
    lines.push(...table(['STATE', 'PLATFORM', 'SELECTOR', 'NAME', 'CUSTOMER', 'ID'], integrationRows(check.considered, p), p), '')
    lines.push(p.bold(`${headline}. Pass entries with --integrations to check them.`))
    return `${lines.join('\n')}\n`
  }

  const mark = { enabled: '✓ enabled', disabled: '✗ disabled', missing: '✗ missing', failing: '✗ failing', reconnect: '✗ reconnect' } as const
  const paint = { enabled: p.green, disabled: p.yellow, missing: p.red, failing: p.red, reconnect: p.red } as const
  const signals = check.postSignals
  const postColumns = [...(signals && signals.failedPostsDays > 0 ? ['FAILED'] : []), ...(signals && signals.upcomingPostsDays > 0 ? ['QUEUED'] : [])]
  const shown = shownStates(check.findings)
  const rows = check.results.map(r => {
    const i = r.integration
    const more = r.entry.selector.kind === 'platform' && r.enabledIds.length > 1 ? ` (+${r.enabledIds.length - 1})` : ''
    const state = shown(r)
    const posts = [
      ...(signals && signals.failedPostsDays > 0 ? [String(r.posts?.failed ?? 0)] : []),
      ...(signals && signals.upcomingPostsDays > 0 ? [String(r.posts?.queued ?? 0)] : [])
    ]
    return {
      cells: [
        mark[state],
        clip(r.entry.text),
        i ? `${clip(i.name)}${more}` : '—',
        clip(i?.identifier ?? ''),
        clip(i?.profile ?? ''),
        ...posts,
        i ? logSafe(i.id, 100) : ''
      ],
      paint: [paint[state]]
    }
  })
  lines.push(...table(['STATE', 'ENTRY', 'CHANNEL', 'PLATFORM', 'PROFILE', ...postColumns, 'ID'], rows, p))
  if (check.findings.length > 0) {
    lines.push('')
    for (const f of check.findings) {
      lines.push(`${verdict.blocks(f) ? p.red('✗') : p.yellow('!')} ${logSafe(f.message, 1000)}`, `  Fix: ${logSafe(f.fix, 600)}`)
    }
  }
  lines.push('', status === 'pass' ? p.green(`✓ ${headline}`) : p.red(`✗ ${headline}`))
  return `${lines.join('\n')}\n`
}
