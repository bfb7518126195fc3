/**
 * Which proxy, if any, a request goes through: `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY`
 * (upper or lower case), as self-hosted runners behind corporate proxies set them. Pure.
 */
import { isLoopbackHost } from './config.js'

type Env = Record<string, string | undefined>

/** A proxy variable that cannot be used; the message never echoes its value (it may hold credentials). */
export class ProxyConfigError extends Error {}

function envValue(env: Env, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()]
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined
}

function defaultPort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80')
}

/** True when `NO_PROXY` (or loopback) says the URL is reached directly. */
export function bypassesProxy(url: URL, env: Env): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (isLoopbackHost(host)) return true
  const noProxy = envValue(env, 'no_proxy')
  if (noProxy === undefined) return false
  for (const raw of noProxy.split(/[\s,]+/)) {
    let rule = raw.trim().toLowerCase()
    if (rule === '') continue
    if (rule === '*') return true
    let port: string | undefined
    const portMatch = /^(.*):(\d+)$/.exec(rule)
    if (portMatch && !rule.endsWith(']')) {
      rule = portMatch[1]
      port = portMatch[2]
    }
    if (port !== undefined && port !== defaultPort(url)) continue
    rule = rule.replace(/^\*/, '').replace(/^\./, '').replace(/^\[|\]$/g, '')
    if (host === rule || host.endsWith(`.${rule}`)) return true
  }
  return false
}

/** The proxy URL for a request to `url`, or null for a direct connection. */
export function proxyFor(url: URL, env: Env): URL | null {
  if (bypassesProxy(url, env)) return null
  const name = url.protocol === 'https:' ? 'https_proxy' : 'http_proxy'
  const value = envValue(env, name)
  if (value === undefined) return null
  let proxy: URL
  try {
    proxy = new URL(value.includes('://') ? value : `http://${value}`)
  } catch {
    throw new ProxyConfigError(`${name.toUpperCase()} is set but is not a valid proxy URL (expected http://host:port)`)
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    throw new ProxyConfigError(`${name.toUpperCase()} uses ${proxy.protocol}//, but only http:// and https:// proxies are supported`)
  }
  return proxy
}
