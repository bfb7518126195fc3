#!/usr/bin/env node
/**
 * `npm run bench`: the built action against the least a Node action can do, side by side.
 *
 * Starts the loopback Postiz stand-in (5 channels over http, the same over https with a CA made
 * for the run, and 10,000 channels), then runs, interleaved in a rotating order after warm-up
 * rounds, each the way a user would:
 *   - the action: `node dist/index.js` as the runner starts it (INPUT_* with action.yml's defaults,
 *     GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP), on Node 24 like action.yml's node24;
 *   - the floor: scripts/bench/floor.mjs on the same Node (one fetch, JSON, a Set, one output line);
 *   - `curl | jq` doing the same lookups, when both exist;
 *   - the official `postiz` CLI's `integrations:list` (npm `postiz`, AGPL: installed outside the
 *     project into a temporary folder, never a dependency), on the same Node.
 * Every run's result is checked, so a contender that fails cannot look fast. Wall time is taken
 * from spawn to exit; peak memory is the child's maximum RSS from `/usr/bin/time`.
 * It also times the pure validation at 1x…8x (10,000 channels + 1,000 entries) to show it is linear.
 *
 * Prints medians, ratios to the floor and peak memory, and exits 1 when a target is missed
 * (2 when it cannot run). A benchmark, not a test: CI does not run it.
 *
 * Options: --runs N (25)  --warmup N (3)  --node PATH (default: Node 24, via npx node@24)
 *          --json FILE (also write the results as JSON)
 *          --baseline FILE (another build's dist/index.js, run as one more contender: before/after)
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parse as parseYaml } from 'yaml'
import { makeTestCa } from '../__tests__/support/test-ca.js'
import { startPostizStandIn } from '../src/cli/demo/postiz-stand-in.js'
import { largeOrganisation, passingEntries } from '../__tests__/support/large-organisation.js'
import { SAMPLE_INTEGRATIONS } from '../src/cli/demo/sample-organisation.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const POSTIZ_CLI_VERSION = '2.1.0'
const API_KEY = 'bench-api-key-0123456789'
// scalingExponent: the slope of log(time) over log(size). 1 is linear; caches and the garbage
// collector push a linear algorithm a little above 1, and an entry × channel scan gives 2.
const TARGETS = { small: 1.25, large: 1.75, memory: 1.5, scalingExponent: 1.5 }
const TIME = '/usr/bin/time'

/**
 * @typedef {{ name: string, command: string[], env: Record<string, string>, check: (run: Run, files: Files) => string | undefined }} Contender
 * @typedef {{ code: number | null, stdout: string, ms: number, rssKb: number | undefined }} Run
 * @typedef {{ output: string, summary: string }} Files
 * @typedef {{ name: string, median: number, p25: number, p75: number, rssKb: number | undefined, runs: number }} Stats
 */

/** @returns {never} */
function fail(/** @type {string} */ message) {
  console.error(`bench: ${message}`)
  process.exit(2)
}

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '25' },
    warmup: { type: 'string', default: '3' },
    node: { type: 'string' },
    json: { type: 'string' },
    baseline: { type: 'string' }
  }
})
const RUNS = Number(options.runs)
const WARMUP = Number(options.warmup)
if (!Number.isInteger(RUNS) || RUNS < 3) fail('--runs must be a whole number of at least 3')
if (!Number.isInteger(WARMUP) || WARMUP < 0) fail('--warmup must be a whole number of at least 0')

const ACTION = join(ROOT, 'dist', 'index.js')
if (!existsSync(ACTION)) fail('dist/index.js is missing: run `npm run build` first')
if (options.baseline !== undefined && !existsSync(options.baseline)) fail(`--baseline ${options.baseline} does not exist`)

/** Node 24, as action.yml's `using: node24` on the runner. */
function nodeBinary() {
  if (options.node) return options.node
  if (process.versions.node.startsWith('24.')) return process.execPath
  try {
    return execFileSync('npx', ['-y', 'node@24', '-p', 'process.execPath'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim()
  } catch {
    return fail('could not get Node 24 with `npx -y node@24`; pass --node /path/to/node24')
  }
}

function has(/** @type {string} */ program) {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Installs the official CLI into a folder outside the project; returns its entry file or an error. */
function installPostizCli() {
  const dir = join(tmpdir(), `postiz-integrations-check-bench-postiz-${POSTIZ_CLI_VERSION}`)
  const entry = join(dir, 'node_modules', 'postiz', 'dist', 'index.js')
  if (existsSync(entry)) return { entry }
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{"private":true}\n')
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `postiz@${POSTIZ_CLI_VERSION}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
  } catch (error) {
    return {
      error: `npm install postiz@${POSTIZ_CLI_VERSION} failed: ${String(/** @type {any} */ (error).stderr ?? error)
        .trim()
        .split('\n')
        .pop()}`
    }
  }
  return existsSync(entry) ? { entry } : { error: `postiz@${POSTIZ_CLI_VERSION} has no dist/index.js` }
}

/** Compiles src/ into build/ (git-ignored) and times the pure validation at growing sizes. */
function measureScaling(/** @type {string} */ node) {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', 'build'], {
    cwd: ROOT,
    stdio: 'inherit'
  })
  const out = execFileSync(node, ['--expose-gc', join(ROOT, 'scripts', 'bench', 'check-scaling.mjs'), join(ROOT, 'build', 'src')], { encoding: 'utf8' })
  return /** @type {{ channels: number, entries: number, ms: number }[]} */ (JSON.parse(out))
}

/** action.yml's inputs as the runner passes them: INPUT_<NAME> with the defaults filled in. */
function actionInputs(/** @type {Record<string, string>} */ given) {
  const yml = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  /** @type {Record<string, string>} */
  const env = {}
  for (const [name, spec] of Object.entries(/** @type {Record<string, { default?: string }>} */ (yml.inputs))) {
    const value = given[name] ?? spec.default ?? ''
    env[`INPUT_${name.toUpperCase()}`] = value.replace('${{ github.token }}', 'ghs_benchJobToken0123456789')
  }
  return env
}

/** Runs one command to its exit; wall time from spawn to exit, peak RSS from /usr/bin/time. */
function runOnce(/** @type {Contender} */ contender, /** @type {string} */ dir, /** @type {boolean} */ withTime) {
  const memFile = join(dir, 'rss.txt')
  const argv = withTime ? [TIME, '-f', '%M', '-o', memFile, ...contender.command] : contender.command
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(argv[0], argv.slice(1), { env: contender.env, stdio: ['ignore', 'pipe', 'pipe'] })
    /** @type {Buffer[]} */
    const out = []
    child.stdout.on('data', chunk => out.push(chunk))
    child.stderr.on('data', chunk => out.push(chunk))
    child.on('error', reject)
    child.on('close', code => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      const rss = withTime ? Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) : NaN
      resolve(/** @type {Run} */ ({ code, stdout: Buffer.concat(out).toString('utf8'), ms, rssKb: Number.isFinite(rss) ? rss : undefined }))
    })
  })
}

function quantile(/** @type {number[]} */ sorted, /** @type {number} */ q) {
  const at = (sorted.length - 1) * q
  const lo = Math.floor(at)
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo)
}

/** Interleaves the contenders over warm-up + measured rounds, each round in a rotated order. */
async function measure(/** @type {string} */ title, /** @type {Contender[]} */ contenders, /** @type {Files} */ files, /** @type {string} */ dir) {
  const withTime = existsSync(TIME)
  /** @type {Map<string, { ms: number[], rss: number[] }>} */
  const samples = new Map(contenders.map(c => [c.name, { ms: [], rss: [] }]))
  process.stderr.write(`${title}: `)
  for (let round = 0; round < WARMUP + RUNS; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(round + k) % contenders.length]
      writeFileSync(files.output, '')
      writeFileSync(files.summary, '')
      const run = await runOnce(contender, dir, withTime)
      const problem = contender.check(run, files)
      if (problem !== undefined) fail(`${contender.name} (${title}) did not do the job: ${problem}\n${run.stdout.slice(0, 2000)}`)
      if (round >= WARMUP) {
        const sample = /** @type {{ ms: number[], rss: number[] }} */ (samples.get(contender.name))
        sample.ms.push(run.ms)
        if (run.rssKb !== undefined) sample.rss.push(run.rssKb)
      }
    }
    process.stderr.write(round < WARMUP ? 'w' : '.')
  }
  process.stderr.write('\n')
  return contenders.map(c => {
    const { ms, rss } = /** @type {{ ms: number[], rss: number[] }} */ (samples.get(c.name))
    ms.sort((a, b) => a - b)
    rss.sort((a, b) => a - b)
    return /** @type {Stats} */ ({
      name: c.name,
      median: quantile(ms, 0.5),
      p25: quantile(ms, 0.25),
      p75: quantile(ms, 0.75),
      rssKb: rss.length ? quantile(rss, 0.5) : undefined,
      runs: ms.length
    })
  })
}

/** Least-squares slope of log(y) over log(x): the exponent k of y ∝ x^k. */
function logLogSlope(/** @type {[number, number][]} */ points) {
  const xs = points.map(([x]) => Math.log(x))
  const ys = points.map(([, y]) => Math.log(y))
  const mean = (/** @type {number[]} */ v) => v.reduce((a, b) => a + b, 0) / v.length
  const [mx, my] = [mean(xs), mean(ys)]
  return xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0) / xs.reduce((sum, x) => sum + (x - mx) ** 2, 0)
}

function table(/** @type {Stats[]} */ stats, /** @type {string} */ floorName) {
  const floor = /** @type {Stats} */ (stats.find(s => s.name === floorName))
  const rows = [['', 'median', 'p25–p75', 'vs floor', 'peak RSS', 'vs floor']]
  for (const s of stats) {
    rows.push([
      s.name,
      `${s.median.toFixed(1)} ms`,
      `${s.p25.toFixed(1)}–${s.p75.toFixed(1)}`,
      `${(s.median / floor.median).toFixed(2)}x`,
      s.rssKb !== undefined ? `${(s.rssKb / 1024).toFixed(1)} MB` : 'n/a',
      s.rssKb !== undefined && floor.rssKb !== undefined ? `${(s.rssKb / floor.rssKb).toFixed(2)}x` : 'n/a'
    ])
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)))
  return rows.map(r => '  ' + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n')
}

// ---------------------------------------------------------------------------------------------

const node = nodeBinary()
const nodeVersion = execFileSync(node, ['-v'], { encoding: 'utf8' }).trim()
const dir = mkdtempSync(join(tmpdir(), 'pic-bench-'))
const home = join(dir, 'home')
const runnerTemp = join(dir, 'runner-temp')
mkdirSync(home)
mkdirSync(runnerTemp)
/** @type {Files} */
const files = { output: join(dir, 'output.txt'), summary: join(dir, 'summary.md') }
const baseEnvironment = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8' }
const runnerEnvironment = {
  ...baseEnvironment,
  GITHUB_ACTIONS: 'true',
  GITHUB_OUTPUT: files.output,
  GITHUB_STEP_SUMMARY: files.summary,
  RUNNER_TEMP: runnerTemp
}

const postizCli = installPostizCli()
const curlJq = has('curl') && has('jq')
const small = await startPostizStandIn({ integrations: SAMPLE_INTEGRATIONS, apiKey: API_KEY })
const bigOrg = largeOrganisation(10_000)
const large = await startPostizStandIn({ integrations: bigOrg, apiKey: API_KEY })
// The same 5 channels over https, as real runs reach Postiz: a CA made here, trusted by every contender.
const ca = has('openssl') ? makeTestCa('localhost') : undefined
const secure = ca ? await startPostizStandIn({ integrations: SAMPLE_INTEGRATIONS, apiKey: API_KEY, tls: { key: ca.key, cert: ca.cert } }) : undefined

const CURL_JQ = [
  'set -o pipefail',
  'curl -fsS -H "Authorization: $POSTIZ_API_KEY" "$POSTIZ_API_URL/public/v1/integrations" |',
  ' jq -r --arg want "$ENTRIES" \'(reduce (.[] | select(.disabled | not)) as $i ({}; .[$i.id] = true | .["\\($i.identifier):\\($i.profile)"] = true)) as $have',
  ' | [$want | split("\\n")[] | select(. != "" and ($have[.] | not))] | "missing=\\(tojson)"\' >> "$GITHUB_OUTPUT"',
  'grep -qx "missing=\\[\\]" "$GITHUB_OUTPUT"'
].join('\n')

/** @type {Contender['check']} */
function actionPassed(run, f) {
  if (run.code !== 0) return `exit ${run.code}`
  if (!/^status<<(.+)\npass\n\1$/m.test(readFileSync(f.output, 'utf8'))) return 'no status=pass output'
  if (!readFileSync(f.summary, 'utf8').includes('Pass:')) return 'no job summary'
  return undefined
}

/**
 * The contenders for one scenario; `extraEnv` goes to every one of them (a CA to trust, say).
 * @param {{ url: string, org: { id: string }[], entries: string[], withPostizCli: boolean, extraEnv?: Record<string, string> }} scenario
 */
function contenders({ url, org, entries, withPostizCli, extraEnv = {} }) {
  const inputs = actionInputs({ 'api-key': API_KEY, 'api-url': url, integrations: entries.join('\n') })
  const firstId = org[0].id
  const runnerEnv = { ...runnerEnvironment, ...extraEnv }
  const baseEnv = { ...baseEnvironment, ...extraEnv }
  /** @type {Contender[]} */
  const list = [
    {
      name: 'floor (fetch + Set)',
      command: [node, join(ROOT, 'scripts', 'bench', 'floor.mjs')],
      env: { ...runnerEnv, ...inputs },
      check: (run, f) => (run.code === 0 && readFileSync(f.output, 'utf8') === 'missing=[]\n' ? undefined : `exit ${run.code}`)
    },
    { name: 'action (dist/index.js)', command: [node, ACTION], env: { ...runnerEnv, ...inputs }, check: actionPassed }
  ]
  if (options.baseline !== undefined) {
    list.push({ name: 'baseline (--baseline)', command: [node, options.baseline], env: { ...runnerEnv, ...inputs }, check: actionPassed })
  }
  if (curlJq) {
    list.push({
      name: 'curl | jq',
      command: ['bash', '-c', CURL_JQ],
      env: { ...runnerEnv, POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: url, ENTRIES: entries.join('\n') },
      check: run => (run.code === 0 ? undefined : `exit ${run.code}`)
    })
  }
  if (withPostizCli && postizCli.entry) {
    list.push({
      name: `postiz CLI ${POSTIZ_CLI_VERSION} integrations:list`,
      command: [node, postizCli.entry, 'integrations:list'],
      env: { ...baseEnv, POSTIZ_API_KEY: API_KEY, POSTIZ_API_URL: url },
      check: run => (run.code === 0 && run.stdout.includes(firstId) ? undefined : `exit ${run.code}`)
    })
  }
  return list
}

/** @type {{ name: string, ok: boolean, detail: string }[]} */
const verdicts = []
const target = (/** @type {string} */ name, /** @type {boolean} */ ok, /** @type {string} */ detail) => verdicts.push({ name, ok, detail })
const ratio = (/** @type {Stats[]} */ stats, /** @type {string} */ a, /** @type {string} */ b, /** @type {'median' | 'rssKb'} */ field = 'median') =>
  Number(/** @type {Stats} */ (stats.find(s => s.name === a))[field]) / Number(/** @type {Stats} */ (stats.find(s => s.name === b))[field])

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
let output = `postiz-integrations-check benchmark · Node ${nodeVersion} · ${availableParallelism()} CPUs (${cpu})\n`
output += `${RUNS} interleaved runs per contender after ${WARMUP} warm-up rounds; times are whole processes, spawn to exit.\n`
try {
  const smallEntries = ['x:acme', 'bluesky:acme.bsky.social']
  const smallStats = await measure(
    '5 channels',
    contenders({ url: small.baseUrl, org: SAMPLE_INTEGRATIONS, entries: smallEntries, withPostizCli: true }),
    files,
    dir
  )
  output += `\n5 channels, 2 entries\n${table(smallStats, 'floor (fetch + Set)')}\n`
  /** @type {Stats[] | undefined} */
  let secureStats
  if (ca && secure) {
    const scenario = {
      url: `https://localhost:${secure.port}`,
      org: SAMPLE_INTEGRATIONS,
      entries: smallEntries,
      withPostizCli: true,
      extraEnv: { NODE_EXTRA_CA_CERTS: ca.caFile, CURL_CA_BUNDLE: ca.caFile }
    }
    secureStats = await measure('5 channels over https', contenders(scenario), files, dir)
    output += `\n5 channels, 2 entries, over https (the stand-in with a CA made for the run)\n${table(secureStats, 'floor (fetch + Set)')}\n`
  }
  const largeStats = await measure(
    '10,000 channels',
    contenders({ url: large.baseUrl, org: bigOrg, entries: passingEntries(bigOrg, 1000), withPostizCli: false }),
    files,
    dir
  )
  output += `\n10,000 channels, 1,000 entries, job summary on\n${table(largeStats, 'floor (fetch + Set)')}\n`
  process.stderr.write('validation scaling: compiling src/ into build/\n')
  const scaling = measureScaling(node)
  const exponent = logLogSlope(scaling.map(s => [s.channels, s.ms]))
  output += `\nValidation alone (parse integrations + entries, check), in process, median of 7 rounds\n`
  output += scaling.map(s => `  ${s.channels.toLocaleString('en')} channels + ${s.entries.toLocaleString('en')} entries: ${s.ms.toFixed(1)} ms`).join('\n')
  output += `\n  cost grows as size^${exponent.toFixed(2)} (least squares over the sizes measured; 1.00 is linear, an entry × channel scan is 2.00)\n`

  const A = 'action (dist/index.js)'
  const F = 'floor (fetch + Set)'
  const smallRatio = ratio(smallStats, A, F)
  target(`5 channels: action ≤ ${TARGETS.small}x floor`, smallRatio <= TARGETS.small, `${smallRatio.toFixed(2)}x`)
  const cliName = `postiz CLI ${POSTIZ_CLI_VERSION} integrations:list`
  if (postizCli.entry) {
    const cliRatio = ratio(smallStats, A, cliName)
    target('5 channels: action faster than the postiz CLI', cliRatio < 1, `${cliRatio.toFixed(2)}x the CLI's time`)
  } else {
    target('5 channels: action faster than the postiz CLI', false, `not measured: ${postizCli.error}`)
  }
  if (secureStats) {
    const secureRatio = ratio(secureStats, A, F)
    target(`5 channels over https: action ≤ ${TARGETS.small}x floor`, secureRatio <= TARGETS.small, `${secureRatio.toFixed(2)}x`)
  } else {
    output += '\n(5 channels over https: not measured, openssl is missing)\n'
  }
  const largeRatio = ratio(largeStats, A, F)
  target(`10,000 channels: action ≤ ${TARGETS.large}x floor`, largeRatio <= TARGETS.large, `${largeRatio.toFixed(2)}x`)
  if (largeStats.every(s => s.rssKb !== undefined)) {
    const memory = ratio(largeStats, A, F, 'rssKb')
    target(`10,000 channels: peak memory ≤ ${TARGETS.memory}x floor`, memory <= TARGETS.memory, `${memory.toFixed(2)}x`)
  } else {
    target(`10,000 channels: peak memory ≤ ${TARGETS.memory}x floor`, false, `not measured: ${TIME} is missing (apt-get install time)`)
  }
  target(`validation linear (exponent ≤ ${TARGETS.scalingExponent})`, exponent <= TARGETS.scalingExponent, `size^${exponent.toFixed(2)}`)
  if (options.baseline !== undefined) {
    const B = 'baseline (--baseline)'
    output += `\nAgainst the baseline (${options.baseline}): action/baseline time ${ratio(smallStats, A, B).toFixed(2)}x at 5 channels, `
    output += `${ratio(largeStats, A, B).toFixed(2)}x at 10,000; peak memory ${ratio(largeStats, A, B, 'rssKb').toFixed(2)}x at 10,000\n`
  }
  output += `\nTargets\n${verdicts.map(v => `  ${v.ok ? '✓' : '✗'} ${v.name}: ${v.detail}`).join('\n')}\n`
  console.log(output)
  if (options.json)
    writeFileSync(
      options.json,
      JSON.stringify(
        { node: nodeVersion, runs: RUNS, warmup: WARMUP, small: smallStats, smallHttps: secureStats ?? null, large: largeStats, scaling, targets: verdicts },
        null,
        2
      ) + '\n'
    )
} finally {
  await Promise.all([small.close(), large.close(), secure?.close()])
  rmSync(dir, { recursive: true, force: true })
  if (ca) rmSync(ca.dir, { recursive: true, force: true })
}
process.exitCode = verdicts.every(v => v.ok) ? 0 : 1
