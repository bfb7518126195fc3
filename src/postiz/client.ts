/**
 * The Postiz public API client: `GET /public/v1/integrations`, `/posts` and `/notifications` with
 * retries (see http/retry.ts), the key redacted from every answer, and a precise diagnosis of every
 * unusable answer (a CheckError with the fix).
 */
import { CheckError, ResponseShapeError } from './errors.js'
import { backoffMs, parseRetryAfter, readableWait, retryReason } from '../http/retry.js'
import { firstHeader, httpGet, TransportError, type HttpResponse } from '../http/transport.js'
import { parseIntegrations, type Integration } from './integrations.js'
import { isRecord } from './json.js'
import { parseNotificationsPage, type Notification, type NotificationsPage } from './notifications.js'
import { parsePosts, type Post } from './posts.js'
import { Redactor } from './redact.js'
import { logSafe } from '../shared/sanitize.js'
import { USER_AGENT } from '../shared/version.js'
import { assign, KEY_PLACE, mapText, phrase, setting, words, type Setting, type Words } from '../shared/words.js'

export const MAX_BODY_BYTES = 32 * 1024 * 1024
/** Longest `Retry-After` the client waits for; a longer one ends the run at once. */
export const MAX_RETRY_AFTER_MS = 60_000

export interface ClientOptions {
  apiUrl: string
  apiKey: string
  timeoutMs: number
  retries: number
  /** Called before each retry. */
  onRetry?: (retry: RetryNote) => void
  env?: Record<string, string | undefined>
  /** True once another route answered on this apiUrl: failures then never blame the address. */
  apiUrlProven?: boolean
  /** The key as given, when it differs from apiKey (whitespace, a "Bearer " prefix): redacted too. */
  rawApiKey?: string
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

export interface FetchResult {
  integrations: Integration[]
  url: string
  attempts: number
  durationMs: number
}

/** A failed attempt that will be tried again. */
export interface RetryNote {
  attempt: number
  /** Attempts allowed in all. */
  attempts: number
  /** Why it failed: "HTTP 503", "the connection was refused". */
  reason: string
  waitMs: number
  /** The URL asked. */
  url: string
  /** The note as a log line. */
  line: string
}

const defaultSleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

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
type UrlAdvice = (apiUrlFix: Words) => Words
const blameApiUrl: UrlAdvice = apiUrlFix => apiUrlFix
/** Once the integrations were read from the same api-url, the address is right: the route failed. */
const apiUrlProven =
  (route: Route<unknown>): UrlAdvice =>
  () =>
    words`The integrations were read from this address moments before, so the address is right: the server, or a proxy in front of it, failed on ${route.path}. Check the server's logs; to skip this read, ${assign(route.off, '0')}.`

/** Turns a final (non-retried) response into parsed JSON, or a CheckError with the diagnosis. */
function interpret(response: HttpResponse, url: string, advice: UrlAdvice): unknown {
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
function shaped<T>(body: unknown, url: string, parse: (body: unknown) => T, expected: string, shape: string, advice: UrlAdvice): T {
  try {
    return parse(body)
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

interface JsonResult {
  body: unknown
  url: string
  attempts: number
  durationMs: number
}

/** The key as sent and as given, taken out of everything the server said (see redact.ts). */
function redactorFor(options: ClientOptions): Redactor {
  const raw = options.rawApiKey ?? ''
  return new Redactor([options.apiKey, raw, raw.trim()])
}

/** Runs `read`; any CheckError it throws comes out with the key taken out of its message and fix. */
async function redacting<T>(redactor: Redactor, read: () => T | Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof CheckError)
      throw new CheckError(
        mapText(error.said, s => redactor.text(s)),
        mapText(error.fix, s => redactor.text(s)),
        error.code
      )
    throw error
  }
}

/** What a public route returns and how to check it: the parser, and the words for a shape error. */
interface Route<T> {
  path: string
  parse: (body: unknown) => T
  expected: string
  shape: string
  /** The settings that turn this read off (all of them at 0). */
  off: readonly Setting[]
}

/**
 * GET a public API route and return its validated answer. The one place where server text enters:
 * the key is taken out of every string in the JSON, of the retry lines and of any error, before the
 * answer is checked against `route`.
 */
async function getShaped<T>(
  options: ClientOptions,
  route: Route<T>,
  query: Record<string, string> = {}
): Promise<{ value: T; url: string; attempts: number; durationMs: number }> {
  const redactor = redactorFor(options)
  const onRetry = options.onRetry
  const redacted = {
    ...options,
    ...(onRetry ? { onRetry: (note: RetryNote) => onRetry({ ...note, reason: redactor.text(note.reason), line: redactor.text(note.line) }) } : {})
  }
  const advice = options.apiUrlProven ? apiUrlProven(route) : blameApiUrl
  return redacting(redactor, async () => {
    const { raw, body, ...result } = await getRawJson(redacted, route.path, query, advice)
    const value = shaped(redactor.mayHoldSecret(raw) ? redactor.deep(body) : body, result.url, route.parse, route.expected, route.shape, advice)
    return { value, ...result }
  })
}

/** The JSON of a route before redaction; `raw` is the body's bytes, to tell whether redaction has anything to do. */
async function getRawJson(options: ClientOptions, path: string, query: Record<string, string>, advice: UrlAdvice): Promise<JsonResult & { raw: Buffer }> {
  const target = new URL(`${options.apiUrl}${path}`)
  for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value)
  const url = target.href
  const sleep = options.sleep ?? defaultSleep
  const headers = {
    authorization: options.apiKey,
    accept: 'application/json',
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': USER_AGENT
  }
  const started = Date.now()
  const attemptsAllowed = options.retries + 1
  for (let attempt = 1; ; attempt++) {
    let outcome: HttpResponse | TransportError
    try {
      outcome = await httpGet(target, { headers, timeoutMs: options.timeoutMs, maxBytes: MAX_BODY_BYTES, env: options.env })
    } catch (error) {
      if (!(error instanceof TransportError)) throw error
      outcome = error
    }
    const reason = retryReason(outcome)
    if (reason === undefined || attempt >= attemptsAllowed) {
      if (outcome instanceof TransportError && outcome.answered) {
        throw new CheckError([`${url} answered ${outcome.message}.`], transportFix(outcome))
      }
      if (outcome instanceof TransportError) {
        const tries = attempt > 1 ? ` after ${attempt} attempts` : ''
        throw new CheckError([`Could not reach Postiz at ${url}${tries}: ${outcome.message.replace(/\.$/, '')}.`], transportFix(outcome))
      }
      return {
        body: interpret(outcome, url, advice),
        url,
        attempts: attempt,
        durationMs: Date.now() - started,
        raw: outcome.body
      }
    }
    let waitMs = backoffMs(attempt, options.random)
    if (!(outcome instanceof TransportError) && outcome.status === 429) {
      const retryAfter = parseRetryAfter(firstHeader(outcome.headers, 'retry-after'))
      if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) {
        throw new CheckError(
          [
            `${url} answered HTTP 429: Postiz is rate limiting this organisation and asks to wait ${readableWait(retryAfter)}, longer than this check waits (${MAX_RETRY_AFTER_MS / 1000} s).`
          ],
          rateLimitFix(outcome)
        )
      }
      if (retryAfter !== undefined) waitMs = retryAfter
    }
    options.onRetry?.({
      attempt,
      attempts: attemptsAllowed,
      reason,
      waitMs,
      url,
      line: `Attempt ${attempt} of ${attemptsAllowed} failed (${reason}); retrying in ${(waitMs / 1000).toFixed(1)} s.`
    })
    await sleep(waitMs)
  }
}

const INTEGRATIONS: Route<Integration[]> = {
  path: '/public/v1/integrations',
  parse: parseIntegrations,
  expected: 'a list of Postiz integrations',
  shape: 'GET /public/v1/integrations returns a JSON array',
  off: []
}
const POSTS: Route<Post[]> = {
  path: '/public/v1/posts',
  parse: parsePosts,
  expected: 'a list of Postiz posts',
  shape: 'GET /public/v1/posts returns {"posts": [...]}',
  off: ['failed-posts-days', 'upcoming-posts-days', 'reconnect-days']
}
const NOTIFICATIONS: Route<NotificationsPage> = {
  path: '/public/v1/notifications',
  parse: parseNotificationsPage,
  expected: 'a page of Postiz notifications',
  shape: 'GET /public/v1/notifications returns {"notifications": [...]}',
  off: ['reconnect-days']
}

/** Fetches every integration of the organisation the key belongs to. */
export async function fetchIntegrations(options: ClientOptions): Promise<FetchResult> {
  const { value: integrations, ...result } = await getShaped(options, INTEGRATIONS)
  return { integrations, ...result }
}

export interface PostsWindow {
  startDate: Date
  endDate: Date
  /** Customer ID, to let newer servers filter. */
  customer?: string
}

export interface PostsResult {
  posts: Post[]
  url: string
  attempts: number
  durationMs: number
}

/** Fetches the posts whose publish date lies in the window. */
export async function fetchPosts(options: ClientOptions, window: PostsWindow): Promise<PostsResult> {
  const query: Record<string, string> = { startDate: window.startDate.toISOString(), endDate: window.endDate.toISOString() }
  if (window.customer !== undefined) query.customer = window.customer
  const { value: posts, ...result } = await getShaped(options, POSTS, query)
  return { posts, ...result }
}

export interface NotificationsResult {
  notifications: Notification[]
  url: string
  pages: number
  durationMs: number
}

/** Pages of notifications read at most (100 a page): the window's newest 2,000 are plenty. */
export const MAX_NOTIFICATION_PAGES = 20

/**
 * Reads the notifications created since `since`, newest first, page by page: stops at the first page
 * that reaches past the window, at the last page, or after MAX_NOTIFICATION_PAGES. Servers before
 * Postiz v2.18.0 answer 404: a CheckError with code `route-missing`.
 */
export async function fetchNotifications(options: ClientOptions, since: Date): Promise<NotificationsResult> {
  const notifications: Notification[] = []
  const started = Date.now()
  let url = ''
  let pages = 0
  while (pages < MAX_NOTIFICATION_PAGES) {
    const { value: page, ...result } = await getShaped(options, NOTIFICATIONS, { page: String(pages) })
    url = result.url
    pages++
    notifications.push(...page.notifications.filter(n => n.createdAt >= since.getTime()))
    const reachedPast = page.notifications.some(n => n.createdAt < since.getTime())
    if (!page.hasMore || reachedPast || page.notifications.length === 0) break
  }
  return { notifications, url, pages, durationMs: Date.now() - started }
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
