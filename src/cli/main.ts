/**
 * The CLI adapter (dist/cli/index.js): environment and flags → the shared engine → a table or JSON.
 * Exit codes: 0 pass, 1 fail (per --fail-on), 2 could not check.
 */
import { parseCliArgs, USAGE, type CliOptions } from './args.js'
import { checkIntegrations } from '../core/engine.js'
import { decideVerdict, type Verdict } from '../core/verdict.js'
import { startPostizStandIn } from './demo/postiz-stand-in.js'
import { buildReport } from '../report/report.js'
import { reportJson } from '../report/report-file.js'
import { SAMPLE_INTEGRATIONS } from './demo/sample-organisation.js'
import { logSafe } from '../shared/sanitize.js'
import { renderTerminalReport } from './terminal-report.js'
import { NAME, VERSION } from '../shared/version.js'
import { checkingNote, Progress } from './progress.js'
import { CLI_VOICE } from './voice.js'
import { KEY_PLACE } from '../shared/words.js'

const EXIT = { pass: 0, fail: 1, error: 2 } as const

interface Io {
  env: Record<string, string | undefined>
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** stdout is a terminal. */
  isTty: boolean
  /** stdout's width in columns, when it is a terminal. */
  columns?: number
  /** stderr's width in columns, when it is a terminal (the progress note goes there). */
  stderrColumns?: number
}

/**
 * Colour, as Node's own tty module decides it: FORCE_COLOR wins (0 or false turn colour off, any
 * other value on), then NO_COLOR when it is set and not empty (no-color.org), then a terminal that
 * is not TERM=dumb.
 */
export function colourWanted(env: Record<string, string | undefined>, isTty: boolean): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase())
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  return isTty && env.TERM !== 'dumb'
}

function exitCode(verdict: Verdict): number {
  if (verdict.status === 'error') return EXIT.error
  return verdict.fails ? EXIT.fail : EXIT.pass
}

async function check(options: CliOptions, io: Io, apiUrl: string | undefined, apiKey: string | undefined): Promise<number> {
  // The note of what the run waits for: on a terminal, never with --json; on a pipe, a line per retry.
  const progress = new Progress(io.stderr, options.json ? undefined : io.stderrColumns)
  const outcome = await checkIntegrations(
    { ...options.inputs, 'api-key': apiKey ?? '', 'api-url': apiUrl ?? '' },
    {
      onStart: config => progress.waiting(checkingNote(config.entries.length, config.apiUrl)),
      onRequest: (what, url) => progress.waiting(`Reading ${what} at ${url}`),
      onRetry: note => (io.stderrColumns !== undefined && !options.json ? progress.retrying(note) : io.stderr(`${note.line}\n`)),
      onAnswer: () => progress.clear(),
      env: io.env
    }
  )
  const verdict = decideVerdict(outcome)
  if (options.json) io.stdout(reportJson(buildReport(outcome, verdict, CLI_VOICE)))
  else io.stdout(renderTerminalReport(outcome, { colour: colourWanted(io.env, io.isTty), width: terminalWidth(io) }, verdict))
  return exitCode(verdict)
}

/** The width to fit: the terminal's, or COLUMNS when set; none on a pipe. */
function terminalWidth(io: Io): number | undefined {
  if (io.isTty && io.columns !== undefined && io.columns > 0) return io.columns
  const columns = Number(io.env.COLUMNS)
  return Number.isInteger(columns) && columns > 0 ? columns : undefined
}

/** A shell word as it can be pasted into bash or zsh: quoted when it holds a character the shell would read. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`
}

const DEMO_KEY = 'demo-key-not-a-secret'
const DEMO_ENTRIES = 'x=x:acme,linkedin=linkedin-page:acme-inc,bluesky:*'

async function demo(options: CliOptions, io: Io): Promise<number> {
  const standIn = await startPostizStandIn({ integrations: SAMPLE_INTEGRATIONS, apiKey: DEMO_KEY })
  try {
    const demoOptions: CliOptions = { ...options, inputs: { integrations: DEMO_ENTRIES, ...options.inputs } }
    if (!options.json) {
      io.stdout(
        `Demo: a sample Postiz organisation is served on ${standIn.baseUrl} (no account needed).\n` +
          `$ POSTIZ_API_URL=${standIn.baseUrl} postiz-integrations-check --integrations ${shellWord(demoOptions.inputs.integrations?.replace(/\n/g, ',') ?? '')}\n\n`
      )
    }
    const code = await check(demoOptions, io, standIn.baseUrl, DEMO_KEY)
    if (!options.json) {
      io.stdout(`\nOn your own organisation: export POSTIZ_API_KEY=… (Postiz: ${KEY_PLACE}), then run without --demo.\n`)
    }
    return code
  } finally {
    await standIn.close()
  }
}

/**
 * Runs the CLI with the given arguments; returns the exit code. Never throws: an unexpected error
 * is a bug, reported in one line with exit code 2 ("could not check"), never a stack trace or a 1
 * (which means "fail").
 */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`${NAME}: unexpected error: ${logSafe(message, 500)}. This is a bug in ${NAME}: please report it with the command you ran.\n`)
    return EXIT.error
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const parsed = parseCliArgs(argv)
  if (!parsed.ok) {
    io.stderr(`${NAME}: ${logSafe(parsed.error, 600)}\n`)
    return EXIT.error
  }
  const { options } = parsed
  if (options.help) {
    io.stdout(USAGE)
    return EXIT.pass
  }
  if (options.version) {
    io.stdout(`${NAME} ${VERSION}\n`)
    return EXIT.pass
  }
  if (options.demo) return demo(options, io)
  return check(options, io, io.env.POSTIZ_API_URL, io.env.POSTIZ_API_KEY)
}
