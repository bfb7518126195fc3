/**
 * `npm run local-action` (GitHub's @github/local-action, which stands in for @actions/core) runs
 * src/action/main.ts and shows its outputs and job summary: proof that every output and the summary go
 * through @actions/core, which is all that tool can see.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPostizStandIn, type StandIn } from '../../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel } from '../support/fixtures.js'
import { actionYml, ROOT } from '../support/run-action.js'

const X = channel({ identifier: 'x', profile: 'acme', name: 'Acme on X' })
let server: StandIn
let dir: string
beforeAll(async () => {
  server = await startPostizStandIn({ integrations: [X], apiKey: API_KEY })
  dir = mkdtempSync(join(tmpdir(), 'pic-local-action-'))
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

function runLocalAction(envFile: string): Promise<{ code: number | null; out: string }> {
  const child = spawn('bash', [join(ROOT, 'scripts', 'local-action.sh'), envFile], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
  return new Promise(resolve => child.on('close', code => resolve({ code, out })))
}

describe('npm run local-action', () => {
  it('.env.example names every input of action.yml but the token', () => {
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8')
    for (const name of Object.keys(actionYml.inputs).filter(name => name !== 'github-token')) {
      expect(example).toMatch(new RegExp(`^INPUT_${name.toUpperCase()}=`, 'm'))
    }
  })

  it('shows the outputs and the job summary of a run against the stand-in', async () => {
    const envFile = join(dir, '.env')
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8')
    writeFileSync(
      envFile,
      example
        .replace(/^INPUT_API-KEY=.*$/m, `INPUT_API-KEY=${API_KEY}`)
        .replace(/^INPUT_API-URL=.*$/m, `INPUT_API-URL=${server.baseUrl}`)
        .replace(/^INPUT_INTEGRATIONS="[^"]*"$/m, 'INPUT_INTEGRATIONS=main=x:acme')
        .replace(/^RUNNER_TEMP=.*$/m, `RUNNER_TEMP=${dir}`)
    )
    const { code, out } = await runLocalAction(envFile)
    expect(code).toBe(0)
    expect(out).not.toContain('No outputs were set')
    expect(out).toMatch(/'status'\s+│ 'pass'/)
    expect(out).toContain(`'{"main":"${X.id}"}'`)
    expect(out).toMatch(/Job summary \(.*\)\n=+\n## ✅ Pass: 1 of 1 Postiz integration ready/)
    expect(server.requests.at(-1)?.headers.authorization).toBe(API_KEY)
  }, 60_000)

  it('says how to start when there is no .env', async () => {
    const { code, out } = await runLocalAction(join(dir, 'missing.env'))
    expect(code).toBe(2)
    expect(out).toMatch(/cp \.env\.example \.env/)
  })
})

describe('npm run stand-in', () => {
  it('on a port that is taken, says which and how to choose another, with no stack trace', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve-stand-in.mjs'), '--port', String(server.port), '--key', 'local-action-key'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' }
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    const code = await new Promise<number | null>(resolve => child.on('close', resolve))
    expect(code).toBe(2)
    expect(out).toBe(
      `Port ${server.port} on 127.0.0.1 is taken (another stand-in, or another program, is listening there). ` +
        `Stop it, or choose another port: node scripts/serve-stand-in.mjs --port ${server.port + 1} --key local-action-key ` +
        `(for npm run local-action, set INPUT_API-URL=http://127.0.0.1:${server.port + 1} in .env to match).\n`
    )
  })
})
