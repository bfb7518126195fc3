import { describe, expect, it } from '@jest/globals'
import { bypassesProxy, ProxyConfigError, proxyFor } from '../src/http/proxy.js'

const u = (s: string) => new URL(s)

describe('proxyFor', () => {
  it('uses HTTPS_PROXY for https and HTTP_PROXY for http, in either case', () => {
    expect(proxyFor(u('https://api.postiz.com'), { HTTPS_PROXY: 'http://proxy:3128' })?.url.href).toBe('http://proxy:3128/')
    expect(proxyFor(u('https://api.postiz.com'), { https_proxy: 'proxy:3128' })?.url.href).toBe('http://proxy:3128/')
    expect(proxyFor(u('https://api.postiz.com'), { https_proxy: ' https://proxy.corp ' })?.url.href).toBe('https://proxy.corp/')
    expect(proxyFor(u('http://postiz.lan'), { HTTPS_PROXY: 'http://proxy:3128' })).toBeNull()
    expect(proxyFor(u('http://postiz.lan'), { http_proxy: 'http://proxy:8080' })?.url.host).toBe('proxy:8080')
    expect(proxyFor(u('http://postiz.lan'), { http_proxy: 'http://proxy:8080' })?.variable).toBe('HTTP_PROXY')
  })

  it('takes the credentials out of the URL and decodes them for Proxy-Authorization', () => {
    const setting = proxyFor(u('https://api.postiz.com'), { HTTPS_PROXY: 'http://us%40er:p%25ss%3Aword@proxy:3128' })
    expect(setting?.url.href).toBe('http://proxy:3128/')
    expect(setting?.authorization).toBe(`Basic ${Buffer.from('us@er:p%ss:word').toString('base64')}`)
    expect(proxyFor(u('https://api.postiz.com'), { HTTPS_PROXY: 'http://proxy:3128' })?.authorization).toBeUndefined()
  })

  it('names a stray % in the credentials as a proxy setting error, without echoing them', () => {
    const attempt = () => proxyFor(u('https://api.postiz.com'), { HTTPS_PROXY: 'http://user:50%off@proxy:3128' })
    expect(attempt).toThrow(ProxyConfigError)
    expect(attempt).toThrow(/^HTTPS_PROXY has a password with a "%" that is not followed by two hex digits\. .*%25/)
    expect(attempt).toThrow(/^((?!50%off).)*$/)
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
    ['https://api.postiz.com', 'api.postiz.com:443', true],
    ['https://api.postiz.com', '  example.com\tapi.postiz.com  ', true],
    ['https://10.1.2.3', '10.1.2.3', true],
    ['https://10.1.2.30', '10.1.2.3', false],
    ['https://[2001:db8::1]', '2001:db8::1', true],
    ['https://[2001:db8::1]', '2001:DB8:0:0:0:0:0:1', true],
    ['https://[2001:db8::1]', '[2001:db8::1]', true],
    ['https://[2001:db8::1]:8443', '[2001:db8::1]:8443', true],
    ['https://[2001:db8::1]', '[2001:db8::1]:8443', false],
    ['https://[2001:db8::10]', '2001:db8::1', false],
    ['https://[2001:db8::1]', 'db8::1', false]
  ])('%s with NO_PROXY=%s → %s', (url, noProxy, expected) => {
    expect(bypassesProxy(u(url), { NO_PROXY: noProxy })).toBe(expected)
  })
})
