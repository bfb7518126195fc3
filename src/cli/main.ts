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

export const EXIT = { pass: 0, fail: 1, error: 2 } as const

interface Io {
  env: Record<string, string | undefined>
  stdout: (text: string) => void
  stderr: (text: string) => void
  isTty: boolean
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
  const outcome = await checkIntegrations(
    { ...options.inputs, 'api-key': apiKey ?? '', 'api-url': apiUrl ?? '' },
    { onRetry: message => io.stderr(`${message}\n`), env: io.env }
  )
  const verdict = decideVerdict(outcome)
  if (options.json) io.stdout(reportJson(buildReport(outcome, verdict)))
  else io.stdout(renderTerminalReport(outcome, colourWanted(io.env, io.isTty), verdict))
  return exitCode(verdict)
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
          `$ POSTIZ_API_URL=${standIn.baseUrl} postiz-integrations-check --integrations ${demoOptions.inputs.integrations?.replace(/\n/g, ',')}\n\n`
      )
    }
    const code = await check(demoOptions, io, standIn.baseUrl, DEMO_KEY)
    if (!options.json) {
      io.stdout('\nOn your own organisation: export POSTIZ_API_KEY=… (Settings → Public API), then run without --demo.\n')
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
