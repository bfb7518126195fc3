import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '../src/core/check-result.js'
import {
  buildIssueBody,
  fingerprint,
  isTrackingIssue,
  MAX_BODY_CHARS,
  mergeIssueBody,
  parseIssueConfig,
  planIssueAction,
  trackingMarker,
  type IssueContext
} from '../src/github/tracking-issue.js'
import { ROOT } from './support/run-action.js'

const env = { GITHUB_REPOSITORY: 'acme/site', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '7', GITHUB_WORKFLOW: 'Nightly', GITHUB_JOB: 'check' }
const KEY = { title: 'T', workflow: 'Nightly', job: 'check' }
const finding = (key: string, kind: Finding['kind'] = 'missing'): Finding => ({
  kind,
  key,
  channel: null,
  problem: 'gone',
  fix: 'Fix it.',
  advice: ['Reconnect it.']
})
const context = (findings: Finding[]): IssueContext => ({
  ...KEY,
  runUrl: 'https://github.com/acme/site/actions/runs/7',
  findings,
  headline: 'Fail: …',
  icon: '❌',
  now: new Date('2026-11-28T06:17:00Z')
})

const RUN_URL = 'https://github.com/acme/site/actions/runs/7'

describe('parseIssueConfig', () => {
  it('is off by default and then needs nothing', () => {
    expect(parseIssueConfig({}, {}, undefined)).toEqual({ config: null, errors: [] })
  })
  it('reads title, labels, token and the run link', () => {
    expect(parseIssueConfig({ issue: 'true', 'issue-labels': 'postiz, ops ,', 'github-token': 't' }, env, RUN_URL)).toEqual({
      config: {
        title: 'Postiz integrations need attention',
        workflow: 'Nightly',
        job: 'check',
        labels: ['postiz', 'ops'],
        token: 't',
        owner: 'acme',
        repo: 'site',
        runUrl: RUN_URL
      },
      errors: []
    })
  })
  it('reports every problem', () => {
    expect(parseIssueConfig({ issue: 'yes' }, env, RUN_URL).errors).toEqual([{ input: 'issue', problem: ['"yes" is not a boolean; use true or false'] }])
    expect(parseIssueConfig({ issue: 'true', 'issue-title': 'x'.repeat(201) }, {}, undefined).errors.map(e => e.input)).toEqual([
      'issue-title',
      'github-token',
      'issue'
    ])
  })
})

describe('markers', () => {
  it('key on workflow, job and title, encoded so no text can close the comment or pass for another part', () => {
    expect(trackingMarker({ title: 'a --> b', workflow: 'Night.ly', job: 'check' })).toBe(
      '<!-- postiz-integrations-check:tracking-issue:Night%2Ely.check.a%20--%3E%20b -->'
    )
    expect(trackingMarker({ title: 'c', workflow: 'a.b', job: '' })).not.toBe(trackingMarker({ title: 'c', workflow: 'a', job: 'b' }))
    const body = buildIssueBody(context([finding('a')]))
    expect(isTrackingIssue(body, KEY)).toBe(true)
    expect(isTrackingIssue(body, { ...KEY, title: 'T2' })).toBe(false)
    expect(isTrackingIssue(body, { ...KEY, job: 'other' })).toBe(false)
    expect(isTrackingIssue(body, { ...KEY, workflow: 'Weekly' })).toBe(false)
    expect(isTrackingIssue('Postiz integrations need attention', { ...KEY, title: 'Postiz integrations need attention' })).toBe(false)
  })
  it('fingerprint the set of findings, not their order', () => {
    expect(fingerprint([finding('a'), finding('b', 'disabled')])).toBe(fingerprint([finding('b', 'disabled'), finding('a')]))
    expect(fingerprint([finding('a')])).not.toBe(fingerprint([finding('a', 'disabled')]))
  })
})

describe('the generated part', () => {
  it('is replaced on update while what people wrote before and after it stays', () => {
    const first = buildIssueBody(context([finding('a')]))
    const edited = `Sam: we are on it.\n\n${first}\nUpdate from Kim: token renewed on Monday.`
    const merged = mergeIssueBody(edited, context([finding('b')]))
    expect(merged.startsWith('Sam: we are on it.\n\n<!-- postiz-integrations-check:generated:start -->')).toBe(true)
    expect(merged.endsWith('\nUpdate from Kim: token renewed on Monday.')).toBe(true)
    expect(merged).toContain('| <code>b</code> |')
    expect(merged).not.toContain('| <code>a</code> |')
    expect(merged.match(/generated:start/g)).toHaveLength(1)
  })
  it('replaces a body whose generated part lost its end marker whole', () => {
    const first = buildIssueBody(context([finding('a')]))
    const cut = first.slice(0, first.indexOf('<!-- postiz-integrations-check:generated:end -->'))
    expect(mergeIssueBody(cut, context([finding('b')]))).toBe(buildIssueBody(context([finding('b')])))
  })
})

describe('planIssueAction', () => {
  const open = (findings: Finding[]) => ({ number: 3, body: buildIssueBody(context(findings)) })
  it('fail: create, then update quietly, then comment on change', () => {
    expect(planIssueAction('fail', false, null, context([finding('a')])).kind).toBe('create')
    expect(planIssueAction('fail', false, open([finding('a')]), context([finding('a')]))).toEqual({ kind: 'update', number: 3, body: expect.any(String) })
    const changed = planIssueAction('fail', false, open([finding('a')]), context([finding('b')]))
    expect(changed.kind === 'update' && changed.comment).toMatch(/- New: `missing:b`\n- Resolved: `missing:a`/)
  })
  it('pass closes an open issue and does nothing otherwise; error and discovery never act', () => {
    expect(planIssueAction('pass', false, open([finding('a')]), context([])).kind).toBe('close')
    expect(planIssueAction('pass', false, null, context([])).kind).toBe('none')
    expect(planIssueAction('error', false, open([finding('a')]), context([])).kind).toBe('none')
    expect(planIssueAction('pass', true, open([finding('a')]), context([])).kind).toBe('none')
  })
  it("keeps the body under GitHub's 65,536 characters with thousands of findings", () => {
    const many = Array.from({ length: 3000 }, (_, n) => finding(`entry_${n}_${'x'.repeat(60)}`))
    const body = buildIssueBody(context(many))
    expect(body.length).toBeLessThan(65_536)
    expect(body).toMatch(/…and [\d,]+ more: see the run's job summary/)
  })
})

describe("GitHub's 65,536 characters, the whole body counted", () => {
  /** 200 failing entries with 40-character aliases: 75,487 characters before the whole body was budgeted. */
  const wide = Array.from({ length: 200 }, (_, n) => ({
    ...finding(`${'a'.repeat(36)}${String(n).padStart(4, '0')}`),
    problem: 'no integration has this ID: it was deleted, or reconnected under a new ID, or belongs to another organisation than the key',
    advice: ['Reconnect it and update the ID, or select it by `platform:profile`, which survives a reconnect.']
  }))

  it('a new issue fits, the hidden finding list and the notes rule included', () => {
    const body = buildIssueBody(context(wide))
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARS)
    expect(body).toMatch(/finding-list:[A-Za-z0-9_-]+ -->/) // still remembered, so a comment can say what changed
    expect(body).toContain('_Notes below this line are yours')
  })

  it("keeps people's notes whole and shortens the generated part, saying why, when the notes leave little room", () => {
    const first = buildIssueBody(context([finding('a')]))
    const notes = `\nKim: ${'we rotated the token and are waiting on the vendor. '.repeat(1000).slice(0, 50_000)}\n`
    const merged = mergeIssueBody(`Sam: on it.\n\n${first}${notes}`, context(wide))
    expect(merged.length).toBeLessThanOrEqual(MAX_BODY_CHARS)
    expect(merged.startsWith('Sam: on it.\n\n<!-- postiz-integrations-check:generated:start -->')).toBe(true)
    expect(merged.endsWith(notes)).toBe(true)
    expect(merged).toMatch(/…and [\d,]+ more \(the notes around this part leave it [\d,]+ of GitHub's 65,536 characters\): see the run's job summary/)
  })

  it('lists no row when the notes leave room for none, and says so', () => {
    const first = buildIssueBody(context([finding('a')]))
    const merged = mergeIssueBody(`${first}${'n'.repeat(64_500)}`, context(wide))
    expect(merged.length).toBeLessThanOrEqual(MAX_BODY_CHARS)
    expect(merged).toMatch(/The 200 entries that need attention are not listed here \(the notes around this part leave it [\d,]+ of GitHub's/)
    expect(merged).not.toContain('| Entry |')
  })

  it('a comment on changed problems fits: at most 50 of each, each cut short; none at all when the body could not remember them', () => {
    const update = (length: number): { body: string; comment?: string } => {
      const keys = (from: number): Finding[] => Array.from({ length: 80 }, (_, n) => finding(`${n + from}${'k'.repeat(length)}`))
      const action = planIssueAction('fail', false, { number: 3, body: buildIssueBody(context(keys(0))) }, context(keys(80)))
      if (action.kind !== 'update') throw new Error(action.kind)
      return action
    }
    const listed = update(100)
    expect(listed.comment).toMatch(/^The problems changed in .*\n\n- New: (`[^`]+`, ){50}…\n- Resolved: (`[^`]+`, ){50}…$/)
    const unlisted = update(5000)
    expect(unlisted.body.length).toBeLessThanOrEqual(MAX_BODY_CHARS)
    expect(unlisted.comment).toBe('The problems changed in [this run](https://github.com/acme/site/actions/runs/7): Fail: ….')
  })
})

describe('the action bundle', () => {
  it('loads the GitHub client only in a separate chunk', () => {
    const dist = join(ROOT, 'dist')
    expect(readFileSync(join(dist, 'index.js'), 'utf8')).not.toContain('octokit-core.js')
    const chunks = readdirSync(dist).filter(f => /^\d+\.index\.js$/.test(f))
    expect(chunks.some(f => readFileSync(join(dist, f), 'utf8').includes('octokit-core.js'))).toBe(true)
  })
})
