#!/usr/bin/env node
/**
 * The last step of `npm run build`: checks the licence of every production dependency bundled into
 * dist/ (from package-lock.json, dev packages left out) against an allowlist, and writes them all to
 * dist/licenses.txt. A package whose licence is not allowed fails the build, naming it, before any
 * such code can ship. (Replaces ncc's --license, which lists only one chunk's modules once the
 * bundle is split, and checks nothing.)
 *
 * Usage: node scripts/write-licenses.mjs [--root DIR]   (DIR holds package-lock.json and node_modules;
 * the project's root by default, another folder in the tests)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

/** Licences whose terms fit an MIT-licensed action that people copy into their workflows. */
export const ALLOWED_LICENSES = new Set(['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'BlueOak-1.0.0'])

/**
 * Whether an SPDX expression is allowed: `A OR B` when either side is, `A AND B` when both are,
 * parentheses as written. Anything unreadable, missing or `UNLICENSED` is not.
 * @param {unknown} expression
 * @returns {boolean}
 */
export function licenseAllowed(expression) {
  if (typeof expression !== 'string' || expression.trim() === '') return false
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? []
  let at = 0
  /** @returns {boolean} */
  const primary = () => {
    const token = tokens[at++]
    if (token === '(') {
      const value = or()
      if (tokens[at++] !== ')') throw new Error('unbalanced')
      return value
    }
    if (token === undefined || token === ')' || /^(AND|OR|WITH)$/i.test(token)) throw new Error('unexpected')
    return ALLOWED_LICENSES.has(token)
  }
  /** @returns {boolean} */
  const and = () => {
    let value = primary()
    while (/^AND$/i.test(tokens[at] ?? '')) {
      at++
      value = primary() && value
    }
    return value
  }
  /** @returns {boolean} */
  const or = () => {
    let value = and()
    while (/^OR$/i.test(tokens[at] ?? '')) {
      at++
      value = and() || value
    }
    return value
  }
  try {
    const value = or()
    return at === tokens.length && value
  } catch {
    return false
  }
}

/**
 * @param {string} root
 * @returns {{ sections: Map<string, string>, refused: string[] }}
 */
export function collectLicenses(root) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
  const sections = new Map()
  const refused = []
  for (const [path, info] of Object.entries(lock.packages)) {
    if (path === '' || info.dev || info.devOptional) continue
    const dir = join(root, path)
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const license = pkg.license ?? (Array.isArray(pkg.licenses) ? pkg.licenses.map((/** @type {{ type: string }} */ l) => l.type).join(' OR ') : undefined)
    if (!licenseAllowed(license)) refused.push(`${pkg.name}@${pkg.version} (${license ?? 'no licence given'})`)
    const file = existsSync(dir) ? readdirSync(dir).find(f => /^(licen[cs]e|copying)(\.|$)/i.test(f)) : undefined
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `${license ?? 'UNKNOWN'} (no licence file in the package)`
    sections.set(`${pkg.name}@${pkg.version}`, `${pkg.name} ${pkg.version}\n${license ?? ''}\n${text}`)
  }
  return { sections, refused }
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]
if (isMain) {
  const { values } = parseArgs({ options: { root: { type: 'string' } } })
  const root = values.root ?? join(dirname(fileURLToPath(import.meta.url)), '..')
  const { sections, refused } = collectLicenses(root)
  if (refused.length > 0) {
    console.error(
      `Build refused: ${refused.length} bundled package(s) have a licence outside the allowlist (${[...ALLOWED_LICENSES].join(', ')}):\n` +
        refused.map(r => `  - ${r}`).join('\n') +
        '\nReplace the dependency, or, after checking its terms, add its licence to ALLOWED_LICENSES in scripts/write-licenses.mjs.'
    )
    process.exit(1)
  }
  const body = [...sections.keys()]
    .sort()
    .map(key => sections.get(key))
    .join('\n\n')
  mkdirSync(join(root, 'dist'), { recursive: true })
  writeFileSync(join(root, 'dist', 'licenses.txt'), `Licences of the third-party code bundled in dist/\n\n${body}\n`)
  console.log(`dist/licenses.txt: ${sections.size} packages, every licence on the allowlist`)
}
