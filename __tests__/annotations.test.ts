import { describe, expect, it } from '@jest/globals'
import { MAX_ANNOTATIONS_PER_LEVEL, planAnnotations as planFor } from '../src/action/annotations.js'
import { decideVerdict } from '../src/core/verdict.js'
import type { RunOutcome } from '../src/core/outcome.js'
import { channel, checkedRun as outcome, rejectedRun } from './support/check-fixtures.js'

const planAnnotations = (o: RunOutcome): ReturnType<typeof planFor> => planFor(o, decideVerdict(o))

const thirty = Array.from({ length: 30 }, (_, n) => `gone${n}`).join(',')

describe('planAnnotations', () => {
  it('one error per finding and the failure message, within 10', () => {
    const plan = planAnnotations(outcome([channel('a', { disabled: true })], { integrations: 'a, gone' }))
    expect(plan.annotations.map(a => [a.level, a.title])).toEqual([
      ['error', 'Postiz integration disabled: a'],
      ['error', 'Postiz integration missing: gone']
    ])
    expect(plan.failure).toBe('Fail: 2 of 2 Postiz integrations need attention (1 missing, 1 disabled): a, gone.')
  })

  it('30 findings: 9 error annotations plus the failure message, which says how many more there are', () => {
    const plan = planAnnotations(outcome([], { integrations: thirty }))
    const errors = plan.annotations.filter(a => a.level === 'error')
    expect(errors).toHaveLength(MAX_ANNOTATIONS_PER_LEVEL - 1)
    expect(errors.map(e => e.title)).toEqual(Array.from({ length: 9 }, (_, n) => `Postiz integration missing: gone${n}`))
    expect(plan.failure).toMatch(/^Fail: 30 of 30 Postiz integrations need attention \(30 missing\): gone0, .*gone19, …\. 21 more problems are not annotated/)
  })

  it('30 findings under fail-on: none: 10 warnings, the last saying how many more, and no failure', () => {
    const plan = planAnnotations(outcome([], { integrations: thirty, 'fail-on': 'none' }))
    expect(plan.failure).toBeUndefined()
    expect(plan.annotations.every(a => a.level === 'warning')).toBe(true)
    expect(plan.annotations).toHaveLength(MAX_ANNOTATIONS_PER_LEVEL)
    expect(plan.annotations[9].message).toMatch(/^21 more warnings are not annotated/)
  })

  it('a pass makes no annotation and no failure; discovery warns that nothing was checked', () => {
    expect(planAnnotations(outcome([channel('a')], { integrations: 'a' }))).toEqual({ annotations: [] })
    const discovery = planAnnotations(outcome([channel('a')], {}))
    expect(discovery.failure).toBeUndefined()
    expect(discovery.annotations.map(a => a.title)).toEqual(['Nothing was checked'])
  })

  it('input errors: each annotated, the failure counts them', () => {
    const plan = planAnnotations(
      rejectedRun([
        { input: 'timeout', problem: ['bad'] },
        { input: 'retries', problem: ['bad'] }
      ])
    )
    expect(plan.annotations.map(a => a.title)).toEqual(['Invalid input', 'Invalid input'])
    expect(plan.failure).toBe('2 input errors; nothing was checked.')
  })
})
