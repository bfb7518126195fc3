/**
 * A throw-away certificate authority and a server certificate for one host name, made with openssl.
 * Plain JavaScript (typed with JSDoc) so that the benchmark can use it without a build, as the tests do.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** @typedef {{ dir: string, caFile: string, key: Buffer, cert: Buffer }} TestCa */

/**
 * @param {string} [hostname]
 * @returns {TestCa}
 */
export function makeTestCa(hostname = 'postiz.test') {
  const dir = mkdtempSync(join(tmpdir(), 'pic-ca-'))
  const at = (/** @type {string} */ name) => join(dir, name)
  const openssl = (/** @type {string[]} */ ...args) => {
    execFileSync('openssl', args, { stdio: 'pipe' })
  }
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '2', '-subj', '/CN=postiz-integrations-check test CA')
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', `/CN=${hostname}`)
  writeFileSync(at('ext.cnf'), `subjectAltName=DNS:${hostname}\n`)
  openssl('x509', '-req', '-in', at('server.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('server.pem'), '-days', '2', '-extfile', at('ext.cnf'))
  return { dir, caFile: at('ca.pem'), key: readFileSync(at('server.key')), cert: readFileSync(at('server.pem')) }
}
