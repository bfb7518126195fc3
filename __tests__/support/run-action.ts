/**
 * Runs the built action (dist/index.js) as a child process the way the Actions runner does:
 * `INPUT_*` variables with action.yml's defaults, real GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files,
 * RUNNER_TEMP, and the same Node that runs the tests.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { recordRun } from './record-run.js'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, unknown>
}

/** The token the runner would put in ${{ github.token }}. */
export const JOB_TOKEN = 'ghs_jobTokenForTests0123456789'

export const actionYml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml

/** The report file's JSON as the tests read it (see the README's "The report file"). */
export interface ReportFile {
  schemaVersion: number
  status: string
  inputs: { failOn: string[] } & Record<string, unknown>
  integrations: (Record<string, unknown> & { customer: unknown })[]
  entries: { key: string; state: string; posts: (Record<string, unknown> & { queued: number }) | null }[]
  findings: unknown[]
  counts: Record<string, number>
  error?: { message: string; fix: string }
}

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  report: ReportFile | null
  /** Everything the process wrote anywhere: stdout, stderr, outputs file, summary, report file. */
  everything: string
  elapsedMs: number
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM` … `DELIM`, or `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      outputs[name] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const eq = lines[i].indexOf('=')
      outputs[lines[i].slice(0, eq)] = lines[i].slice(eq + 1)
    }
  }
  return outputs
}

export interface RunOptions {
  inputs: Record<string, string>
  env?: Record<string, string>
  /** Set to false to run without GITHUB_STEP_SUMMARY (as outside Actions). */
  summaryFile?: boolean
  script?: string
  timeoutMs?: number
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'pic-e2e-'))
  const outputFile = join(dir, 'output.txt')
  const summaryFile = join(dir, 'summary.md')
  const runnerTemp = join(dir, 'runner-temp')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  mkdirSync(runnerTemp)

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: runnerTemp,
    GITHUB_ACTIONS: 'true'
  }
  if (options.summaryFile !== false) env.GITHUB_STEP_SUMMARY = summaryFile
  // Defaults as the runner evaluates them: ${{ github.token }} becomes the job's token.
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = (spec.default ?? '').replace('${{ github.token }}', JOB_TOKEN)
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    if (!(name in actionYml.inputs)) throw new Error(`test bug: ${name} is not an input in action.yml`)
    env[`INPUT_${name.toUpperCase()}`] = value
  }
  Object.assign(env, options.env ?? {})

  const started = Date.now()
  const child = spawn(process.execPath, [join(ROOT, options.script ?? 'dist/index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  clearTimeout(timer)
  const elapsedMs = Date.now() - started

  const outputText = readFileSync(outputFile, 'utf8')
  const outputs = parseOutputFile(outputText)
  const summary = readFileSync(summaryFile, 'utf8')
  let report: ReportFile | null = null
  let reportText = ''
  if (outputs.report) {
    reportText = readFileSync(outputs.report, 'utf8')
    report = JSON.parse(reportText) as ReportFile
  }
  rmSync(dir, { recursive: true, force: true })
  // The runner consumes `::add-mask::` lines and never shows them; everything else is visible.
  const visibleStdout = stdout
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  const everything = [visibleStdout, stderr, outputText, summary, reportText].join('\n')
  recordRun('action', { code, stdout, stderr, outputs: outputText, summary, report: reportText })
  return { code, stdout, stderr, outputs, summary, report, everything, elapsedMs }
}
