#!/usr/bin/env node
/**
 * `npm run release -- <X.Y.Z | patch | minor | major> [--dry-run] [--no-push]`: what a maintainer
 * runs on a clean, up-to-date main to cut a release (see CONTRIBUTING.md).
 *
 * 1. bumps the version in package.json and package-lock.json (the one place the action and the CLI
 *    read it from; the build inlines it);
 * 2. turns CHANGELOG.md's "## [Unreleased]" section into "## [X.Y.Z] - today", opens a new empty
 *    Unreleased section, and updates the compare links at the bottom;
 * 3. rebuilds dist/, runs lint, the format check and the tests;
 * 4. commits "Release vX.Y.Z", tags vX.Y.Z and pushes both (unless --no-push).
 * Publishing the GitHub release from the tag then runs .github/workflows/release.yml, which checks
 * the tagged commit again and moves the major tag vX to it.
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
  /** Whether this run changed files (so that a failure says how to undo exactly that). */
  let wrote = false
  try {
    if (positionals.length !== 1) throw new Error('usage: npm run release -- <X.Y.Z | patch | minor | major> [--dry-run] [--no-push]')
    if (git('status', '--porcelain') !== '') throw new Error('the work tree has changes: commit or stash them first')
    if (git('rev-parse', '--abbrev-ref', 'HEAD') !== 'main') throw new Error('releases are cut from main')
    const pkgPath = join(root, 'package.json')
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'))
    const version = nextVersion(pkg.version, positionals[0])
    if (git('tag', '--list', `v${version}`) !== '') throw new Error(`the tag v${version} exists already`)
    let origin
    try {
      origin = git('remote', 'get-url', 'origin')
    } catch {
      throw new Error('this clone has no remote named origin, where the release is pushed and which the changelog links point at')
    }
    const remote = origin.replace(/\.git$/, '').replace(/^git@github\.com:/, 'https://github.com/')
    const changelogPath = join(root, 'CHANGELOG.md')
    const changelog = releaseChangelog(readFileSync(changelogPath, 'utf8'), version, new Date().toISOString().slice(0, 10), remote)
    console.log(`Releasing v${version} (package.json had ${pkg.version}).`)
    if (!values['dry-run']) {
      wrote = true
      writeFileSync(changelogPath, changelog)
      if (version !== pkg.version) execFileSync('npm', ['version', version, '--no-git-tag-version'], { cwd: root, stdio: 'inherit' })
    }
    run('npm', ['run', 'build'])
    run('npm', ['run', 'lint'])
    run('npm', ['run', 'format:check'])
    run('npm', ['test'])
    run('git', ['add', 'package.json', 'package-lock.json', 'CHANGELOG.md', 'dist'])
    run('git', ['commit', '--message', `Release v${version}`])
    run('git', ['tag', '--annotate', `v${version}`, '--message', `v${version}`])
    if (!values['no-push']) run('git', ['push', '--atomic', 'origin', 'main', `v${version}`])
    console.log(`\nNext: publish the release v${version} on GitHub (Releases → Draft a new release → tag v${version}),`)
    console.log(`with the CHANGELOG.md section as its notes. The Release workflow then moves v${version.split('.')[0]} to it.`)
  } catch (error) {
    console.error(`release: ${error instanceof Error ? error.message : String(error)}`)
    if (wrote) {
      console.error('release: nothing was committed, tagged or pushed; undo the changes it made with: git checkout -- . && git clean -fd dist')
    }
    process.exit(1)
  }
}
