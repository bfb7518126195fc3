#!/usr/bin/env node
/**
 * Serves the Postiz stand-in with a sample organisation on 127.0.0.1 until killed.
 * Prints `url=<base URL>` on its first line.
 * Usage: node scripts/serve-stand-in.mjs [--prefix /api] [--key KEY] [--port N] (a free port when not given)
 * Used by the repository's own workflow to run the action with `uses: ./`, and by `npm run stand-in`
 * for `npm run local-action` (port 3939, key local-action-key, as in .env.example).
 */
import { startPostizStandIn } from '../src/cli/demo/postiz-stand-in.js'
import { SAMPLE_INTEGRATIONS } from '../src/cli/demo/sample-organisation.js'

const args = process.argv.slice(2)
/** @param {string} name @param {string} fallback */
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i === -1 ? fallback : args[i + 1]
}
const port = Number(option('--port', '0'))
/** @type {import('../src/cli/demo/postiz-stand-in.js').StandIn} */
let standIn
try {
  standIn = await startPostizStandIn({ integrations: SAMPLE_INTEGRATIONS, prefix: option('--prefix', ''), apiKey: option('--key', 'test-api-key'), port })
} catch (error) {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code
  if (code !== 'EADDRINUSE') throw error
  console.error(
    `Port ${port} on 127.0.0.1 is taken (another stand-in, or another program, is listening there). ` +
      `Stop it, or choose another port: node scripts/serve-stand-in.mjs --port ${port + 1} --key ${option('--key', 'test-api-key')} ` +
      `(for npm run local-action, set INPUT_API-URL=http://127.0.0.1:${port + 1} in .env to match).`
  )
  process.exit(2)
}
console.log(`url=${standIn.baseUrl}`)
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => standIn.close().then(() => process.exit(0)))
