/**
 * A loopback stand-in for the parts of the GitHub API the tracking issue uses, reached through
 * GITHUB_API_URL: list open issues (with a labels filter), create, update, comment, and who the
 * token is. Like GitHub, an installation token (the job's GITHUB_TOKEN) gets 403 from GET /user,
 * while GraphQL's viewer names its bot; every issue records the login that opened it.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'

export interface StandInIssue {
  number: number
  /** Who opened it; a person when not given. */
  author?: string
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
  /** Token → login; the job's token is an installation token unless `personal` lists it. */
  logins: Map<string, string>
  /** Tokens that are personal (GET /user answers); others are installation tokens. */
  personal: Set<string>
  /** Hold the answers to the first N issue lists until N are waiting (two runs racing). */
  holdLists: number
  writes: () => string[]
  close: () => Promise<void>
}

export async function startGitHubStandIn(owner = 'acme', repo = 'site'): Promise<GitHubStandIn> {
  const state: GitHubStandIn = {
    url: '',
    issues: [],
    requests: [],
    readOnly: false,
    logins: new Map(),
    personal: new Set(),
    holdLists: 0,
    writes: () => state.requests.filter(r => r.method !== 'GET' && r.path !== '/graphql').map(r => `${r.method} ${r.path}`),
    close: () => Promise.resolve()
  }
  const base = `/repos/${owner}/${repo}/issues`
  const held: (() => void)[] = []
  let listsSeen = 0
  const loginOf = (authorization: string | undefined): string => {
    const token = (authorization ?? '').replace(/^(token|bearer) /i, '')
    return state.logins.get(token) ?? 'github-actions[bot]'
  }
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
      const token = req.headers.authorization.replace(/^(token|bearer) /i, '')
      if (req.method === 'GET' && url.pathname === '/user') {
        if (!state.personal.has(token)) return send(403, { message: 'Resource not accessible by integration' })
        return send(200, { login: loginOf(req.headers.authorization) })
      }
      if (req.method === 'POST' && url.pathname === '/graphql') return send(200, { data: { viewer: { login: loginOf(req.headers.authorization) } } })
      if (req.method !== 'GET' && state.readOnly) {
        return send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' })
      }
      const match = /^\/repos\/[^/]+\/[^/]+\/issues(?:\/(\d+)(\/comments)?)?$/.exec(url.pathname)
      if (!url.pathname.startsWith(base) || !match) return send(404, { message: 'Not Found' })
      const issue = match[1] ? state.issues.find(i => i.number === Number(match[1])) : undefined
      if (match[1] && !issue) return send(404, { message: 'Not Found' })
      const view = (i: StandInIssue): unknown => ({
        ...i,
        user: { login: i.author ?? 'sam' },
        labels: i.labels.map(name => ({ name })),
        comments: i.comments.length
      })

      if (req.method === 'GET' && !match[1]) {
        const answer = (): void => {
          const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean)
          const wanted = url.searchParams.get('state') ?? 'open'
          send(200, state.issues.filter(i => i.state === wanted && labels.every(l => i.labels.includes(l))).map(view))
        }
        if (++listsSeen > state.holdLists) return answer()
        held.push(answer)
        if (held.length === state.holdLists) held.splice(0).forEach(release => release())
        return
      }
      if (req.method === 'POST' && !match[1]) {
        const created: StandInIssue = {
          number: state.issues.length + 1,
          author: loginOf(req.headers.authorization),
          title: typeof body?.title === 'string' ? body.title : '',
          body: typeof body?.body === 'string' ? body.body : '',
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
        issue.comments.push(typeof body?.body === 'string' ? body.body : '')
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
