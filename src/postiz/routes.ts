/**
 * The public API routes the client reads: each one a path, the parser of its answer, the words for
 * an answer of the wrong shape, and the settings that turn its read off.
 */
import { parseIntegrations, type Integration } from './integrations.js'
import { parseNotificationsPage, type NotificationsPage } from './notifications.js'
import { parsePosts, type Post } from './posts.js'
import type { Setting } from '../shared/words.js'

export interface Route<T> {
  path: string
  /** Throws ResponseShapeError when the JSON is not what the route promises. */
  parse: (body: unknown) => T
  /** What the answer should have been: "a list of Postiz integrations". */
  expected: string
  /** The route's shape as people check it: "GET /public/v1/integrations returns a JSON array". */
  shape: string
  /** The settings that turn this read off (all of them at 0). */
  off: readonly Setting[]
}

export const INTEGRATIONS: Route<Integration[]> = {
  path: '/public/v1/integrations',
  parse: parseIntegrations,
  expected: 'a list of Postiz integrations',
  shape: 'GET /public/v1/integrations returns a JSON array',
  off: []
}

export const POSTS: Route<Post[]> = {
  path: '/public/v1/posts',
  parse: parsePosts,
  expected: 'a list of Postiz posts',
  shape: 'GET /public/v1/posts returns {"posts": [...]}',
  off: ['failed-posts-days', 'upcoming-posts-days', 'reconnect-days']
}

export const NOTIFICATIONS: Route<NotificationsPage> = {
  path: '/public/v1/notifications',
  parse: parseNotificationsPage,
  expected: 'a page of Postiz notifications',
  shape: 'GET /public/v1/notifications returns {"notifications": [...]}',
  off: ['reconnect-days']
}
