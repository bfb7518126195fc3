import { describe, expect, it } from '@jest/globals'
import { runCheck } from '../src/core/check.js'
import { parseConfig } from '../src/core/config.js'
import { parseIntegrations } from '../src/core/entries.js'
import { combineSignals } from '../src/core/combine.js'
import { DAY_MS, postsWindow, readPostSignals } from '../src/core/post-signals.js'
import { parsePosts, type Post } from '../src/postiz/posts.js'
import { findingSentence } from '../src/core/vocabulary.js'
import { ACTION_VOICE } from '../src/action/voice.js'
import { CLI_VOICE } from '../src/cli/voice.js'
import { sayInputError } from '../src/shared/words.js'
import { channel, NOW, post } from './support/check-fixtures.js'

const ORG = [channel('a'), channel('b'), channel('off', { disabled: true })]
const options = { failedPostsDays: 7, upcomingPostsDays: 3, now: NOW }

function check(list: string, posts: Post[]) {
  const base = runCheck(ORG, parseIntegrations(list).entries)
  return combineSignals(base, { posts: readPostSignals(base, posts, options) })
}

describe('applyPostSignals', () => {
  it('reports an enabled channel with failed posts in the window as failing', () => {
    const result = check('a, b', [post('a', 'ERROR', -2), post('a', 'ERROR', -1), post('a', 'PUBLISHED', -1), post('b', 'ERROR', -8)])
    expect(result.status).toBe('fail')
    expect(result.findings.map(f => [f.kind, f.key])).toEqual([['failing', 'a']])
    expect(findingSentence(result.findings[0])).toMatch(/: 2 failed posts in the last 7 days \(latest 2026-11-27T12:00:00Z\)/)
    expect(result.results.map(r => r.posts?.failed)).toEqual([2, 0])
    expect(result.postSignals).toEqual({ failedPostsDays: 7, upcomingPostsDays: 3 })
  })

  it('counts queued posts ahead, says those on a disabled channel will not go out, and counts none for a missing entry', () => {
    const result = check('a, off, gone', [
      post('a', 'QUEUE', 1),
      post('off', 'QUEUE', 2),
      post('off', 'QUEUE', 1),
      post('gone', 'QUEUE', 1),
      post('a', 'QUEUE', 5)
    ])
    expect(result.results.map(r => [r.posts?.queued, r.posts?.nextQueued])).toEqual([
      [1, '2026-11-29T12:00:00Z'],
      [2, '2026-11-29T12:00:00Z'],
      // 'gone' is not a channel the server listed: a post naming it (Postiz returns posts of deleted
      // channels for a customer's query) counts for nothing.
      [0, null]
    ])
    expect(result.findings.map(f => f.kind)).toEqual(['disabled', 'missing'])
    expect(result.findings[0].detail).toMatch(/2 queued posts in the next 3 days will not go out \(the next at 2026-11-29T12:00:00Z\)\.$/)
    expect(result.findings[1].detail).toBeUndefined()
  })

  it('does not mark a disabled channel as failing too (one finding per entry)', () => {
    const result = check('off', [post('off', 'ERROR', -1)])
    expect(result.findings.map(f => f.kind)).toEqual(['disabled'])
    expect(result.results[0].posts?.failed).toBe(1)
  })

  it('passes when no post failed', () => {
    expect(check('a', [post('a', 'PUBLISHED', -1), post('a', 'QUEUE', 1)]).status).toBe('pass')
  })

  it('one window covers both signals', () => {
    expect(postsWindow(options)).toEqual({ startDate: new Date(NOW - 7 * DAY_MS), endDate: new Date(NOW + 3 * DAY_MS) })
  })
})

describe('parsePosts', () => {
  it('reads the backend shape and accepts unknown states', () => {
    expect(
      parsePosts({
        posts: [{ id: 'p', publishDate: '2026-11-28T12:00:00.000Z', state: 'SOMETHING_NEW', integration: { id: 'a', providerIdentifier: 'x' }, content: 'hi' }]
      })
    ).toEqual([{ id: 'p', publishAt: NOW, state: 'SOMETHING_NEW', integrationId: 'a', repeating: false }])
  })
  it.each([
    [[]],
    [{}],
    [{ posts: [{ id: 'p', publishDate: 'soon', state: 'QUEUE', integration: { id: 'a' } }] }],
    [{ posts: [{ id: 'p', publishDate: '2026-01-01', state: 'QUEUE' }] }]
  ])('rejects %j', body => {
    expect(() => parsePosts(body)).toThrow()
  })
})

describe('config', () => {
  it('needs failed-posts-days for fail-on: failing', () => {
    const result = parseConfig({ 'api-key': 'k', 'fail-on': 'missing,failing' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.map(e => sayInputError(e, ACTION_VOICE))).toEqual([
        'fail-on: "failing" needs the failed-posts-days input above 0 (how many days to look back for failed posts)'
      ])
      expect(result.errors.map(e => sayInputError(e, CLI_VOICE))).toEqual([
        '--fail-on: "failing" needs --failed-posts-days above 0 (how many days to look back for failed posts)'
      ])
    }
    expect(parseConfig({ 'api-key': 'k', 'fail-on': 'failing', 'failed-posts-days': '7' }).ok).toBe(true)
    expect(parseConfig({ 'api-key': 'k', 'upcoming-posts-days': '400' }).ok).toBe(false)
  })
})
