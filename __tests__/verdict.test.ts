import { describe, expect, it } from '@jest/globals'
import { parseConfig, type RawInputs } from '../src/core/config.js'
import type { CheckedRun } from '../src/core/outcome.js'
import { decideVerdict, failsOn } from '../src/core/verdict.js'
import { finding } from '../src/core/vocabulary.js'
import { ACTION_VOICE } from '../src/action/voice.js'
import { CLI_VOICE } from '../src/cli/voice.js'
import { say } from '../src/shared/words.js'
import { channel, checkedRun, failedRun, rejectedRun } from './support/check-fixtures.js'

const ORG = [channel('a'), channel('off', { disabled: true })]

const outcome = (inputs: Partial<RawInputs>): CheckedRun => checkedRun(ORG, inputs)

describe('decideVerdict', () => {
  it('pass: every entry ready, nothing blocks', () => {
    const verdict = decideVerdict(outcome({ integrations: 'a' }))
    expect(verdict).toMatchObject({ status: 'pass', headline: ['Pass: 1 of 1 Postiz integration ready'], blocking: [], fails: false })
  })

  it('fail: findings whose kind is in fail-on block the run, counted in the headline', () => {
    const verdict = decideVerdict(outcome({ integrations: 'a, off, gone' }))
    expect(verdict.status).toBe('fail')
    expect(verdict.headline).toEqual(['Fail: 2 of 3 Postiz integrations need attention (1 missing, 1 disabled)'])
    expect(verdict.blocking.map(f => f.key)).toEqual(['off', 'gone'])
    expect(verdict.fails).toBe(true)
  })

  it('a finding outside fail-on is a warning: status fail, but the run does not fail', () => {
    const run = outcome({ integrations: 'a, off, gone', 'fail-on': 'missing' })
    const verdict = decideVerdict(run)
    expect(verdict.status).toBe('fail')
    expect(verdict.blocking.map(f => f.kind)).toEqual(['missing'])
    const [disabled, missing] = run.check.findings
    expect([verdict.blocks(disabled), verdict.blocks(missing)]).toEqual([false, true])
    expect(decideVerdict(outcome({ integrations: 'off', 'fail-on': 'none' })).fails).toBe(false)
  })

  it('error: nothing checked fails the run, whatever fail-on says', () => {
    const verdict = decideVerdict(rejectedRun([{ input: 'integrations', problem: ['bad'] }]))
    expect(verdict).toMatchObject({ status: 'error', headline: ['Could not check the Postiz integrations'], blocking: [], fails: true })
    const { config, fetch, check } = outcome({ integrations: 'a', 'fail-on': 'none' })
    const checkedThenError = failedRun({ message: ['posts'], fix: ['later'] }, { config, fetch, check })
    expect(decideVerdict(checkedThenError)).toMatchObject({ status: 'error', fails: true })
  })

  it('discovery: lists, checks none, passes', () => {
    expect(decideVerdict(outcome({}))).toMatchObject({ status: 'pass', headline: ['Discovery: listed 2 Postiz integrations, checked none'], fails: false })
  })

  it('failsOn reads the fail-on input, for the verdict and the engine alike', () => {
    const parsed = parseConfig({ 'api-key': 'k', 'fail-on': 'missing, failing', 'failed-posts-days': '3' })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(['missing', 'disabled', 'failing', 'reconnect'].map(kind => failsOn(parsed.config, kind as never))).toEqual([true, false, true, false])
  })

  it('counts entries, not findings: an entry failing and needing a reconnect counts once; the verb agrees; big numbers have separators', () => {
    const run = outcome({ integrations: 'a, off', 'fail-on': 'none' })
    const check = run.check
    const extra = [finding('failing', 'failed', { key: 'a', problem: '1 failed post' }), finding('reconnect', 'asked', { key: 'a', problem: 'asked' })]
    const twice = { ...run, check: { ...check, findings: [...extra, ...check.findings] } }
    expect(say(decideVerdict(twice).headline, ACTION_VOICE)).toMatch(
      /^Warnings: 2 of 2 Postiz integrations need attention \(1 disabled, 1 failing, 1 reconnect\);/
    )
    const once = { ...run, check: { ...check, findings: extra } }
    expect(say(decideVerdict(once).headline, ACTION_VOICE)).toMatch(/^Warnings: 1 of 2 Postiz integrations needs attention \(1 failing, 1 reconnect\);/)
    const many = outcome({ integrations: Array.from({ length: 10_000 }, (_, n) => `gone${n}`).join(',') })
    expect(decideVerdict(many).headline).toEqual(['Fail: 10,000 of 10,000 Postiz integrations need attention (10,000 missing)'])
  })

  it("warnings only: tone warn, and the headline says they are reported only and why, in each front end's words", () => {
    const verdict = decideVerdict(outcome({ integrations: 'a, off', 'fail-on': 'missing' }))
    expect([verdict.status, verdict.tone, verdict.fails, verdict.icon]).toEqual(['fail', 'warn', false, '⚠️'])
    expect(say(verdict.headline, ACTION_VOICE)).toBe(
      'Warnings: 1 of 2 Postiz integrations needs attention (1 disabled); reported only, since the fail-on input is "missing"'
    )
    expect(say(verdict.headline, CLI_VOICE)).toBe(
      'Warnings: 1 of 2 Postiz integrations needs attention (1 disabled); reported only, since --fail-on is "missing"'
    )
    expect(decideVerdict(outcome({ integrations: 'a, off' })).tone).toBe('fail')
  })
})
