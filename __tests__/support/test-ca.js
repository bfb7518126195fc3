/**
 * A throw-away certificate authority and server certificates signed by it, made with openssl.
 * Plain JavaScript (typed with JSDoc) so that the benchmark can use it without a build, as the tests do.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** @typedef {{ key: Buffer, cert: Buffer }} ServerCert */
/** @typedef {{ dir: string, caFile: string, key: Buffer, cert: Buffer, issue: (...names: string[]) => ServerCert }} TestCa */

/**
 * A new CA, and a certificate for `hostname` signed by it (`key`, `cert`). `issue` signs more
 * certificates; each name becomes a DNS or, for an address, an IP subject alternative name.
 * @param {string} [hostname]
 * @returns {TestCa}
 */
export function makeTestCa(hostname = 'postiz.test') {
  const dir = mkdtempSync(join(tmpdir(), 'pic-ca-'))
  const at = (/** @type {string} */ name) => join(dir, name)
  const openssl = (/** @type {string[]} */ ...args) => {
    execFileSync('openssl', args, { stdio: 'pipe' })
  }
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=postiz-integrations-check test CA'
  )
  let serial = 0
  /** @param {string[]} names */
  const issue = (...names) => {
    const n = ++serial
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', at(`server${n}.key`), '-out', at(`server${n}.csr`), '-subj', `/CN=${names[0]}`)
    writeFileSync(at(`ext${n}.cnf`), `subjectAltName=${names.map(name => `${isIP(name) ? 'IP' : 'DNS'}:${name}`).join(',')}\n`)
    openssl(
      'x509',
      '-req',
      '-in',
      at(`server${n}.csr`),
      '-CA',
      at('ca.pem'),
      '-CAkey',
      at('ca.key'),
      '-CAcreateserial',
      '-out',
      at(`server${n}.pem`),
      '-days',
      '2',
      '-extfile',
      at(`ext${n}.cnf`)
    )
    return { key: readFileSync(at(`server${n}.key`)), cert: readFileSync(at(`server${n}.pem`)) }
  }
  const first = issue(hostname)
  return { dir, caFile: at('ca.pem'), ...first, issue }
}
