/**
 * The tracking issue kept by scheduled runs: its inputs, its hidden markers, its body, and what a
 * run should do to it. Pure: the GitHub calls live in issues-api.ts.
 *
 * The issue is recognised by a hidden marker keyed on the workflow, the job and the title, and
 * only on an issue opened by the identity the action runs as (issues-api.ts checks the author):
 * issues written by people are never edited or closed, even when they quote the marker. Only the
 * generated part, between its own markers, is ever rewritten; what people add around it stays.
 */
import { createHash } from 'node:crypto'
import { hintText, type Finding } from '../core/check-result.js'
import type { RunStatus } from '../core/verdict.js'
import { KIND_WORDS, problemsByEntry } from '../core/vocabulary.js'
import { markdownSafe } from '../shared/sanitize.js'
import { inputValue, parseBoolean } from '../shared/inputs.js'
import type { InputError } from '../shared/words.js'
import { capitalise, count, isoSeconds } from '../shared/text.js'

/** The inputs that keep the tracking issue (their defaults are in shared/inputs.ts, with every other input's). */
export const ISSUE_INPUTS = ['issue', 'issue-title', 'issue-labels', 'github-token'] as const

export type IssueInputs = Record<(typeof ISSUE_INPUTS)[number], string>

export interface IssueConfig {
  title: string
  /** GITHUB_WORKFLOW and GITHUB_JOB: with the title, what tells this check's issue from others. */
  workflow: string
  job: string
  labels: string[]
  token: string
  owner: string
  repo: string
  /** The run that found the problems; none outside GitHub Actions. */
  runUrl?: string
}

/**
 * `null` when `issue` is off; otherwise the config or every error in the issue inputs. `runUrl` is
 * the run's address, as the action built it from the runner's environment.
 */
export function parseIssueConfig(
  raw: Partial<IssueInputs>,
  env: Record<string, string | undefined>,
  runUrl: string | undefined
): { config: IssueConfig | null; errors: InputError[] } {
  const value = (name: keyof IssueInputs): string => inputValue(raw, name)
  const errors: InputError[] = []
  const problem = (input: keyof IssueInputs, text: string): InputError => ({ input, problem: [text] })
  const enabled = parseBoolean(value('issue'))
  if (!enabled.ok) return { config: null, errors: [problem('issue', enabled.problem)] }
  if (!enabled.value) return { config: null, errors: [] }

  const title = value('issue-title')
  if (title.length > 200) errors.push(problem('issue-title', 'longer than 200 characters; use a shorter title'))
  const labels = value('issue-labels')
    .split(',')
    .map(l => l.trim())
    .filter(l => l !== '')
  for (const label of labels)
    if (label.length > 50) errors.push(problem('issue-labels', `"${label.slice(0, 60)}…" is longer than 50 characters, GitHub's limit`))
  const token = value('github-token')
  if (token === '')
    errors.push(
      problem('github-token', 'empty, so the tracking issue cannot be kept. Leave it at its default (${{ github.token }}) or pass a token with issues: write.')
    )
  const [owner, repo, extra] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo || extra !== undefined)
    errors.push(
      problem('issue', 'GITHUB_REPOSITORY is not set as owner/repo, so there is no repository to keep the issue in (is this running outside GitHub Actions?)')
    )
  if (errors.length > 0) return { config: null, errors }
  const config: IssueConfig = { title, workflow: env.GITHUB_WORKFLOW ?? '', job: env.GITHUB_JOB ?? '', labels, token, owner, repo }
  if (runUrl !== undefined) config.runUrl = runUrl
  return { config, errors: [] }
}

const TOOL = 'postiz-integrations-check'

/** What one check's tracking issue is keyed on. */
export interface IssueKey {
  title: string
  workflow: string
  job: string
}

/**
 * The hidden marker naming one check's tracking issue: workflow, job and title, each encoded so that
 * no text can end the comment or pass for another part. Two jobs, or two workflows, with the default
 * title keep two issues; two checks in one job need two titles.
 */
export function trackingMarker(key: IssueKey): string {
  const part = (text: string): string => encodeURIComponent(text).replace(/\./g, '%2E')
  return `<!-- ${TOOL}:tracking-issue:${part(key.workflow)}.${part(key.job)}.${part(key.title)} -->`
}

const GENERATED_START = `<!-- ${TOOL}:generated:start -->`
const GENERATED_END = `<!-- ${TOOL}:generated:end -->`

/** The run as a link, or "a run" when there is no address (outside GitHub Actions). */
function thisRun(context: IssueContext): string {
  return context.runUrl === undefined ? 'a run' : `[this run](${context.runUrl})`
}

/** The findings as comparable lines, sorted. */
function findingLines(findings: Finding[]): string[] {
  return findings.map(f => `${f.kind}:${f.key}`).sort()
}

export function fingerprint(findings: Finding[]): string {
  return createHash('sha256').update(findingLines(findings).join('\n')).digest('hex').slice(0, 16)
}

const FINGERPRINT = new RegExp(`<!-- ${TOOL}:findings:([0-9a-f]{16}) -->`)
const LIST = new RegExp(`<!-- ${TOOL}:finding-list:([A-Za-z0-9_-]*) -->`)
/** How many finding lines the body remembers, to say in a comment what changed. */
const REMEMBERED = 200
/**
 * GitHub refuses an issue or comment body over 65,536 characters (a 422, and the issue is neither
 * opened nor updated). Lengths here are UTF-16 code units, never fewer than the characters GitHub
 * counts, so a body within this many units is within GitHub's limit.
 */
export const MAX_BODY_CHARS = 65_536

/** Whether an issue's body carries this check's marker. The author is checked by the caller. */
export function isTrackingIssue(body: string | null | undefined, key: IssueKey): boolean {
  return (body ?? '').includes(trackingMarker(key))
}

function remembered(body: string): string[] | null {
  const match = LIST.exec(body)
  if (!match) return null
  try {
    const list = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as unknown
    return Array.isArray(list) && list.every(x => typeof x === 'string') ? list : null
  } catch {
    return null
  }
}

export interface IssueContext extends IssueKey {
  runUrl?: string
  findings: Finding[]
  /** The verdict's headline and its mark, in the action's words. */
  headline: string
  icon: string
  now: Date
}

/** The table of findings within `budget` characters, and a line for the rows left out; `why` says why the room is short, when it is. */
function findingsTable(findings: Finding[], budget: number, why: string): string[] {
  const lines = ['| Entry | Problem | Fix |', '|---|---|---|']
  let used = lines.join('\n').length + 1
  let shown = 0
  const rows = problemsByEntry(findings)
  for (const row of rows) {
    const problems = row.findings
      .map(f => `${KIND_WORDS[f.kind].mark} ${KIND_WORDS[f.kind].label}${f.problem !== undefined ? `: ${markdownSafe(f.problem, 300)}` : ''}`)
      .join('<br>')
    const hints = row.hints.map(h => `${capitalise(hintText(h, value => `<code>${markdownSafe(value, 120)}</code>`))}.`)
    // The advice is this project's own text (platform identifiers in it are validated), not escaped.
    const line = `| <code>${markdownSafe(row.key, 120)}</code> | ${problems} | ${[...hints, ...row.advice].join(' ')} |`
    if (used + line.length > budget) break
    lines.push(line)
    used += line.length + 1
    shown++
  }
  if (shown === 0) return [`The ${count(rows.length)} entries that need attention are not listed here${why}: see the run's job summary and report file.`]
  if (shown < rows.length) lines.push('', `…and ${count(rows.length - shown)} more${why}: see the run's job summary and report file.`)
  return lines
}

/** Room kept for the line that says how many rows were left out. */
const OVERFLOW_LINE = 300

/**
 * The generated part of the body, between its start and end markers, in at most `room` characters
 * (what GitHub's limit leaves beside people's notes): the markers, the headline and the advice
 * always; the hidden finding list when it takes no more than a quarter of the room; the table as
 * far as it fits, saying so when the notes are what left it short.
 */
function generatedPart(context: IssueContext, room: number, notes: number): string {
  const lines = findingLines(context.findings)
  const encoded = lines.length <= REMEMBERED ? Buffer.from(JSON.stringify(lines)).toString('base64url') : ''
  const list = encoded.length <= room / 4 ? encoded : ''
  const head = [
    GENERATED_START,
    trackingMarker(context),
    `<!-- ${TOOL}:findings:${fingerprint(context.findings)} -->`,
    `<!-- ${TOOL}:finding-list:${list} -->`,
    // The headline is this project's own text (counts, finding kinds, fail-on's validated words): not escaped.
    `## ${context.icon} ${context.headline}`,
    '',
    `Found by ${thisRun(context)} on ${isoSeconds(context.now)}.`,
    ''
  ]
  const tail = [
    '',
    "**What to do:** fix each channel in Postiz (enable it, or reconnect it), or correct the workflow's `integrations` list. " +
      'Posts to these channels fail until then.',
    '',
    `This issue is kept by ${TOOL}: failing runs update the text above (and comment when the problems change), the first passing run closes it.`,
    GENERATED_END
  ]
  const fixed = [...head, ...tail].join('\n').length + 1
  const budget = room - fixed - OVERFLOW_LINE
  const why = notes > MAX_BODY_CHARS / 4 ? ` (the notes around this part leave it ${count(room)} of GitHub's ${count(MAX_BODY_CHARS)} characters)` : ''
  return [...head, ...findingsTable(context.findings, budget, why), ...tail].join('\n')
}

const NOTES_RULE = '\n\n---\n_Notes below this line are yours: runs rewrite only the part above it._\n'

/** A new issue's body: the generated part, then room for people's notes, which runs never touch. */
export function buildIssueBody(context: IssueContext): string {
  return `${generatedPart(context, MAX_BODY_CHARS - NOTES_RULE.length, 0)}${NOTES_RULE}`
}

/**
 * The body after an update: the generated part replaced, everything people wrote before and after it
 * kept as it is. A body whose generated part lost a marker (edited by hand) is replaced whole.
 */
export function mergeIssueBody(existing: string, context: IssueContext): string {
  const start = existing.indexOf(GENERATED_START)
  const end = start === -1 ? -1 : existing.indexOf(GENERATED_END, start)
  if (start === -1 || end === -1) return buildIssueBody(context)
  const before = existing.slice(0, start)
  const after = existing.slice(end + GENERATED_END.length)
  // People's notes stay whole: the generated part takes what they leave.
  const notes = before.length + after.length - (after.startsWith(NOTES_RULE) ? NOTES_RULE.length : 0)
  return before + generatedPart(context, MAX_BODY_CHARS - before.length - after.length, notes) + after
}

function changeComment(previous: string[] | null, context: IssueContext): string {
  const now = findingLines(context.findings)
  const header = `The problems changed in ${thisRun(context)}: ${context.headline}.`
  if (previous === null) return header
  const added = now.filter(l => !previous.includes(l))
  const resolved = previous.filter(l => !now.includes(l))
  // At most 50 of each, each cut at 200 characters: 2 × 50 × 204 stays far inside GitHub's limit.
  const list = (items: string[]): string =>
    items
      .slice(0, 50)
      .map(i => `\`${(i.length > 200 ? `${i.slice(0, 199)}…` : i).replace(/`/g, "'")}\``)
      .join(', ') + (items.length > 50 ? ', …' : '')
  return [header, '', ...(added.length > 0 ? [`- New: ${list(added)}`] : []), ...(resolved.length > 0 ? [`- Resolved: ${list(resolved)}`] : [])].join('\n')
}

export type IssueAction =
  | { kind: 'none'; reason: string }
  | { kind: 'create'; title: string; body: string }
  | { kind: 'update'; number: number; body: string; comment?: string }
  | { kind: 'close'; number: number; comment: string }

export interface OpenIssue {
  number: number
  body: string
}

/** What this run does to the tracking issue. `discovery` runs checked nothing, so they change nothing. */
export function planIssueAction(status: RunStatus, discovery: boolean, open: OpenIssue | null, context: IssueContext): IssueAction {
  if (status === 'error') return { kind: 'none', reason: 'the check could not run, so there is nothing to report about the channels' }
  if (discovery) return { kind: 'none', reason: 'no integrations were checked (discovery)' }
  if (status === 'pass') {
    if (open === null) return { kind: 'none', reason: 'all channels pass and no tracking issue is open' }
    return {
      kind: 'close',
      number: open.number,
      comment: `✅ All channels pass again in ${thisRun(context)} (${isoSeconds(context.now)}). Closing.`
    }
  }
  if (open === null) return { kind: 'create', title: context.title, body: buildIssueBody(context) }
  const before = FINGERPRINT.exec(open.body)?.[1]
  const action: IssueAction = { kind: 'update', number: open.number, body: mergeIssueBody(open.body, context) }
  if (before !== fingerprint(context.findings)) action.comment = changeComment(remembered(open.body), context)
  return action
}
