/**
 * The words of every finding kind, defined once: its label, marks, annotation title, what the
 * message calls it, why it matters, and the fix of each of its causes (short advice for tables and
 * messages, a sentence for annotations and the report). Every sink reads them from here; the table
 * is keyed by the kind, so the compiler rejects a kind without words. Pure.
 */
import { describeIntegration, hintText, type Finding, type Hint } from './check-result.js'
import type { FindingKind } from './config.js'
import { capitalise } from '../shared/text.js'

/**
 * How a run reads: `warn` is `status=fail` with no finding that blocks (fail-on leaves every one
 * out), so nothing a person reads says "Fail" over a passing step.
 */
export type Tone = 'pass' | 'fail' | 'warn' | 'error' | 'discovery'

/** The mark of each tone: its icon in Markdown and the message, and its mark and colour in a log or terminal. */
export const TONE_WORDS: { readonly [T in Tone]: { icon: string; terminal: { mark: string; colour: 'green' | 'yellow' | 'red' | 'bold' } } } = {
  pass: { icon: '✅', terminal: { mark: '✓', colour: 'green' } },
  discovery: { icon: '🔎', terminal: { mark: '✓', colour: 'bold' } },
  warn: { icon: '⚠️', terminal: { mark: '!', colour: 'yellow' } },
  fail: { icon: '❌', terminal: { mark: '✗', colour: 'red' } },
  error: { icon: '🛑', terminal: { mark: '✗', colour: 'red' } }
}

/** What an entry reads as in a table: its state, or the signal that makes an enabled channel fail. */
export type ShownState = 'enabled' | FindingKind

interface StateWords {
  /** The word: "missing". */
  label: string
  /** Its mark in Markdown (job summary, message, tracking issue). */
  mark: string
  /** Its mark in a terminal, and the colour of the mark and label. */
  terminal: { mark: string; colour: 'green' | 'yellow' | 'red' }
}

interface Fix {
  /** The fix in a few words, one piece of advice each (an entry with two findings shows each piece once). */
  advice: readonly string[]
  /** The fix in a sentence, for annotations, the CLI and the report. */
  fix: string
}

interface KindWords<Cause extends string> extends StateWords {
  /** The annotation's title, before the entry. */
  title: string
  /** What the message calls a group of these findings. */
  said: string
  /** The problem in a sentence when a finding says no more than its kind: "disabled in Postiz". */
  alone: string
  /** Which kind an entry's state shows when it has findings of several: the lowest rank. */
  rank: number
  /** Why it matters, said once wherever such findings are shown (never per row). */
  why?: string
  /** The fix of each cause of this kind. */
  causes: Readonly<Record<Cause, (p: FixContext) => Fix>>
}

/** What a fix may need to name. */
export interface FixContext {
  platform?: string
  customer?: string
}

/** The causes of each kind: what the check can tell apart, each with a fix that fits it. */
export interface Causes {
  /** An ID no channel has; a profile not on a platform that has channels; a platform without channels; a platform under another name; a channel of another customer. */
  missing: 'unknown-id' | 'unknown-profile' | 'no-channel' | 'wrong-platform' | 'other-customer'
  disabled: 'disabled'
  /** Failed posts (maybe some stuck too), or only posts stuck in the queue. */
  failing: 'failed' | 'stuck'
  /** A notification of Postiz's asked to reconnect the channel. */
  reconnect: 'asked'
}

type Vocabulary = { readonly [K in FindingKind]: KindWords<Causes[K]> }

export const KIND_WORDS: Vocabulary = {
  missing: {
    label: 'missing',
    mark: '❌',
    terminal: { mark: '✗', colour: 'red' },
    title: 'Postiz integration missing',
    said: 'Missing',
    alone: 'no integration matches it',
    rank: 0,
    causes: {
      'unknown-id': () => ({
        advice: ['Reconnect it and update the ID, or select it by `platform:profile`.'],
        fix: 'Connect the channel in Postiz; if it was reconnected (that gives it a new ID), update the ID, or select it by platform:profile, which survives reconnects.'
      }),
      'unknown-profile': () => ({
        advice: ['Correct the profile, or connect the channel in Postiz.'],
        fix: 'Correct the profile in the entry, or connect the channel in Postiz.'
      }),
      'no-channel': ({ platform = '' }) => ({
        advice: [`Connect the ${platform} channel in Postiz, or correct the platform.`],
        fix: `Connect the ${platform} channel in Postiz, or correct the platform identifier in the entry.`
      }),
      'wrong-platform': () => ({
        advice: [],
        fix: 'Postiz names each platform by its own identifier (x, linkedin-page, instagram-standalone, …): use that one in the entry.'
      }),
      'other-customer': ({ customer = '' }) => ({
        advice: [`Correct the customer, or move the channel to customer "${customer}" in Postiz.`],
        fix: `Correct the customer, or move the channel to customer "${customer}" in Postiz.`
      })
    }
  },
  disabled: {
    label: 'disabled',
    mark: '⛔',
    terminal: { mark: '✗', colour: 'yellow' },
    title: 'Postiz integration disabled',
    said: 'Disabled',
    alone: 'disabled in Postiz',
    rank: 0,
    why: 'A plan downgrade or an expired trial disables channels too.',
    causes: {
      disabled: () => ({ advice: ['Enable it in Postiz.'], fix: 'Enable the channel in Postiz.' })
    }
  },
  failing: {
    label: 'failing',
    mark: '⚠️',
    terminal: { mark: '✗', colour: 'red' },
    title: 'Postiz integration failing',
    said: 'Posts failing',
    alone: 'its posts fail',
    rank: 2,
    why: 'Postiz lists the channel as enabled, but posts that fail or stay queued past their time usually mean its connection expired or was revoked.',
    causes: {
      failed: () => ({
        advice: ['Reconnect it in Postiz.', 'Retry the failed posts.'],
        fix: 'Reconnect the channel in Postiz, then retry or reschedule the failed posts.'
      }),
      stuck: () => ({
        advice: ['Reconnect it in Postiz.', 'Reschedule the stuck posts.'],
        fix: 'Reconnect the channel in Postiz, then reschedule the stuck posts.'
      })
    }
  },
  reconnect: {
    label: 'reconnect',
    mark: '🔌',
    terminal: { mark: '✗', colour: 'red' },
    title: 'Postiz integration needs reconnecting',
    said: 'Needs reconnecting',
    alone: 'it needs reconnecting',
    rank: 1,
    why: 'Postiz still lists the channel as enabled, but its posts fail until it is reconnected.',
    causes: {
      asked: () => ({
        advice: ['Reconnect it in Postiz.'],
        fix: 'Reconnect the channel in Postiz (it marks the channel as needing a refresh), then retry or reschedule its posts.'
      })
    }
  }
}

/** The words of every state an entry can show: enabled, or a finding kind. */
export const STATE_WORDS: { readonly [S in ShownState]: StateWords } = {
  enabled: { label: 'enabled', mark: '✅', terminal: { mark: '✓', colour: 'green' } },
  ...KIND_WORDS
}

/** What a signal knows about one finding; the kind's table adds the fix. */
export interface FindingFacts {
  key: string
  /** The channel the entry found, when one (its name goes beside the entry). */
  channel?: Finding['channel']
  /** Left out when the kind says it all (a disabled channel). */
  problem?: string
  detail?: string
  hint?: Finding['hint']
}

/** A finding with the fix of its cause. */
export function finding<K extends FindingKind>(kind: K, cause: Causes[K], facts: FindingFacts, context: FixContext = {}): Finding {
  const causes: Readonly<Record<Causes[K], (p: FixContext) => Fix>> = KIND_WORDS[kind].causes
  const { advice, fix } = causes[cause](context)
  const made: Finding = { kind, key: facts.key, channel: facts.channel ?? null, advice, fix }
  if (facts.problem !== undefined) made.problem = facts.problem
  if (facts.detail !== undefined) made.detail = facts.detail
  if (facts.hint !== undefined) made.hint = facts.hint
  return made
}

/** The finding as one plain sentence, entry and channel first: annotations, the CLI, the report's `message`. */
export function findingSentence(f: Finding): string {
  const channel = f.channel ? ` — ${describeIntegration(f.channel)}` : ''
  const hint = f.hint ? ` ${capitalise(hintText(f.hint))}.` : ''
  const detail = f.detail ? ` ${f.detail}` : ''
  const why = KIND_WORDS[f.kind].why
  return `${f.key}${channel}: ${f.problem ?? KIND_WORDS[f.kind].alone}.${hint}${detail}${why ? ` ${why}` : ''}`
}

/** The finding's fix in a few words: its hint, then its advice (the report's `action`). */
export function findingAdvice(f: Finding): string {
  return [...(f.hint ? [`${capitalise(hintText(f.hint))}.`] : []), ...f.advice].join(' ')
}

/** One entry's problems: its findings, its hints, and each piece of advice once. */
export interface EntryProblems {
  key: string
  findings: Finding[]
  hints: Hint[]
  /** The advice of all its findings, each piece once, in finding order. */
  advice: string[]
}

/** The findings grouped by entry, in the order of each entry's first finding (findings come in entry order). */
export function problemsByEntry(findings: readonly Finding[]): EntryProblems[] {
  const byKey = new Map<string, Finding[]>()
  for (const f of findings) {
    const list = byKey.get(f.key)
    if (list) list.push(f)
    else byKey.set(f.key, [f])
  }
  return [...byKey].map(([key, list]) => ({
    key,
    findings: list,
    hints: list.flatMap(f => (f.hint ? [f.hint] : [])),
    advice: [...new Set(list.flatMap(f => f.advice))]
  }))
}
