/** Sentences that name a setting, worded by each front end's voice. */
import { describe, expect, it } from '@jest/globals'
import { ACTION_VOICE } from '../src/action/voice.js'
import { CLI_VOICE } from '../src/cli/voice.js'
import { count } from '../src/shared/text.js'
import { assign, listed, mapText, phrase, plainText, say, sayInputError, setting, SETTINGS, words } from '../src/shared/words.js'

describe('say', () => {
  const text = words`Check ${setting('api-url')} from ${phrase('here')}; raise ${setting('timeout')}, or ${assign('allow-insecure-http', 'true')}.`

  it('words each setting and phrase the way the reader set it', () => {
    expect(say(text, ACTION_VOICE)).toBe('Check the api-url input from the runner; raise the timeout input, or set allow-insecure-http: true.')
    expect(say(text, CLI_VOICE)).toBe('Check POSTIZ_API_URL from this machine; raise --timeout, or pass --allow-insecure-http.')
  })

  it('gives several settings one value, with one verb', () => {
    const off = words`To skip it, ${assign(['failed-posts-days', 'upcoming-posts-days', 'reconnect-days'], '0')}.`
    expect(say(off, ACTION_VOICE)).toBe('To skip it, set failed-posts-days, upcoming-posts-days and reconnect-days to 0.')
    expect(say(off, CLI_VOICE)).toBe('To skip it, pass --failed-posts-days 0, --upcoming-posts-days 0 and --reconnect-days 0.')
    expect(say([assign('api-url', 'https://postiz.example.com/api')], CLI_VOICE)).toBe('Export POSTIZ_API_URL=https://postiz.example.com/api')
  })

  it('capitalises a setting or phrase that starts a sentence, and nothing else', () => {
    const start = words`${setting('api-url')} must be the backend. ${phrase('here')} must reach it: ${setting('api-url')}.`
    expect(say(start, ACTION_VOICE)).toBe('The api-url input must be the backend. The runner must reach it: the api-url input.')
    expect(say(start, CLI_VOICE)).toBe('POSTIZ_API_URL must be the backend. This machine must reach it: POSTIZ_API_URL.')
  })

  it('labels input errors by the setting as each front end names it, and passes an adapter input through', () => {
    expect(sayInputError({ input: 'timeout', problem: ['"soon" must be a number'] }, CLI_VOICE)).toBe('--timeout: "soon" must be a number')
    expect(sayInputError({ input: 'api-key', problem: [phrase('key-missing')] }, CLI_VOICE)).toMatch(/^POSTIZ_API_KEY: not set\. Export /)
    expect(sayInputError({ input: 'api-key', problem: [phrase('key-missing')] }, ACTION_VOICE)).toMatch(
      /^api-key: empty\. Pass your Postiz API key from a secret/
    )
    expect(sayInputError({ input: 'issue-title', problem: ['too long'] }, ACTION_VOICE)).toBe('issue-title: too long')
  })

  it('every setting has a CLI name that is a flag or a variable', () => {
    for (const name of SETTINGS) expect(CLI_VOICE.setting(name)).toMatch(/^(--[a-z-]+|POSTIZ_[A-Z_]+)$/)
  })

  it('maps only the text, never a setting, and has a plain form for debug lines', () => {
    expect(mapText(text, s => s.toUpperCase()).filter(p => typeof p !== 'string')).toEqual(text.filter(p => typeof p !== 'string'))
    expect(
      say(
        mapText(text, s => s.replace('Check', 'CHECK')),
        CLI_VOICE
      )
    ).toMatch(/^CHECK POSTIZ_API_URL/)
    expect(plainText(text)).toBe('Check api-url from <here>; raise timeout, or allow-insecure-http=true.')
    expect([listed([]), listed(['a']), listed(['a', 'b']), listed(['a', 'b', 'c'])]).toEqual(['', 'a', 'a and b', 'a, b and c'])
  })
})

describe('count', () => {
  it('groups thousands with commas, as people read them', () => {
    expect([0, 7, 999, 1000, 10_000, 1_234_567].map(count)).toEqual(['0', '7', '999', '1,000', '10,000', '1,234,567'])
  })
})
