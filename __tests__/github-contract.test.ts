/** The GitHub stand-in's contract check can fail: requests GitHub would refuse are caught, valid ones pass. */
import { describe, expect, it } from '@jest/globals'
import { contractViolations, graphqlViolations } from './support/github-contract.js'
import { startGitHubStandIn } from './support/github-stand-in.js'

const none = new URLSearchParams()

describe("GitHub's REST description, as the stand-in applies it", () => {
  it('passes the requests the tracking issue sends', () => {
    expect(contractViolations('GET', '/repos/acme/site/issues', new URLSearchParams('state=open&labels=postiz&per_page=100&page=2'), undefined)).toEqual([])
    expect(contractViolations('POST', '/repos/acme/site/issues', none, { title: 'T', body: 'b', labels: ['postiz'] })).toEqual([])
    expect(contractViolations('PATCH', '/repos/acme/site/issues/3', none, { state: 'closed', state_reason: 'completed' })).toEqual([])
    expect(contractViolations('POST', '/repos/acme/site/issues/3/comments', none, { body: 'hi' })).toEqual([])
    expect(contractViolations('GET', '/user', none, undefined)).toEqual([])
  })

  it('fails a bad state_reason, a bad enum in the query, an unknown parameter, a wrong type, a missing body and an unknown route', () => {
    expect(contractViolations('PATCH', '/repos/acme/site/issues/3', none, { state: 'closed', state_reason: 'fixed' })).toEqual([
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}: body /state_reason must be equal to one of the allowed values'
    ])
    expect(contractViolations('GET', '/repos/acme/site/issues', new URLSearchParams('state=opened'), undefined)[0]).toMatch(
      /query parameter state=opened .*allowed values/
    )
    expect(contractViolations('GET', '/repos/acme/site/issues', new URLSearchParams('label=postiz'), undefined)).toEqual([
      "GET /repos/{owner}/{repo}/issues: query parameter label is not one of the operation's"
    ])
    expect(contractViolations('GET', '/repos/acme/site/issues', new URLSearchParams('per_page=many'), undefined)[0]).toMatch(/per_page=many .*integer/)
    expect(contractViolations('PATCH', '/repos/acme/site/issues/three', none, { body: 'x' })[0]).toMatch(/path parameter issue_number .*integer/)
    expect(contractViolations('POST', '/repos/acme/site/issues/3/comments', none, undefined)).toEqual([
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments: needs a JSON body'
    ])
    expect(contractViolations('POST', '/repos/acme/site/issues/3/comments', none, { text: 'hi' })[0]).toMatch(/must have required property 'body'/)
    expect(contractViolations('GET', '/repos/acme/site/tracking', none, undefined)).toEqual([
      "GET /repos/acme/site/tracking: no such operation in GitHub's REST description"
    ])
  })
})

describe("GitHub's GraphQL schema, as the stand-in applies it", () => {
  it("passes the viewer's login and fails a field GitHub does not have", () => {
    expect(graphqlViolations({ query: 'query { viewer { login } }' })).toEqual([])
    expect(graphqlViolations({ query: 'query { viewer { logn } }' })).toEqual([
      'POST /graphql: Cannot query field "logn" on type "User". Did you mean "login"?'
    ])
    expect(graphqlViolations({})).toEqual(['POST /graphql: the body has no query'])
  })
})

describe('the GitHub stand-in', () => {
  it('answers a request GitHub would refuse (a bad state_reason) with a 422, and records it for the test to fail on', async () => {
    const github = await startGitHubStandIn('acme', 'site')
    try {
      github.issues.push({ number: 1, title: 'T', body: 'b', state: 'open', labels: [], comments: [] })
      const send = (body: unknown): Promise<Response> =>
        fetch(`${github.url}/repos/acme/site/issues/1`, { method: 'PATCH', headers: { authorization: 'token t' }, body: JSON.stringify(body) })
      const refused = await send({ state: 'closed', state_reason: 'fixed' })
      expect(refused.status).toBe(422)
      expect(((await refused.json()) as { message: string }).message).toBe('Validation Failed')
      expect(github.violations).toEqual(['PATCH /repos/{owner}/{repo}/issues/{issue_number}: body /state_reason must be equal to one of the allowed values'])
      expect(github.issues[0].state).toBe('open')
      expect((await send({ state: 'closed', state_reason: 'completed' })).status).toBe(200)
      expect(github.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' })
    } finally {
      await github.close()
    }
  })
})
