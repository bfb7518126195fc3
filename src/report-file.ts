/** Writes the run report as a JSON file (readable only by the runner's user) and returns its path. */
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function writeReportFile(report: unknown, dir: string = process.env.RUNNER_TEMP || tmpdir()): string {
  const path = join(dir, `postiz-integrations-check-${Date.now()}-${randomBytes(4).toString('hex')}.json`)
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 })
  return path
}
