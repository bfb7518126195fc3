/** Parsed integrations and posts for the pure stages' tests (the check, signals, verdict). */
import { DAY_MS } from '../../src/core/post-signals.js'
import type { Integration } from '../../src/postiz/integrations.js'
import type { Post } from '../../src/postiz/posts.js'

/** The tests' "now": posts are placed relative to it. */
export const NOW = Date.parse('2026-11-28T12:00:00Z')

/** An x channel whose ID, name and profile are `id`. */
export const channel = (id: string, disabled = false): Integration => ({ id, name: id, identifier: 'x', picture: null, disabled, profile: id, customer: null })

/** A post on a channel, `days` from NOW (negative: in the past). */
export const post = (integrationId: string, state: string, days: number): Post => ({
  id: `${integrationId}-${state}-${days}`,
  publishAt: NOW + days * DAY_MS,
  state,
  repeating: false,
  integrationId
})
