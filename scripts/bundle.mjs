#!/usr/bin/env node
/**
 * Bundles the action (src/action/index.ts → dist/) and the CLI (src/cli/bin.ts → dist/cli/) with
 * ncc, both at once, after clearing dist/; then writes dist/licenses.txt. `npm run build` runs it
 * after type-checking src/; `npm test` after type-checking src/ and the tests together.
 */
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'

const BUNDLES = [
  ['src/action/index.ts', 'dist'],
  ['src/cli/bin.ts', 'dist/cli']
]

/**
 * Runs a command with this process's output; resolves with its exit code.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<number>}
 */
function run(command, args) {
  return new Promise(resolve => {
    const child = spawn(command, args, { stdio: 'inherit' })
    child.on('error', (/** @type {Error} */ error) => {
      console.error(`${command}: ${error.message}`)
      resolve(1)
    })
    child.on('close', code => resolve(code ?? 1))
  })
}

rmSync('dist', { recursive: true, force: true })
const codes = await Promise.all(BUNDLES.map(([entry, out]) => run('npx', ['ncc', 'build', entry, '-o', out])))
const failed = BUNDLES.filter((_, i) => codes[i] !== 0).map(([entry]) => entry)
if (failed.length > 0) {
  console.error(`bundle: ncc failed for ${failed.join(' and ')}`)
  process.exit(1)
}
process.exit(await run('node', ['scripts/write-licenses.mjs']))
