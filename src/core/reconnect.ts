/**
 * Channels that need reconnecting, from Postiz's own notifications (docs/postiz-api.md, "Notifications"). The
 * public channel list hides a token that could not be refreshed (the channel still says
 * `disabled: false`); Postiz's notifications are the only public trace of it. Pure.
 *
 * - "We couldn't post to <identifier> for <name> because you need to reconnect it…" names the
 *   channel: matched on identifier and name exactly (names are user text, never a pattern).
 * - "Could not refresh your <identifier> channel …" names only the platform: a finding when the
 *   organisation has just one channel of that platform, otherwise one warning naming the checked
 *   channels of that platform as candidates.
 * - Nothing marks a reconnect, so a notification is stale once a PUBLISHED post on that channel is
 *   newer than it: then no finding, and the summary says the channel recovered.
 */
import { describeIntegration, type CheckResult, type Finding } from './check-result.js'
import type { Integration } from '../postiz/integrations.js'
import type { Notification } from '../postiz/notifications.js'
import type { Post } from '../postiz/posts.js'
import { isoSeconds as day } from '../shared/text.js'
import type { Words } from '../shared/words.js'
import { finding } from './vocabulary.js'

const NEEDS_RECONNECT = /^We couldn't post to (\S+) for (.+) because you need to reconnect it\./s
const COULD_NOT_REFRESH = /^Could not refresh your (\S+) channel\b/
/** The second of the two notifications Postiz writes per failed refresh: the same text with no cause. */
const NO_CAUSE = /^Could not refresh your (\S+) channel \./
/** How far apart the two notifications of one failed refresh may be. */
const ONE_REFRESH_MS = 60_000

/**
 * One event per failed refresh: Postiz writes "Could not refresh your <identifier> channel <cause>…"
 * and then the same with an empty cause ("…channel . Please go back…"). The copy without a cause is
 * left out when one with a cause for the same platform stands within a minute of it.
 */
function oneNotificationPerRefresh(notifications: readonly Notification[]): Notification[] {
  /** Platform → when a refresh with a cause failed. */
  const withCause = new Map<string, number[]>()
  for (const n of notifications) {
    const platform = COULD_NOT_REFRESH.exec(n.content)?.[1]
    if (platform !== undefined && !NO_CAUSE.test(n.content)) withCause.set(platform, [...(withCause.get(platform) ?? []), n.createdAt])
  }
  return notifications.filter(n => {
    const platform = NO_CAUSE.exec(n.content)?.[1]
    return platform === undefined || !(withCause.get(platform) ?? []).some(at => Math.abs(at - n.createdAt) <= ONE_REFRESH_MS)
  })
}

export interface ReconnectResult {
  findings: Finding[]
  /** Platform-only notifications that could be about several checked channels. */
  warnings: Words[]
  /** Channels a notification named that have published since: no finding, for the summary. */
  recovered: string[]
}

const quote = (text: string): string => `"${text.length > 200 ? `${text.slice(0, 200)}…` : text}"`

/** Which notifications name which checked channel; `integrations` is the whole organisation. */
export function findReconnects(check: CheckResult, integrations: Integration[], notifications: Notification[], posts: Post[]): ReconnectResult {
  // The channels the entries export (enabled ones), with the entries that export them.
  const entriesOf = new Map<string, string[]>()
  for (const result of check.results) {
    for (const id of result.enabledIds) entriesOf.set(id, [...(entriesOf.get(id) ?? []), result.entry.key])
  }
  const byId = new Map(integrations.map(i => [i.id, i]))
  const lastPublished = new Map<string, number>()
  for (const post of posts) {
    if (post.state === 'PUBLISHED') lastPublished.set(post.integrationId, Math.max(lastPublished.get(post.integrationId) ?? -Infinity, post.publishAt))
  }
  const recoveredSince = (id: string, at: number): boolean => (lastPublished.get(id) ?? -Infinity) > at

  /** Channel ID → the newest notification that still stands for it. */
  const evidence = new Map<string, Notification>()
  const recovered = new Map<string, string>()
  const warnings = new Map<string, string>()
  const note = (channel: Integration, notification: Notification): void => {
    if (!entriesOf.has(channel.id) || evidence.has(channel.id)) return
    if (recoveredSince(channel.id, notification.createdAt)) {
      if (!recovered.has(channel.id)) {
        recovered.set(
          channel.id,
          `${describeIntegration(channel)}: Postiz asked on ${day(notification.createdAt)} to reconnect it, and a post has gone out on it since.`
        )
      }
      return
    }
    evidence.set(channel.id, notification) // newest first: any older notification is older than this one
  }

  // Newest first: the first notification that stands for a channel is its evidence.
  for (const notification of oneNotificationPerRefresh(notifications).sort((a, b) => b.createdAt - a.createdAt)) {
    const named = NEEDS_RECONNECT.exec(notification.content)
    if (named) {
      const [, identifier, name] = named
      for (const channel of integrations) if (channel.identifier === identifier && channel.name === name) note(channel, notification)
      continue
    }
    const platform = COULD_NOT_REFRESH.exec(notification.content)?.[1]
    if (platform === undefined) continue
    const ofPlatform = integrations.filter(i => i.identifier === platform)
    if (ofPlatform.length === 1) {
      note(ofPlatform[0], notification)
      continue
    }
    const candidates = ofPlatform.filter(i => entriesOf.has(i.id) && !recoveredSince(i.id, notification.createdAt))
    if (candidates.length === 0 || warnings.has(platform)) continue
    const listed = candidates.slice(0, 5).map(i => `${describeIntegration(i)} (${(entriesOf.get(i.id) ?? []).join(', ')})`)
    warnings.set(
      platform,
      `Postiz could not refresh one of the organisation's ${ofPlatform.length} ${platform} channels on ${day(notification.createdAt)} (${quote(notification.content)}) ` +
        `and does not say which. Checked candidates: ${listed.join('; ')}${candidates.length > 5 ? '; …' : ''}. ` +
        'Open Postiz and reconnect the one it marks as needing it.'
    )
  }

  const findings: Finding[] = []
  for (const result of check.results) {
    const standing = result.enabledIds.flatMap(id => {
      const n = evidence.get(id)
      const channel = byId.get(id)
      return n && channel ? [{ channel, n }] : []
    })
    if (standing.length === 0) continue
    const newest = standing.reduce((a, b) => (b.n.createdAt > a.n.createdAt ? b : a))
    const said = `Postiz said: ${quote(newest.n.content)} No post has gone out on ${standing.length === 1 ? 'it' : 'them'} since.`
    findings.push(
      standing.length === 1
        ? finding('reconnect', 'asked', {
            key: result.entry.key,
            channel: newest.channel,
            problem: `Postiz asked on ${day(newest.n.createdAt)} to reconnect it`,
            detail: said
          })
        : finding('reconnect', 'asked', {
            key: result.entry.key,
            problem: `${standing.length} of its channels need reconnecting (Postiz asked last on ${day(newest.n.createdAt)})`,
            detail: `They are ${standing.map(s => describeIntegration(s.channel)).join(', ')}. ${said}`
          })
    )
  }
  return { findings, warnings: [...warnings.values()].map(w => [w]), recovered: [...recovered.values()] }
}
