/**
 * The engine shared by the action and the CLI: raw inputs → config → Postiz client → check, then
 * the post and reconnect signals combined into it, gathered into a RunOutcome. With entry-file.ts
 * (which it calls to read `integrations-file`), the only module of core/ that does I/O (the rest
 * through postiz/). Never throws: every failure is recorded in the outcome.
 */
import { fetchIntegrations, fetchNotifications, fetchPosts, type ClientOptions } from '../postiz/client.js'
import type { RetryNote } from '../shared/retry.js'
import { CheckError } from '../postiz/errors.js'
import { ambiguousCustomer, type Integration } from '../postiz/integrations.js'
import type { Post } from '../postiz/posts.js'
import { logSafe } from '../shared/sanitize.js'
import { runCheck } from './check.js'
import type { CheckResult } from './check-result.js'
import { combineSignals } from './combine.js'
import { parseConfig, type Config, type RawInputs } from './config.js'
import type { RunOutcome } from './outcome.js'
import { DAY_MS, postsWindow, readPostSignals, signalsOn, type PostSignals } from './post-signals.js'
import { readEntryFile, type EntryFileOptions } from './entry-file.js'
import { findReconnects } from './reconnect.js'
import { failsOn } from './verdict.js'
import { phrase, setting, words, type InputError } from '../shared/words.js'

export interface EngineHooks {
  /** Called once the config is valid, before the request. */
  onStart?: (config: Config) => void
  /** Called before each retry. */
  onRetry?: (retry: RetryNote) => void
  /** Called before each request after the integrations (which `onStart` announces), with what it asks for: "the posts". */
  onRequest?: (what: string, url: string) => void
  /** Called when the requests are answered (or have failed for good). */
  onAnswer?: () => void
  /** Where `integrations-file` is looked for, and whether it must stay there (default: the current directory, not confined). */
  files?: EntryFileOptions
  /** Called with details worth a debug line (timings, unexpected stacks). */
  onDebug?: (message: string) => void
  env?: Record<string, string | undefined>
}

const BUG_FIX = words`This is a bug in postiz-integrations-check: please report it ${phrase('bug-report')}.`

function clientOptions(config: Config, hooks: EngineHooks, rawApiKey: string | undefined): ClientOptions {
  return {
    apiUrl: config.apiUrl,
    apiKey: config.apiKey,
    rawApiKey,
    timeoutMs: config.timeoutMs,
    retries: config.retries,
    onRetry: hooks.onRetry,
    env: hooks.env
  }
}

async function gather(raw: Partial<RawInputs>, outcome: RunOutcome, hooks: EngineHooks, otherErrors: InputError[]): Promise<void> {
  const fileInput = (raw['integrations-file'] ?? '').trim()
  const file = fileInput === '' ? undefined : await readEntryFile(fileInput, hooks.files ?? { root: process.cwd(), confined: false })
  const parsed = parseConfig(raw, file)
  if (!parsed.ok || otherErrors.length > 0) {
    outcome.inputErrors = [...(parsed.ok ? [] : parsed.errors), ...otherErrors]
    return
  }
  const { config } = parsed
  outcome.config = config
  outcome.warnings.push(...parsed.warnings)
  hooks.onStart?.(config)
  const options = clientOptions(config, hooks, raw['api-key'])
  const fetched = await fetchIntegrations(options)
  outcome.fetch = { url: fetched.url, attempts: fetched.attempts, durationMs: fetched.durationMs }
  hooks.onDebug?.(`Fetched ${fetched.integrations.length} integrations in ${fetched.durationMs} ms (${fetched.attempts} attempt(s))`)
  const ambiguous = ambiguousCustomer(fetched.integrations, config.customer)
  if (ambiguous !== undefined) {
    outcome.inputErrors = [ambiguous]
    return
  }
  const check = runCheck(fetched.integrations, config.entries, config.customer)
  outcome.check = check
  if (!signalsOn(config)) return
  const read = await addPostSignals(config, outcome, check, hooks, options)
  if (config.reconnectDays > 0) await addReconnects(config, outcome, check, read, fetched.integrations, hooks, options)
}

/**
 * Reads Postiz's notifications for the reconnect signal (reconnect.ts). A server before v2.18.0 has
 * none (404): a warning, and the check stands. Another failure is a warning too, unless `reconnect`
 * is in fail-on: then the run is an error. Without the posts, a notification cannot be told stale,
 * so the signal is skipped with a warning.
 */
async function addReconnects(
  config: Config,
  outcome: RunOutcome,
  check: CheckResult,
  read: PostsRead | null,
  integrations: Integration[],
  hooks: EngineHooks,
  client: ClientOptions
): Promise<void> {
  if (read === null) {
    if (failsOn(config, 'reconnect')) {
      throw new CheckError(
        words`Could not read the posts, which "reconnect" in ${setting('fail-on')} needs to tell a recovered channel: ${outcome.posts?.error?.message ?? []}`,
        outcome.posts?.error?.fix ?? []
      )
    }
    outcome.warnings.push([
      'Channels that need reconnecting are not shown: that signal needs the posts, which could not be read (see the warning about the posts).'
    ])
    return
  }
  const since = new Date(Date.now() - config.reconnectDays * DAY_MS)
  try {
    hooks.onRequest?.('the notifications', config.apiUrl)
    const fetched = await fetchNotifications({ ...client, apiUrlProven: true }, since)
    hooks.onDebug?.(`Fetched ${fetched.notifications.length} notifications in ${fetched.durationMs} ms (${fetched.pages} page(s))`)
    outcome.notifications = { since: since.toISOString(), url: fetched.url, pages: fetched.pages, count: fetched.notifications.length }
    const reconnect = { days: config.reconnectDays, result: findReconnects(check, integrations, fetched.notifications, read.posts) }
    outcome.check = combineSignals(check, { posts: read.signals, reconnect })
  } catch (error) {
    if (!(error instanceof CheckError)) throw error
    if (error.code === 'route-missing') {
      outcome.warnings.push(
        words`Channels that need reconnecting are not shown: this Postiz server has no GET /public/v1/notifications, which ${setting('reconnect-days')} needs (Postiz v2.18.0 or later). The rest of the check stands.`
      )
      return
    }
    if (failsOn(config, 'reconnect'))
      throw new CheckError(words`Could not read the notifications, which "reconnect" in ${setting('fail-on')} needs: ${error.said}`, error.fix)
    outcome.warnings.push(
      words`Could not read the notifications, so channels that need reconnecting are not shown (the channels were checked): ${error.said} ${error.fix}`
    )
  }
}

/** The customer's ID for the posts query, from the integrations (the input may give its name). */
function customerId(check: CheckResult): string | undefined {
  if (check.customer === undefined) return undefined
  const owner = check.considered.find(i => i.customer !== null)?.customer
  return owner?.id
}

/** The posts that were read, and what they say about the check's entries. */
interface PostsRead {
  posts: Post[]
  signals: PostSignals
}

/**
 * One more request for the failed and upcoming posts. If it fails, the verdict on the integrations
 * stands and the signal becomes a warning, unless `failing` is in fail-on: then the run is an error.
 */
async function addPostSignals(config: Config, outcome: RunOutcome, check: CheckResult, hooks: EngineHooks, client: ClientOptions): Promise<PostsRead | null> {
  const options = { failedPostsDays: config.failedPostsDays, upcomingPostsDays: config.upcomingPostsDays, reconnectDays: config.reconnectDays, now: Date.now() }
  const window = postsWindow(options)
  const customer = customerId(check)
  outcome.posts = { startDate: window.startDate.toISOString(), endDate: window.endDate.toISOString() }
  try {
    hooks.onRequest?.('the posts', config.apiUrl)
    const fetched = await fetchPosts({ ...client, apiUrlProven: true }, { ...window, ...(customer !== undefined ? { customer } : {}) })
    Object.assign(outcome.posts, { url: fetched.url, attempts: fetched.attempts, durationMs: fetched.durationMs })
    hooks.onDebug?.(`Fetched ${fetched.posts.length} posts in ${fetched.durationMs} ms (${fetched.attempts} attempt(s))`)
    const signals = readPostSignals(check, fetched.posts, options)
    outcome.check = combineSignals(check, { posts: signals })
    return { posts: fetched.posts, signals }
  } catch (error) {
    if (!(error instanceof CheckError)) throw error
    if (failsOn(config, 'failing'))
      throw new CheckError(words`Could not read the posts, which "failing" in ${setting('fail-on')} needs: ${error.said}`, error.fix)
    outcome.posts.error = { message: error.said, fix: error.fix }
    outcome.warnings.push(words`Could not read the posts, so failed and upcoming posts are not shown (the channels were checked): ${error.said} ${error.fix}`)
    return null
  }
}

/**
 * Checks the integrations described by `raw` and returns everything the run learnt.
 * `otherErrors` are the adapter's own input errors: reported with the others, and no request is sent.
 */
export async function checkIntegrations(raw: Partial<RawInputs>, hooks: EngineHooks = {}, otherErrors: InputError[] = []): Promise<RunOutcome> {
  const outcome: RunOutcome = { startedAt: new Date(), finishedAt: new Date(), warnings: [] }
  try {
    await gather(raw, outcome, hooks, otherErrors)
  } catch (error) {
    if (error instanceof CheckError) {
      outcome.error = { message: error.said, fix: error.fix }
    } else {
      hooks.onDebug?.(error instanceof Error ? (error.stack ?? error.message) : String(error))
      outcome.error = { message: [`Unexpected error: ${logSafe(error instanceof Error ? error.message : String(error), 500)}.`], fix: BUG_FIX }
    }
  }
  hooks.onAnswer?.()
  outcome.finishedAt = new Date()
  return outcome
}
