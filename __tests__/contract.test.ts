/** action.yml, the config defaults, the README and package.json agree with each other. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { INPUT_DEFAULTS } from '../src/shared/inputs.js'
import { VERSION } from '../src/shared/version.js'
import { actionYml, ROOT } from './support/run-action.js'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }

describe('contract', () => {
  it('action.yml declares node24 and dist/index.js', () => {
    expect((actionYml as unknown as { runs: unknown }).runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('every input has the same default in action.yml and in the one defaults table, in the same order', () => {
    const fromYml = Object.entries(actionYml.inputs).map(([name, spec]) => [name, spec.default ?? ''])
    // github-token's default is an expression the runner evaluates; the table has no default of its own.
    expect(fromYml).toEqual(Object.entries({ ...INPUT_DEFAULTS, 'github-token': '${{ github.token }}' }))
  })

  it('the README documents every input and output', () => {
    for (const name of [...Object.keys(actionYml.inputs), ...Object.keys(actionYml.outputs)]) {
      expect(readme).toMatch(new RegExp(`\\| \`${name}\` \\|`))
    }
  })

  it('the version in the User-Agent is the package version', () => {
    expect(VERSION).toBe(pkg.version)
  })
})
