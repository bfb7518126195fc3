import { describe, expect, it } from '@jest/globals'
import { runCheck } from '../src/core/check.js'
import { parseIntegrations } from '../src/core/entries.js'
import { channel } from './support/check-fixtures.js'
import { findingSentence } from '../src/core/vocabulary.js'
import { ACTION_VOICE } from '../src/action/voice.js'
import { say } from '../src/shared/words.js'

const ORG = [
  channel('c3', { identifier: 'x', profile: 'Acme', name: 'x Acme' }),
  channel('c1', { identifier: 'x', profile: '@acme', name: 'x @acme', disabled: true }),
  channel('c2', { identifier: 'linkedin', profile: 'acme-li', name: 'linkedin acme-li' }),
  channel('c4', { identifier: 'bluesky', profile: 'acme.bsky.social', name: 'bluesky acme.bsky.social', disabled: true }),
  channel('c5', { identifier: 'x', profile: 'globex', name: 'x globex', customer: { id: 'g', name: 'Globex' } })
]

const entries = (text: string) => parseIntegrations(text).entries

describe('runCheck', () => {
  it('passes when every entry resolves to an enabled integration', () => {
    const result = runCheck(ORG, entries('c2, x:ACME'))
    expect(result.status).toBe('pass')
    expect(result.findings).toEqual([])
    expect(result.results.map(r => [r.entry.key, r.state, r.idsValue])).toEqual([
      ['c2', 'enabled', 'c2'],
      ['x:ACME', 'enabled', 'c3']
    ])
    expect(result.integrationIds).toEqual(['c2', 'c3'])
  })

  it('reports missing and disabled entries, with the disabled ID still in ids', () => {
    const result = runCheck(ORG, entries('c4, nope, x:nobody'))
    expect(result.status).toBe('fail')
    expect(result.findings.map(f => [f.kind, f.key])).toEqual([
      ['disabled', 'c4'],
      ['missing', 'nope'],
      ['missing', 'x:nobody']
    ])
    expect(result.results.map(r => r.idsValue)).toEqual(['c4', null, null])
    expect(result.integrationIds).toEqual([])
    expect(findingSentence(result.findings[2])).toMatch(/Integrations on x: x:Acme, x:acme, x:globex/)
  })

  it('resolves platform:* to every enabled ID, failing only when none is enabled', () => {
    const result = runCheck(ORG, entries('x:*, bluesky:*, tiktok:*'))
    expect(result.results.map(r => [r.state, r.idsValue])).toEqual([
      ['enabled', ['c3', 'c5']],
      ['disabled', []],
      ['missing', []]
    ])
  })

  it('names at most five channels of a disabled platform:* entry', () => {
    const off = Array.from({ length: 8 }, (_, n) => channel(`off${n}`, { identifier: 'threads', profile: `t${n}`, name: `threads t${n}`, disabled: true }))
    const [finding] = runCheck(off, entries('threads:*')).findings
    expect(findingSentence(finding)).toMatch(
      /^threads:\*: all 8 matching integrations are disabled in Postiz\. They are ("[^"]+" \(threads, @t\d, ID off\d\), ){5}…\./
    )
  })

  it('deduplicates integration-ids in entry order', () => {
    expect(runCheck(ORG, entries('x:*, c3, c2, a=c2')).integrationIds).toEqual(['c3', 'c5', 'c2'])
  })

  it('warns when a profile matches several enabled integrations and takes the first by ID', () => {
    const result = runCheck([...ORG, channel('c0', { identifier: 'x', profile: 'acme', name: 'x acme' })], entries('x:acme'))
    expect(result.results[0].idsValue).toBe('c0')
    expect(say(result.warnings[0], ACTION_VOICE)).toMatch(/matches 2 enabled integrations; using c0, not c3/)
  })

  it('filters by customer ID or name, and explains what lies outside it', () => {
    expect(runCheck(ORG, entries('x:globex'), 'Globex').status).toBe('pass')
    expect(runCheck(ORG, entries('x:globex'), 'g').considered.map(x => x.id)).toEqual(['c5'])
    const outside = runCheck(ORG, entries('c2'), 'Globex')
    expect(findingSentence(outside.findings[0])).toMatch(/belongs to no customer, not to customer "Globex"/)
  })

  it('lists everything enabled in discovery mode', () => {
    const result = runCheck(ORG, [])
    expect(result.discovery).toBe(true)
    expect(result.status).toBe('pass')
    expect(result.integrationIds).toEqual(['c3', 'c2', 'c5'])
  })

  it('handles IDs such as __proto__ as ordinary IDs', () => {
    const result = runCheck(
      [channel('__proto__', { identifier: 'x', profile: 'p', name: 'x p' }), channel('constructor', { identifier: 'x', profile: 'q', name: 'x q' })],
      entries('__proto__, constructor, toString')
    )
    expect(result.results.map(r => r.state)).toEqual(['enabled', 'enabled', 'missing'])
  })

  it('stays linear at 10,000 integrations and 1,000 entries', () => {
    const big = Array.from({ length: 10_000 }, (_, n) =>
      channel(`id${n}`, { identifier: n % 2 ? 'x' : 'linkedin', profile: `p${n}`, name: `${n % 2 ? 'x' : 'linkedin'} p${n}` })
    )
    const list = Array.from({ length: 1000 }, (_, n) => (n % 2 ? `id${n * 7}` : `x:p${n * 3 + 1}`)).join('\n')
    const started = performance.now()
    const result = runCheck(big, entries(list))
    expect(performance.now() - started).toBeLessThan(500)
    expect(result.status).toBe('pass')
  })
})
