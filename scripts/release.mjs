#!/usr/bin/env node
/**
 * `npm run release -- <X.Y.Z | patch | minor | major> [--dry-run] [--no-push]`: what a maintainer
 * runs on a clean, up-to-date main to cut a release (see CONTRIBUTING.md).
 *
 * 0. before anything else (and before the long test run): the work tree is clean, this is main,
 *    origin is reachable and main is not behind origin/main, and the version is higher than every
 *    release tag;
 * 1. bumps the version in package.json and package-lock.json (the one place the action and the CLI
 *    read it from; the build inlines it);
 * 2. turns CHANGELOG.md's "## [Unreleased]" section into "## [X.Y.Z] - today", opens a new empty
 *    Unreleased section, and updates the compare links at the bottom;
 * 3. rebuilds dist/, runs lint, the format check and the tests;
 * 4. commits "Release vX.Y.Z", tags vX.Y.Z and pushes both (unless --no-push).
 * The pushed tag runs .github/workflows/release.yml, which verifies the tagged commit again, then
 * creates the GitHub release and moves the major tag vX to it. When a step fails, it says what
 * exists here (the commit, the tag) and the exact commands to push it again or to undo it.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const VERSION = /^(\d+)\.(\d+)\.(\d+)$/

/**
 * The version after `bump` (an exact X.Y.Z, or patch / minor / major) of `current`.
 * @param {string} current
 * @param {string} bump
 * @returns {string}
 */
export function nextVersion(current, bump) {
  const now = VERSION.exec(current)
  if (!now) throw new Error(`package.json's version "${current}" is not X.Y.Z`)
  const [major, minor, patch] = now.slice(1).map(Number)
  if (bump === 'major') return `${major + 1}.0.0`
  if (bump === 'minor') return `${major}.${minor + 1}.0`
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`
  const wanted = VERSION.exec(bump.replace(/^v/, ''))
  if (!wanted) throw new Error(`"${bump}" is not a version: give X.Y.Z, patch, minor or major`)
  return wanted[0]
}

/**
 * CHANGELOG.md with its Unreleased section released as `version` on `date` (YYYY-MM-DD).
 * @param {string} text
 * @param {string} version
 * @param {string} date
 * @param {string} repoUrl e.g. https://github.com/owner/postiz-integrations-check
 * @returns {string}
 */
export function releaseChangelog(text, version, date, repoUrl) {
  const heading = /^## \[Unreleased\][^\n]*\n/m
  const match = heading.exec(text)
  if (!match) throw new Error('CHANGELOG.md has no "## [Unreleased]" section to release')
  const start = match.index + match[0].length
  const next = text.slice(start).search(/^## \[/m)
  const body = next === -1 ? text.slice(start) : text.slice(start, start + next)
  if (!/^\s*[-*] /m.test(body)) throw new Error("CHANGELOG.md's Unreleased section lists no change: add a line for each user-visible change first")
  if (new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm').test(text)) throw new Error(`CHANGELOG.md already has a section for ${version}`)
  let out = `${text.slice(0, match.index)}## [Unreleased]\n\n## [${version}] - ${date}\n${text.slice(start)}`
  const previous = /^## \[(\d+\.\d+\.\d+)\]/m.exec(text.slice(start))?.[1]
  const links = out.replace(/^\[Unreleased\]: .*\n?/m, '')
  out = `${links.trimEnd()}\n`
  const linkLines = [
    `[Unreleased]: ${repoUrl}/compare/v${version}...HEAD`,
    previous ? `[${version}]: ${repoUrl}/compare/v${previous}...v${version}` : `[${version}]: ${repoUrl}/releases/tag/v${version}`
  ]
  // Links go above the older versions' links, which stay as they are.
  const firstLink = out.search(/^\[\d+\.\d+\.\d+\]: /m)
  return firstLink === -1 ? `${out}\n${linkLines.join('\n')}\n` : `${out.slice(0, firstLink)}${linkLines.join('\n')}\n${out.slice(firstLink)}`
}

/**
 * @param {string} version X.Y.Z
 * @returns {number[]}
 */
const numbers = version => version.split('.').map(Number)

/**
 * Why `version` cannot be released given the repository's tags, or undefined: it must be higher than
 * every vX.Y.Z release (a backport to an older line is tagged by hand; see CONTRIBUTING.md).
 * @param {string} version
 * @param {string[]} tags
 * @returns {string | undefined}
 */
export function versionProblem(version, tags) {
  const releases = tags.filter(t => /^v\d+\.\d+\.\d+$/.test(t)).map(t => t.slice(1))
  const [last] = releases.sort((a, b) => {
    const [x, y] = [numbers(a), numbers(b)]
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2]
  })
  if (last === undefined) return undefined
  const [v, l] = [numbers(version), numbers(last)]
  const isHigher = v[0] !== l[0] ? v[0] > l[0] : v[1] !== l[1] ? v[1] > l[1] : v[2] > l[2]
  return isHigher ? undefined : `v${version} is not higher than the last release v${last}: give a higher version (patch, minor or major picks the next one)`
}

/**
 * Why main cannot be released against origin, or undefined: `behind` counts the commits on
 * origin/main that HEAD lacks.
 * @param {number} behind
 * @returns {string | undefined}
 */
export function originProblem(behind) {
  if (behind === 0) return undefined
  return `main is ${behind} commit${behind === 1 ? '' : 's'} behind origin/main: run git pull --rebase origin main, then release again`
}

/**
 * What to tell the maintainer after a failure: what this run left here, and the commands to push it
 * again or to undo it.
 * @param {{ version: string, wrote: boolean, previous?: string, commit?: string, tagged: boolean, pushFailed: boolean }} state
 * @returns {string[]}
 */
export function afterFailure(state) {
  const tag = `v${state.version}`
  if (state.commit === undefined) {
    if (!state.wrote) return ['release: nothing was changed.']
    return ['release: nothing was committed, tagged or pushed; undo the changes it made with: git checkout -- . && git clean -fd dist']
  }
  const exists = state.tagged
    ? `the commit ${state.commit.slice(0, 12)} ("Release ${tag}") and the tag ${tag}`
    : `the commit ${state.commit.slice(0, 12)} ("Release ${tag}")`
  const lines = [`release: ${exists} exist${state.tagged ? '' : 's'} here${state.pushFailed ? ', but were not pushed' : ''}.`]
  if (state.tagged && state.pushFailed) lines.push(`release: to push them again: git push --atomic origin main ${tag}`)
  const undo = [...(state.tagged ? [`git tag -d ${tag}`] : []), `git reset --hard ${state.previous ?? 'HEAD~1'}`]
  lines.push(`release: to undo ${state.tagged ? 'both' : 'it'}: ${undo.join(' && ')}`)
  return lines
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]
if (isMain) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, 'no-push': { type: 'boolean', default: false } }
  })
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const run = (/** @type {string} */ command, /** @type {string[]} */ args) => {
    console.log(`$ ${command} ${args.join(' ')}`)
    if (!values['dry-run']) execFileSync(command, args, { cwd: root, stdio: 'inherit' })
  }
  const git = (/** @type {string[]} */ ...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  /** What this run changed (so that a failure says how to undo exactly that). */
  const state = {
    version: '',
    wrote: false,
    previous: /** @type {string | undefined} */ (undefined),
    commit: /** @type {string | undefined} */ (undefined),
    tagged: false,
    pushFailed: false
  }
  try {
    if (positionals.length !== 1) throw new Error('usage: npm run release -- <X.Y.Z | patch | minor | major> [--dry-run] [--no-push]')
    if (git('status', '--porcelain') !== '') throw new Error('the work tree has changes: commit or stash them first')
    if (git('rev-parse', '--abbrev-ref', 'HEAD') !== 'main') throw new Error('releases are cut from main')
    const pkgPath = join(root, 'package.json')
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'))
    const version = nextVersion(pkg.version, positionals[0])
    state.version = version
    let origin
    try {
      origin = git('remote', 'get-url', 'origin')
    } catch {
      throw new Error('this clone has no remote named origin, where the release is pushed and which the changelog links point at')
    }
    // Before the long test run: what is on origin decides whether this release can be pushed at all.
    try {
      git('fetch', '--quiet', '--tags', 'origin', 'main')
    } catch (error) {
      const said = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : String(error)
      throw new Error(`could not fetch main from origin (${origin}): ${said}`, { cause: error })
    }
    const behind = originProblem(Number(git('rev-list', '--count', 'HEAD..FETCH_HEAD')))
    if (behind !== undefined) throw new Error(behind)
    if (git('tag', '--list', `v${version}`) !== '') throw new Error(`the tag v${version} exists already`)
    const lower = versionProblem(version, git('tag', '--list', 'v*').split('\n').filter(Boolean))
    if (lower !== undefined) throw new Error(lower)
    const remote = origin.replace(/\.git$/, '').replace(/^git@github\.com:/, 'https://github.com/')
    const changelogPath = join(root, 'CHANGELOG.md')
    const changelog = releaseChangelog(readFileSync(changelogPath, 'utf8'), version, new Date().toISOString().slice(0, 10), remote)
    console.log(`Releasing v${version} (package.json had ${pkg.version}).`)
    if (!values['dry-run']) {
      state.wrote = true
      state.previous = git('rev-parse', 'HEAD')
      writeFileSync(changelogPath, changelog)
      if (version !== pkg.version) execFileSync('npm', ['version', version, '--no-git-tag-version'], { cwd: root, stdio: 'inherit' })
    }
    run('npm', ['run', 'build'])
    run('npm', ['run', 'lint'])
    run('npm', ['run', 'format:check'])
    run('npm', ['test'])
    run('git', ['add', 'package.json', 'package-lock.json', 'CHANGELOG.md', 'dist'])
    run('git', ['commit', '--message', `Release v${version}`])
    if (!values['dry-run']) state.commit = git('rev-parse', 'HEAD')
    run('git', ['tag', '--annotate', `v${version}`, '--message', `v${version}`])
    state.tagged = !values['dry-run']
    if (values['no-push']) {
      console.log(`\nNot pushed (--no-push). To push: git push --atomic origin main v${version}`)
    } else {
      state.pushFailed = true
      run('git', ['push', '--atomic', 'origin', 'main', `v${version}`])
      state.pushFailed = false
    }
    console.log(`\nThe Release workflow now verifies v${version}, creates its GitHub release (with the CHANGELOG.md section as notes)`)
    console.log(`and moves v${version.split('.')[0]} to it. The first release: tick "Publish this Action to the GitHub Marketplace" on the release.`)
  } catch (error) {
    console.error(`release: ${error instanceof Error ? error.message : String(error)}`)
    for (const line of afterFailure(state)) console.error(line)
    process.exit(1)
  }
}
