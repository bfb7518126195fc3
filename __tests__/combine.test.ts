import { describe, expect, it } from '@jest/globals'
import { runCheck } from '../src/core/check.js'
import type { Finding } from '../src/core/check-result.js'
import { combineSignals } from '../src/core/combine.js'
import { parseIntegrations } from '../src/core/entries.js'
import { readPostSignals } from '../src/core/post-signals.js'
import type { ReconnectResult } from '../src/core/reconnect.js'
import { finding, findingSentence } from '../src/core/vocabulary.js'
import { channel, NOW, post } from './support/check-fixtures.js'

const ORG = [channel('a'), channel('b'), channel('off', { disabled: true })]
const options = { failedPostsDays: 7, upcomingPostsDays: 3, now: NOW }
const reconnectFinding = (key: string): Finding => finding('reconnect', 'asked', { key, problem: 'reconnect' })

describe('readPostSignals', () => {
  it('returns its own result and leaves the check as it was', () => {
    const check = runCheck(ORG, parseIntegrations('a, off').entries)
    const before = JSON.stringify(check)
    const signals = readPostSignals(check, [post('a', 'ERROR', -1), post('off', 'QUEUE', 1)], options)
    expect(JSON.stringify(check)).toBe(before)
    expect(signals.findings.map(f => [f.kind, f.key])).toEqual([['failing', 'a']])
    expect(signals.counts.map(c => [c.failed, c.queued])).toEqual([
      [1, 0],
      [0, 1]
    ])
    expect([...signals.atRisk.keys()]).toEqual(['off'])
    expect(signals.window).toEqual({ failedPostsDays: 7, upcomingPostsDays: 3 })
  })
})

describe('combineSignals', () => {
  it('per entry: the check’s findings (with the posts at risk), then failing, then reconnect; status decided again', () => {
    const check = runCheck(ORG, parseIntegrations('a, off, b').entries)
    expect(check.status).toBe('fail')
    const posts = readPostSignals(check, [post('b', 'ERROR', -1), post('off', 'QUEUE', 1)], options)
    const reconnect: ReconnectResult = {
      findings: [reconnectFinding('b'), reconnectFinding('a')],
      warnings: [['which x channel?']],
      recovered: ['c came back']
    }
    const combined = combineSignals(check, { posts, reconnect: { days: 14, result: reconnect } })
    expect(combined.findings.map(f => `${f.kind}:${f.key}`)).toEqual(['reconnect:a', 'disabled:off', 'failing:b', 'reconnect:b'])
    expect(findingSentence(combined.findings[1])).toMatch(/disabled in Postiz\. 1 queued post in the next 3 days will not go out/)
    expect(findingSentence(check.findings[0])).not.toMatch(/queued/) // the check's own finding is not modified
    expect(combined.results.map(r => r.posts?.failed)).toEqual([0, 0, 1])
    expect(combined.warnings).toEqual([['which x channel?']])
    expect(combined.reconnect).toEqual({ days: 14, recovered: ['c came back'] })
    expect(combined.postSignals).toEqual({ failedPostsDays: 7, upcomingPostsDays: 3 })
  })

  it('a passing check with a failing signal fails; without signals nothing changes', () => {
    const check = runCheck(ORG, parseIntegrations('a').entries)
    expect(check.status).toBe('pass')
    expect(combineSignals(check, {}).findings).toEqual([])
    expect(combineSignals(check, {}).status).toBe('pass')
    const combined = combineSignals(check, { posts: readPostSignals(check, [post('a', 'ERROR', -1)], options) })
    expect(combined.status).toBe('fail')
  })
})
