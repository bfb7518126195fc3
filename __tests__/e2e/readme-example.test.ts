/**
 * The README's first example, copied as a user would: its `with:` block is run by the built action
 * against the sample organisation (api-url pointed at the loopback stand-in, the secret filled in).
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { startPostizStandIn, type StandIn } from '../../src/cli/demo/postiz-stand-in.js'
import { SAMPLE_INTEGRATIONS } from '../../src/cli/demo/sample-organisation.js'
import { API_KEY } from '../support/fixtures.js'
import { ROOT, runAction } from '../support/run-action.js'

interface Step {
  uses?: string
  with?: Record<string, string>
}

let server: StandIn
beforeAll(async () => {
  server = await startPostizStandIn({ integrations: SAMPLE_INTEGRATIONS, apiKey: API_KEY })
})
afterAll(() => server.close())

it("the README's quick start passes against an organisation that has its channels", async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const firstYaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
  const workflow = parse(firstYaml) as { jobs: Record<string, { steps: Step[] }> }
  const step = Object.values(workflow.jobs)[0].steps.find(s => s.uses?.endsWith('/postiz-integrations-check@v1'))
  expect(step?.with).toBeDefined()
  const inputs = { ...step?.with }
  expect(inputs['api-key']).toBe('${{ secrets.POSTIZ_API_KEY }}')
  inputs['api-key'] = API_KEY
  inputs['api-url'] = server.baseUrl

  const run = await runAction({ inputs })
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('pass')
  const ids = JSON.parse(run.outputs.ids) as Record<string, string>
  expect(Object.keys(ids).sort()).toEqual(['bluesky', 'linkedin', 'x'])
  for (const id of Object.values(ids)) expect(SAMPLE_INTEGRATIONS.some(i => i.id === id && !i.disabled)).toBe(true)
  expect(run.outputs['integration-ids'].split(',')).toHaveLength(3)
})
