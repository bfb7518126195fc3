/**
 * The shape of `GET /public/v1/posts` and its strict validation. Pure.
 * Unknown states and extra fields are accepted; what the signals need is required.
 */
import { ResponseShapeError } from './errors.js'
import { isRecord } from './json.js'

export interface Post {
  id: string
  /** Milliseconds since the epoch. */
  publishAt: number
  state: string
  integrationId: string
  /**
   * One occurrence of a repeating post: Postiz returns such a post once per occurrence in the window,
   * each with the same id and its own publishDate (docs/postiz-api.md), so it is never "stuck".
   */
  repeating: boolean
}

export function parsePosts(body: unknown): Post[] {
  if (!isRecord(body) || !Array.isArray(body.posts)) {
    throw new ResponseShapeError(
      `the response is ${Array.isArray(body) ? 'an array' : typeof body === 'object' ? 'an object without a "posts" array' : `a ${typeof body}`}`
    )
  }
  return body.posts.map((post, index) => {
    const where = `post ${index}`
    if (!isRecord(post)) throw new ResponseShapeError(`${where} is not an object`)
    if (typeof post.id !== 'string') throw new ResponseShapeError(`${where}: "id" is not a string`)
    const publishAt = typeof post.publishDate === 'string' ? Date.parse(post.publishDate) : NaN
    if (Number.isNaN(publishAt)) throw new ResponseShapeError(`${where}: "publishDate" is not a date`)
    if (typeof post.state !== 'string') throw new ResponseShapeError(`${where}: "state" is not a string`)
    if (!isRecord(post.integration) || typeof post.integration.id !== 'string') throw new ResponseShapeError(`${where}: "integration.id" is not a string`)
    const repeating = (typeof post.intervalInDays === 'number' && post.intervalInDays > 0) || typeof post.actualDate === 'string'
    return { id: post.id, publishAt, state: post.state, integrationId: post.integration.id, repeating }
  })
}
