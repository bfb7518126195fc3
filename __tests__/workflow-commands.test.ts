/**
 * The action speaks the runner's protocol itself (src/workflow-commands.ts) instead of loading
 * @actions/core. This contract test runs the same calls through both and compares what reaches
 * the runner: stdout, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, byte for byte (random delimiters aside).
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as ours from '../src/workflow-commands.js'

const official = await import('@actions/core')

const NASTY = 'a%b\r\nc:d,e ::f %0A ##[g'
let dir: string
let saved: NodeJS.ProcessEnv
let savedExitCode: typeof process.exitCode

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pic-wc-'))
  saved = { ...process.env }
  savedExitCode = process.exitCode
})
afterEach(() => {
  process.env = saved
  process.exitCode = savedExitCode
  rmSync(dir, { recursive: true, force: true })
  jest.restoreAllMocks()
})

/** Runs `calls` and returns what it wrote to stdout, to GITHUB_OUTPUT and to GITHUB_STEP_SUMMARY. */
async function capture(calls: () => void | Promise<unknown>, files = true): Promise<{ stdout: string; output: string; summary: string }> {
  const output = join(dir, `output-${Math.random()}`)
  const summary = join(dir, `summary-${Math.random()}`)
  if (files) {
    writeFileSync(output, '')
    writeFileSync(summary, '')
    process.env.GITHUB_OUTPUT = output
    process.env.GITHUB_STEP_SUMMARY = summary
  } else {
    delete process.env.GITHUB_OUTPUT
    delete process.env.GITHUB_STEP_SUMMARY
  }
  let stdout = ''
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk)
    return true
  })
  try {
    await calls()
  } finally {
    jest.restoreAllMocks()
  }
  const read = (path: string): string => (files ? readFileSync(path, 'utf8') : '')
  const normalise = (text: string): string => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_UUID')
  return { stdout: normalise(stdout), output: normalise(read(output)), summary: read(summary) }
}

describe('workflow commands match @actions/core', () => {
  it('reads inputs the same way (names with spaces, trimming, unset)', () => {
    process.env['INPUT_API-KEY'] = '  key \n'
    process.env['INPUT_MY_INPUT'] = ' spaced '
    for (const [name, options] of [
      ['api-key', undefined],
      ['api-key', { trimWhitespace: false }],
      ['my input', undefined],
      ['absent', undefined]
    ] as const) {
      expect(ours.getInput(name, options)).toBe(official.getInput(name, options))
    }
    expect(ours.getInput('api-key', { trimWhitespace: false })).toBe('  key \n')
  })

  it('writes the same log lines, masks, debug lines and annotations', async () => {
    const sequence = (api: typeof ours | typeof official) => () => {
      api.setSecret(NASTY)
      api.info(`plain ${NASTY}`)
      api.info('two\nlines')
      api.debug(NASTY)
      api.warning(NASTY)
      api.warning(NASTY, { title: NASTY })
      api.error('no title', { title: '' })
      api.error(NASTY, { title: 'Postiz: missing, disabled' })
    }
    const a = await capture(sequence(ours))
    const b = await capture(sequence(official))
    expect(a.stdout).toBe(b.stdout)
    expect(a.stdout).toContain('::warning title=a%25b%0D%0Ac%3Ad%2Ce %3A%3Af %250A ##[g::a%25b%0D%0Ac:d,e ::f %250A ##[g\n')
  })

  it('fails the step the same way', async () => {
    const a = await capture(() => ours.setFailed(NASTY))
    expect(process.exitCode).toBe(1)
    process.exitCode = undefined
    const b = await capture(() => official.setFailed(NASTY))
    expect(process.exitCode).toBe(1)
    expect(a.stdout).toBe(b.stdout)
  })

  it('writes outputs to GITHUB_OUTPUT the same way, multi-line values included', async () => {
    const sequence = (api: typeof ours | typeof official) => () => {
      api.setOutput('status', 'pass')
      api.setOutput('ids', '{"a":"1"}\n{"b":"2"}')
      api.setOutput('empty', '')
    }
    const a = await capture(sequence(ours))
    const b = await capture(sequence(official))
    expect(a.output).toBe(b.output)
    expect(a.output).toBe('status<<ghadelimiter_UUID\npass\nghadelimiter_UUID\nids<<ghadelimiter_UUID\n{"a":"1"}\n{"b":"2"}\nghadelimiter_UUID\nempty<<ghadelimiter_UUID\n\nghadelimiter_UUID\n')
    expect(a.stdout).toBe('')
  })

  it('falls back to the set-output command without GITHUB_OUTPUT, as @actions/core does', async () => {
    const a = await capture(() => ours.setOutput('ids', NASTY), false)
    const b = await capture(() => official.setOutput('ids', NASTY), false)
    expect(a.stdout).toBe(b.stdout)
    expect(a.stdout).toContain('::set-output name=ids::')
  })

  it('refuses an output file that does not exist, with the same message', () => {
    process.env.GITHUB_OUTPUT = join(dir, 'nowhere.txt')
    expect(() => ours.setOutput('status', 'pass')).toThrow(`Missing file at path: ${process.env.GITHUB_OUTPUT}`)
    expect(() => official.setOutput('status', 'pass')).toThrow(`Missing file at path: ${process.env.GITHUB_OUTPUT}`)
  })

  it('appends the job summary as core.summary.addRaw(…).write() does', async () => {
    const markdown = '## ✅ Pass\n\n| a | b |\n|---|---|\n'
    const a = await capture(() => ours.appendSummary(markdown))
    const b = await capture(() => official.summary.addRaw(markdown).write())
    expect(a.summary).toBe(b.summary)
    expect(a.summary).toBe(markdown)
    delete process.env.GITHUB_STEP_SUMMARY
    expect(() => ours.appendSummary(markdown)).toThrow(/GITHUB_STEP_SUMMARY/)
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'nowhere.md')
    expect(() => ours.appendSummary(markdown)).toThrow(/Missing file at path/)
  })
})
