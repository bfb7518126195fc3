/** The comments in src/ name only files that exist: a comment that points at a renamed file misleads its reader. */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { ROOT } from './support/run-action.js'

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap(name => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? (name === 'node_modules' ? [] : walk(path)) : [path]
  })

const FILE_NAME = /(?<![\w/.:-])((?:[\w.-]+\/)*[\w-]+\.(?:ts|js|mjs|cjs|md|json|ya?ml|sh))\b/g

/** Every file name in a comment of `text` that names no file: by path from the root, from src/ or from `file`'s folder, or by a name some file has. */
export function missingFileNames(file: string, text: string, names: ReadonlySet<string>): string[] {
  const exists = (path: string): boolean => existsSync(path) || existsSync(path.replace(/\.js$/, '.ts'))
  const missing: string[] = []
  for (const line of text.split('\n')) {
    const comment = /^\s*(\/\*\*?|\*|\/\/)/.test(line) ? line : (/\/\/.*$/.exec(line)?.[0] ?? '')
    for (const [, ref] of comment.matchAll(FILE_NAME)) {
      const found =
        [join(ROOT, ref), join(ROOT, 'src', ref), join(dirname(file), ref)].some(exists) ||
        (!ref.includes('/') && (names.has(ref) || names.has(ref.replace(/\.js$/, '.ts'))))
      if (!found) missing.push(`${relative(ROOT, file)}: ${ref}`)
    }
  }
  return missing
}

describe('comments in src/', () => {
  const files = ['src', 'docs', 'scripts', '__tests__', '.github'].flatMap(dir => (existsSync(join(ROOT, dir)) ? walk(join(ROOT, dir)) : []))
  const names = new Set([...files, ...readdirSync(ROOT)].map(path => basename(path)))

  it('name only files that exist', () => {
    const sources = walk(join(ROOT, 'src')).filter(path => /\.(ts|js)$/.test(path))
    expect(sources.flatMap(path => missingFileNames(path, readFileSync(path, 'utf8'), names))).toEqual([])
  })

  it('a comment naming a file that is gone is caught; code and existing files are not', () => {
    const file = join(ROOT, 'src/http/proxy.ts')
    const text = "/** See http-transport.ts and transport.ts. */\nimport { x } from './gone.js'\n// the GitHub calls live in github-issues.ts"
    expect(missingFileNames(file, text, names)).toEqual(['src/http/proxy.ts: http-transport.ts', 'src/http/proxy.ts: github-issues.ts'])
  })
})
