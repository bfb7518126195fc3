/**
 * A small forward proxy on 127.0.0.1 for tests: CONNECT tunnels and absolute-URL requests for
 * plain http, over plain TCP or (with `tls`) as an https:// proxy. Whatever host a client asks for,
 * it connects only to `targetPort` on 127.0.0.1, so tests can use names such as postiz.test or
 * documentation addresses (192.0.2.x) without any DNS or outside traffic.
 */
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { connect, type Socket } from 'node:net'

export interface LoopbackProxy {
  url: string
  port: number
  /** `CONNECT host:port` authorities and plain-http absolute URLs, in order. */
  seen: { method: string; target: string; headers: IncomingHttpHeaders; at: number }[]
  close: () => Promise<void>
}

export interface LoopbackProxyOptions {
  /** Serve the proxy itself over TLS (an https:// proxy). */
  tls?: { key: Buffer; cert: Buffer }
  /** A status to answer instead of forwarding (e.g. 407, 503); `count` starts at 1. */
  refuse?: (req: IncomingMessage, count: number) => number | undefined
}

export async function startLoopbackProxy(targetPort: number, options: LoopbackProxyOptions = {}): Promise<LoopbackProxy> {
  const seen: LoopbackProxy['seen'] = []
  const sockets = new Set<Socket>()
  const handler = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    seen.push({ method: req.method ?? '', target: req.url ?? '', headers: req.headers, at: Date.now() })
    const refused = options.refuse?.(req, seen.length)
    if (refused !== undefined) {
      res.writeHead(refused, refused === 407 ? { 'proxy-authenticate': 'Basic realm="test"' } : {}).end()
      return
    }
    const target = new URL(req.url ?? '')
    const upstream = request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  }
  const server: Server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, handler) : createServer(handler)
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    seen.push({ method: 'CONNECT', target: req.url ?? '', headers: req.headers, at: Date.now() })
    const refused = options.refuse?.(req, seen.length)
    if (refused !== undefined) {
      const extra = refused === 407 ? 'Proxy-Authenticate: Basic realm="test"\r\n' : ''
      client.end(`HTTP/1.1 ${refused} Refused\r\n${extra}Content-Length: 0\r\n\r\n`)
      return
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
