/** Serialises the run report and writes it as a JSON file (readable only by the runner's user). */
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The report as JSON text: one top-level field per line and one array element per line (one
 * integration, entry or finding each). As readable as indented JSON for people, as easy for jq and
 * grep, and as fast to produce as compact JSON, which matters at 10,000 integrations.
 */
export function reportJson(report: object): string {
  const fields: string[] = []
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined) continue
    const name = JSON.stringify(key)
    if (Array.isArray(value) && value.length > 0) {
      fields.push(`  ${name}: [\n${value.map(element => `    ${JSON.stringify(element) ?? 'null'}`).join(',\n')}\n  ]`)
    } else {
      fields.push(`  ${name}: ${JSON.stringify(value)}`)
    }
  }
  return `{\n${fields.join(',\n')}\n}\n`
}

export function writeReportFile(report: object, dir: string = process.env.RUNNER_TEMP || tmpdir()): string {
  const path = join(dir, `postiz-integrations-check-${Date.now()}-${randomBytes(4).toString('hex')}.json`)
  writeFileSync(path, reportJson(report), { mode: 0o600 })
  return path
}
