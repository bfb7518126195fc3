/**
 * A loopback stand-in for the parts of the GitHub API the tracking issue uses, reached through
 * GITHUB_API_URL: list open issues (labels filter, pagination), create, update, comment, and who the
 * token is. It holds every REST request to GitHub's official description and every GraphQL query to
 * GitHub's schema (github-contract.ts): a request GitHub would refuse is answered as GitHub would
 * (422; GraphQL errors) and recorded in `violations`, which the tests expect empty. It behaves as GitHub does where the description says so only in words, or not at all:
 * - an installation token (the job's GITHUB_TOKEN) gets 403 from GET /user, while GraphQL's viewer
 *   names its bot; every issue records the login that opened it;
 * - lists are paged by `per_page` (30 unless asked, at most 100) with a `Link` header;
 * - the labels filter matches names case-insensitively;
 * - an issue or comment body over 65,536 characters is refused with GitHub's 422;
 * - `dropLabels`: labels on a new issue are silently dropped, as for a token without push access;
 * - `failNext`: the next requests to the repository answer a primary rate limit (403, x-ratelimit-remaining: 0), a
 *   secondary one (403 or 429 with retry-after), or a server error, as GitHub words them.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import { contractViolations, graphqlViolations } from './github-contract.js'

export interface StandInIssue {
  number: number
  /** Who opened it; a person when not given. */
  author?: string
  title: string
  body: string
  state: 'open' | 'closed'
  state_reason?: string | null
  labels: string[]
  comments: string[]
  pull_request?: unknown
}

/** How GitHub refuses a request: its two rate limits, or a failure of its own. */
export type GitHubFault =
  | { kind: 'primary' }
  | { kind: 'secondary'; status: 403 | 429; retryAfter: number }
  | { kind: 'server'; status: 500 | 502 | 503 }
  | { kind: 'not-a-list' }
  /** No answer at all (until the stand-in closes). */
  | { kind: 'hang' }

export interface GitHubStandIn {
  url: string
  issues: StandInIssue[]
  requests: { method: string; path: string; headers: IncomingHttpHeaders; body: unknown }[]
  /** Requests GitHub's description refuses, each with why. */
  violations: string[]
  /** Writes answer 403 "Resource not accessible by integration", like a read-only GITHUB_TOKEN. */
  readOnly: boolean
  /** Labels on new issues are dropped without a word, as for a token without push access. */
  dropLabels: boolean
  /** Answers for the next requests to the repository (not /user or GraphQL), in order, before anything else is looked at. */
  failNext: GitHubFault[]
  /** Token → login; the job's token is an installation token unless `personal` lists it. */
  logins: Map<string, string>
  /** Tokens that are personal (GET /user answers); others are installation tokens. */
  personal: Set<string>
  /** Hold the answers to the first N issue lists until N are waiting (two runs racing). */
  holdLists: number
  writes: () => string[]
  close: () => Promise<void>
}

/** GitHub's limit on an issue or comment body, in characters. */
export const MAX_BODY_CHARS = 65_536

const DOCS = 'https://docs.github.com/rest'

export async function startGitHubStandIn(owner = 'acme', repo = 'site'): Promise<GitHubStandIn> {
  const state: GitHubStandIn = {
    url: '',
    issues: [],
    requests: [],
    violations: [],
    readOnly: false,
    dropLabels: false,
    failNext: [],
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
  const resetAt = (): number => Math.ceil(Date.now() / 1000) + 1800

  const fault = (res: ServerResponse, f: GitHubFault): void => {
    const json = (status: number, headers: Record<string, string>, value: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(value))
    }
    if (f.kind === 'primary') {
      return json(
        403,
        { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(resetAt()) },
        { message: 'API rate limit exceeded for installation ID 4242.', documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`, status: '403' }
      )
    }
    if (f.kind === 'secondary') {
      return json(
        f.status,
        { 'retry-after': String(f.retryAfter), 'x-ratelimit-remaining': '4000' },
        {
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
          status: String(f.status)
        }
      )
    }
    if (f.kind === 'not-a-list') return json(200, {}, { message: 'Moved', items: [] })
    if (f.kind === 'hang') return
    res.writeHead(f.status, { 'content-type': 'text/html' }).end(`<html><body><h1>${f.status} Server Error</h1></body></html>`)
  }

  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://github.test')
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined
      const method = req.method ?? ''
      state.requests.push({ method, path: `${url.pathname}${url.search}`, headers: req.headers, body })
      const send = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(value))
      }
      const invalid = (errors: unknown[], message = 'Validation Failed'): void =>
        send(422, { message, errors, documentation_url: `${DOCS}/issues`, status: '422' })

      if (url.pathname === '/graphql') {
        const problems = method === 'POST' ? graphqlViolations(body) : [`${method} /graphql: GraphQL takes POST`]
        if (problems.length > 0) {
          state.violations.push(...problems)
          return send(200, { errors: problems.map(message => ({ message })) })
        }
        const query = typeof body?.query === 'string' ? body.query.replace(/\s+/g, ' ').trim() : ''
        if (query !== 'query { viewer { login } }') {
          state.violations.push(`POST /graphql: a valid query the stand-in does not answer (it knows the viewer's login): ${query}`)
          return send(200, { errors: [{ message: 'not answered by the stand-in' }] })
        }
      } else {
        const problems = contractViolations(method, url.pathname, url.searchParams, body)
        if (problems.length > 0) {
          state.violations.push(...problems)
          return invalid(problems.map(message => ({ code: 'invalid', message })))
        }
      }
      const next = url.pathname.startsWith('/repos/') ? state.failNext.shift() : undefined
      if (next) return fault(res, next)
      if (req.headers.authorization === undefined) return send(401, { message: 'Requires authentication', documentation_url: DOCS, status: '401' })
      const token = req.headers.authorization.replace(/^(token|bearer) /i, '')
      if (method === 'GET' && url.pathname === '/user') {
        if (!state.personal.has(token)) return send(403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' })
        return send(200, { login: loginOf(req.headers.authorization) })
      }
      if (method === 'POST' && url.pathname === '/graphql') return send(200, { data: { viewer: { login: loginOf(req.headers.authorization) } } })
      if (method !== 'GET' && state.readOnly) {
        return send(403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' })
      }
      const match = /^\/repos\/[^/]+\/[^/]+\/issues(?:\/(\d+)(\/comments)?)?$/.exec(url.pathname)
      if (!url.pathname.startsWith(base) || !match) return send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
      const issue = match[1] ? state.issues.find(i => i.number === Number(match[1])) : undefined
      if (match[1] && !issue) return send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
      const tooLong = typeof body?.body === 'string' && [...body.body].length > MAX_BODY_CHARS
      if (tooLong) {
        return invalid([
          {
            resource: match[2] ? 'IssueComment' : 'Issue',
            code: 'custom',
            field: 'body',
            message: `body is too long (maximum is ${MAX_BODY_CHARS} characters)`
          }
        ])
      }
      const view = (i: StandInIssue): unknown => ({
        ...i,
        user: { login: i.author ?? 'sam' },
        labels: i.labels.map(name => ({ name })),
        comments: i.comments.length
      })

      if (method === 'GET' && !match[1]) {
        const answer = (): void => {
          const labels = (url.searchParams.get('labels') ?? '')
            .split(',')
            .map(l => l.trim().toLowerCase())
            .filter(Boolean)
          const wanted = url.searchParams.get('state') ?? 'open'
          const matching = state.issues
            .filter(i => (wanted === 'all' || i.state === wanted) && labels.every(l => i.labels.some(own => own.toLowerCase() === l)))
            .sort((a, b) => b.number - a.number) // newest first, as GitHub sorts by default
          const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30))
          const page = Number(url.searchParams.get('page') ?? 1)
          const last = Math.max(1, Math.ceil(matching.length / perPage))
          const link = (n: number, rel: string): string => {
            const target = new URL(`${state.url}${url.pathname}${url.search}`)
            target.searchParams.set('page', String(n))
            return `<${target.href}>; rel="${rel}"`
          }
          const links = [...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []), ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])]
          send(200, matching.slice((page - 1) * perPage, page * perPage).map(view), links.length > 0 ? { link: links.join(', ') } : {})
        }
        if (++listsSeen > state.holdLists) return answer()
        held.push(answer)
        if (held.length === state.holdLists) held.splice(0).forEach(release => release())
        return
      }
      if (method === 'POST' && !match[1]) {
        const created: StandInIssue = {
          number: state.issues.length + 1,
          author: loginOf(req.headers.authorization),
          title: typeof body?.title === 'string' ? body.title : '',
          body: typeof body?.body === 'string' ? body.body : '',
          state: 'open',
          labels: state.dropLabels ? [] : ((body?.labels as string[] | undefined) ?? []),
          comments: []
        }
        state.issues.push(created)
        return send(201, view(created))
      }
      if (method === 'PATCH' && issue && !match[2]) {
        if (typeof body?.body === 'string') issue.body = body.body
        if (body?.state === 'closed' || body?.state === 'open') issue.state = body.state
        if (body?.state_reason !== undefined) issue.state_reason = body.state_reason as string | null
        return send(200, view(issue))
      }
      if (method === 'POST' && issue && match[2]) {
        issue.comments.push(typeof body?.body === 'string' ? body.body : '')
        return send(201, { id: issue.comments.length, body: body?.body })
      }
      send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  state.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  state.close = () =>
    new Promise<void>(resolve => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  return state
}
