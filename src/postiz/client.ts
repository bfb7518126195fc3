/**
 * The Postiz public API client: `GET /public/v1/integrations`, `/posts` and `/notifications`
 * (routes.ts), each attempt retried as shared/retry.ts does it, the key taken out of every answer
 * (redact.ts), and every unusable answer turned into a CheckError with its fix (diagnosis.ts).
 */
import { CheckError } from './errors.js'
import { blameApiUrl, blameRoute, interpret, shaped, transportFailure, waitTooLong } from './diagnosis.js'
import { parseRetryAfter, retryReason } from '../http/retry.js'
import { firstHeader, httpGet, TransportError, type HttpResponse } from '../http/transport.js'
import type { Integration } from './integrations.js'
import type { Notification } from './notifications.js'
import type { Post } from './posts.js'
import { Redactor } from './redact.js'
import { INTEGRATIONS, NOTIFICATIONS, POSTS, type Route } from './routes.js'
import { MAX_RETRY_AFTER_MS, withRetries, type RetryJudgement, type RetryNote } from '../shared/retry.js'
import { USER_AGENT } from '../shared/version.js'

const MAX_BODY_BYTES = 32 * 1024 * 1024

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

/** What every read reports besides its data: the URL asked, the attempts it took, how long. */
export interface ReadInfo {
  url: string
  attempts: number
  durationMs: number
}

export interface IntegrationsResult extends ReadInfo {
  integrations: Integration[]
}

export interface PostsResult extends ReadInfo {
  posts: Post[]
}

/** Whether an attempt deserves another: 5xx, 429 and transport failures that may pass do; a 429 asking for too long a wait ends the run. */
function judge(outcome: HttpResponse | TransportError, url: string): RetryJudgement {
  const reason = retryReason(outcome)
  if (reason === undefined) return { final: true }
  if (outcome instanceof TransportError || outcome.status !== 429) return { final: false, reason }
  const waitMs = parseRetryAfter(firstHeader(outcome.headers, 'retry-after'))
  if (waitMs !== undefined && waitMs > MAX_RETRY_AFTER_MS) throw waitTooLong(outcome, url, waitMs, MAX_RETRY_AFTER_MS)
  return { final: false, reason, ...(waitMs !== undefined ? { waitMs } : {}) }
}

/** One GET with its retries: the final response, or a CheckError when no usable answer came. */
async function getWithRetries(options: ClientOptions, target: URL): Promise<{ response: HttpResponse; attempts: number }> {
  const url = target.href
  const headers = {
    authorization: options.apiKey,
    accept: 'application/json',
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': USER_AGENT
  }
  const attempt = async (): Promise<HttpResponse | TransportError> => {
    try {
      return await httpGet(target, { headers, timeoutMs: options.timeoutMs, maxBytes: MAX_BODY_BYTES, env: options.env })
    } catch (error) {
      if (error instanceof TransportError) return error
      throw error
    }
  }
  const { outcome, attempts } = await withRetries(options, attempt, outcome => judge(outcome, url))
  if (outcome instanceof TransportError) throw transportFailure(outcome, url, attempts)
  return { response: outcome, attempts }
}

/**
 * GET a public API route and return its validated answer. The one place where server text enters:
 * the key is taken out of every string in the JSON, of the retry lines and of any error, before the
 * answer is checked against `route`.
 */
async function read<T>(options: ClientOptions, route: Route<T>, query: Record<string, string> = {}): Promise<{ value: T } & ReadInfo> {
  const redactor = Redactor.forKey(options.apiKey, options.rawApiKey)
  const onRetry = options.onRetry
  const redacted: ClientOptions = {
    ...options,
    ...(onRetry ? { onRetry: (note: RetryNote) => onRetry({ ...note, reason: redactor.text(note.reason), line: redactor.text(note.line) }) } : {})
  }
  const advice = options.apiUrlProven ? blameRoute(route) : blameApiUrl
  const target = new URL(`${options.apiUrl}${route.path}`)
  for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value)
  const url = target.href
  const started = Date.now()
  try {
    const { response, attempts } = await getWithRetries(redacted, target)
    const body = interpret(response, url, advice)
    const value = shaped(redactor.mayHoldSecret(response.body) ? redactor.deep(body) : body, url, route, advice)
    return { value, url, attempts, durationMs: Date.now() - started }
  } catch (error) {
    throw error instanceof CheckError ? redactor.error(error) : error
  }
}

/** Fetches every integration of the organisation the key belongs to. */
export async function fetchIntegrations(options: ClientOptions): Promise<IntegrationsResult> {
  const { value: integrations, ...info } = await read(options, INTEGRATIONS)
  return { integrations, ...info }
}

export interface PostsWindow {
  startDate: Date
  endDate: Date
  /** Customer ID, to let newer servers filter. */
  customer?: string
}

/** Fetches the posts whose publish date lies in the window. */
export async function fetchPosts(options: ClientOptions, window: PostsWindow): Promise<PostsResult> {
  const query: Record<string, string> = { startDate: window.startDate.toISOString(), endDate: window.endDate.toISOString() }
  if (window.customer !== undefined) query.customer = window.customer
  const { value: posts, ...info } = await read(options, POSTS, query)
  return { posts, ...info }
}

export interface NotificationsResult {
  notifications: Notification[]
  url: string
  pages: number
  durationMs: number
}

/** Pages of notifications read at most (100 a page): the window's newest 2,000 are plenty. */
const MAX_NOTIFICATION_PAGES = 20

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
    const { value: page, ...info } = await read(options, NOTIFICATIONS, { page: String(pages) })
    url = info.url
    pages++
    notifications.push(...page.notifications.filter(n => n.createdAt >= since.getTime()))
    const reachedPast = page.notifications.some(n => n.createdAt < since.getTime())
    if (!page.hasMore || reachedPast || page.notifications.length === 0) break
  }
  return { notifications, url, pages, durationMs: Date.now() - started }
}
