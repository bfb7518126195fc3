import { describe, expect, it } from '@jest/globals'
import { cleanApiKey, normaliseApiUrl, parseConfig } from '../src/core/config.js'
import { ACTION_VOICE } from '../src/action/voice.js'
import { say, sayInputError } from '../src/shared/words.js'

/** normaliseApiUrl's error in the action's words, or what it returned instead. */
function urlError(url: string): string {
  const result = normaliseApiUrl(url, false)
  return typeof result === 'string' ? `no error: ${result}` : say(result.error, ACTION_VOICE)
}

const ok = (inputs: Parameters<typeof parseConfig>[0]) => {
  const result = parseConfig({ 'api-key': 'key', ...inputs })
  if (!result.ok) throw new Error(result.errors.map(e => sayInputError(e, ACTION_VOICE)).join('\n'))
  return result
}

describe('parseConfig', () => {
  it('applies action.yml defaults to empty inputs', () => {
    const { config } = ok({ 'api-url': '', timeout: ' ' })
    expect(config.apiUrl).toBe('https://api.postiz.com')
    expect([...config.failOn]).toEqual(['missing', 'disabled'])
    expect(config.timeoutMs).toBe(30_000)
    expect(config.retries).toBe(3)
    expect(config.customer).toBeUndefined()
    expect(config.entries).toEqual([])
  })

  it('reads every input', () => {
    const { config } = ok({
      'api-url': 'https://postiz.example.com/api/public/v1/',
      integrations: 'x:a',
      customer: ' Acme ',
      'fail-on': 'disabled',
      timeout: '2.5',
      retries: '0',
      'allow-insecure-http': 'False'
    })
    expect(config).toMatchObject({ apiUrl: 'https://postiz.example.com/api', customer: 'Acme', timeoutMs: 2500, retries: 0, allowInsecureHttp: false })
    expect([...config.failOn]).toEqual(['disabled'])
  })

  it('accepts fail-on: none as an empty set', () => {
    expect(ok({ 'fail-on': 'none' }).config.failOn.size).toBe(0)
  })

  it('collects every error at once', () => {
    const result = parseConfig({ 'api-key': '', 'fail-on': 'none,missing', timeout: '0', retries: '1.5', 'allow-insecure-http': 'yes', 'api-url': 'postiz' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map(e => e.input)).toEqual(['api-key', 'allow-insecure-http', 'api-url', 'fail-on', 'timeout', 'retries'])
  })

  it('warns when a Bearer prefix is removed', () => {
    const result = ok({ 'api-key': ' Bearer abc ' })
    expect(result.config.apiKey).toBe('abc')
    expect(say(result.warnings[0], ACTION_VOICE)).toMatch(/Bearer/)
  })
})

describe('cleanApiKey', () => {
  it('trims and removes a Bearer prefix in any case', () => {
    expect(cleanApiKey('  abc\n')).toEqual({ key: 'abc', hadBearer: false })
    expect(cleanApiKey('bearer   pos_abc')).toEqual({ key: 'pos_abc', hadBearer: true })
  })
})

describe('normaliseApiUrl', () => {
  it.each([
    ['https://api.postiz.com', 'https://api.postiz.com'],
    ['https://api.postiz.com/', 'https://api.postiz.com'],
    ['https://api.postiz.com/public/v1', 'https://api.postiz.com'],
    ['https://postiz.example.com/api/public/v1/', 'https://postiz.example.com/api'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://127.0.0.1:3000/api', 'http://127.0.0.1:3000/api']
  ])('%s → %s', (input, expected) => {
    expect(normaliseApiUrl(input, false)).toBe(expected)
  })

  it('refuses plain http to a remote host unless allowed', () => {
    expect(urlError('http://postiz.example.com')).toMatch(/set allow-insecure-http: true/)
    expect(normaliseApiUrl('http://postiz.example.com', true)).toBe('http://postiz.example.com')
  })

  it('refuses credentials, queries and other schemes', () => {
    expect(urlError('https://u:p@postiz.example.com')).toMatch(/user name and password/)
    expect(urlError('https://postiz.example.com/?a=1')).toMatch(/query string/)
    expect(urlError('ftp://postiz.example.com')).toMatch(/must start with https/)
  })
})

describe('api-key characters', () => {
  it.each([
    ['a line break', 'abc\ndef', 'a line break', 4],
    ['a carriage return', 'abc\rdef', 'a line break', 4],
    ['a tab', 'ab\tcdef', 'a control character', 3],
    ['DEL', 'abcd\u007fef', 'a control character', 5],
    ['non-ASCII', 'clé-secrète', 'a character outside printable ASCII', 3]
  ])('refuses a key with %s, saying where but not what', (_what, key, kind, position) => {
    const result = parseConfig({ 'api-key': key })
    expect(result.ok).toBe(false)
    const error = result.ok ? '' : result.errors.map(e => sayInputError(e, ACTION_VOICE)).join('\n')
    expect(error).toBe(
      `api-key: contains ${kind} (character ${position}), which cannot be sent in an HTTP header. ` +
        'Copy the key again from Postiz (Settings → Developers → Public API) and store it alone in the secret, with nothing before or after it.'
    )
  })

  it('accepts printable ASCII, inner spaces included, and trims the outside', () => {
    expect(ok({ 'api-key': ' pos_abc DEF~!@#$%^&*()_+ \n' }).config.apiKey).toBe('pos_abc DEF~!@#$%^&*()_+')
  })
})

describe('loopback api-url over http', () => {
  it.each(['http://[::ffff:127.0.0.1]:3000', 'http://[::ffff:127.1.2.3]', 'http://[0:0:0:0:0:ffff:7f00:1]', 'http://[::1]:3000', 'http://127.8.9.10'])(
    '%s needs no allow-insecure-http',
    url => {
      expect(typeof normaliseApiUrl(url, false)).toBe('string')
    }
  )

  it.each(['http://[::ffff:10.0.0.1]', 'http://[::ffff:128.0.0.1]', 'http://[2001:db8::1]'])('%s does', url => {
    expect(urlError(url)).toMatch(/plain http:\/\/ to a remote host/)
  })
})
