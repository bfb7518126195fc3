import { describe, expect, it } from '@jest/globals'
import { runCheck } from '../src/core/check.js'
import { parseIntegrations } from '../src/core/entries.js'
import type { Integration } from '../src/postiz/integrations.js'
import { channel } from './support/check-fixtures.js'
import { buildOutputs, cappedJsonArray, INTEGRATIONS_OUTPUT_MAX_BYTES, OUTPUTS_MAX_UTF16_BYTES } from '../src/action/outputs.js'

/** Channel n: ID `idN`, profile `pN`, named `Channel N` unless named otherwise. */
const numbered = (n: number, name = `Channel ${n}`): Integration => channel(`id${n}`, { name, profile: `p${n}`, picture: 'https://example.com/p.png' })

describe('buildOutputs', () => {
  it('writes ids in entry order, keys that look like numbers included', () => {
    const numeric = { ...numbered(1), id: '10' }
    const result = runCheck([numeric, numbered(2)], parseIntegrations('zeta=id2\n10\nalpha=id2').entries)
    expect(buildOutputs(result).outputs.ids).toBe('{"zeta":"id2","10":"10","alpha":"id2"}')
  })

  it('keeps __proto__ as an ordinary key of ids', () => {
    const result = runCheck([numbered(1)], parseIntegrations('__proto__=id1').entries)
    expect(JSON.parse(buildOutputs(result).outputs.ids)).toEqual(JSON.parse('{"__proto__":"id1"}'))
    expect(buildOutputs(result).outputs.ids).toBe('{"__proto__":"id1"}')
  })

  it('projects integrations without pictures', () => {
    const out = buildOutputs(runCheck([numbered(1)], [])).outputs
    expect(JSON.parse(out.integrations)).toEqual([{ id: 'id1', name: 'Channel 1', identifier: 'x', profile: 'p1', disabled: false, customer: null }])
  })

  it('caps the integrations output at 256 KiB of whole elements, counting UTF-8 bytes', () => {
    const many = Array.from({ length: 5000 }, (_, n) => numbered(n, `Канал ${n} ${'é'.repeat(40)}`))
    const json = buildOutputs(runCheck(many, [])).outputs.integrations
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThanOrEqual(INTEGRATIONS_OUTPUT_MAX_BYTES)
    const parsed = JSON.parse(json) as unknown[]
    expect(parsed.length).toBeGreaterThan(100)
    expect(parsed.length).toBeLessThan(5000)
  })

  it('cappedJsonArray fills up to the limit exactly', () => {
    expect(cappedJsonArray([1, 2, 3], 5)).toEqual({ json: '[1,2]', included: 2 })
    expect(cappedJsonArray([1, 2, 3], 4)).toEqual({ json: '[1]', included: 1 })
    expect(cappedJsonArray([], 2)).toEqual({ json: '[]', included: 0 })
    expect(cappedJsonArray(['é'], 100, 8)).toEqual({ json: '[]', included: 0 }) // ["é"] is 5 units = 10 bytes of UTF-16
    expect(cappedJsonArray(['é'], 100, 10)).toEqual({ json: '["é"]', included: 1 })
  })

  it('cappedJsonArray projects only the elements it tries, not the whole list', () => {
    const projected: number[] = []
    const capped = cappedJsonArray(
      Array.from({ length: 10_000 }, (_, n) => n),
      12,
      Infinity,
      n => {
        projected.push(n)
        return { n }
      }
    )
    expect(capped).toEqual({ json: '[{"n":0}]', included: 1 })
    expect(projected).toEqual([0, 1]) // the second is tried and does not fit; the other 9,998 are never touched
  })

  it("keeps every output together under GitHub's per-job limit at 10,000 integrations and 1,000 entries", () => {
    const many = Array.from({ length: 10_000 }, (_, n) => numbered(n, `Channel ${n} ${'名'.repeat(n % 50)}`))
    const list = Array.from({ length: 1000 }, (_, n) => (n % 10 === 0 ? `entry_${n}=x:gone${n}` : `entry_${n}=x:p${n * 9}`)).join('\n')
    const built = buildOutputs(runCheck(many, parseIntegrations(list).entries))
    const total = Object.entries(built.outputs as unknown as Record<string, string>).reduce((sum, [k, v]) => sum + (k.length + v.length) * 2, 0)
    expect(total).toBeLessThanOrEqual(OUTPUTS_MAX_UTF16_BYTES)
    expect(Object.keys(JSON.parse(built.outputs.ids) as object)).toHaveLength(1000)
    expect(JSON.parse(built.outputs.missing)).toHaveLength(100)
    expect(built.integrationsIncluded).toBe((JSON.parse(built.outputs.integrations) as unknown[]).length)
    expect(built.integrationsIncluded).toBeGreaterThan(500)
  })
})
