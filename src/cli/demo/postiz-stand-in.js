/**
 * A Postiz-compatible HTTP server for loopback use: tests, the CI workflow and demos.
 * It behaves like the Postiz backend's public API as docs/postiz-api.md describes it:
 * raw key in `Authorization` (no `Bearer`), 401 bodies `{"msg": …}`, a bare JSON array from
 * GET /public/v1/integrations with `null` picture/profile and `customer` absent when unassigned,
 * gzip when accepted, an optional `/api` prefix (the official Docker image), and the web app's
 * HTML page outside the API.
 *
 * Plain JavaScript (typed with JSDoc) so that scripts and workflows can run it without a build.
 */
import { createServer } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { gzipSync } from 'node:zlib'

/**
 * @typedef {{ id: string, name: string, identifier: string, picture: string | null, disabled: boolean,
 *   profile: string | null, customer?: { id: string, name: string } }} StandInIntegration
 * @typedef {{ id: string, publishDate: string, state: 'QUEUE' | 'PUBLISHED' | 'ERROR' | 'DRAFT', content?: string,
 *   intervalInDays?: number, integration: { id: string, providerIdentifier: string, name: string, picture: string | null } }} StandInPost
 * @typedef {{ id: string, content: string, link?: string | null, createdAt: string }} StandInNotification
 * @typedef {{ method: string, url: string, headers: import('node:http').IncomingHttpHeaders }} RecordedRequest
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, count: number) => boolean | Promise<boolean>} Fault
 * @typedef {{ integrations?: StandInIntegration[], deleted?: StandInIntegration[], posts?: StandInPost[], notifications?: StandInNotification[] | 'absent', apiKey?: string, prefix?: string, fault?: Fault, host?: string, port?: number,
 *   tls?: { key: string | Buffer, cert: string | Buffer } }} StandInOptions
 * @typedef {{ url: string, baseUrl: string, port: number, requests: RecordedRequest[],
 *   integrations: StandInIntegration[], close: () => Promise<void> }} StandIn
 */

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * Like the backend's class-validator @IsDateString(): present and ISO 8601, else a list of messages.
 * @param {URLSearchParams} query
 */
function dateErrors(query) {
  return ['startDate', 'endDate'].flatMap(name => {
    const value = query.get(name)
    return value !== null && ISO_8601.test(value) && !Number.isNaN(Date.parse(value)) ? [] : [`${name} must be a valid ISO 8601 date string`]
  })
}

const WEB_APP_PAGE = '<!DOCTYPE html><html><head><title>Postiz</title></head><body><div id="root"></div></body></html>'

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} value
 */
function sendJson(req, res, status, value) {
  const body = Buffer.from(JSON.stringify(value))
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {})
  })
  res.end(gzip ? gzipSync(body) : body)
}

/**
 * Starts the stand-in on 127.0.0.1 (a free port).
 * @param {StandInOptions} [options]
 * @returns {Promise<StandIn>}
 */
export async function startPostizStandIn(options = {}) {
  const apiKey = options.apiKey ?? 'test-api-key'
  const prefix = options.prefix ?? ''
  const integrations = options.integrations ?? []
  /** @type {RecordedRequest[]} */
  const requests = []

  /** @type {import('node:http').RequestListener} */
  const handler = async (req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    if (options.fault && (await options.fault(req, res, requests.length))) return
    const url = new URL(req.url ?? '/', 'http://stand-in')
    if (!url.pathname.startsWith(`${prefix}/public/v1/`)) {
      if (req.method === 'GET' && !url.pathname.startsWith(`${prefix}/`)) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(WEB_APP_PAGE)
        return
      }
      sendJson(req, res, 404, { message: `Cannot ${req.method} ${url.pathname}`, error: 'Not Found', statusCode: 404 })
      return
    }
    const route = url.pathname.slice(`${prefix}/public/v1`.length)
    const auth = req.headers.authorization ?? ''
    if (auth === '') return sendJson(req, res, 401, { msg: 'No API Key found' })
    if (auth !== apiKey) return sendJson(req, res, 401, { msg: auth.startsWith('pos_') ? 'Invalid OAuth token' : 'Invalid API key' })
    if (req.method === 'GET' && route === '/integrations') return sendJson(req, res, 200, integrations)
    if (req.method === 'GET' && route === '/posts') {
      const errors = dateErrors(url.searchParams)
      if (errors.length > 0) return sendJson(req, res, 400, { statusCode: 400, message: errors, error: 'Bad Request' })
      const start = Date.parse(url.searchParams.get('startDate') ?? '')
      const end = Date.parse(url.searchParams.get('endDate') ?? '')
      const customer = url.searchParams.get('customer')
      const owners = new Map(integrations.map(i => [i.id, i.customer?.id]))
      // Soft-deleted channels are not listed and their posts are left out, except that up to Postiz
      // v2.23.0 the customer filter replaces the filter on the channel, so ?customer= brings them
      // back (fixed only on main, commit 81547fc64).
      const deletedOwners = new Map((options.deleted ?? []).map(i => [i.id, i.customer?.id]))
      // A repeating post (intervalInDays) comes back once per occurrence in the window: a copy with
      // the same id, its own publishDate, and actualDate, the original's (docs/postiz-api.md).
      const occurrences = (options.posts ?? []).flatMap(p => {
        if (!p.intervalInDays) return [p]
        const first = Date.parse(p.publishDate)
        const step = p.intervalInDays * 86_400_000
        const copies = []
        for (let at = first + Math.max(0, Math.ceil((start - first) / step)) * step; at <= end && copies.length < 1000; at += step) {
          copies.push({ ...p, publishDate: new Date(at).toISOString(), actualDate: p.publishDate })
        }
        return copies
      })
      const posts = occurrences.filter(p => {
        const at = Date.parse(p.publishDate)
        const id = p.integration.id
        const listed = owners.has(id)
        return at >= start && at <= end && (customer === null ? listed : (listed ? owners.get(id) : deletedOwners.get(id)) === customer)
      })
      return sendJson(req, res, 200, { posts })
    }
    if (req.method === 'GET' && route === '/notifications') {
      // Postiz v2.18.0 and later; older servers have no such route (notifications: 'absent').
      if (options.notifications === 'absent') return sendJson(req, res, 404, { message: `Cannot GET ${url.pathname}`, error: 'Not Found', statusCode: 404 })
      const all = [...(options.notifications ?? [])].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      const page = Math.max(0, Number(url.searchParams.get('page') ?? '0') || 0)
      const limit = 100
      const notifications = all.slice(page * limit, page * limit + limit)
      return sendJson(req, res, 200, { notifications, total: all.length, page, limit, hasMore: (page + 1) * limit < all.length })
    }
    if (req.method === 'GET' && route === '/is-connected') return sendJson(req, res, 200, { connected: true })
    if (req.method === 'GET' && route === '/groups') {
      const customers = new Map(integrations.filter(i => i.customer).map(i => [i.customer?.id, i.customer]))
      return sendJson(req, res, 200, [...customers.values()])
    }
    sendJson(req, res, 404, { message: `Cannot ${req.method} ${url.pathname}`, error: 'Not Found', statusCode: 404 })
  }
  const server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler)

  // A port that is taken rejects (EADDRINUSE), for the caller to say so.
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(undefined))
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`
  return {
    url,
    baseUrl: `${url}${prefix}`,
    port,
    requests,
    integrations,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve(undefined))
      })
  }
}
