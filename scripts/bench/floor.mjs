/**
 * The floor for a Node action, for `npm run bench`: one process that makes one `fetch`, parses the
 * JSON, looks every entry up in a `Set` and writes one output line. No retries, no diagnosis, no
 * summary, no annotations. It reads the same INPUT_* variables as the action (entries one per line,
 * each an integration ID or platform:profile) and fails the same way when one is missing or disabled.
 */
import { appendFileSync } from 'node:fs'

const env = process.env
const response = await fetch(`${env['INPUT_API-URL']}/public/v1/integrations`, { headers: { authorization: env['INPUT_API-KEY'] ?? '' } })
if (!response.ok) throw new Error(`HTTP ${response.status}`)
/** @type {Set<string>} */
const enabled = new Set()
for (const i of /** @type {{ id: string, identifier: string, profile: string, disabled: boolean }[]} */ (await response.json())) {
  if (!i.disabled) enabled.add(i.id).add(`${i.identifier}:${i.profile}`)
}
const missing = (env.INPUT_INTEGRATIONS ?? '').split('\n').filter(entry => entry !== '' && !enabled.has(entry))
appendFileSync(env.GITHUB_OUTPUT ?? '/dev/null', `missing=${JSON.stringify(missing)}\n`)
process.exitCode = missing.length > 0 ? 1 : 0
