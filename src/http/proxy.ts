/**
 * Which proxy, if any, a request goes through: `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY`
 * (upper or lower case), as self-hosted runners behind corporate proxies set them. Pure.
 *
 * Only the choice is ours; the connection (CONNECT tunnel, TLS to an https:// proxy and to the
 * target, Proxy-Authorization) is undici's ProxyAgent (see transport.ts). undici's
 * EnvHttpProxyAgent would also choose, but it is marked experimental (it prints a warning into the
 * log on every run), and its NO_PROXY rules differ from what runners are set up with and what this
 * action has accepted: `example.com` does not cover `api.example.com`, `.example.com` not
 * `example.com`, a bare IPv6 address is read as host:port, and a scheme-less `proxy:3128` fails.
 */
import { isIPv6 } from 'node:net'
import { isLoopbackHost } from '../shared/hosts.js'

type Env = Record<string, string | undefined>

/** A proxy variable that cannot be used; the message never echoes its value (it may hold credentials). */
export class ProxyConfigError extends Error {}

/** The proxy for one request: where to connect, and the credentials it was given, decoded. */
export interface ProxySetting {
  /** The proxy URL without credentials, e.g. `http://proxy.corp:3128/`. */
  url: URL
  /** `Basic …` for the Proxy-Authorization header, when the URL carries a user name. */
  authorization?: string
  /** The variable it came from, for messages: `HTTPS_PROXY` or `HTTP_PROXY`. */
  variable: string
}

function envValue(env: Env, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()]
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80')
}

/** An IPv6 address in the one form URL gives it (`2001:db8::1`), so that any spelling matches. */
function canonicalIPv6(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1)
}

/** One NO_PROXY entry as a host (IPv6 without brackets, canonical) and an optional port. */
function parseRule(raw: string): { host: string; port?: string } {
  const rule = raw.toLowerCase()
  if (isIPv6(rule)) return { host: canonicalIPv6(rule) } // bare IPv6: its colons are not a port
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rule)
  if (bracketed) return { host: isIPv6(bracketed[1]) ? canonicalIPv6(bracketed[1]) : bracketed[1], port: bracketed[2] }
  const withPort = /^(.*):(\d+)$/.exec(rule)
  const host = (withPort ? withPort[1] : rule).replace(/^\*/, '').replace(/^\./, '')
  return { host, port: withPort?.[2] }
}

/**
 * True when `NO_PROXY` (or loopback) says the URL is reached directly. Entries are separated by
 * commas or whitespace: `*` (everything), a host or domain (`example.com`, `.example.com` and
 * `*.example.com` all cover the domain and its subdomains), optionally `:port`, an IPv4 address, or
 * an IPv6 address, bare or in brackets (`2001:db8::1`, `[2001:db8::1]:8443`).
 */
export function bypassesProxy(url: URL, env: Env): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (isLoopbackHost(host)) return true
  const noProxy = envValue(env, 'no_proxy')
  if (noProxy === undefined) return false
  for (const entry of noProxy.split(/[\s,]+/)) {
    if (entry === '') continue
    if (entry === '*') return true
    const rule = parseRule(entry)
    if (rule.host === '') continue
    if (rule.port !== undefined && rule.port !== defaultPort(url)) continue
    if (host === rule.host || (!isIPv6(rule.host) && host.endsWith(`.${rule.host}`))) return true
  }
  return false
}

/** Decodes a user name or password from a URL; a `%` not followed by two hex digits is an error. */
function decodeCredential(text: string, what: string, variable: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    throw new ProxyConfigError(
      `${variable} has a ${what} with a "%" that is not followed by two hex digits. ` +
        'Percent-encode special characters in proxy credentials: write %25 for "%", %40 for "@", %3A for ":".'
    )
  }
}

/** The proxy for a request to `url`, or null for a direct connection. */
export function proxyFor(url: URL, env: Env): ProxySetting | null {
  if (bypassesProxy(url, env)) return null
  const name = url.protocol === 'https:' ? 'https_proxy' : 'http_proxy'
  const variable = name.toUpperCase()
  const value = envValue(env, name)
  if (value === undefined) return null
  let proxy: URL
  try {
    // Runners are often set up with a bare host:port; curl reads that as http://.
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`)
  } catch {
    throw new ProxyConfigError(`${variable} is set but is not a valid proxy URL (expected http://host:port)`)
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    throw new ProxyConfigError(`${variable} uses ${proxy.protocol}//, but only http:// and https:// proxies are supported`)
  }
  let authorization: string | undefined
  if (proxy.username !== '' || proxy.password !== '') {
    const user = decodeCredential(proxy.username, 'user name', variable)
    const password = decodeCredential(proxy.password, 'password', variable)
    authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
    proxy.username = ''
    proxy.password = ''
  }
  return { url: proxy, variable, ...(authorization !== undefined ? { authorization } : {}) }
}
