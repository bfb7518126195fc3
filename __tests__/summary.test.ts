import { describe, expect, it } from '@jest/globals'
import type { Integration } from '../src/postiz/integrations.js'
import type { CheckedRun, RunOutcome } from '../src/core/outcome.js'
import { channel, checkedRun, failedRun } from './support/check-fixtures.js'
import { buildSummary as summaryOf, entryLogLine, SUMMARY_LIST_LIMIT } from '../src/action/summary.js'
import { decideVerdict } from '../src/core/verdict.js'

const buildSummary = (o: RunOutcome): string => summaryOf(o, decideVerdict(o))

/** Its name, profile and ID all differ, so each can be seen in its own place. */
const A = channel('a', { name: 'Name a', profile: 'p_a' })

const outcome = (integrations: Integration[], list: string, extra: Partial<CheckedRun> = {}): CheckedRun =>
  checkedRun(integrations, { integrations: list }, extra)

describe('buildSummary', () => {
  it('pass: a headline and one row per entry, other integrations collapsed', () => {
    const md = buildSummary(outcome([A, channel('b')], 'a'))
    expect(md.split('\n')[0]).toBe('## ✅ Pass: 1 of 1 Postiz integration ready')
    // Platform and profile sit with the channel; no Customer column without customers, no Fix column on a pass.
    expect(md).toContain('| Entry | Channel | State |\n|---|---|---|\n| <code>a</code> | Name a<br>x · p\\_a<br><code>a</code> | ✅\u00a0enabled |\n')
    expect(md).toContain("<details><summary>The organisation's 1 other integration</summary>")
  })

  it('fail: one problems table, a row per entry with its channel, problem and fix; no table that repeats it', () => {
    const md = buildSummary(outcome([{ ...A, disabled: true }], 'a, gone'))
    expect(md.split('\n')[0]).toBe('## ❌ Fail: 2 of 2 Postiz integrations need attention (1 missing, 1 disabled)')
    expect(md).toContain('| Entry | Channel | Problem | Fix |\n|---|---|---|---|\n')
    expect(md).toContain('| <code>a</code> | Name a<br>x · p\\_a<br><code>a</code> | ⛔\u00a0disabled. | Enable it in Postiz. |\n')
    expect(md).toContain(
      '| <code>gone</code> | — | ❌\u00a0missing: no integration has this ID. | Reconnect it and update the ID, or select it by `platform:profile`. |\n'
    )
    // Every entry is in the problems table: the table of every entry would only repeat it.
    expect(md).not.toContain('| State |')
    expect(md).not.toContain('<details>')
  })

  it('error: the diagnosis and the fix instead of a table', () => {
    const md = buildSummary(failedRun({ message: ['It broke | <b>'], fix: ['Fix it.'] }))
    expect(md).toContain('## 🛑 Could not check the Postiz integrations')
    expect(md).toContain('**What happened:** It broke &#124; &lt;b&gt;')
    expect(md).toContain('**How to fix it:** Fix it.')
    expect(md).not.toContain('| Entry |')
  })

  it('discovery: lists the organisation open, with selectors', () => {
    const md = buildSummary(outcome([A, channel('b', { profile: null })], ''))
    expect(md.split('\n')[0]).toBe('## 🔎 Discovery: listed 2 Postiz integrations, checked none')
    expect(md).toContain('<code>x\\:p\\_a</code>')
    expect(md).not.toContain('<details>')
  })

  it('cuts long lists and points to the report file', () => {
    const many = Array.from({ length: SUMMARY_LIST_LIMIT + 20 }, (_, n) => channel(`c${n}`))
    const md = buildSummary(outcome(many, ''))
    expect(md).toContain('…and 20 more integrations: see the report file (the `report` output).')
  })

  it('stays under 1 MiB at 10,000 integrations and 1,000 entries, even with names that escape to six times their size', () => {
    const nasty = '|<>&"\''.repeat(40)
    const many = Array.from({ length: 10_000 }, (_, n) =>
      channel(`c${n}`, { name: `${nasty}${n}`, picture: `https://cdn.example/${'p'.repeat(400)}.png`, customer: { id: 'cu', name: nasty } })
    )
    const list = Array.from({ length: 1000 }, (_, n) => (n % 20 === 0 ? `gone${n}` : `c${n * 7}`)).join('\n')
    const md = buildSummary(outcome(many, list))
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(1024 * 1024)
    expect(md).toMatch(/…and [\d,]+ more (entries|integrations): see the report file/)
    expect(md.split('\n')[0]).toBe('## ❌ Fail: 50 of 1,000 Postiz integrations need attention (50 missing)')
  })

  it('shows every entry of a large but ordinary organisation, and cuts only the browsing list', () => {
    const many = Array.from({ length: 10_000 }, (_, n) => channel(`c${n}`, { picture: 'https://cdn.example/a.png' }))
    const list = Array.from({ length: 1000 }, (_, n) => `c${n * 7}`).join('\n')
    const md = buildSummary(outcome(many, list))
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThan(1024 * 1024)
    expect(md.match(/^\| <code>c\d+<\/code> \|/gm)).toHaveLength(1000)
    expect(md).toContain('…and 8,000 more integrations: see the report file')
  })

  it('uses only https pictures', () => {
    const md = buildSummary(outcome([channel('a', { picture: 'https://cdn.example/a.png' }), channel('b', { picture: 'javascript:alert(1)' })], 'a, b'))
    expect(md).toContain('<img src="https://cdn.example/a.png"')
    expect(md).not.toContain('javascript')
  })
})

describe('entryLogLine', () => {
  it('starts with our own mark, never with server text', () => {
    const result = outcome([{ ...A, name: '\n::error::owned' }], 'a').check.results[0]
    expect(entryLogLine(result)).toBe('✓ a: enabled → " ::error::owned" (x, @p_a, ID a)')
    expect(entryLogLine(result)).not.toContain('\n')
  })
})

describe('server text in table cells', () => {
  const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, n) => String.fromCharCode(0x20 + n))
  const ALLOWED_TAG = /^<(code|\/code|br|wbr|details|\/details|summary|\/summary|img src="[^"\s|<>'`\\]*" width="20" height="20" alt="")>$/
  const FIELDS = ['name', 'identifier', 'profile', 'picture', 'id', 'customer name', 'customer id'] as const

  function withChar(field: (typeof FIELDS)[number], c: string): Integration {
    const text = `a${c}b`
    const base = channel('target', { picture: 'https://x.example/p.png', customer: { id: 'cu1', name: 'Acme' } })
    switch (field) {
      case 'picture':
        return { ...base, picture: `https://x.example/a${c}b.png?q=${c}&r=a${c}#f${c}` }
      case 'customer name':
        return { ...base, customer: { id: 'cu1', name: text } }
      case 'customer id':
        return { ...base, customer: { id: text, name: 'Acme' } }
      default:
        return { ...base, [field]: text }
    }
  }

  /** Every line of a table has as many cell separators as its `|---|` line, and every tag is ours. */
  function expectIntact(md: string): void {
    let separators: number | undefined
    let tables = 0
    for (const [index, line] of md.split('\n').entries()) {
      if (!line.startsWith('|')) {
        separators = undefined
        continue
      }
      if (separators === undefined) {
        const rule = md.split('\n')[index + 1] ?? ''
        expect(rule).toMatch(/^\|(---\|)+$/)
        separators = rule.match(/\|/g)?.length
        tables++
      }
      expect([line, line.match(/\|/g)?.length]).toEqual([line, separators])
      for (const tag of line.match(/<[^>]*>?/g) ?? []) expect(tag).toMatch(ALLOWED_TAG)
    }
    expect(tables).toBeGreaterThan(0)
  }

  it.each(FIELDS)('no printable ASCII character in the %s splits a cell or opens a tag', field => {
    for (const c of PRINTABLE) {
      const odd = withChar(field, c)
      const targetId = field === 'id' ? odd.id : 'target'
      const entriesOutcome = outcome([odd, channel('other')], field === 'id' ? 'x:*' : targetId)
      expectIntact(buildSummary(entriesOutcome))
      expectIntact(buildSummary(outcome([odd, channel('other')], '')))
    }
  })
})
