/**
 * A small forward proxy on 127.0.0.1 for tests: CONNECT tunnels for https and absolute-URL
 * requests for plain http. Whatever host a client asks for, it connects only to `targetPort` on
 * 127.0.0.1, so tests can use names such as postiz.test without any DNS or outside traffic.
 */
import { createServer, request, type IncomingHttpHeaders } from 'node:http'
import { connect, type Socket } from 'node:net'

export interface LoopbackProxy {
  url: string
  /** `CONNECT host:port` authorities and plain-http absolute URLs, in order. */
  seen: { method: string; target: string; headers: IncomingHttpHeaders }[]
  close: () => Promise<void>
}

export async function startLoopbackProxy(targetPort: number): Promise<LoopbackProxy> {
  const seen: LoopbackProxy['seen'] = []
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', target: req.url ?? '', headers: req.headers })
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
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('connect', (req, client: Socket, head: Buffer) => {
    seen.push({ method: 'CONNECT', target: req.url ?? '', headers: req.headers })
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
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
