#!/usr/bin/env node
/**
 * Writes dist/licenses.txt: the licence of every production dependency bundled into dist/
 * (from package-lock.json, dev packages left out). Replaces ncc's --license, which lists only
 * one chunk's modules once the bundle is split.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
const sections = new Map()
for (const [path, info] of Object.entries(lock.packages)) {
  if (path === '' || info.dev || info.devOptional) continue
  const dir = join(root, path)
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const file = existsSync(dir) ? readdirSync(dir).find(f => /^(licen[cs]e|copying)(\.|$)/i.test(f)) : undefined
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `${pkg.license ?? 'UNKNOWN'} (no licence file in the package)`
  sections.set(`${pkg.name}@${pkg.version}`, `${pkg.name} ${pkg.version}\n${pkg.license ?? ''}\n${text}`)
}
const body = [...sections.keys()]
  .sort()
  .map(key => sections.get(key))
  .join('\n\n')
writeFileSync(join(root, 'dist', 'licenses.txt'), `Licences of the third-party code bundled in dist/\n\n${body}\n`)
console.log(`dist/licenses.txt: ${sections.size} packages`)
