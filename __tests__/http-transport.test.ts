/**
 * The transport's body handling against a real loopback server: every content coding the client
 * offers, the cap on compressed and decompressed size, and a body that does not decompress.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { httpGet, TransportError } from '../src/http/transport.js'

const JSON_BODY = Buffer.from(JSON.stringify(Array.from({ length: 2000 }, (_, n) => ({ id: `id${n}`, name: `Ünïcødé — ${n}` }))))
const BODIES: Record<string, [string | undefined, Buffer]> = {
  '/plain': [undefined, JSON_BODY],
  '/gzip': ['gzip', gzipSync(JSON_BODY)],
  '/x-gzip': ['x-gzip', gzipSync(JSON_BODY)],
  '/deflate': ['deflate', deflateSync(JSON_BODY)],
  '/br': ['br', brotliCompressSync(JSON_BODY)],
  '/corrupt': ['gzip', Buffer.concat([gzipSync(JSON_BODY).subarray(0, 100), Buffer.alloc(100, 7)])],
  '/bomb': ['gzip', gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20))]
}

let server: Server
let base: string
beforeAll(async () => {
  server = createServer((req, res) => {
    const [encoding, body] = BODIES[req.url ?? ''] ?? [undefined, Buffer.from('{}')]
    res.writeHead(200, { 'content-type': 'application/json', ...(encoding ? { 'content-encoding': encoding } : {}) })
    res.end(body)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise(resolve => server.close(resolve)))

const get = (path: string, maxBytes = 1024 * 1024) =>
  httpGet(new URL(path, base), { headers: { 'accept-encoding': 'gzip, deflate, br' }, timeoutMs: 5000, maxBytes, env: {} })

describe('httpGet bodies', () => {
  it.each(['/plain', '/gzip', '/x-gzip', '/deflate', '/br'])('decodes %s to the exact bytes', async path => {
    const response = await get(path)
    expect(response.status).toBe(200)
    expect(response.body.equals(JSON_BODY)).toBe(true)
  })

  it('refuses a body that inflates past the cap', async () => {
    const error = await get('/bomb').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect((error as TransportError).code).toBe('too-large')
    expect((error as TransportError).message).toMatch(/^with a body larger than 1 MiB/)
    expect((error as TransportError).answered).toBe(true)
  })

  it('refuses a compressed body that is itself over the cap', async () => {
    const error = await get('/br', 1000).catch((e: unknown) => e)
    expect((error as TransportError).code).toBe('too-large')
  })

  it('reports a body that does not decompress as an answer (not retried) naming the coding', async () => {
    const error = await get('/corrupt').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TransportError)
    expect((error as TransportError).code).toBe('bad-body')
    expect((error as TransportError).retryable).toBe(false)
    expect((error as TransportError).answered).toBe(true)
    expect((error as TransportError).message).toMatch(/^with a gzip body that does not decompress/)
  })
})
