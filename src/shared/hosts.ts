/** Which hosts are this machine: shared by the api-url check (config) and the proxy choice (http). Pure. */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * Whether a URL's hostname is this machine: localhost, 127.0.0.0/8, ::1, and 127.0.0.0/8 written as
 * an IPv4-mapped IPv6 address (`[::ffff:127.0.0.1]`, which URL spells `[::ffff:7f00:1]`, as it does
 * every spelling of it).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host)) return true
  const bare = host.replace(/^\[|\]$/g, '')
  return /^::ffff:(7f[0-9a-f]{2}:[0-9a-f]{1,4}|127\.\d+\.\d+\.\d+)$/.test(bare)
}
