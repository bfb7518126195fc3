/**
 * The entry grammar of the `integrations` input: `[alias=]selector`, one per line or
 * comma-separated. Pure: text in, typed entries (or named errors) out.
 */
import type { InputError } from '../shared/words.js'

export type Selector = { kind: 'id'; id: string } | { kind: 'profile'; platform: string; profile: string } | { kind: 'platform'; platform: string }

export interface Entry {
  /** Name of the entry in outputs: the alias, else the entry text. */
  key: string
  /** The entry as written (trimmed), alias included. */
  text: string
  alias?: string
  selector: Selector
}

export interface ParsedEntries {
  entries: Entry[]
  errors: InputError[]
}

const problem = (text: string): InputError => ({ input: 'integrations', problem: [text] })

const ALIAS = /^[A-Za-z_][A-Za-z0-9_-]*$/
const PLATFORM = /^[a-z0-9][a-z0-9._-]*$/

/**
 * Splits the input into entry texts: newlines or commas; blank lines and `#` lines are ignored,
 * and a `#` after white space starts a comment (so `x:acme  # our main account` works in YAML blocks).
 */
export function splitEntryList(input: string): string[] {
  const texts: string[] = []
  for (const line of input.split(/\r?\n/)) {
    const trimmed = line.replace(/\s#.*$/, '').trim()
    if (trimmed === '' || trimmed.startsWith('#')) continue
    for (const part of trimmed.split(',')) {
      const text = part.trim()
      if (text !== '') texts.push(text)
    }
  }
  return texts
}

/** Normalises a profile handle for comparison: case-insensitive, one leading `@` ignored. */
export function normaliseProfile(profile: string): string {
  return profile.trim().replace(/^@/, '').toLowerCase()
}

function parseSelector(text: string): Selector | string {
  const colon = text.indexOf(':')
  if (colon === -1) {
    if (/\s/.test(text)) return 'an integration ID has no spaces'
    return { kind: 'id', id: text }
  }
  const platform = text.slice(0, colon).trim().toLowerCase()
  const profile = text.slice(colon + 1).trim()
  if (platform === '') return 'the platform before ":" is empty (write it as platform:profile, e.g. x:johndoe)'
  if (!PLATFORM.test(platform)) {
    return `"${platform}" is not a platform identifier (examples: x, linkedin, linkedin-page, bluesky)`
  }
  if (profile === '*') return { kind: 'platform', platform }
  const normalised = normaliseProfile(profile)
  if (normalised === '') return `the profile after "${platform}:" is empty (write ${platform}:<profile> or ${platform}:*)`
  return { kind: 'profile', platform, profile: normalised }
}

/** Parses the whole `integrations` input. Every problem is reported, each naming its entry. */
export function parseEntries(input: string): ParsedEntries {
  const errors: InputError[] = []
  const entries: Entry[] = []
  const seenText = new Set<string>()
  const byKey = new Map<string, Entry>()

  for (const text of splitEntryList(input)) {
    if (seenText.has(text)) continue // an entry repeated verbatim counts once
    seenText.add(text)

    let alias: string | undefined
    let selectorText = text
    const eq = text.indexOf('=')
    if (eq !== -1) {
      alias = text.slice(0, eq).trim()
      selectorText = text.slice(eq + 1).trim()
      if (!ALIAS.test(alias)) {
        errors.push(problem(`entry "${text}": alias "${alias}" must start with a letter or "_" and contain only letters, digits, "_" or "-"`))
        continue
      }
      if (selectorText === '') {
        errors.push(problem(`entry "${text}": nothing after "=" (write ${alias}=<id> or ${alias}=<platform>:<profile>)`))
        continue
      }
    }

    const selector = parseSelector(selectorText)
    if (typeof selector === 'string') {
      errors.push(problem(`entry "${text}": ${selector}`))
      continue
    }

    const entry: Entry = { key: alias ?? selectorText, text, selector }
    if (alias !== undefined) entry.alias = alias
    const clash = byKey.get(entry.key)
    if (clash) {
      errors.push(
        problem(
          alias !== undefined && clash.alias === alias
            ? `alias "${alias}" is used by two different entries ("${clash.text}" and "${text}"); give each its own alias`
            : `entries "${clash.text}" and "${text}" would both be named "${entry.key}" in the outputs; give one an alias`
        )
      )
      continue
    }
    byKey.set(entry.key, entry)
    entries.push(entry)
  }
  return { entries, errors }
}

/** The selector written back in canonical form, for messages. */
export function describeSelector(selector: Selector): string {
  switch (selector.kind) {
    case 'id':
      return `ID ${selector.id}`
    case 'profile':
      return `${selector.platform}:${selector.profile}`
    case 'platform':
      return `${selector.platform}:*`
  }
}
