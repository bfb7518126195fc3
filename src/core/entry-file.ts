/**
 * Reads the `integrations-file`: a path (relative to the workspace in the action, to the current
 * directory in the CLI), confined to the workspace in the action, at most 1 MiB, decoded by its
 * name: `.json` (an optional JSON pointer after `#`), `.yml`/`.yaml` (the same), anything else in
 * the line grammar. Turns every problem into an input error naming the path and the fix. The I/O
 * of entries; what the entries mean is entries.ts's.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import type { EntryFileContent } from './entries.js'
import { count } from '../shared/text.js'
import { phrase, words, type InputError, type Words } from '../shared/words.js'

const MAX_ENTRY_FILE_BYTES = 1024 * 1024

export interface EntryFileOptions {
  /** Where a relative path starts: the workspace (GITHUB_WORKSPACE), or the current directory. */
  root: string
  /** Refuse a file outside `root`, symbolic links followed (the action: the repository's checkout). */
  confined: boolean
}

const fail = (problem: Words): InputError => ({ input: 'integrations-file', problem })

/** Whether `path` lies inside `root` (or is it). */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** `path#/pointer` for JSON and YAML files; any other path is taken whole. */
function splitPointer(given: string): { path: string; pointer: string | undefined } {
  const match = /^(.+\.(?:json|ya?ml))#(.*)$/is.exec(given)
  return match ? { path: match[1], pointer: match[2] } : { path: given, pointer: undefined }
}

/** The part of `value` a JSON pointer (RFC 6901) names, or the segment that names nothing. */
function follow(value: unknown, pointer: string): { value: unknown } | { missing: string } {
  let here = value
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(here) && /^(0|[1-9]\d*)$/.test(segment) && Number(segment) < here.length) here = here[Number(segment)] as unknown
    else if (here !== null && typeof here === 'object' && !Array.isArray(here) && Object.hasOwn(here, segment))
      here = (here as Record<string, unknown>)[segment]
    else return { missing: segment }
  }
  return { value: here }
}

/** Reads and decodes the file; an input error when it cannot be used. */
export async function readEntryFile(given: string, options: EntryFileOptions): Promise<EntryFileContent | InputError> {
  const { path, pointer } = splitPointer(given)
  const full = resolve(options.root, path)
  const outside = (): InputError =>
    fail([`"${given}" is outside the workspace (${options.root}); give a path inside the repository's checkout, relative to its root`])
  if (options.confined && !inside(options.root, full)) return outside()

  let size: number
  try {
    const stat = statSync(full)
    if (stat.isDirectory()) return fail([`"${given}" is a directory; name the file that holds the entries`])
    size = stat.size
    // A symbolic link inside the workspace may point anywhere: where it leads must be inside too.
    if (options.confined && !inside(realpathSync(options.root), realpathSync(full))) return outside()
  } catch {
    return fail(words`no file at "${given}" (looked for ${full}); check the path${phrase('file-missing')}`)
  }
  if (size > MAX_ENTRY_FILE_BYTES) {
    return fail([`"${given}" is ${count(size)} bytes, more than 1 MiB; a file of entries is far smaller: check the path`])
  }
  const text = readFileSync(full, 'utf8').replace(/^\uFEFF/, '')

  const kind = /\.json$/i.test(path) ? 'JSON' : /\.ya?ml$/i.test(path) ? 'YAML' : undefined
  if (kind === undefined) return { path: given, content: { lines: text } }
  let value: unknown
  try {
    value = kind === 'JSON' ? JSON.parse(text) : (await import('yaml')).parse(text)
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    return fail([`"${path}" is not valid ${kind} (${reason}); fix the file, or give another one`])
  }
  if (pointer === undefined || pointer === '') return { path: given, content: { value } }
  if (!pointer.startsWith('/')) return fail([`"${given}": a pointer after "#" starts with "/", e.g. ${path}#/postiz/channels`])
  const found = follow(value, pointer)
  if ('missing' in found) {
    return fail([
      `"${given}": the pointer names nothing in the file (no "${found.missing}" there); write the path to the entries, e.g. ${path}#/postiz/channels`
    ])
  }
  return { path: given, content: { value: found.value } }
}
