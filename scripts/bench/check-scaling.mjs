/**
 * For `npm run bench`: times the pure validation (parse the server's integrations, parse the
 * entries, run the check) in this process at growing sizes, to show that its cost grows linearly
 * with channels + entries. Prints one JSON line: [{ channels, entries, ms }] (fewer sizes when
 * one is already slow).
 * Usage: node scripts/bench/check-scaling.mjs <directory of the compiled src/>
 */
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { largeOrganisation, passingEntries } from '../../__tests__/support/large-organisation.js'

const dir = resolve(process.argv[2] ?? 'build/src')
/** @param {string} name */
const load = name => import(pathToFileURL(join(dir, name)).href)
const [{ runCheck }, { parseEntries }, { parseIntegrations }] = await Promise.all([
  load('core/check.js'),
  load('core/entries.js'),
  load('postiz/integrations.js')
])

const SIZES = [1, 2, 4, 8].map(k => ({ channels: 10_000 * k, entries: 1_000 * k }))
const REPEATS = 7
/** A size whose first round takes longer is measured once, and no larger size is tried. */
const SLOW_MS = 1000

/** @param {unknown} body @param {string} text */
function validate(body, text) {
  const parsed = parseEntries(text)
  if (parsed.errors.length > 0) throw new Error(parsed.errors[0])
  return runCheck(parseIntegrations(body), parsed.entries)
}

const results = []
for (const size of SIZES) {
  const org = largeOrganisation(size.channels)
  const text = passingEntries(org, size.entries).join('\n')
  const times = []
  let slow = false
  for (let r = 0; r <= REPEATS && !slow; r++) {
    const body = structuredClone(org)
    globalThis.gc?.() // with --expose-gc: each round starts from the same heap, whatever the last one left
    const start = process.hrtime.bigint()
    const check = validate(body, text)
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    if (check.status !== 'pass' || check.results.length !== size.entries) throw new Error(`the check did not pass at ${size.channels} channels`)
    slow = r === 0 && ms > SLOW_MS
    if (r > 0 || slow) times.push(ms) // the first round warms the JIT up
  }
  times.sort((a, b) => a - b)
  results.push({ ...size, ms: times[Math.floor(times.length / 2)] })
  if (slow) break // far from linear already: larger sizes would take minutes
}
console.log(JSON.stringify(results))
