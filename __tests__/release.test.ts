/** The pure parts of `npm run release` (scripts/release.mjs): the next version and the changelog. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { nextVersion, releaseChangelog } from '../scripts/release.mjs'
import { ROOT } from './support/run-action.js'

const REPO = 'https://github.com/acme/postiz-integrations-check'

describe('nextVersion', () => {
  it.each([
    ['1.2.3', 'patch', '1.2.4'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'major', '2.0.0'],
    ['1.2.3', '1.4.0', '1.4.0'],
    ['1.2.3', 'v2.0.1', '2.0.1']
  ])('%s + %s → %s', (current, bump, next) => {
    expect(nextVersion(current, bump)).toBe(next)
  })

  it('refuses what is not a version', () => {
    expect(() => nextVersion('1.2.3', 'next')).toThrow(/"next" is not a version/)
  })
})

describe('releaseChangelog', () => {
  const first = '# Changelog\n\nIntro.\n\n## [Unreleased]\n\n### Added\n\n- Everything.\n'

  it('releases the first version: a dated section, a new empty Unreleased, and links', () => {
    expect(releaseChangelog(first, '1.0.0', '2026-12-01', REPO)).toBe(
      '# Changelog\n\nIntro.\n\n## [Unreleased]\n\n## [1.0.0] - 2026-12-01\n\n### Added\n\n- Everything.\n\n' +
        `[Unreleased]: ${REPO}/compare/v1.0.0...HEAD\n[1.0.0]: ${REPO}/releases/tag/v1.0.0\n`
    )
  })

  it('releases the next one, comparing it with the previous', () => {
    const once = releaseChangelog(first, '1.0.0', '2026-12-01', REPO).replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n\n- A bug.\n')
    const twice = releaseChangelog(once, '1.0.1', '2026-12-08', REPO)
    expect(twice).toContain('## [Unreleased]\n\n## [1.0.1] - 2026-12-08\n\n### Fixed\n\n- A bug.\n\n## [1.0.0] - 2026-12-01')
    expect(
      twice.endsWith(`[Unreleased]: ${REPO}/compare/v1.0.1...HEAD\n[1.0.1]: ${REPO}/compare/v1.0.0...v1.0.1\n[1.0.0]: ${REPO}/releases/tag/v1.0.0\n`)
    ).toBe(true)
    expect(twice.match(/^\[Unreleased\]:/gm)).toHaveLength(1)
  })

  it('refuses an empty Unreleased section or a version released already', () => {
    const released = releaseChangelog(first, '1.0.0', '2026-12-01', REPO)
    expect(() => releaseChangelog(released, '1.0.1', '2026-12-08', REPO)).toThrow(/lists no change/)
    expect(() => releaseChangelog(released.replace('## [Unreleased]\n', '## [Unreleased]\n- x\n'), '1.0.0', '2026-12-08', REPO)).toThrow(
      /already has a section for 1\.0\.0/
    )
  })

  it("keeps the repository's own CHANGELOG.md releasable, whether or not changes are waiting", () => {
    const text = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')
    expect(text.match(/^## \[Unreleased\]$/gm)).toHaveLength(1)
    const withChange = text.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n\n- A change waiting for release.\n')
    expect(releaseChangelog(withChange, '99.0.0', '2026-12-01', REPO)).toMatch(/^## \[99\.0\.0\] - 2026-12-01$/m)
  })
})
