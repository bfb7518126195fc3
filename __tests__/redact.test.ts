import { describe, expect, it } from '@jest/globals'
import { MIN_REDACTED_LENGTH, Redactor } from '../src/postiz/redact.js'

const KEY = 'k3y-Secret-1234567890abcdef'

describe('Redactor', () => {
  it('replaces every occurrence of the key as given and as cleaned, the longest first', () => {
    const redactor = new Redactor([KEY, ` Bearer ${KEY} `, `Bearer ${KEY}`])
    expect(redactor.text(`Invalid API key: ${KEY} (twice: ${KEY})`)).toBe('Invalid API key: *** (twice: ***)')
    expect(redactor.text(`got "Bearer ${KEY}"`)).toBe('got "***"')
    expect(redactor.text('nothing here')).toBe('nothing here')
  })

  it(`leaves secrets shorter than ${MIN_REDACTED_LENGTH} characters alone rather than garble every message`, () => {
    const redactor = new Redactor(['k', 'abc'])
    expect(redactor.text('Check the key')).toBe('Check the key')
  })

  it('walks parsed JSON, keys included, and keeps "__proto__" an ordinary key', () => {
    const body = JSON.parse(`{"__proto__": {"name": "${KEY}"}, "list": [1, null, true, "x ${KEY}"], "${KEY}": 1}`) as unknown
    const copy = new Redactor([KEY]).deep(body) as Record<string, unknown>
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ name: '***' })
    expect(copy.list).toEqual([1, null, true, 'x ***'])
    expect(Object.keys(copy)).toEqual(['__proto__', 'list', '***'])
  })

  it('knows when a body cannot hold the key: no key and no escape in its bytes', () => {
    const redactor = new Redactor([KEY])
    expect(redactor.mayHoldSecret(Buffer.from('[{"name":"plain"}]'))).toBe(false)
    expect(redactor.mayHoldSecret(Buffer.from(`[{"name":"${KEY}"}]`))).toBe(true)
    expect(redactor.mayHoldSecret(Buffer.from('[{"name":"\\u006b3y"}]'))).toBe(true)
    expect(new Redactor([]).mayHoldSecret(Buffer.from(KEY))).toBe(false)
  })
})
