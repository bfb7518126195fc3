/**
 * The engine shared by the action and the CLI: raw inputs → config → Postiz client → check, then
 * the post and reconnect signals combined into it. Each stage returns what it learnt, and the run
 * ends in a RunOutcome whose stage says how far it got. With entry-file.ts (which it calls to read
 * `integrations-file`), the only module of core/ that does I/O (the rest through postiz/). Never
 * throws: every failure is an outcome.
 */
import { fetchIntegrations, fetchNotifications, fetchPosts, type ClientOptions } from '../postiz/client.js'
import { CheckError } from '../postiz/errors.js'
import { ambiguousCustomer, type Integration } from '../postiz/integrations.js'
import type { Post } from '../postiz/posts.js'
import type { RetryNote } from '../shared/retry.js'
import { logSafe } from '../shared/sanitize.js'
import { runCheck } from './check.js'
import type { CheckResult } from './check-result.js'
import { combineSignals } from './combine.js'
import { parseConfig, type Config, type ConfigResult, type RawInputs } from './config.js'
import type { FetchInfo, NotificationsInfo, PostsInfo, RunOutcome } from './outcome.js'
import { DAY_MS, postsWindow, readPostSignals, signalsOn, type PostSignalOptions, type PostSignals } from './post-signals.js'
import { readEntryFile, type EntryFileOptions } from './entry-file.js'
import { findReconnects } from './reconnect.js'
import { failsOn } from './verdict.js'
import { phrase, setting, words, type Diagnosis, type InputError, type Words } from '../shared/words.js'

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

/** Each kind of outcome without its clock times (a conditional type distributes over the union). */
type Untimed<T> = T extends unknown ? Omit<T, 'startedAt' | 'finishedAt'> : never
/** A run's outcome before its clock times are set. */
type Ending = Untimed<RunOutcome>

const BUG_FIX = words`This is a bug in postiz-integrations-check: please report it ${phrase('bug-report')}.`

/** An expected failure as its diagnosis; anything else is a bug, said as one (its stack goes to the debug log). */
function diagnose(error: unknown, hooks: EngineHooks): Diagnosis {
  if (error instanceof CheckError) return { message: error.said, fix: error.fix }
  hooks.onDebug?.(error instanceof Error ? (error.stack ?? error.message) : String(error))
  return { message: [`Unexpected error: ${logSafe(error instanceof Error ? error.message : String(error), 500)}.`], fix: BUG_FIX }
}

type Step<T> = { ok: true; value: T } | { ok: false; error: Diagnosis }

/** Runs one stage; its failure comes back as a diagnosis, never as an exception. */
async function step<T>(hooks: EngineHooks, stage: () => T | Promise<T>): Promise<Step<T>> {
  try {
    return { ok: true, value: await stage() }
  } catch (error) {
    return { ok: false, error: diagnose(error, hooks) }
  }
}

/** The inputs, with `integrations-file` read, as a config or every error in them. */
async function readConfig(raw: Partial<RawInputs>, hooks: EngineHooks): Promise<ConfigResult> {
  const fileInput = (raw['integrations-file'] ?? '').trim()
  const file = fileInput === '' ? undefined : await readEntryFile(fileInput, hooks.files ?? { root: process.cwd(), confined: false })
  return parseConfig(raw, file)
}

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

async function run(raw: Partial<RawInputs>, hooks: EngineHooks, otherErrors: InputError[]): Promise<Ending> {
  const read = await step(hooks, () => readConfig(raw, hooks))
  if (!read.ok) return { stage: 'failed', error: read.error, warnings: [] }
  const parsed = read.value
  if (!parsed.ok || otherErrors.length > 0) return { stage: 'rejected', inputErrors: [...(parsed.ok ? [] : parsed.errors), ...otherErrors], warnings: [] }
  const { config } = parsed
  const warnings = [...parsed.warnings]
  hooks.onStart?.(config)
  const client = clientOptions(config, hooks, raw['api-key'])
  const fetched = await step(hooks, () => fetchIntegrations(client))
  if (!fetched.ok) return { stage: 'failed', error: fetched.error, config, warnings }
  const { integrations, ...fetch } = fetched.value
  hooks.onDebug?.(`Fetched ${integrations.length} integrations in ${fetch.durationMs} ms (${fetch.attempts} attempt(s))`)
  const ambiguous = ambiguousCustomer(integrations, config.customer)
  if (ambiguous !== undefined) return { stage: 'rejected', inputErrors: [ambiguous], config, fetch, warnings }
  const checked = await step(hooks, () => runCheck(integrations, config.entries, config.customer))
  if (!checked.ok) return { stage: 'failed', error: checked.error, config, fetch, warnings }
  const check = checked.value
  if (!signalsOn(config)) return { stage: 'checked', config, fetch, check, warnings }
  return addSignals({ config, hooks, client, integrations, check }, fetch, warnings)
}

/** What the signal stages read with: the config, the client, and the check they add to. */
interface Reading {
  config: Config
  hooks: EngineHooks
  client: ClientOptions
  integrations: Integration[]
  check: CheckResult
}

/** The posts that were read, and what they say about the check's entries. */
interface PostsRead {
  posts: Post[]
  signals: PostSignals
}

/** The posts stage: what was asked and answered, the posts when they were read, and a warning when they were not. */
interface PostsStage {
  info: PostsInfo
  read: PostsRead | null
  warnings: Words[]
}

/** The reconnect stage: the notifications read, the check with both signals, or a warning. */
interface ReconnectStage {
  notifications?: NotificationsInfo
  check?: CheckResult
  warnings: Words[]
}

/** The failed and upcoming posts, then the reconnect signal, each combined into the check. */
async function addSignals(reading: Reading, fetch: FetchInfo, warnings: Words[]): Promise<Ending> {
  const { config, hooks, check } = reading
  const options: PostSignalOptions = {
    failedPostsDays: config.failedPostsDays,
    upcomingPostsDays: config.upcomingPostsDays,
    reconnectDays: config.reconnectDays,
    now: Date.now()
  }
  const window = postsWindow(options)
  const asked: PostsInfo = { startDate: window.startDate.toISOString(), endDate: window.endDate.toISOString() }
  const posts = await step(hooks, () => readPosts(reading, window, asked, options))
  if (!posts.ok) return { stage: 'failed', error: posts.error, config, fetch, check, posts: asked, warnings }
  const { info, read } = posts.value
  const withPosts = read === null ? check : combineSignals(check, { posts: read.signals })
  const afterPosts = [...warnings, ...posts.value.warnings]
  if (config.reconnectDays === 0) return { stage: 'checked', config, fetch, check: withPosts, posts: info, warnings: afterPosts }
  const reconnect = await step(hooks, () => readReconnects(reading, posts.value))
  if (!reconnect.ok) return { stage: 'failed', error: reconnect.error, config, fetch, check: withPosts, posts: info, warnings: afterPosts }
  const { notifications, warnings: more } = reconnect.value
  return {
    stage: 'checked',
    config,
    fetch,
    check: reconnect.value.check ?? withPosts,
    posts: info,
    ...(notifications !== undefined ? { notifications } : {}),
    warnings: [...afterPosts, ...more]
  }
}

/** The customer's ID for the posts query, from the integrations (the input may give its name). */
function customerId(check: CheckResult): string | undefined {
  if (check.customer === undefined) return undefined
  const owner = check.considered.find(i => i.customer !== null)?.customer
  return owner?.id
}

/**
 * One more request for the failed and upcoming posts. If it fails, the verdict on the integrations
 * stands and the signal becomes a warning, unless `failing` is in fail-on: then the run is an error.
 */
async function readPosts(reading: Reading, window: { startDate: Date; endDate: Date }, asked: PostsInfo, options: PostSignalOptions): Promise<PostsStage> {
  const { config, hooks, client, check } = reading
  const customer = customerId(check)
  try {
    hooks.onRequest?.('the posts', config.apiUrl)
    const fetched = await fetchPosts({ ...client, apiUrlProven: true }, { ...window, ...(customer !== undefined ? { customer } : {}) })
    hooks.onDebug?.(`Fetched ${fetched.posts.length} posts in ${fetched.durationMs} ms (${fetched.attempts} attempt(s))`)
    const info = { ...asked, url: fetched.url, attempts: fetched.attempts, durationMs: fetched.durationMs }
    return { info, read: { posts: fetched.posts, signals: readPostSignals(check, fetched.posts, options) }, warnings: [] }
  } catch (error) {
    if (!(error instanceof CheckError)) throw error
    if (failsOn(config, 'failing'))
      throw new CheckError(words`Could not read the posts, which "failing" in ${setting('fail-on')} needs: ${error.said}`, error.fix)
    return {
      info: { ...asked, error: { message: error.said, fix: error.fix } },
      read: null,
      warnings: [words`Could not read the posts, so failed and upcoming posts are not shown (the channels were checked): ${error.said} ${error.fix}`]
    }
  }
}

/**
 * Reads Postiz's notifications for the reconnect signal (reconnect.ts). A server before v2.18.0 has
 * none (404): a warning, and the check stands. Another failure is a warning too, unless `reconnect`
 * is in fail-on: then the run is an error. Without the posts, a notification cannot be told stale,
 * so the signal is skipped with a warning.
 */
async function readReconnects(reading: Reading, posts: PostsStage): Promise<ReconnectStage> {
  const { config, hooks, client, check, integrations } = reading
  if (posts.read === null) {
    if (failsOn(config, 'reconnect')) {
      throw new CheckError(
        words`Could not read the posts, which "reconnect" in ${setting('fail-on')} needs to tell a recovered channel: ${posts.info.error?.message ?? []}`,
        posts.info.error?.fix ?? []
      )
    }
    return {
      warnings: [['Channels that need reconnecting are not shown: that signal needs the posts, which could not be read (see the warning about the posts).']]
    }
  }
  const since = new Date(Date.now() - config.reconnectDays * DAY_MS)
  try {
    hooks.onRequest?.('the notifications', config.apiUrl)
    const fetched = await fetchNotifications({ ...client, apiUrlProven: true }, since)
    hooks.onDebug?.(`Fetched ${fetched.notifications.length} notifications in ${fetched.durationMs} ms (${fetched.pages} page(s))`)
    const reconnect = { days: config.reconnectDays, result: findReconnects(check, integrations, fetched.notifications, posts.read.posts) }
    return {
      notifications: { since: since.toISOString(), url: fetched.url, pages: fetched.pages, count: fetched.notifications.length },
      check: combineSignals(check, { posts: posts.read.signals, reconnect }),
      warnings: []
    }
  } catch (error) {
    if (!(error instanceof CheckError)) throw error
    if (error.code === 'route-missing') {
      return {
        warnings: [
          words`Channels that need reconnecting are not shown: this Postiz server has no GET /public/v1/notifications, which ${setting('reconnect-days')} needs (Postiz v2.18.0 or later). The rest of the check stands.`
        ]
      }
    }
    if (failsOn(config, 'reconnect'))
      throw new CheckError(words`Could not read the notifications, which "reconnect" in ${setting('fail-on')} needs: ${error.said}`, error.fix)
    return {
      warnings: [
        words`Could not read the notifications, so channels that need reconnecting are not shown (the channels were checked): ${error.said} ${error.fix}`
      ]
    }
  }
}

/**
 * Checks the integrations described by `raw` and returns everything the run learnt.
 * `otherErrors` are the adapter's own input errors: reported with the others, and no request is sent.
 */
export async function checkIntegrations(raw: Partial<RawInputs>, hooks: EngineHooks = {}, otherErrors: InputError[] = []): Promise<RunOutcome> {
  const startedAt = new Date()
  const ending = await step(hooks, () => run(raw, hooks, otherErrors))
  hooks.onAnswer?.()
  const finishedAt = new Date()
  return ending.ok ? { ...ending.value, startedAt, finishedAt } : { stage: 'failed', error: ending.error, warnings: [], startedAt, finishedAt }
}
