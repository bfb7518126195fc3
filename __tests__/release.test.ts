/**
 * The release path: `npm run release` (scripts/release.mjs: the next version, the changelog, what it
 * checks against origin before the tests, what it says after a failure) and the Release workflow
 * (.github/workflows/release.yml and the plan it follows, scripts/release-plan.mjs).
 */
import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterFailure, nextVersion, originProblem, releaseChangelog, versionProblem } from '../scripts/release.mjs'
import { releaseNotes, releasePlan } from '../scripts/release-plan.mjs'
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

describe('npm run release, before the tests', () => {
  it('refuses a version that is not higher than the last release', () => {
    expect(versionProblem('1.0.5', ['v1.0.4', 'v1.1.0', 'v1.2.0-rc.1', 'v1'])).toBe(
      'v1.0.5 is not higher than the last release v1.1.0: give a higher version (patch, minor or major picks the next one)'
    )
    expect(versionProblem('1.1.0', ['v1.1.0'])).toMatch(/not higher than the last release v1\.1\.0/)
    expect(versionProblem('1.10.0', ['v1.9.3', 'v1.2.0'])).toBeUndefined()
    expect(versionProblem('1.0.0', [])).toBeUndefined()
  })

  it('refuses a main that is behind origin', () => {
    expect(originProblem(0)).toBeUndefined()
    expect(originProblem(2)).toBe('main is 2 commits behind origin/main: run git pull --rebase origin main, then release again')
  })

  /** A repository with scripts/release.mjs, its origin (bare), and a second clone that pushes to it. */
  function repositories(): { work: string; other: string; run: (...args: string[]) => ReturnType<typeof spawnSync>; cleanup: () => void } {
    const dir = mkdtempSync(join(tmpdir(), 'release-'))
    const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    const origin = join(dir, 'origin.git')
    const work = join(dir, 'work')
    git(dir, 'init', '--quiet', '--bare', '--initial-branch=main', origin)
    mkdirSync(join(work, 'scripts'), { recursive: true })
    git(work, 'init', '--quiet', '--initial-branch=main')
    for (const [k, v] of [
      ['user.name', 'Test'],
      ['user.email', 'test@example.com']
    ])
      git(work, 'config', k, v)
    copyFileSync(join(ROOT, 'scripts/release.mjs'), join(work, 'scripts/release.mjs'))
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }))
    writeFileSync(join(work, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n- A change.\n')
    git(work, 'add', '.')
    git(work, 'commit', '--quiet', '-m', 'start')
    git(work, 'remote', 'add', 'origin', origin)
    git(work, 'push', '--quiet', 'origin', 'main')
    const other = join(dir, 'other')
    git(dir, 'clone', '--quiet', origin, other)
    for (const [k, v] of [
      ['user.name', 'Test'],
      ['user.email', 'test@example.com']
    ])
      git(other, 'config', k, v)
    const run = (...args: string[]) => spawnSync(process.execPath, [join(work, 'scripts/release.mjs'), ...args], { cwd: work, encoding: 'utf8' })
    return { work, other, run, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
  }

  it('checks origin before the tests: a main behind origin/main, or a release tag above, stops it with nothing changed', () => {
    const { other, run, cleanup } = repositories()
    try {
      const git = (...args: string[]): string => execFileSync('git', args, { cwd: other, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      const ready = run('patch', '--dry-run')
      expect(ready.status).toBe(0)
      expect(ready.stdout).toContain('$ npm test')

      git('tag', 'v1.4.0')
      git('push', '--quiet', 'origin', 'v1.4.0')
      const lower = run('patch', '--dry-run')
      expect(lower.status).toBe(1)
      expect(lower.stderr).toBe(
        'release: v1.0.1 is not higher than the last release v1.4.0: give a higher version (patch, minor or major picks the next one)\nrelease: nothing was changed.\n'
      )
      expect(lower.stdout).not.toContain('$ npm')

      writeFileSync(join(other, 'later.txt'), 'x')
      git('add', '.')
      git('commit', '--quiet', '-m', 'later')
      git('push', '--quiet', 'origin', 'main')
      const behind = run('2.0.0', '--dry-run')
      expect(behind.status).toBe(1)
      expect(behind.stderr).toMatch(/^release: main is 1 commit behind origin\/main: run git pull --rebase origin main, then release again\n/)
      expect(behind.stdout).not.toContain('$ npm')
    } finally {
      cleanup()
    }
  })
})

describe('npm run release, after a failure', () => {
  const base = { version: '1.2.0', wrote: true, previous: 'aaaa1111bbbb2222', tagged: false, pushFailed: false }

  it('says what exists here after a failed push, and how to push it again or undo it', () => {
    expect(afterFailure({ ...base, commit: 'cccc3333dddd4444eeee', tagged: true, pushFailed: true })).toEqual([
      'release: the commit cccc3333dddd ("Release v1.2.0") and the tag v1.2.0 exist here, but were not pushed.',
      'release: to push them again: git push --atomic origin main v1.2.0',
      'release: to undo both: git tag -d v1.2.0 && git reset --hard aaaa1111bbbb2222'
    ])
  })

  it('says only what is true: a commit without its tag, changed files, or nothing at all', () => {
    expect(afterFailure({ ...base, commit: 'cccc3333dddd4444eeee' })).toEqual([
      'release: the commit cccc3333dddd ("Release v1.2.0") exists here.',
      'release: to undo it: git reset --hard aaaa1111bbbb2222'
    ])
    expect(afterFailure(base)).toEqual([
      'release: nothing was committed, tagged or pushed; undo the changes it made with: git checkout -- . && git clean -fd dist'
    ])
    expect(afterFailure({ ...base, wrote: false })).toEqual(['release: nothing was changed.'])
  })
})

describe('the Release workflow', () => {
  const workflow = parse(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
    on: Record<string, unknown>
    permissions: Record<string, string>
    concurrency: { group: string; 'cancel-in-progress': boolean }
    jobs: Record<
      string,
      { needs?: string; if?: string; permissions?: Record<string, string>; steps: { name?: string; run?: string; if?: string; env?: Record<string, string> }[] }
    >
  }

  it('verifies on the tag push before anything is published: no job that writes runs before the verification', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } })
    expect(workflow.permissions).toEqual({ contents: 'read' })
    expect(workflow.jobs.verify.permissions).toBeUndefined()
    const runs = workflow.jobs.verify.steps.map(step => step.run ?? '').join('\n')
    for (const check of ['npm run lint', 'npm run format:check', 'npm test', 'git status --porcelain -- dist']) expect(runs).toContain(check)
    expect(runs).not.toMatch(/gh release|git push/)
    expect(workflow.jobs.publish).toMatchObject({ needs: 'verify', if: "needs.verify.outputs.publish == 'true'", permissions: { contents: 'write' } })
  })

  it('publishes only the verified commit, and moves the major tag to it, never to what the tag name resolves to later', () => {
    const steps = workflow.jobs.publish.steps
    const index = (pattern: RegExp): number => steps.findIndex(step => pattern.test(step.run ?? ''))
    expect(index(/now names \$now, not the verified \$SHA/)).toBeGreaterThanOrEqual(0)
    expect(index(/now names/)).toBeLessThan(index(/gh release create/))
    expect(index(/gh release create/)).toBeLessThan(index(/git push --force origin "refs\/tags\/\$MAJOR"/))
    const move = steps[index(/git push --force/)]
    expect(move.if).toBe("needs.verify.outputs.move-major == 'true'")
    expect(move.env?.SHA).toBe('${{ needs.verify.outputs.sha }}')
    expect(move.run).toContain('git tag --force --annotate "$MAJOR" --message "$MAJOR: $GITHUB_REF_NAME" "$SHA"')
  })

  it('runs two releases one after the other', () => {
    expect(workflow.concurrency).toEqual({ group: 'release', 'cancel-in-progress': false })
  })
})

describe('the release plan', () => {
  it('publishes a release and moves its major tag', () => {
    expect(releasePlan('v1.2.0', ['v1.0.0', 'v1.1.0', 'v1', 'v2.0.0'], '1.2.0')).toMatchObject({
      ok: true,
      major: 'v1',
      publish: true,
      moveMajor: true,
      note: 'v1.2.0 is published and v1 moves to its verified commit.'
    })
  })

  it('never moves the major tag backwards: a backport after a higher release is published and leaves it', () => {
    expect(releasePlan('v1.0.5', ['v1.0.4', 'v1.1.0', 'v1'], '1.0.5')).toMatchObject({
      ok: true,
      publish: true,
      moveMajor: false,
      note: 'v1.0.5 is published; v1 stays where it is, since v1.1.0 is higher (the major tag never moves backwards).'
    })
  })

  it('skips a prerelease without failing; refuses another tag or one that is not package.json', () => {
    expect(releasePlan('v1.3.0-rc.1', ['v1.2.0'], '1.2.0')).toMatchObject({ ok: true, prerelease: true, publish: false, moveMajor: false })
    expect(releasePlan('v1', [], '1.0.0')).toEqual({
      ok: false,
      error: 'v1 is not a release tag: release tags are vX.Y.Z (a prerelease vX.Y.Z-rc.N is skipped).'
    })
    expect(releasePlan('v1.2.1', [], '1.2.0')).toEqual({ ok: false, error: 'The tag is v1.2.1 but package.json says 1.2.0: release with npm run release.' })
  })

  it("takes the release's notes from its CHANGELOG.md section", () => {
    const changelog = '# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-12-08\n\n### Fixed\n\n- A bug.\n\n## [1.0.0] - 2026-12-01\n\n- All.\n\n[1.1.0]: x\n'
    expect(releaseNotes(changelog, '1.1.0')).toBe('### Fixed\n\n- A bug.\n')
    expect(releaseNotes(changelog, '1.0.0')).toBe('- All.\n')
    expect(() => releaseNotes(changelog, '1.2.0')).toThrow(/no section for 1\.2\.0/)
  })
})
