/** Runs the built CLI (dist/cli/index.js) as a child process with only PATH and the given environment. */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { recordRun } from './record-run.js'
import { ROOT } from './run-action.js'

export const CLI = join(ROOT, 'dist', 'cli', 'index.js')

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  return new Promise(resolve =>
    child.on('close', code => {
      recordRun('cli', { args, code, stdout, stderr })
      resolve({ code, stdout, stderr })
    })
  )
}
