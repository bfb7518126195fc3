/**
 * The docs work when pasted and match the code: scripts/check-docs.mjs (run by .ci/run) finds no
 * problem in README.md and docs/, and finds each kind of problem it is for; the report file's
 * fields in docs/report-file.md are the fields buildReport writes.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ACTION_VOICE } from '../src/action/voice.js'
import { decideVerdict } from '../src/core/verdict.js'
import { buildReport } from '../src/report/report.js'
import { checkMarkdown, checkYaml } from '../scripts/check-docs.mjs'
import { channel, checkedRun } from './support/check-fixtures.js'
import { ROOT } from './support/run-action.js'

const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter(f => f.endsWith('.md'))
    .map(f => `docs/${f}`)
]

describe('check-docs', () => {
  it.each(DOCS)('%s: every yaml block parses and passes the workflow schema, every link resolves', file => {
    expect(checkMarkdown(readFileSync(join(ROOT, file), 'utf8'), file)).toEqual([])
  })

  it("fails on the Discord block the README had (a plain scalar holding ': ')", () => {
    const discord = [
      "      - if: steps.postiz.outputs.status != 'pass'",
      '        env:',
      '          MESSAGE: ${{ steps.postiz.outputs.message }}',
      '        run: jq -n --arg content "$MESSAGE" \'{content: $content}\' | curl -fsS -d @- "$DISCORD_WEBHOOK_URL"'
    ].join('\n')
    expect(checkYaml(discord)).toEqual([expect.stringMatching(/^does not parse as YAML: /)])
  })

  it('fails on a monitoring example that checks no channel, on a step the schema refuses, and on a link to nothing', () => {
    const monitoring = '- uses: <owner>/postiz-integrations-check@v1\n  with:\n    api-key: ${{ secrets.POSTIZ_API_KEY }}\n    issue: true\n'
    expect(checkYaml(monitoring)).toEqual([expect.stringMatching(/keeps the tracking issue without integrations/)])
    expect(checkYaml('- uses: actions/checkout@v7\n  whith:\n    ref: main\n')[0]).toMatch(/^fails the workflow schema: .*whith/)
    expect(checkMarkdown('See [the guide](docs/nope.md) and [a part](docs/cli.md#no-such-heading).', 'README.md')).toEqual([
      'README.md:1: the link docs/nope.md points at docs/nope.md, which does not exist',
      'README.md:1: the link docs/cli.md#no-such-heading names a heading that docs/cli.md does not have'
    ])
  })
})

describe('README.md', () => {
  it('stays short enough to adopt the action from: at most 300 lines, the rest in docs/', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(300)
  })
})

describe('docs/report-file.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'report-file.md'), 'utf8')
  const rows = new Map(
    doc
      .split('\n')
      .filter(l => /^\| `/.test(l))
      .flatMap(l => {
        const [, names, content] = l.split('|')
        return [...names.matchAll(/`(\w+)`/g)].map(([, name]) => [name, content] as const)
      })
  )
  const outcome = checkedRun([channel('a')], { integrations: 'a' })
  const report = buildReport(outcome, decideVerdict(outcome), ACTION_VOICE, { jobSummary: true }) as unknown as Record<string, Record<string, unknown>>

  it('documents every top-level field of the report, and no other', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(report).sort())
  })

  it.each(['inputs', 'counts'])('names every field of %s', field => {
    for (const key of Object.keys(report[field]))
      expect([
        key,
        rows.get(field)?.includes(`\`${key}\``) ||
          rows.get(field)?.includes(`{${key},`) ||
          rows.get(field)?.includes(` ${key},`) ||
          rows.get(field)?.includes(` ${key}}`)
      ]).toEqual([key, true])
  })
})
