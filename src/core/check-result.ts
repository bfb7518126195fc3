/**
 * What the check produces and everything downstream reads: one result per entry, the findings with
 * their fixes, and the check as a whole. Types and one describing helper; no logic of its own.
 */
import type { FindingKind } from './config.js'
import type { Entry } from './entries.js'
import type { Integration } from '../postiz/integrations.js'
import type { Words } from '../shared/words.js'

export type EntryState = 'enabled' | 'disabled' | 'missing'

export interface EntryResult {
  entry: Entry
  state: EntryState
  /** The integration the entry resolved to (for `platform:*`, the first enabled one, if any). */
  integration: Integration | null
  /** Every integration the selector matched (shared between entries with the same selector: never modify). */
  matches: readonly Integration[]
  /** Value of this entry in the `ids` output. */
  idsValue: string | string[] | null
  /** Enabled IDs this entry contributes to `integration-ids`. */
  enabledIds: string[]
  /** Failed and queued posts on its channels, when the post signals are on. */
  posts?: PostCounts
}

/**
 * What to write instead (`write x:acme`), or a list to choose from (`integrations on x: x:acme, …`),
 * when the check can tell. Values are partly server text: each sink escapes them its way. A list
 * belongs to a platform, so several entries may share it: a sink may show it once for all of them.
 */
export type Hint = { write: string } | { among: string; values: string[]; more?: boolean }

/** The hint as plain text, each value through `code` (backticks for chat, nothing for a terminal). */
export function hintText(hint: Hint, code: (value: string) => string = value => value): string {
  if ('write' in hint) return `write ${code(hint.write)}`
  return `${hint.among}: ${listOf(hint, code)}`
}

/** A list hint's values, through `code`. */
export function listOf(hint: Extract<Hint, { among: string }>, code: (value: string) => string): string {
  return `${hint.values.map(code).join(', ')}${hint.more ? ', …' : ''}`
}

/** One problem of one entry. Its words come from core/vocabulary.ts (`finding()` builds it). */
export interface Finding {
  kind: FindingKind
  key: string
  /** The channel the entry found, when one (a missing entry has none). */
  channel: Integration | null
  /** What is wrong, in a few words that repeat neither the entry, nor its channel, nor its kind; none when the kind says it all. */
  problem?: string
  /** What else helps: Postiz's own words, the queued posts that will not go out, the other matches. */
  detail?: string
  /** What to write instead, when the check can tell: part of the fix. */
  hint?: Hint
  /** The fix in a few words, one piece of advice each. */
  advice: readonly string[]
  /** The fix in a sentence. */
  fix: string
}

export interface CheckResult {
  /** `fail` when there is any finding, whatever fail-on says (see verdict.ts, which owns both rules). */
  status: 'pass' | 'fail'
  /** No entries were given: the run lists the organisation instead of checking. */
  discovery: boolean
  customer?: string
  /** All integrations the server returned. */
  total: number
  /** The integrations considered (after the customer filter), in server order. */
  considered: Integration[]
  results: EntryResult[]
  findings: Finding[]
  warnings: Words[]
  /** `integration-ids` output: enabled resolved IDs in entry order, no duplicates. */
  integrationIds: string[]
  /** Set when failed or upcoming posts were read (see post-signals.ts). */
  postSignals?: { failedPostsDays: number; upcomingPostsDays: number }
  /** Set when Postiz's notifications were read (see reconnect.ts): the window, and channels that recovered. */
  reconnect?: { days: number; recovered: string[] }
}

export interface PostCounts {
  failed: number
  /** Failed posts per channel ID, for the channels that had any. */
  failedByChannel?: Record<string, number>
  /** ISO 8601, or null. */
  latestFailed: string | null
  queued: number
  nextQueued: string | null
  /** Posts still queued more than 30 minutes after their publish date (with failed-posts-days on). */
  stuck?: number
  /** ISO 8601: the publish date of the oldest stuck post. */
  stuckSince?: string | null
}

/** Short human description of a channel, for messages. */
export function describeIntegration(i: Integration): string {
  const profile = i.profile ? `, @${i.profile.replace(/^@/, '')}` : ''
  return `"${i.name}" (${i.identifier}${profile}, ID ${i.id})`
}
