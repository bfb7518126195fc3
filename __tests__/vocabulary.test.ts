/**
 * One vocabulary: every finding kind's words live in core/vocabulary.ts, and every sink reads them
 * from there. Changing a word in the table changes it in the annotations, the job summary, the
 * message, the tracking issue, the headline and the CLI; no other source file spells it.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { planAnnotations } from '../src/action/annotations.js'
import { buildMessage } from '../src/action/message.js'
import { buildSummary } from '../src/action/summary.js'
import { ACTION_VOICE } from '../src/action/voice.js'
import { renderTerminalReport } from '../src/cli/terminal-report.js'
import { CLI_VOICE } from '../src/cli/voice.js'
import { combineSignals } from '../src/core/combine.js'
import { FINDING_KINDS, type FindingKind } from '../src/core/config.js'
import { checkOf, type CheckedRun, type RunOutcome } from '../src/core/outcome.js'
import { decideVerdict } from '../src/core/verdict.js'
import { finding, KIND_WORDS, STATE_WORDS } from '../src/core/vocabulary.js'
import { buildIssueBody } from '../src/github/tracking-issue.js'
import { say } from '../src/shared/words.js'
import { channel, checkedRun } from './support/check-fixtures.js'
import { ROOT } from './support/run-action.js'

/** A run with one finding of each kind: gone (missing), off (disabled), a (failing), b (reconnect). */
function everyKind(): CheckedRun {
  const run = checkedRun([channel('a'), channel('b'), channel('off', { disabled: true })], { integrations: 'a, b, off, gone', 'fail-on': 'none' })
  const { check } = run
  const failing = finding('failing', 'failed', { key: 'a', problem: '2 failed posts' })
  const reconnect = finding('reconnect', 'asked', { key: 'b', problem: 'Postiz asked to reconnect it' })
  const combined = combineSignals(check, {
    posts: {
      window: { failedPostsDays: 7, upcomingPostsDays: 0 },
      counts: check.results.map(() => ({ failed: 0, latestFailed: null, queued: 0, nextQueued: null })),
      findings: [failing],
      atRisk: new Map()
    },
    reconnect: { days: 7, result: { findings: [reconnect], warnings: [], recovered: [] } }
  })
  return { ...run, check: combined }
}

/** Everything a person reads of a run, from every sink. */
function everySink(outcome: RunOutcome): Record<string, string> {
  const verdict = decideVerdict(outcome)
  const findings = checkOf(outcome)?.findings ?? []
  return {
    annotations: planAnnotations(outcome, verdict)
      .annotations.map(a => `${a.title}\n${a.message}`)
      .join('\n'),
    summary: buildSummary(outcome, verdict),
    message: buildMessage(outcome, undefined, verdict),
    issue: buildIssueBody({
      title: 'T',
      workflow: 'W',
      job: 'J',
      runUrl: 'https://x',
      findings,
      headline: say(verdict.headline, ACTION_VOICE),
      icon: verdict.icon,
      now: outcome.finishedAt
    }),
    headline: say(verdict.headline, CLI_VOICE),
    cli: renderTerminalReport(outcome, { colour: false }, verdict)
  }
}

const table = KIND_WORDS as unknown as Record<FindingKind, Record<string, unknown>>
const saved = new Map(FINDING_KINDS.map(kind => [kind, { ...table[kind] }]))
afterEach(() => {
  for (const kind of FINDING_KINDS) {
    for (const key of Object.keys(table[kind])) delete table[kind][key]
    Object.assign(table[kind], saved.get(kind))
  }
})

describe('KIND_WORDS', () => {
  it('has the words of every finding kind, and STATE_WORDS those of every state', () => {
    expect(Object.keys(KIND_WORDS).sort()).toEqual([...FINDING_KINDS].sort())
    expect(Object.keys(STATE_WORDS).sort()).toEqual(['enabled', ...FINDING_KINDS].sort())
  })

  it.each(FINDING_KINDS)('every sink takes the words of %s from the table', kind => {
    Object.assign(table[kind], { label: `LABEL-${kind}`, mark: `MARK-${kind}`, title: `TITLE-${kind}`, said: `SAID-${kind}`, why: `WHY-${kind}` })
    const out = everySink(everyKind())
    expect(out.annotations).toContain(`TITLE-${kind}: `)
    expect(out.summary).toContain(`MARK-${kind}\u00a0LABEL-${kind}`)
    expect(out.summary).toContain(`MARK-${kind} **SAID-${kind}:** WHY-${kind}`)
    expect(out.message).toMatch(new RegExp(`^SAID-${kind}( —|:)`, 'm'))
    expect(out.issue).toContain(`MARK-${kind} LABEL-${kind}`)
    expect(out.headline).toContain(`1 LABEL-${kind}`)
    expect(out.cli).toContain(`  LABEL-${kind}`)
    expect(out.cli).toContain(`LABEL-${kind}: WHY-${kind}`)
  })
})

describe('defined once', () => {
  const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter(file => /\.[jt]s$/.test(file))
    .map(file => ({ file, text: readFileSync(join(ROOT, 'src', file), 'utf8') }))

  it.each(FINDING_KINDS)("no source file but core/vocabulary.ts spells %s's words", kind => {
    const words = KIND_WORDS[kind]
    const spelt = [words.title, words.said, words.why, `'${words.mark}'`].filter((w): w is string => w !== undefined)
    for (const word of spelt) {
      expect([word, sources.filter(s => s.text.includes(word)).map(s => s.file)]).toEqual([word, [join('core', 'vocabulary.ts')]])
    }
  })
})
