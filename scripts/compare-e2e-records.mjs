#!/usr/bin/env node
/**
 * Compares two recordings of the end-to-end tests' child runs (see __tests__/support/record-run.ts),
 * to show that a change leaves the built dist/ behaving the same:
 *
 *   git stash; npm run build; E2E_RECORD=/tmp/before npm run test:e2e
 *   git stash pop; npm run build; E2E_RECORD=/tmp/after npm run test:e2e
 *   node scripts/compare-e2e-records.mjs /tmp/before /tmp/after
 *
 * Each run (a test and its n-th child) is matched by name; what differs only by what changes from
 * one run to the next (ports, clock times and dates, durations, temporary paths, random
 * delimiters and backoff jitter) is normalised away. Prints the runs that differ with the first
 * lines that do, and exits 1 when any run differs or is missing on one side.
 *
 * Usage: node scripts/compare-e2e-records.mjs BEFORE AFTER [--show N]
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

/** What varies between two runs of the same test, in the order applied. */
export const VOLATILE = [
  [/ghadelimiter_[0-9a-f-]+/g, '<delimiter>'],
  [/\d{4}[-\u2011]\d\d[-\u2011]\d\d/g, '<date>'],
  // A colon in the job summary is `\:`, with a <wbr> after it before "/" or (earlier builds) always, or before it after the first.
  [/T\d\d(?:%3A|%253A|\\:<wbr>|<wbr>\\:|\\:|:)\d\d(?:%3A|%253A|\\:<wbr>|<wbr>\\:|\\:|:)\d\d(?:\.\d+)?Z/g, 'T<time>Z'],
  [/((?:127\.0\.0\.1|localhost|\]|\.test)(?::|\\:<wbr>|<wbr>\\:|\\:))\d{1,5}\b/g, '$1<port>'],
  [/\/tmp\/[\w.-]+/g, '<tmp>'],
  [/postiz-integrations-check-\d+-[0-9a-f]+\.json/g, '<report-file>'],
  [/"(durationMs|elapsedMs)":\s*\d+/g, '"$1":<ms>'],
  [/\b\d+ ms\b/g, '<ms> ms'],
  [/\b\d+(?:\.\d+)? s\b/g, '<s> s']
]

/** @param {string} text */
export function normalise(text) {
  return VOLATILE.reduce((out, [pattern, replacement]) => out.replace(pattern, /** @type {string} */ (replacement)), text)
}

/**
 * @param {string} folder
 * @returns {Map<string, Record<string, unknown>>}
 */
export function readRecording(folder) {
  const runs = new Map()
  for (const file of readdirSync(folder).filter(f => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue
      const { test, n, kind, data } = JSON.parse(line)
      runs.set(`${test} #${n} (${kind})`, data)
    }
  }
  return runs
}

/** @param {Record<string, unknown>} data */
function lines(data) {
  return Object.keys(data)
    .sort()
    .flatMap(field => [`[${field}]`, ...normalise(typeof data[field] === 'string' ? String(data[field]) : JSON.stringify(data[field])).split('\n')])
}

/**
 * @param {Map<string, Record<string, unknown>>} before
 * @param {Map<string, Record<string, unknown>>} after
 * @returns {{ missing: string[], added: string[], differing: { run: string, before: string, after: string }[], same: number }}
 */
export function compareRecordings(before, after) {
  const missing = [...before.keys()].filter(run => !after.has(run))
  const added = [...after.keys()].filter(run => !before.has(run))
  const differing = []
  let same = 0
  for (const [run, data] of before) {
    const other = after.get(run)
    if (!other) continue
    const a = lines(data)
    const b = lines(other)
    const at = a.findIndex((line, i) => line !== b[i])
    if (at === -1 && a.length === b.length) same++
    else differing.push({ run, before: a[at] ?? '(nothing)', after: b[at === -1 ? a.length : at] ?? '(nothing)' })
  }
  return { missing, added, differing, same }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { show: { type: 'string', default: '10' } } })
  if (positionals.length !== 2) {
    process.stderr.write('Usage: node scripts/compare-e2e-records.mjs BEFORE AFTER [--show N]\n')
    process.exit(2)
  }
  const before = readRecording(positionals[0])
  const after = readRecording(positionals[1])
  if (before.size === 0 || after.size === 0) {
    process.stderr.write(`Nothing recorded in ${before.size === 0 ? positionals[0] : positionals[1]}: run the tests with E2E_RECORD set.\n`)
    process.exit(2)
  }
  const result = compareRecordings(before, after)
  const show = Number(values.show)
  for (const run of result.missing.slice(0, show)) process.stdout.write(`only before: ${run}\n`)
  for (const run of result.added.slice(0, show)) process.stdout.write(`only after:  ${run}\n`)
  for (const d of result.differing.slice(0, show))
    process.stdout.write(`differs: ${d.run}\n  before: ${d.before.slice(0, 300)}\n  after:  ${d.after.slice(0, 300)}\n`)
  const bad = result.missing.length + result.added.length + result.differing.length
  process.stdout.write(
    `${before.size} runs before, ${after.size} after: ${result.same} the same, ${result.differing.length} differ, ` +
      `${result.missing.length} only before, ${result.added.length} only after.\n`
  )
  process.exitCode = bad > 0 ? 1 : 0
}
