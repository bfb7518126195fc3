/**
 * Preloaded into the action under test (NODE_OPTIONS=--import …): names under the reserved `.test`
 * domain resolve to 127.0.0.1, so a test can use a host name that is not loopback to the action
 * (NO_PROXY, certificates) while every packet stays on this machine. No DNS server is asked.
 */
import dns from 'node:dns'
import { syncBuiltinESMExports } from 'node:module'

const lookup = dns.lookup
dns.lookup = function lookupTestHosts(hostname, options, callback) {
  if (typeof hostname === 'string' && /\.test\.?$/i.test(hostname)) {
    const done = typeof options === 'function' ? options : callback
    const all = typeof options === 'object' && options !== null && options.all === true
    process.nextTick(() => (all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4)))
    return
  }
  return lookup.apply(this, arguments)
}
syncBuiltinESMExports()
