/**
 * The action adapter with @actions/core mocked (ESM: jest.unstable_mockModule + dynamic import),
 * against a real loopback Postiz stand-in.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { startPostizStandIn, type StandIn } from '../src/cli/demo/postiz-stand-in.js'
import { API_KEY, channel } from './support/fixtures.js'

const calls: string[] = []
let inputs: Record<string, string> = {}
const record =
  (name: string) =>
  (...args: unknown[]): void => {
    calls.push(`${name}:${args.map(a => (typeof a === 'string' ? a : JSON.stringify(a))).join('|')}`)
  }
const setOutput = jest.fn(record('setOutput'))
const appendSummary = jest.fn((_markdown: string) => undefined)
const actual = await import('@actions/core')
const summary = {
  addRaw(markdown: string) {
    appendSummary(markdown)
    return summary
  },
  write: () => Promise.resolve(summary)
}

jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string, options?: { trimWhitespace?: boolean }) => {
    calls.push(`getInput:${name}`)
    const value = inputs[name] ?? ''
    return options?.trimWhitespace === false ? value : value.trim()
  },
  // The real YAML 1.2 rules, reading the same inputs as getInput above.
  getBooleanInput: (name: string) => {
    process.env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? ''
    try {
      return actual.getBooleanInput(name)
    } finally {
      delete process.env[`INPUT_${name.toUpperCase()}`]
    }
  },
  setSecret: record('setSecret'),
  setOutput,
  setFailed: record('setFailed'),
  info: record('info'),
  debug: record('debug'),
  warning: record('warning'),
  error: record('error'),
  startGroup: record('startGroup'),
  endGroup: record('endGroup'),
  summary
}))

const { run } = await import('../src/action/main.js')

const X = channel({ identifier: 'x', profile: 'acme' })
const OFF = channel({ identifier: 'bluesky', profile: 'acme', disabled: true })
let server: StandIn

beforeAll(async () => {
  server = await startPostizStandIn({ integrations: [X, OFF], apiKey: API_KEY })
})
afterAll(() => server.close())
beforeEach(() => {
  calls.length = 0
  setOutput.mockImplementation(record('setOutput'))
  inputs = { 'api-key': ` ${API_KEY} `, 'api-url': server.baseUrl }
  appendSummary.mockClear()
  process.env.GITHUB_STEP_SUMMARY = '/dev/null'
})

const outputs = (): Record<string, string> =>
  Object.fromEntries(calls.filter(c => c.startsWith('setOutput:')).map(c => c.slice('setOutput:'.length).split('|') as [string, string]))
const failures = () => calls.filter(c => c.startsWith('setFailed:'))

describe('run', () => {
  it('masks the key as given and trimmed before reading any other input', async () => {
    inputs.integrations = 'x:acme'
    await run()
    expect(calls.slice(0, 3)).toEqual([`getInput:api-key`, `setSecret: ${API_KEY} `, `setSecret:${API_KEY}`])
    expect(calls.some(c => c !== `setSecret:${API_KEY}` && c !== `setSecret: ${API_KEY} ` && c.includes(API_KEY))).toBe(false)
  })

  it('passes and sets every output', async () => {
    inputs.integrations = 'main=x:acme'
    await run()
    expect(failures()).toEqual([])
    const out = outputs()
    expect(out.status).toBe('pass')
    expect(JSON.parse(out.ids)).toEqual({ main: X.id })
    expect(out['integration-ids']).toBe(X.id)
    expect(Object.keys(out).sort()).toEqual([
      'disabled',
      'failing',
      'ids',
      'integration-ids',
      'integrations',
      'message',
      'missing',
      'reconnect',
      'report',
      'status'
    ])
    expect(appendSummary).toHaveBeenCalled()
  })

  it('fails the step on a finding in fail-on and only warns otherwise', async () => {
    inputs.integrations = 'bluesky:acme'
    await run()
    expect(outputs().status).toBe('fail')
    expect(failures()).toHaveLength(1)
    expect(calls.some(c => c.startsWith('error:bluesky:acme — '))).toBe(true)

    calls.length = 0
    inputs['fail-on'] = 'missing'
    await run()
    expect(outputs().status).toBe('fail')
    expect(failures()).toEqual([])
    expect(calls.some(c => c.startsWith('warning:bluesky:acme — '))).toBe(true)
  })

  it('sets status=error and fails on a bad key', async () => {
    inputs['api-key'] = 'nope'
    await run()
    expect(outputs().status).toBe('error')
    expect(outputs().ids).toBeUndefined()
    expect(failures()[0]).toMatch(/Invalid API key/)
  })

  it('reads booleans with YAML 1.2 rules and reports any other value as an input error', async () => {
    inputs.integrations = 'x:acme'
    inputs['job-summary'] = 'False'
    await run()
    expect(outputs().status).toBe('pass')
    expect(appendSummary).not.toHaveBeenCalled()

    calls.length = 0
    inputs['job-summary'] = 'yes'
    inputs['allow-insecure-http'] = 'on'
    await run()
    expect(outputs().status).toBe('error')
    expect(calls).toContain('error:job-summary: "yes" is not a boolean; use true or false|{"title":"Invalid input"}')
    expect(calls).toContain('error:allow-insecure-http: "on" is not a boolean; use true or false|{"title":"Invalid input"}')
  })

  it('folds the per-entry lines into a group', async () => {
    inputs.integrations = 'x:acme\nbluesky:acme'
    inputs['fail-on'] = 'none'
    await run()
    const start = calls.findIndex(c => c.startsWith('startGroup:'))
    expect(calls[start]).toBe('startGroup:2 entries checked')
    expect(calls[start + 1]).toMatch(/^info:✓ x:acme: enabled .*\n✗ bluesky:acme: disabled/)
    expect(calls[start + 2]).toBe('endGroup:')
  })

  it('fails with a clear message when outputs cannot be written', async () => {
    setOutput.mockImplementation(() => {
      throw new Error('Unable to find environment variable for file command OUTPUT')
    })
    inputs.integrations = 'x:acme'
    await run()
    expect(failures()).toEqual(['setFailed:Could not set the outputs: Unable to find environment variable for file command OUTPUT'])
  })
})
