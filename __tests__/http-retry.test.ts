import { describe, expect, it } from '@jest/globals'
import { parseRetryAfter } from '../src/http/retry.js'
import { backoffMs } from '../src/shared/retry.js'

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T12:00:00Z')
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('5', now)).toBe(5000)
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Sat, 28 Nov 2026 11:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
  })
  it('reads the obsolete RFC 850 and asctime date forms, as GMT', () => {
    expect(parseRetryAfter('Saturday, 28-Nov-26 12:01:00 GMT', now)).toBe(60_000)
    expect(parseRetryAfter('Sat Nov 28 12:00:10 2026', now)).toBe(10_000)
  })
  it.each(['1.5', '-1', '+5', '1e3', '5s', '0x10', '2026-11-28T12:00:30Z', '28 Nov 2026 12:00:30'])(
    'does not read %p as a wait (the backoff applies)',
    value => {
      expect(parseRetryAfter(value, now)).toBeUndefined()
    }
  )
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
  })
})

describe('backoffMs', () => {
  it('starts near 1 s, doubles, jitters and caps', () => {
    expect(backoffMs(1, () => 0)).toBe(750)
    expect(backoffMs(1, () => 1)).toBe(1250)
    expect(backoffMs(2, () => 0.5)).toBe(2000)
    expect(backoffMs(3, () => 0.5)).toBe(4000)
    expect(backoffMs(20, () => 0.5)).toBe(16_000)
  })
})
