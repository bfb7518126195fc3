/**
 * What an unusable answer from the Postiz API means and how to fix it: every status, body and
 * transport failure the client gives up on becomes a CheckError with a diagnosis and a fix, in
 * `Words` each front end completes. Pure; docs/postiz-api.md is what the words rest on.
 */
import { CheckError, ResponseShapeError } from './errors.js'
import { parseRetryAfter, readableWait } from '../http/retry.js'
import { firstHeader, type HttpResponse, type TransportError } from '../http/transport.js'
import { isRecord } from './json.js'
import type { Route } from './routes.js'
import { logSafe } from '../shared/sanitize.js'
import { assign, KEY_PLACE, phrase, setting, words, type Words } from '../shared/words.js'

/** The first bytes of a body, made safe for the log. */
function snippet(body: Buffer): string {
  const text = body.subarray(0, 300).toString('utf8').replace(/\s+/g, ' ').trim()
  return text === '' ? '(empty body)' : `"${logSafe(text, 160)}"`
}

function serverMessage(body: Buffer): string | undefined {
  const parsed = parseJson(body)
  if (!parsed.ok || !isRecord(parsed.value)) return undefined
  const record = parsed.value
  const msg = Object.hasOwn(record, 'msg') ? record.msg : Object.hasOwn(record, 'message') ? record.message : undefined
  return typeof msg === 'string' && msg.trim() !== '' ? logSafe(msg, 200) : undefined
}

const KEY_SOURCE = words`The key comes from ${phrase('key-from')}; create or copy it in Postiz under ${KEY_PLACE}.`

/** Postiz's own messages on 401/403 (docs/postiz-api.md), with their fixes. A Map: server text is never a property name. */
const AUTH_FIXES: ReadonlyMap<string, Words> = new Map([
  [
    'Invalid API key',
    words`The key is wrong or was rotated (rotating it in Postiz invalidates the old one at once). Update ${phrase('key-home')}. ${KEY_SOURCE}`
  ],
  ['No API Key found', words`The request reached Postiz without a key. ${KEY_SOURCE}`],
  ['Invalid OAuth token', words`The pos_ OAuth token is unknown or was revoked: issue a new one and update ${phrase('key-home')}.`],
  ['No subscription found', ['This Postiz Cloud organisation has no active subscription, so its public API is closed. Renew the subscription.']]
])

/**
 * A 401 or 403 with an empty body is the server failing while it looked the key up (its database
 * down, say: docs/postiz-api.md), not the key: Postiz answers every wrong key with a message.
 */
function keyLookupFailed(response: HttpResponse, url: string): CheckError {
  const logout = firstHeader(response.headers, 'logout') === 'true' ? ' and a "logout: true" header' : ''
  return new CheckError(
    [
      `${url} answered HTTP ${response.status} with an empty body${logout}: the Postiz server failed while it checked the key (its key lookup did not complete), so the key may well be right.`
    ],
    ["Check the Postiz server's health and its logs (its database and Redis above all), then run again."]
  )
}

function authError(response: HttpResponse, url: string): CheckError {
  if (response.body.length === 0) return keyLookupFailed(response, url)
  const msg = serverMessage(response.body)
  const said = msg ? `: "${msg}"` : ` with ${looksLikeHtml(response) ? 'an HTML page' : 'a body'} ${snippet(response.body)}`
  const fix =
    (msg !== undefined ? AUTH_FIXES.get(msg) : undefined) ??
    (response.status === 403
      ? words`Postiz refused the key. If this persists, check the key and the server's logs. ${KEY_SOURCE}`
      : words`Check the key. ${KEY_SOURCE}`)
  return new CheckError([`Postiz rejected the API key (HTTP ${response.status}${said}) at ${url}.`], fix)
}

/** The body as JSON (a UTF-8 byte order mark before it is allowed), or the parse error. */
function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false; error: Error } {
  const text = body.toString('utf8')
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) }
  } catch (error) {
    return { ok: false, error: error as Error }
  }
}

function looksLikeHtml(response: HttpResponse): boolean {
  const type = firstHeader(response.headers, 'content-type') ?? ''
  return /html/i.test(type) || /^\s*</.test(response.body.subarray(0, 64).toString('utf8'))
}

const API_PATH_FIX = words`${setting('api-url')} must be the Postiz backend, not the web app: https://api.postiz.com for Postiz Cloud, https://<your-host>/api for the official Docker image (note the /api), or http://localhost:3000 when the backend runs from source.`

/** The fix for an answer that suggests api-url is not a Postiz backend, given the one that says so. */
export type UrlAdvice = (apiUrlFix: Words) => Words
export const blameApiUrl: UrlAdvice = apiUrlFix => apiUrlFix
/** Once the integrations were read from the same api-url, the address is right: the route failed. */
export const blameRoute =
  (route: Route<unknown>): UrlAdvice =>
  () =>
    words`The integrations were read from this address moments before, so the address is right: the server, or a proxy in front of it, failed on ${route.path}. Check the server's logs; to skip this read, ${assign(route.off, '0')}.`

/** Turns a final (non-retried) response into parsed JSON, or throws a CheckError with the diagnosis. */
export function interpret(response: HttpResponse, url: string, advice: UrlAdvice): unknown {
  const { status } = response
  if (status === 304) {
    return fail(
      [
        `${url} answered HTTP 304 Not Modified, to a request that asked for no cached copy: something between `,
        phrase('here'),
        ' and Postiz answered instead of Postiz.'
      ],
      words`Check any proxy or cache between ${phrase('here')} and Postiz (HTTPS_PROXY, a CDN in front of the server); it must pass the request on.`
    )
  }
  if (status >= 300 && status < 400) {
    const location = firstHeader(response.headers, 'location')
    return fail(
      [
        `${url} answered HTTP ${status}, a redirect${location ? ` to ${logSafe(location, 200)}` : ' without a Location'}; redirects are not followed so the API key is never sent anywhere else.`
      ],
      advice(location ? words`Set ${setting('api-url')} to the address the server redirects to (its base, without /public/v1/…).` : API_PATH_FIX)
    )
  }
  if (status === 401 || status === 403) throw authError(response, url)
  if (status === 407) {
    return fail(
      [`${url} answered HTTP 407 Proxy Authentication Required: a proxy between `, phrase('here'), ' and Postiz asks for credentials.'],
      PROXY_AUTH_FIX
    )
  }
  if (status === 404) {
    throw new CheckError(
      [
        `${url} answered HTTP 404 (${looksLikeHtml(response) ? 'an HTML page' : 'body'} ${snippet(response.body)}): there is no Postiz public API at this address.`
      ],
      advice(words`${API_PATH_FIX} A server started with MCP_ONLY has no public API at all.`),
      'route-missing'
    )
  }
  if (status === 429) {
    return fail([`${url} answered HTTP 429: Postiz is rate limiting this organisation.`], rateLimitFix(response))
  }
  if (status >= 500) {
    return fail(
      [`${url} answered HTTP ${status} (${snippet(response.body)}): the Postiz server failed.`],
      ['Retry later; if it persists, check the Postiz server (its logs, database and Redis).']
    )
  }
  if (status === 400) {
    return fail(
      [`${url} answered HTTP 400 (${snippet(response.body)}): the server rejected the request.`],
      advice(words`Check ${setting('api-url')}. ${API_PATH_FIX}`)
    )
  }
  if (status < 200 || status >= 300) {
    return fail([`${url} answered HTTP ${status} (${snippet(response.body)}).`], advice(API_PATH_FIX))
  }
  if (response.body.length === 0) {
    return fail(
      [`${url} answered HTTP ${status} with an empty body, where a JSON answer belongs.`],
      advice(words`Check that ${setting('api-url')} points at a Postiz backend. ${API_PATH_FIX}`)
    )
  }
  // Postiz answers a list with 200 and all of it; a 206 (no Range was asked) or another 2xx is part of it, or none.
  if (status !== 200) {
    return fail(
      [
        `${url} answered HTTP ${status} where Postiz answers 200 with the whole list: something between `,
        phrase('here'),
        ' and Postiz answered with part of it, or with something else.'
      ],
      words`Check any proxy or cache between ${phrase('here')} and Postiz (HTTPS_PROXY, a CDN in front of the server); it must pass the request on and the whole answer back.`
    )
  }
  // What parses is JSON, whatever the Content-Type says; only what does not is judged by its looks.
  const parsed = parseJson(response.body)
  if (parsed.ok) return parsed.value
  if (looksLikeHtml(response)) {
    return fail([`${url} answered with an HTML page (${snippet(response.body)}), not JSON: this is a web page, not the Postiz API.`], advice(API_PATH_FIX))
  }
  return fail(
    [`${url} answered HTTP ${status} with invalid JSON (${logSafe(parsed.error.message, 120)}; it starts ${snippet(response.body)}).`],
    advice(words`Check that ${setting('api-url')} points at a Postiz backend and that no proxy rewrites its answers. ${API_PATH_FIX}`)
  )
}

/** Validates a JSON body with `parse`; a shape error becomes a CheckError naming what was expected. */
export function shaped<T>(body: unknown, url: string, route: Route<T>, advice: UrlAdvice): T {
  const { expected, shape } = route
  try {
    return route.parse(body)
  } catch (error) {
    if (!(error instanceof ResponseShapeError)) throw error
    return fail(
      [`${url} answered with JSON that is not ${expected}: ${logSafe(error.message, 300)}.`],
      advice(words`Check that ${setting('api-url')} points at a Postiz backend (${shape}). ${API_PATH_FIX}`)
    )
  }
}

function fail(message: Words, fix: Words): never {
  throw new CheckError(message, fix)
}

/** When to run again, from Retry-After: a time, or "later" when none or one too far to be a date. */
function runAgain(waitMs: number | undefined, raw: string | undefined): string {
  if (waitMs === undefined) return 'later'
  const at = new Date(Date.now() + waitMs)
  const said = `(Retry-After: ${logSafe(raw ?? '', 40)})`
  // Beyond a year the server is not telling a time anyone would wait for (and past year 275760 there is no Date).
  return waitMs <= 366 * 86_400_000 && !Number.isNaN(at.getTime()) ? `after ${at.toISOString()} ${said}` : `later ${said}`
}

function rateLimitFix(response: HttpResponse): Words {
  const raw = firstHeader(response.headers, 'retry-after')
  const when = runAgain(parseRetryAfter(raw), raw)
  return [
    `Run again ${when}. Self-hosted Postiz from v1.11.1 to v1.65.1 limits every public route, this one included, ` +
      'to 30 requests per hour per organisation: run this check less often, or upgrade Postiz (v2.19.0 and later only limit creating posts).'
  ]
}

/** A transport failure on the last attempt: an answer that could not be used, or no answer at all. */
export function transportFailure(error: TransportError, url: string, attempts: number): CheckError {
  if (error.answered) return new CheckError([`${url} answered ${error.message}.`], transportFix(error))
  const tries = attempts > 1 ? ` after ${attempts} attempts` : ''
  return new CheckError([`Could not reach Postiz at ${url}${tries}: ${error.message.replace(/\.$/, '')}.`], transportFix(error))
}

/** A 429 whose Retry-After asks for longer than the client waits (`limitMs`). */
export function waitTooLong(response: HttpResponse, url: string, waitMs: number, limitMs: number): CheckError {
  return new CheckError(
    [
      `${url} answered HTTP 429: Postiz is rate limiting this organisation and asks to wait ${readableWait(waitMs)}, longer than this check waits (${limitMs / 1000} s).`
    ],
    rateLimitFix(response)
  )
}

const PROXY_AUTH_FIX: Words = [
  'Give the proxy its credentials in the proxy URL, e.g. HTTPS_PROXY=http://user:password@proxy.example.com:3128 (percent-encode special characters), or check them with whoever runs the proxy.'
]

function transportFix(error: TransportError): Words {
  switch (error.code) {
    case 'timeout':
      return words`Check that ${setting('api-url')} is reachable from ${phrase('here')}; raise ${setting('timeout')} if the server is slow.`
    case 'tls':
      return ['Fix the server certificate, or trust its CA with NODE_EXTRA_CA_CERTS.']
    case 'proxy':
      return words`Check HTTPS_PROXY / HTTP_PROXY / NO_PROXY on ${phrase('here')}.`
    case 'proxy-auth':
      return PROXY_AUTH_FIX
    case 'request':
      return words`Check ${setting('api-key')}: it must be a single line of printable characters.`
    case 'too-large':
      return words`Check that ${setting('api-url')} points at a Postiz backend.`
    case 'bad-body':
      return words`The answer was corrupted on its way, or the server labels it with the wrong Content-Encoding: check any proxy between ${phrase('here')} and Postiz, and the server.`
    case 'network':
      return words`Check ${setting('api-url')} (host and port) and that ${phrase('here')} can reach it${phrase('reach-self-hosted')}.`
  }
}
