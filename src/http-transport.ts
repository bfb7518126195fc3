/**
 * One HTTP GET attempt on Node's own http/https modules: a hard deadline for the whole attempt
 * (connect, headers and body), proxies via CONNECT, gzip/deflate/br decoding, a cap on the body
 * size (compressed and decompressed), and redirects never followed. No retries here: see postiz-client.ts.
 */
import * as http from 'node:http'
import * as net from 'node:net'
import * as zlib from 'node:zlib'
import type { Duplex } from 'node:stream'
import { ProxyConfigError, proxyFor } from './proxy.js'

export interface HttpResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

export type TransportErrorCode = 'timeout' | 'network' | 'tls' | 'proxy' | 'too-large'

export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: TransportErrorCode
  ) {
    super(message)
  }
  /** Timeouts and network failures may pass; certificate, proxy set-up and size errors will not. */
  get retryable(): boolean {
    return this.code === 'timeout' || this.code === 'network'
  }
}

export interface GetOptions {
  headers: Record<string, string>
  timeoutMs: number
  maxBytes: number
  env?: Record<string, string | undefined>
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL/

/**
 * node:https and node:tls load on the first https: URL or proxy (as undici does), so a run
 * against an http:// server on this machine does not pay for them at start-up.
 */
let httpsModule: Promise<typeof import('node:https')> | undefined
const loadHttps = (): Promise<typeof import('node:https')> => (httpsModule ??= import('node:https'))

type RequestFunction = (options: import('node:https').RequestOptions) => http.ClientRequest

/** The request function for a URL's scheme (http ignores the TLS options). */
async function requestFor(url: URL): Promise<RequestFunction> {
  return url.protocol === 'https:' ? (await loadHttps()).request : (http.request as RequestFunction)
}

function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '')
}

function portOf(url: URL): number {
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80))
}

function proxyAuth(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {}
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` }
}

/** Opens a CONNECT tunnel through `proxy` to the target's host and port. */
async function openTunnel(proxy: URL, target: URL, signal: AbortSignal): Promise<Duplex> {
  const request = await requestFor(proxy)
  return new Promise((resolve, reject) => {
    const authority = `${target.hostname}:${portOf(target)}`
    const req = request({
      host: bareHost(proxy.hostname),
      port: portOf(proxy),
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...proxyAuth(proxy) },
      agent: false,
      signal
    })
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) {
        resolve(socket)
      } else {
        socket.destroy()
        reject(new TransportError(`the proxy ${proxy.host} refused the tunnel to ${authority} (HTTP ${res.statusCode})`, 'proxy'))
      }
    })
    req.once('error', reject)
    req.end()
  })
}

async function openRequest(url: URL, options: GetOptions, signal: AbortSignal): Promise<http.ClientRequest> {
  const proxy = proxyFor(url, options.env ?? process.env)
  const path = `${url.pathname}${url.search}`
  const base = { method: 'GET', headers: options.headers, agent: false as const, signal }
  if (proxy === null) {
    return (await requestFor(url))({
      ...base,
      host: bareHost(url.hostname),
      port: portOf(url),
      path,
      servername: net.isIP(bareHost(url.hostname)) ? undefined : url.hostname
    })
  }
  if (url.protocol === 'http:') {
    // Plain HTTP through a proxy: the proxy gets the absolute URL.
    return http.request({
      ...base,
      host: bareHost(proxy.hostname),
      port: portOf(proxy),
      path: url.href,
      headers: { ...options.headers, host: url.host, ...proxyAuth(proxy) }
    })
  }
  const tunnel = await openTunnel(proxy, url, signal)
  const servername = net.isIP(bareHost(url.hostname)) ? undefined : url.hostname
  const [tls, https] = await Promise.all([import('node:tls'), loadHttps()])
  const socket = tls.connect({ socket: tunnel as net.Socket, servername })
  // No agent at all (not agent: false, which makes a fresh Agent that would dial the host itself):
  // the request must use the TLS socket inside the tunnel.
  return https.request({ ...base, agent: undefined, host: bareHost(url.hostname), port: portOf(url), path, createConnection: () => socket })
}

function tooLarge(maxBytes: number): TransportError {
  return new TransportError(`the response is larger than ${Math.round(maxBytes / 1048576)} MiB, far more than a list of integrations`, 'too-large')
}

/**
 * Decompresses the whole body in one call, within the cap. One synchronous call costs a fraction
 * of a decompression stream's many small chunks, and the compressed body is already in memory.
 */
function decode(body: Buffer, contentEncoding: string | undefined, maxBytes: number): Buffer {
  const encoding = (contentEncoding ?? '').trim().toLowerCase()
  const options = { maxOutputLength: maxBytes }
  try {
    switch (encoding) {
      case 'gzip':
      case 'x-gzip':
        return zlib.gunzipSync(body, options)
      case 'deflate':
        return zlib.inflateSync(body, options)
      case 'br':
        return zlib.brotliDecompressSync(body, options)
      default:
        return body
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes)
    throw new TransportError(`the ${encoding} response body could not be decompressed (${(error as Error).message})`, 'network')
  }
}

async function readBody(res: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy()
    throw tooLarge(maxBytes)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of res) {
    size += (chunk as Buffer).length
    if (size > maxBytes) {
      res.destroy()
      throw tooLarge(maxBytes)
    }
    chunks.push(chunk as Buffer)
  }
  return decode(Buffer.concat(chunks, size), res.headers['content-encoding'], maxBytes)
}

function describeNetworkError(error: NodeJS.ErrnoException, url: URL): TransportError {
  const code = error.code ?? ''
  if (TLS_CODES.test(code)) {
    return new TransportError(
      `TLS failed for ${url.host} (${code}: ${error.message}). If the server uses a private certificate authority, point NODE_EXTRA_CA_CERTS at its PEM file.`,
      'tls'
    )
  }
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused',
    ECONNRESET: 'the connection was reset',
    ENOTFOUND: 'the host name does not resolve',
    EAI_AGAIN: 'the host name could not be resolved (DNS)',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host is unreachable',
    EPIPE: 'the connection was closed',
    ERR_STREAM_PREMATURE_CLOSE: 'the connection closed before the response was complete'
  }
  const reason = reasons[code] ?? (error.message || 'network error')
  return new TransportError(`${reason} (${url.host}${code ? `, ${code}` : ''})`, 'network')
}

/** Sends one GET. Resolves with any HTTP status (redirects included); rejects with TransportError. */
export async function httpGet(url: URL, options: GetOptions): Promise<HttpResponse> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.timeoutMs)
  try {
    const req = await openRequest(url, options, controller.signal)
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      req.once('response', resolve)
      req.once('error', reject)
      req.end()
    })
    const body = await readBody(res, options.maxBytes)
    return { status: res.statusCode ?? 0, headers: res.headers, body }
  } catch (error) {
    if (error instanceof TransportError) throw error
    if (controller.signal.aborted) {
      throw new TransportError(`no complete answer within ${options.timeoutMs / 1000} s (the timeout input)`, 'timeout')
    }
    if (error instanceof ProxyConfigError) throw new TransportError(error.message, 'proxy')
    throw describeNetworkError(error as NodeJS.ErrnoException, url)
  } finally {
    clearTimeout(timer)
  }
}
