#!/usr/bin/env node
/**
 * What the Release workflow (.github/workflows/release.yml) does with a pushed tag, decided before
 * anything is published: `node scripts/release-plan.mjs <tag>` in a checkout with every tag writes
 * `version`, `major`, `prerelease`, `publish` and `move-major` to GITHUB_OUTPUT (or prints them);
 * `node scripts/release-plan.mjs --notes <version>` prints that version's CHANGELOG.md section, the
 * release's notes.
 *
 * - vX.Y.Z is a release: verified, then published, and the major tag vX moved to the verified
 *   commit, unless a higher vX.*.* release exists (a v1.0.5 backport after v1.1.0 leaves v1 where
 *   it is: the major tag never moves backwards).
 * - vX.Y.Z-<pre> (v1.3.0-rc.1) is a prerelease: skipped, not failed. Nothing is published or moved.
 * - Anything else is refused, and the tag must match package.json's version.
 */
import { execFileSync } from 'node:child_process'
import { appendFileSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const RELEASE = /^v(\d+)\.(\d+)\.(\d+)$/
const PRERELEASE = /^v\d+\.\d+\.\d+-[0-9A-Za-z][0-9A-Za-z.-]*$/

/**
 * @param {string} tag
 * @returns {[number, number, number] | undefined}
 */
function parts(tag) {
  const match = RELEASE.exec(tag)
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined
}

/**
 * Whether release tag `a` is higher than `b`.
 * @param {[number, number, number]} a
 * @param {[number, number, number]} b
 */
function higher(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i]
  return false
}

/**
 * The plan for `tag`, given every tag of the repository and package.json's version.
 * @param {string} tag
 * @param {string[]} tags
 * @param {string} packageVersion
 * @returns {{ ok: true, version: string, major: string, prerelease: boolean, publish: boolean, moveMajor: boolean, note: string } | { ok: false, error: string }}
 */
export function releasePlan(tag, tags, packageVersion) {
  if (PRERELEASE.test(tag)) {
    return {
      ok: true,
      version: tag.slice(1),
      major: '',
      prerelease: true,
      publish: false,
      moveMajor: false,
      note: `${tag} is a prerelease: nothing is published and no major tag moves.`
    }
  }
  const version = parts(tag)
  if (!version) return { ok: false, error: `${tag} is not a release tag: release tags are vX.Y.Z (a prerelease vX.Y.Z-rc.N is skipped).` }
  if (`v${packageVersion}` !== tag) return { ok: false, error: `The tag is ${tag} but package.json says ${packageVersion}: release with npm run release.` }
  const major = `v${version[0]}`
  const above = tags
    .map(t => [t, parts(t)])
    .filter(([, p]) => p !== undefined && p[0] === version[0] && higher(/** @type {[number, number, number]} */ (p), version))
  const moveMajor = above.length === 0
  const note = moveMajor
    ? `${tag} is published and ${major} moves to its verified commit.`
    : `${tag} is published; ${major} stays where it is, since ${above.map(([t]) => t).join(', ')} ${above.length === 1 ? 'is' : 'are'} higher (the major tag never moves backwards).`
  return { ok: true, version: tag.slice(1), major, prerelease: false, publish: true, moveMajor, note }
}

/**
 * The section of CHANGELOG.md for `version`, without its heading.
 * @param {string} changelog
 * @param {string} version
 * @returns {string}
 */
export function releaseNotes(changelog, version) {
  const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\][^\n]*\n`, 'm')
  const match = heading.exec(changelog)
  if (!match) throw new Error(`CHANGELOG.md has no section for ${version}`)
  const rest = changelog.slice(match.index + match[0].length)
  const end = rest.search(/^## \[|^\[[^\]]+\]: /m)
  return `${(end === -1 ? rest : rest.slice(0, end)).trim()}\n`
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]
if (isMain && process.argv[2] === '--notes') {
  process.stdout.write(releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), process.argv[3] ?? ''))
} else if (isMain) {
  const tag = process.argv[2] ?? ''
  const tags = execFileSync('git', ['tag', '--list', 'v*'], { encoding: 'utf8' }).split('\n').filter(Boolean)
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
  const plan = releasePlan(tag, tags, pkg.version)
  if (!plan.ok) {
    console.log(`::error::${plan.error}`)
    process.exit(1)
  }
  const outputs = `version=${plan.version}\nmajor=${plan.major}\nprerelease=${plan.prerelease}\npublish=${plan.publish}\nmove-major=${plan.moveMajor}\n`
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, outputs)
  else process.stdout.write(outputs)
  console.log(`::notice::${plan.note}`)
}
