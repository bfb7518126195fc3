/**
 * One HTTP GET attempt through undici: connections, proxies (CONNECT tunnels, https:// proxies,
 * Proxy-Authorization) and TLS verification are undici's. Layered on top, what no client does for
 * us: one deadline for the whole attempt (connect, headers and body), a cap on the body size before
 * and after decompression (gzip/deflate/br), redirects never followed, and an error that says
 * which part failed. No retries here: the Postiz client (postiz/client.ts) retries.
 */
import * as zlib from 'node:zlib'
import { Agent, Pool, ProxyAgent, request, type buildConnector, type Dispatcher } from 'undici'
import { ProxyConfigError, proxyFor, type ProxySetting } from './proxy.js'

export type ResponseHeaders = Record<string, string | string[] | undefined>

export interface HttpResponse {
  status: number
  headers: ResponseHeaders
  body: Buffer
}

export type TransportErrorCode = 'timeout' | 'network' | 'tls' | 'proxy' | 'proxy-auth' | 'too-large' | 'bad-body' | 'request'

export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: TransportErrorCode,
    /** A proxy that answered 502/503/504 to CONNECT may pass on the next try. */
    private readonly retryableProxy = false
  ) {
    super(message)
  }
  /** Timeouts, network failures and a busy proxy may pass; certificates, settings and bodies will not. */
  get retryable(): boolean {
    return this.code === 'timeout' || this.code === 'network' || (this.code === 'proxy' && this.retryableProxy)
  }
  /** The server answered, but with a body that cannot be used: the message reads after "<url> answered". */
  get answered(): boolean {
    return this.code === 'too-large' || this.code === 'bad-body'
  }
}

export interface GetOptions {
  headers: Record<string, string>
  timeoutMs: number
  maxBytes: number
  env?: Record<string, string | undefined>
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|UND_ERR_PRX_TLS/

/**
 * One dispatcher per proxy (or none) and timeout, kept for the process: the posts request after
 * the integrations request reuses the connection. undici's own timeouts are set to the attempt's
 * deadline so that the deadline below is the one that speaks.
 */
const dispatchers = new Map<string, Dispatcher>()

/** Marks an error raised while connecting to the proxy itself (TCP or TLS), not to the target. */
const AT_PROXY = Symbol('at proxy')

/**
 * The proxy's own connection pool, with its connector wrapped so that a failure (say, an https://
 * proxy's certificate) is known to be the proxy's: undici reports it like a failure at the target.
 */
function proxyClientFactory(origin: URL, options: object): Dispatcher {
  const { connect } = options as { connect: buildConnector.connector }
  const tagged: buildConnector.connector = (connectOptions, callback) =>
    connect(connectOptions, (error, socket) => {
      if (error) callback(Object.assign(error, { [AT_PROXY]: true }), null)
      else callback(null, socket)
    })
  return new Pool(origin, { ...options, connect: tagged })
}

function dispatcherFor(proxy: ProxySetting | null, timeoutMs: number): Dispatcher {
  const key = `${proxy ? `${proxy.url.href} ${proxy.authorization ?? ''}` : 'direct'} ${timeoutMs}`
  let dispatcher = dispatchers.get(key)
  if (dispatcher === undefined) {
    const timeouts = { headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connect: { timeout: timeoutMs } }
    dispatcher =
      proxy === null
        ? new Agent(timeouts)
        : new ProxyAgent({
            ...timeouts,
            uri: proxy.url.href,
            ...(proxy.authorization !== undefined ? { token: proxy.authorization } : {}),
            proxyTls: { timeout: timeoutMs },
            clientFactory: proxyClientFactory,
            // Plain http:// through an http:// proxy goes as an absolute-URI request, as curl does
            // (many proxies allow CONNECT to port 443 only); https:// is always tunnelled.
            proxyTunnel: false
          })
    dispatchers.set(key, dispatcher)
  }
  return dispatcher
}

function tooLarge(maxBytes: number): TransportError {
  return new TransportError(`with a body larger than ${Math.round(maxBytes / 1048576)} MiB, far more than a list of integrations`, 'too-large')
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
    throw new TransportError(`with a ${encoding} body that does not decompress (${(error as Error).message})`, 'bad-body')
  }
}

/** A response header's first value (a repeated header arrives as an array). */
export function firstHeader(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

async function readBody(res: Dispatcher.ResponseData, maxBytes: number): Promise<Buffer> {
  const declared = Number(firstHeader(res.headers, 'content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.body.on('error', () => undefined).destroy() // nothing reads it: its abort error has nowhere to go
    throw tooLarge(maxBytes)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length
    if (size > maxBytes) throw tooLarge(maxBytes) // leaving the loop destroys the body
    chunks.push(chunk as Buffer)
  }
  return decode(Buffer.concat(chunks, size), firstHeader(res.headers, 'content-encoding'), maxBytes)
}

/** The error and its causes, outermost first (undici wraps socket and TLS errors). */
function chain(error: unknown): (Error & { code?: string })[] {
  const errors: (Error & { code?: string })[] = []
  for (let e = error; e instanceof Error && errors.length < 5; e = (e as { cause?: unknown }).cause) errors.push(e)
  return errors
}

/** What a proxy said, from undici's errors: the CONNECT status, or 407 on a forwarded request. */
function proxyStatus(error: Error): number | undefined {
  const match = /Proxy response \((\d{3})\) !== 200|Proxy Authentication Required \((407)\)/.exec(error.message)
  return match ? Number(match[1] ?? match[2]) : undefined
}

function describeError(error: unknown, url: URL, proxy: ProxySetting | null): TransportError {
  const errors = chain(error)
  const outer = errors[0]
  const status = outer && proxy ? proxyStatus(outer) : undefined
  if (status !== undefined && proxy) {
    const where = `the proxy ${proxy.url.host} (${proxy.variable})`
    if (status === 407) {
      return new TransportError(
        `${where} asks for credentials (HTTP 407 Proxy Authentication Required)${proxy.authorization ? ' and refused the ones given' : ''}`,
        'proxy-auth'
      )
    }
    return new TransportError(`${where} refused the tunnel to ${url.host} (HTTP ${status})`, 'proxy', status >= 502 && status <= 504)
  }
  const tls = errors.find(e => TLS_CODES.test(e.code ?? ''))
  if (tls) {
    const toProxy = errors.some(e => e.code === 'UND_ERR_PRX_TLS' || AT_PROXY in e)
    const inner = errors.at(-1) ?? tls
    const host = toProxy && proxy ? `the proxy ${proxy.url.host}` : url.host
    return new TransportError(
      `TLS failed for ${host} (${inner.code ?? tls.code}: ${inner.message}). If the server uses a private certificate authority, point NODE_EXTRA_CA_CERTS at its PEM file.`,
      'tls'
    )
  }
  const code = errors.map(e => e.code).find(c => c !== undefined && !/^UND_ERR_(SOCKET|ABORTED)$/.test(c)) ?? outer?.code ?? ''
  if (code === 'UND_ERR_INVALID_ARG') return new TransportError(`the request could not be sent (${outer?.message ?? 'invalid argument'})`, 'request')
  const reasons = new Map<string, string>([
    ['ECONNREFUSED', 'the connection was refused'],
    ['ECONNRESET', 'the connection was reset'],
    ['ENOTFOUND', 'the host name does not resolve'],
    ['EAI_AGAIN', 'the host name could not be resolved (DNS)'],
    ['ETIMEDOUT', 'the connection timed out'],
    ['UND_ERR_CONNECT_TIMEOUT', 'the connection timed out'],
    ['EHOSTUNREACH', 'the host is unreachable'],
    ['ENETUNREACH', 'the network is unreachable'],
    ['EPIPE', 'the connection was closed'],
    ['UND_ERR_SOCKET', 'the connection closed before the response was complete'],
    ['ERR_STREAM_PREMATURE_CLOSE', 'the connection closed before the response was complete']
  ])
  const reason = reasons.get(code) ?? (errors.at(-1)?.message || 'network error')
  if (proxy && errors.some(e => AT_PROXY in e)) {
    // The proxy itself could not be reached: the fix is in the proxy setting, and it may come back.
    return new TransportError(`${reason} (the proxy ${proxy.url.host} from ${proxy.variable}${code ? `, ${code}` : ''})`, 'proxy', true)
  }
  const via = proxy ? ` via the proxy ${proxy.url.host}` : ''
  return new TransportError(`${reason} (${url.host}${via}${code ? `, ${code}` : ''})`, 'network')
}

/** Sends one GET. Resolves with any HTTP status (redirects included); rejects with TransportError. */
export async function httpGet(url: URL, options: GetOptions): Promise<HttpResponse> {
  let proxy: ProxySetting | null
  try {
    proxy = proxyFor(url, options.env ?? process.env)
  } catch (error) {
    if (error instanceof ProxyConfigError) throw new TransportError(error.message, 'proxy')
    throw error
  }
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.timeoutMs)
  try {
    const res = await request(url, {
      method: 'GET',
      headers: options.headers,
      dispatcher: dispatcherFor(proxy, options.timeoutMs),
      signal: controller.signal,
      maxRedirections: 0
    })
    const body = await readBody(res, options.maxBytes)
    return { status: res.statusCode, headers: res.headers, body }
  } catch (error) {
    if (error instanceof TransportError) throw error
    if (controller.signal.aborted) {
      throw new TransportError(`no complete answer within ${options.timeoutMs / 1000} s`, 'timeout')
    }
    throw describeError(error, url, proxy)
  } finally {
    clearTimeout(timer)
  }
}
