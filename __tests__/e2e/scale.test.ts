/**
 * At scale, through the built action: 10,000 integrations and 1,000 entries (30 of them broken).
 * GitHub's limits hold (outputs under 1 MB per job in UTF-16, summary under 1 MiB, 10 error
 * annotations per step) and the report file loses nothing.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { startPostizStandIn, type StandIn, type StandInIntegration } from '../../src/cli/demo/postiz-stand-in.js'
import { largeOrganisation } from '../support/large-organisation.js'
import { API_KEY } from '../support/fixtures.js'
import { runAction, type ActionRun, type ReportFile } from '../support/run-action.js'

const ORG: StandInIntegration[] = largeOrganisation(10_000)

let server: StandIn
let run: ActionRun
beforeAll(async () => {
  server = await startPostizStandIn({ integrations: ORG, apiKey: API_KEY })
  // 1,000 entries: 970 enabled channels (by ID and by platform:profile), 20 missing, 10 disabled.
  const enabled = ORG.filter(i => !i.disabled)
  const entries: string[] = []
  for (let n = 0; n < 970; n++) {
    const i = enabled[n * 9]
    entries.push(n % 2 ? i.id : `e${n}=${i.identifier}:${i.profile}`)
  }
  for (let n = 0; n < 20; n++) entries.push(`missing_${n}=x:nobody_${n}`)
  ORG.filter(i => i.disabled)
    .slice(0, 10)
    .forEach(i => entries.push(i.id))
  run = await runAction({ inputs: { 'api-key': API_KEY, 'api-url': server.baseUrl, integrations: entries.join('\n') } })
}, 60_000)
afterAll(() => server.close())

it('fails for the 30 broken entries and names them', () => {
  expect(run.code).toBe(1)
  expect(run.outputs.status).toBe('fail')
  expect(JSON.parse(run.outputs.missing)).toHaveLength(20)
  expect(JSON.parse(run.outputs.disabled)).toHaveLength(10)
  expect(Object.keys(JSON.parse(run.outputs.ids) as object)).toHaveLength(1000)
  expect(run.outputs['integration-ids'].split(',')).toHaveLength(970)
})

it("keeps every output together under GitHub's 1 MB per job, measured in UTF-16", () => {
  const utf16 = Object.entries(run.outputs).reduce((sum, [name, value]) => sum + (name.length + value.length) * 2, 0)
  expect(utf16).toBeLessThan(1_000_000)
  expect(Buffer.byteLength(run.outputs.integrations, 'utf8')).toBeLessThanOrEqual(256 * 1024)
  expect((JSON.parse(run.outputs.integrations) as unknown[]).length).toBeGreaterThan(1000)
})

it('keeps the summary under 1 MiB: the 30 problems first, then every entry folded', () => {
  expect(Buffer.byteLength(run.summary, 'utf8')).toBeLessThan(1024 * 1024)
  const [before, folded] = run.summary.split('<details><summary>All 1,000 entries</summary>')
  expect(folded).toBeDefined()
  expect(before).toMatch(/^\| Entry \| Channel \| Problem \| Fix \|$/m)
  expect(before.match(/^\| <code>/gm)?.length).toBe(30)
  expect(folded.match(/^\| <code>/gm)?.length).toBe(1000)
  expect(run.summary).toMatch(/…and [\d,]+ more integrations: see the report file/)
})

it('makes at most 10 error annotations, the last saying how many more there are', () => {
  const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
  expect(errors).toHaveLength(10)
  expect(errors[9]).toMatch(/^::error::Fail: 30 of 1,000 Postiz integrations need attention \(20 missing, 10 disabled\): .* 21 more problems are not annotated/)
})

it('loses nothing in the report file', () => {
  const report = run.report as ReportFile
  expect(report.integrations).toHaveLength(10_000)
  expect(report.entries).toHaveLength(1000)
  expect(report.findings).toHaveLength(30)
  expect(report.integrations[1]).toEqual({ ...ORG[1], customer: null })
  expect(report.integrations[5].customer).toEqual(ORG[5].customer)
})
