import { describe, expect, it } from '@jest/globals'
import { runCheck } from '../src/check.js'
import { parseEntries } from '../src/entries.js'
import type { Integration } from '../src/integrations.js'
import { buildOutputs, cappedJsonArray, INTEGRATIONS_OUTPUT_MAX_BYTES } from '../src/outputs.js'

const channel = (n: number, name = `Channel ${n}`): Integration => ({
  id: `id${n}`,
  name,
  identifier: 'x',
  picture: 'https://example.com/p.png',
  disabled: false,
  profile: `p${n}`,
  customer: null
})

describe('buildOutputs', () => {
  it('keeps __proto__ as an ordinary key of ids', () => {
    const result = runCheck([channel(1)], parseEntries('__proto__=id1').entries)
    expect(JSON.parse(buildOutputs(result).ids)).toEqual(JSON.parse('{"__proto__":"id1"}'))
    expect(buildOutputs(result).ids).toBe('{"__proto__":"id1"}')
  })

  it('projects integrations without pictures', () => {
    const out = buildOutputs(runCheck([channel(1)], []))
    expect(JSON.parse(out.integrations)).toEqual([{ id: 'id1', name: 'Channel 1', identifier: 'x', profile: 'p1', disabled: false, customer: null }])
  })

  it('caps the integrations output at 256 KiB of whole elements, counting UTF-8 bytes', () => {
    const many = Array.from({ length: 5000 }, (_, n) => channel(n, `Канал ${n} ${'é'.repeat(40)}`))
    const json = buildOutputs(runCheck(many, [])).integrations
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThanOrEqual(INTEGRATIONS_OUTPUT_MAX_BYTES)
    const parsed = JSON.parse(json) as unknown[]
    expect(parsed.length).toBeGreaterThan(100)
    expect(parsed.length).toBeLessThan(5000)
  })

  it('cappedJsonArray fills up to the limit exactly', () => {
    expect(cappedJsonArray([1, 2, 3], 5)).toEqual({ json: '[1,2]', included: 2 })
    expect(cappedJsonArray([1, 2, 3], 4)).toEqual({ json: '[1]', included: 1 })
    expect(cappedJsonArray([], 2)).toEqual({ json: '[]', included: 0 })
  })
})
