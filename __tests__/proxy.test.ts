import { describe, expect, it } from '@jest/globals'
import { bypassesProxy, ProxyConfigError, proxyFor } from '../src/proxy.js'

const u = (s: string) => new URL(s)

describe('proxyFor', () => {
  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, in either case', () => {
    expect(proxyFor(u('https://api.postiz.com'), { HTTPS_PROXY: 'http://proxy:3128' })?.href).toBe('http://proxy:3128/')
    expect(proxyFor(u('https://api.postiz.com'), { https_proxy: 'proxy:3128' })?.href).toBe('http://proxy:3128/')
    expect(proxyFor(u('http://postiz.lan'), { HTTPS_PROXY: 'http://proxy:3128' })).toBeNull()
    expect(proxyFor(u('http://postiz.lan'), { http_proxy: 'http://proxy:8080' })?.host).toBe('proxy:8080')
  })

  it('never proxies loopback', () => {
    expect(proxyFor(u('http://127.0.0.1:3000'), { HTTP_PROXY: 'http://proxy:1' })).toBeNull()
    expect(proxyFor(u('https://localhost'), { HTTPS_PROXY: 'http://proxy:1' })).toBeNull()
  })

  it('rejects an unusable proxy without echoing it', () => {
    expect(() => proxyFor(u('https://a.b'), { HTTPS_PROXY: 'http://user:s3cret@[bad' })).toThrow(ProxyConfigError)
    expect(() => proxyFor(u('https://a.b'), { HTTPS_PROXY: 'http://user:s3cret@[bad' })).toThrow(/^((?!s3cret).)*$/)
    expect(() => proxyFor(u('https://a.b'), { HTTPS_PROXY: 'socks5://p:1' })).toThrow(/only http:\/\/ and https:\/\//)
  })
})

describe('bypassesProxy', () => {
  it.each([
    ['https://api.postiz.com', 'postiz.com', true],
    ['https://api.postiz.com', '.postiz.com', true],
    ['https://api.postiz.com', '*.postiz.com', true],
    ['https://postiz.com', 'postiz.com', true],
    ['https://notpostiz.com', 'postiz.com', false],
    ['https://api.postiz.com', 'example.com, api.postiz.com', true],
    ['https://api.postiz.com', '*', true],
    ['https://api.postiz.com:8443', 'api.postiz.com:8443', true],
    ['https://api.postiz.com', 'api.postiz.com:8443', false],
    ['https://api.postiz.com', 'api.postiz.com:443', true]
  ])('%s with NO_PROXY=%s → %s', (url, noProxy, expected) => {
    expect(bypassesProxy(u(url), { NO_PROXY: noProxy })).toBe(expected)
  })
})
