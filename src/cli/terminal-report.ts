/**
 * The CLI's human output: a table (or, when the table is wider than the terminal, a short block of
 * lines per entry), the problems with their fixes, and the verdict line, coloured only when asked,
 * every line within the terminal's width. Pure. Server text passes through `logSafe`, which also
 * strips terminal escape sequences' ESC; every sentence is in the CLI's words (cli/voice.ts).
 */
import stringWidth from 'string-width'
import { shownStates } from '../core/check.js'
import { describeIntegration, hintText, type EntryResult } from '../core/check-result.js'
import { checkOf, type RunOutcome } from '../core/outcome.js'
import type { Verdict } from '../core/verdict.js'
import { KIND_WORDS, problemsByEntry, STATE_WORDS, TONE_WORDS } from '../core/vocabulary.js'
import { capitalise } from '../shared/text.js'
import type { Integration } from '../postiz/integrations.js'
import { logSafe } from '../shared/sanitize.js'
import { say, sayInputError, type Words } from '../shared/words.js'
import { CLI_VOICE } from './voice.js'

const CELL_MAX = 40

type Paint = (text: string) => string
interface Palette {
  green: Paint
  red: Paint
  yellow: Paint
  dim: Paint
  bold: Paint
}

export interface TerminalOptions {
  colour: boolean
  /** The terminal's width in columns; undefined on a pipe (lines are never wrapped there). */
  width?: number
}

function palette(colour: boolean): Palette {
  const code =
    (open: number, close: number): Paint =>
    text =>
      colour ? `\u001b[${open}m${text}\u001b[${close}m` : text
  return { green: code(32, 39), red: code(31, 39), yellow: code(33, 39), dim: code(2, 22), bold: code(1, 22) }
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** One safe line of at most `max` columns on a terminal (CJK and emoji take two), cut at a whole character. */
export function clip(text: string, max = CELL_MAX): string {
  const safe = logSafe(text, 400)
  if (stringWidth(safe) <= max) return safe
  let kept = ''
  let width = 0
  for (const { segment } of graphemes.segment(safe)) {
    const w = stringWidth(segment)
    if (width + w > max - 1) break
    kept += segment
    width += w
  }
  return `${kept}…`
}

/** Text in lines of at most `width` columns, broken at spaces; the first line keeps its indent, the others get `indent`. */
function wrap(text: string, width: number | undefined, indent: string): string[] {
  if (width === undefined) return [text]
  const lead = /^ */.exec(text)?.[0] ?? ''
  const lines: string[] = []
  let line = lead
  for (const word of text.slice(lead.length).split(' ')) {
    const candidate = line.trim() === '' ? `${line}${word}` : `${line} ${word}`
    if (line.trim() !== '' && stringWidth(candidate) > width) {
      lines.push(line)
      line = indent + word
    } else {
      line = candidate
    }
  }
  lines.push(line)
  // A word longer than the line is cut, so that no line is wider than the terminal.
  return lines.map(l => (stringWidth(l) > width ? clip(l, width) : l))
}

interface Row {
  cells: string[]
  paint?: Paint[]
}

/** Left-aligned columns measured in display width; `paint` colours a whole cell after padding so widths stay right. */
function table(header: string[], rows: Row[], p: Palette): string[] {
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

/** The width of the table without colour. */
function tableWidth(header: string[], rows: Row[]): number {
  return Math.max(...table(header, rows, palette(false)).map(l => stringWidth(l)))
}

interface Blocks {
  /** Columns whose cell is a count: shown with the column's name, and left out when 0. */
  counts?: ReadonlySet<string>
  /** The column beside the state on a block's first line (the rest go below it). */
  lead?: number
}

/**
 * The table when it fits the terminal, else a short block per row: the state and the `lead` cell on
 * one line, the others below it, joined by " · " (a count with its column's name), wrapped to the width.
 */
function tableOrBlocks(header: string[], rows: Row[], p: Palette, width: number | undefined, blocks: Blocks = {}): string[] {
  if (width === undefined || tableWidth(header, rows) <= width) return table(header, rows, p)
  const { counts = new Set<string>(), lead = 1 } = blocks
  const lines: string[] = []
  for (const row of rows) {
    const [state, ...others] = row.cells
    const name = others[lead - 1]
    const paint = row.paint?.[0] ?? ((t: string) => t)
    lines.push(...wrap(`${state}  ${name}`, width, '    ').map((line, i) => (i === 0 ? paint(state) + line.slice(state.length) : line)))
    const details = others.flatMap((cell, index) => {
      if (index === lead - 1) return []
      const column = header[index + 1]
      // A count shows when it is not 0: a clean entry's block stays one line shorter.
      if (counts.has(column)) return cell === '0' ? [] : [`${column.toLowerCase()} ${cell}`]
      return cell === '' || cell === '—' ? [] : [cell]
    })
    if (details.length > 0) lines.push(...wrap(`    ${details.join(' · ')}`, width, '    '))
  }
  return lines
}

function integrationRows(list: Integration[], p: Palette): Row[] {
  return list.map(i => {
    const state = i.disabled ? 'disabled' : 'enabled'
    return {
      cells: [
        STATE_WORDS[state].label,
        clip(i.identifier),
        i.profile ? clip(`${i.identifier}:${i.profile.replace(/^@/, '')}`) : '—',
        clip(i.name),
        clip(i.customer?.name ?? ''),
        logSafe(i.id, 100)
      ],
      paint: [p[STATE_WORDS[state].terminal.colour]]
    }
  })
}

export function renderTerminalReport(outcome: RunOutcome, options: TerminalOptions, verdict: Verdict): string {
  const p = palette(options.colour)
  const { width } = options
  const cli = (text: Words): string => say(text, CLI_VOICE)
  const headline = cli(verdict.headline)
  const tone = TONE_WORDS[verdict.tone].terminal
  const verdictLine = wrap(`${tone.mark} ${headline}`, width, '  ').map(line => p[tone.colour](line))
  const lines: string[] = []
  for (const warning of [...outcome.warnings, ...(checkOf(outcome)?.warnings ?? [])]) {
    lines.push(...wrap(`warning: ${logSafe(cli(warning), 600)}`, width, '  ').map(line => p.yellow(line)))
  }

  if (outcome.stage !== 'checked') {
    lines.push(...verdictLine)
    if (outcome.stage === 'rejected')
      for (const error of outcome.inputErrors) lines.push(...wrap(`  - ${logSafe(sayInputError(error, CLI_VOICE), 600)}`, width, '    '))
    else {
      lines.push(
        ...wrap(`  ${logSafe(cli(outcome.error.message), 1000)}`, width, '  '),
        ...wrap(`  Fix: ${logSafe(cli(outcome.error.fix), 1000)}`, width, '    ')
      )
    }
    return `${lines.join('\n')}\n`
  }

  const { check } = outcome
  if (check.discovery) {
    // A block leads with the selector to paste.
    lines.push(...tableOrBlocks(['STATE', 'PLATFORM', 'SELECTOR', 'NAME', 'CUSTOMER', 'ID'], integrationRows(check.considered, p), p, width, { lead: 2 }), '')
    lines.push(...wrap(`${headline}. Pass entries with --integrations to check them.`, width, '').map(line => p.bold(line)))
    return `${lines.join('\n')}\n`
  }

  const signals = check.postSignals
  const failedColumn = signals !== undefined && signals.failedPostsDays > 0
  const queuedColumn = signals !== undefined && signals.upcomingPostsDays > 0
  const shown = shownStates(check.findings)
  const blocked = new Set(verdict.blocking.map(f => f.key))
  const rows = check.results.map((r: EntryResult): Row => {
    const i = r.integration
    const more = r.entry.selector.kind === 'platform' && r.enabledIds.length > 1 ? ` (+${r.enabledIds.length - 1})` : ''
    const state = STATE_WORDS[shown(r)]
    // A state that fails no run (its kind is not in --fail-on) reads as a warning: "!", yellow.
    const warnOnly = shown(r) !== 'enabled' && !blocked.has(r.entry.key)
    return {
      cells: [
        `${warnOnly ? TONE_WORDS.warn.terminal.mark : state.terminal.mark} ${state.label}`,
        clip(r.entry.text),
        i ? `${clip(i.name)}${more}` : '—',
        clip(i?.identifier ?? ''),
        clip(i?.profile ?? ''),
        ...(failedColumn ? [String(r.posts?.failed ?? 0)] : []),
        ...(queuedColumn ? [String(r.posts?.queued ?? 0)] : []),
        i ? logSafe(i.id, 100) : ''
      ],
      paint: [warnOnly ? p.yellow : p[state.terminal.colour]]
    }
  })
  const header = ['STATE', 'ENTRY', 'CHANNEL', 'PLATFORM', 'PROFILE', ...(failedColumn ? ['FAILED'] : []), ...(queuedColumn ? ['QUEUED'] : []), 'ID']
  lines.push(...tableOrBlocks(header, rows, p, width, { counts: new Set(['FAILED', 'QUEUED']) }))

  // Each entry's problems once, with its fix: what to write, then each piece of advice once.
  for (const row of problemsByEntry(check.findings)) {
    const blocks = row.findings.some(f => verdict.blocks(f))
    const channel = row.findings.find(f => f.channel)?.channel
    const mark = blocks ? TONE_WORDS.fail.terminal : TONE_WORDS.warn.terminal
    const head = `${p[mark.colour](mark.mark)} ${logSafe(row.key, 200)}${channel ? ` — ${logSafe(describeIntegration(channel), 300)}` : ''}`
    lines.push('', ...wrap(head, width, '  '))
    for (const f of row.findings) {
      const detail = f.detail ? ` ${f.detail}` : ''
      const problem = f.problem !== undefined ? `: ${f.problem}` : ''
      lines.push(...wrap(`  ${KIND_WORDS[f.kind].label}${logSafe(`${problem}.${detail}`, 1000)}`, width, '    '))
    }
    const hints = row.hints.map(h => `${capitalise(logSafe(hintText(h), 400))}.`)
    lines.push(...wrap(`  Fix: ${[...hints, ...row.advice].join(' ')}`, width, '    '))
  }
  const whys = [...new Set(check.findings.map(f => f.kind))].flatMap(kind => {
    const why = KIND_WORDS[kind].why
    return why === undefined ? [] : [`${KIND_WORDS[kind].label}: ${why}`]
  })
  if (whys.length > 0) lines.push('', ...whys.flatMap(why => wrap(why, width, '  ').map(line => p.dim(line))))
  lines.push('', ...verdictLine)
  return `${lines.join('\n')}\n`
}
