/**
 * The shape of `GET /public/v1/notifications?page=N` (Postiz v2.18.0 and later) and its validation.
 * Pure. `{"notifications": [{id, content, link, createdAt}], "total", "page", "limit", "hasMore"}`,
 * newest first, 100 a page (docs/postiz-api.md).
 */
import { ResponseShapeError } from './errors.js'
import { isRecord } from './json.js'

export interface Notification {
  id: string
  /** Plain text written by Postiz; may quote channel names, which are user text. */
  content: string
  /** Milliseconds since the epoch. */
  createdAt: number
}

export interface NotificationsPage {
  notifications: Notification[]
  hasMore: boolean
}

export function parseNotificationsPage(body: unknown): NotificationsPage {
  if (!isRecord(body) || !Array.isArray(body.notifications)) {
    throw new ResponseShapeError(`the response is ${Array.isArray(body) ? 'an array' : 'not an object with a "notifications" array'}`)
  }
  const notifications = body.notifications.map((item, index): Notification => {
    const where = `notification ${index}`
    if (!isRecord(item)) throw new ResponseShapeError(`${where} is not an object`)
    if (typeof item.content !== 'string') throw new ResponseShapeError(`${where}: "content" is not a string`)
    const createdAt = typeof item.createdAt === 'string' ? Date.parse(item.createdAt) : NaN
    if (Number.isNaN(createdAt)) throw new ResponseShapeError(`${where}: "createdAt" is not a date`)
    return { id: typeof item.id === 'string' ? item.id : String(index), content: item.content, createdAt }
  })
  return { notifications, hasMore: body.hasMore === true }
}
