/**
 * What HTTP says about trying a GET again: `Retry-After` as RFC 9110 defines it, and which outcomes
 * are worth another attempt. Pure; the loop and its backoff are shared/retry.ts.
 */
import { TransportError, type HttpResponse } from './transport.js'

/**
 * An HTTP date as RFC 9110 allows it: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the obsolete
 * RFC 850 form (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
 * Date.parse alone would take almost anything ("1.5", "-1") for a date in the past.
 */
const HTTP_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/

/**
 * `Retry-After` in milliseconds: whole non-negative seconds or an HTTP date (RFC 9110 §10.2.3).
 * Anything else (`1.5`, `-1`, `soon`) is undefined, and the caller falls back to its backoff.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  if (!HTTP_DATE.test(text)) return undefined
  const date = Date.parse(text.endsWith('GMT') ? text : `${text} GMT`) // asctime is GMT too
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** A wait as people read it: 45 s, 12 min, 3 h, 2 days; beyond a year, just that. */
export function readableWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  if (seconds < 120) return `${seconds} s`
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`
  if (seconds <= 366 * 86_400) return `${Math.round(seconds / 86_400)} days`
  return 'more than a year'
}

/** Why an attempt should be retried, or undefined when its outcome is final. */
export function retryReason(outcome: HttpResponse | TransportError): string | undefined {
  if (outcome instanceof TransportError) return outcome.retryable ? outcome.message : undefined
  if (outcome.status >= 500) return `HTTP ${outcome.status}`
  if (outcome.status === 429) return 'HTTP 429 (rate limited)'
  return undefined
}
