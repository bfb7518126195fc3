/**
 * A loopback stand-in for the parts of the GitHub REST API the tracking issue uses, reached
 * through GITHUB_API_URL: list open issues (with a labels filter), create, update, comment.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'

export interface StandInIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  labels: string[]
  comments: string[]
  pull_request?: unknown
}

export interface GitHubStandIn {
  url: string
  issues: StandInIssue[]
  requests: { method: string; path: string; headers: IncomingHttpHeaders; body: unknown }[]
  /** Writes answer 403 "Resource not accessible by integration", like a read-only GITHUB_TOKEN. */
  readOnly: boolean
  writes: () => string[]
  close: () => Promise<void>
}

export async function startGitHubStandIn(owner = 'acme', repo = 'site'): Promise<GitHubStandIn> {
  const state: GitHubStandIn = {
    url: '',
    issues: [],
    requests: [],
    readOnly: false,
    writes: () => state.requests.filter(r => r.method !== 'GET').map(r => `${r.method} ${r.path}`),
    close: async () => undefined
  }
  const base = `/repos/${owner}/${repo}/issues`
  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://github.test')
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined
      state.requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, headers: req.headers, body })
      const send = (status: number, value: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value))
      }
      if (req.headers.authorization === undefined) return send(401, { message: 'Requires authentication' })
      if (req.method !== 'GET' && state.readOnly) {
        return send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' })
      }
      const match = /^\/repos\/[^/]+\/[^/]+\/issues(?:\/(\d+)(\/comments)?)?$/.exec(url.pathname)
      if (!url.pathname.startsWith(base) || !match) return send(404, { message: 'Not Found' })
      const issue = match[1] ? state.issues.find(i => i.number === Number(match[1])) : undefined
      if (match[1] && !issue) return send(404, { message: 'Not Found' })
      const view = (i: StandInIssue): unknown => ({ ...i, labels: i.labels.map(name => ({ name })), comments: i.comments.length })

      if (req.method === 'GET' && !match[1]) {
        const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean)
        const wanted = url.searchParams.get('state') ?? 'open'
        return send(200, state.issues.filter(i => i.state === wanted && labels.every(l => i.labels.includes(l))).map(view))
      }
      if (req.method === 'POST' && !match[1]) {
        const created: StandInIssue = {
          number: state.issues.length + 1,
          title: String(body?.title),
          body: String(body?.body ?? ''),
          state: 'open',
          labels: (body?.labels as string[] | undefined) ?? [],
          comments: []
        }
        state.issues.push(created)
        return send(201, view(created))
      }
      if (req.method === 'PATCH' && issue && !match[2]) {
        if (typeof body?.body === 'string') issue.body = body.body
        if (body?.state === 'closed' || body?.state === 'open') issue.state = body.state
        return send(200, view(issue))
      }
      if (req.method === 'POST' && issue && match[2]) {
        issue.comments.push(String(body?.body))
        return send(201, { id: issue.comments.length, body: body?.body })
      }
      send(404, { message: 'Not Found' })
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  state.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  state.close = () => new Promise<void>(resolve => server.close(() => resolve()))
  return state
}
