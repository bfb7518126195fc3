/** The report file's JSON text: the same value as JSON.stringify, one array element per line. */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reportJson, writeReportFile } from '../src/report/report-file.js'

const REPORT = {
  schemaVersion: 1,
  tool: { name: 'postiz-integrations-check', version: '1.0.0' },
  error: null,
  dropped: undefined,
  inputErrors: [],
  warnings: ['a "quoted"\nline', 'ünïcødé \u2028'],
  entries: [{ key: 'x:acme', ids: ['a', 'b'], posts: null }],
  integrations: [
    { id: 'i1', name: 'One', customer: null },
    { id: 'i2', name: 'Two, "2"', customer: { id: 'c', name: 'C' } }
  ]
}

describe('reportJson', () => {
  it('is the same value as JSON.stringify gives (undefined fields left out)', () => {
    expect(JSON.parse(reportJson(REPORT))).toEqual(JSON.parse(JSON.stringify(REPORT)))
    expect(reportJson(REPORT)).not.toContain('dropped')
  })

  it('puts each top-level field on its own line and each array element on its own line', () => {
    const lines = reportJson(REPORT).split('\n')
    expect(lines[0]).toBe('{')
    expect(lines).toContain('  "schemaVersion": 1,')
    expect(lines).toContain('  "inputErrors": [],')
    expect(lines).toContain('  "integrations": [')
    expect(lines).toContain('    {"id":"i1","name":"One","customer":null},')
    expect(lines).toContain('    {"id":"i2","name":"Two, \\"2\\"","customer":{"id":"c","name":"C"}}')
    expect(lines.slice(-3)).toEqual(['  ]', '}', ''])
  })

  it('writes a file only the runner user can read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pic-report-'))
    try {
      const path = writeReportFile(REPORT, dir)
      expect(path.startsWith(join(dir, 'postiz-integrations-check-'))).toBe(true)
      expect(statSync(path).mode & 0o777).toBe(0o600)
      expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(REPORT)))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
