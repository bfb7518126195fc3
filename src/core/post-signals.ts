/**
 * What is at stake per entry: failed posts in the look-back window (a channel that needs
 * reconnecting looks enabled in GET /integrations, but its posts fail) and queued posts ahead
 * (those on a disabled or missing channel will not go out). Pure and linear in posts + entries.
 */
import { describeIntegration, type CheckResult, type EntryResult, type Finding, type PostCounts } from './check-result.js'
import { finding } from './vocabulary.js'
import type { Post } from '../postiz/posts.js'
import { isoSeconds as day, plural } from '../shared/text.js'

export const DAY_MS = 86_400_000
/** A queued post this long past its publish date is stuck: the channel's posts are not going out. */
const STUCK_AFTER_MS = 30 * 60_000

export interface PostSignalOptions {
  failedPostsDays: number
  upcomingPostsDays: number
  /** Days of notifications read for the reconnect signal, whose staleness needs the posts as far back. */
  reconnectDays?: number
  /** Milliseconds since the epoch. */
  now: number
}

export function signalsOn(options: Pick<PostSignalOptions, 'failedPostsDays' | 'upcomingPostsDays' | 'reconnectDays'>): boolean {
  return options.failedPostsDays > 0 || options.upcomingPostsDays > 0 || (options.reconnectDays ?? 0) > 0
}

/** The one window covering every signal: back the longest of `failedPostsDays` and `reconnectDays`, ahead `upcomingPostsDays`. */
export function postsWindow(options: PostSignalOptions): { startDate: Date; endDate: Date } {
  const back = Math.max(options.failedPostsDays, options.reconnectDays ?? 0)
  return { startDate: new Date(options.now - back * DAY_MS), endDate: new Date(options.now + options.upcomingPostsDays * DAY_MS) }
}

/**
 * The channels whose posts count for an entry: the ones it exports (every enabled channel of a
 * `platform:*` entry; the one chosen for an ID or `platform:profile` entry, never its twins), else,
 * when none is enabled, the channel it found (all of them for `platform:*`). Only channels the
 * server listed: a missing entry counts no posts, not even those of the ID it names, since Postiz up
 * to v2.23.0 returns the posts of deleted channels when asked for a customer's (docs/postiz-api.md).
 */
function channelIds(result: EntryResult): string[] {
  if (result.enabledIds.length > 0) return result.enabledIds
  if (result.entry.selector.kind === 'platform') return result.matches.map(i => i.id)
  return result.integration ? [result.integration.id] : []
}

function countFor(ids: string[], postsByChannel: Map<string, Post[]>, options: PostSignalOptions): PostCounts {
  const counts: PostCounts = { failed: 0, latestFailed: null, queued: 0, nextQueued: null }
  const byChannel = new Map<string, number>()
  let latest = -Infinity
  let next = Infinity
  let oldestStuck = Infinity
  const failedFrom = options.now - options.failedPostsDays * DAY_MS
  const queuedUntil = options.now + options.upcomingPostsDays * DAY_MS
  // Distinct posts: a repeating post comes back once per occurrence, all with one id.
  const failed = new Set<string>()
  const queued = new Set<string>()
  const stuck = new Set<string>()
  for (const id of new Set(ids)) {
    for (const post of postsByChannel.get(id) ?? []) {
      if (options.failedPostsDays > 0 && post.state === 'ERROR' && post.publishAt >= failedFrom && post.publishAt <= options.now) {
        if (!failed.has(post.id)) byChannel.set(id, (byChannel.get(id) ?? 0) + 1)
        failed.add(post.id)
        latest = Math.max(latest, post.publishAt)
      } else if (
        options.failedPostsDays > 0 &&
        post.state === 'QUEUE' &&
        !post.repeating &&
        post.publishAt >= failedFrom &&
        post.publishAt < options.now - STUCK_AFTER_MS
      ) {
        stuck.add(post.id)
        oldestStuck = Math.min(oldestStuck, post.publishAt)
      } else if (options.upcomingPostsDays > 0 && post.state === 'QUEUE' && post.publishAt >= options.now && post.publishAt <= queuedUntil) {
        queued.add(post.id)
        next = Math.min(next, post.publishAt)
      }
    }
  }
  counts.failed = failed.size
  counts.queued = queued.size
  if (options.failedPostsDays > 0) {
    counts.stuck = stuck.size
    counts.stuckSince = stuck.size > 0 ? day(oldestStuck) : null
  }
  if (counts.failed > 0) {
    counts.latestFailed = day(latest)
    // An ID may be "__proto__": entries defined as own properties, never through the prototype.
    counts.failedByChannel = Object.fromEntries(byChannel)
  }
  if (counts.queued > 0) counts.nextQueued = day(next)
  return counts
}

/** For a `platform:*` entry: which of its channels had the failed posts, and how many each. */
function failingChannels(result: EntryResult, counts: PostCounts): string {
  const failed = new Map(Object.entries(counts.failedByChannel ?? {}))
  const had = result.matches.filter(i => failed.has(i.id))
  if (had.length === 0) return `its ${plural(result.enabledIds.length, 'enabled channel')}`
  const listed =
    had
      .slice(0, 5)
      .map(i => `${describeIntegration(i)}: ${failed.get(i.id)}`)
      .join('; ') + (had.length > 5 ? '; …' : '')
  return `${had.length} of its ${plural(result.enabledIds.length, 'enabled channel')} (${listed})`
}

/** What the posts say, per entry of a check: its own result, which combine.ts merges into the check. */
export interface PostSignals {
  /** The windows the counts cover. */
  window: { failedPostsDays: number; upcomingPostsDays: number }
  /** Post counts per entry, in the check's entry order. */
  counts: PostCounts[]
  /** `failing` findings: enabled channels with failed or stuck posts, in entry order. */
  findings: Finding[]
  /** Entry key → a sentence on its queued posts that will not go out (for a disabled or missing entry's findings). */
  atRisk: Map<string, string>
}

/** Post counts for every entry, `failing` findings, and the queued posts at risk on entries that are not enabled. */
export function readPostSignals(check: CheckResult, posts: Post[], options: PostSignalOptions): PostSignals {
  const byChannel = new Map<string, Post[]>()
  for (const post of posts) {
    const list = byChannel.get(post.integrationId)
    if (list) list.push(post)
    else byChannel.set(post.integrationId, [post])
  }
  const perEntry = check.results.map(result => countFor(channelIds(result), byChannel, options))
  const findings: Finding[] = []
  const atRisk = new Map<string, string>()
  check.results.forEach((result, index) => {
    const counts = perEntry[index]
    const key = result.entry.key
    const stuckCount = counts.stuck ?? 0
    if (result.state === 'enabled' && (counts.failed > 0 || stuckCount > 0)) {
      const single = result.integration !== null && result.enabledIds.length === 1
      const window = `in the last ${plural(options.failedPostsDays, 'day')}`
      const problem =
        counts.failed > 0 && stuckCount > 0
          ? `${plural(counts.failed, 'failed post')} and ${stuckCount} stuck in the queue since ${counts.stuckSince} ${window} (latest failure ${counts.latestFailed})`
          : counts.failed > 0
            ? `${plural(counts.failed, 'failed post')} ${window} (latest ${counts.latestFailed})`
            : `${plural(stuckCount, 'post')} stuck in the queue since ${counts.stuckSince}, more than 30 minutes past ${stuckCount === 1 ? 'its' : 'their'} time`
      const facts = single ? { key, channel: result.integration, problem } : { key, problem, detail: `On ${failingChannels(result, counts)}.` }
      findings.push(finding('failing', counts.failed > 0 ? 'failed' : 'stuck', facts))
    } else if (result.state !== 'enabled' && counts.queued > 0) {
      atRisk.set(
        key,
        `${plural(counts.queued, 'queued post')} in the next ${plural(options.upcomingPostsDays, 'day')} will not go out (the next at ${counts.nextQueued}).`
      )
    }
  })
  return { window: { failedPostsDays: options.failedPostsDays, upcomingPostsDays: options.upcomingPostsDays }, counts: perEntry, findings, atRisk }
}
