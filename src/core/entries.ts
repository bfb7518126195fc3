/**
 * The entry grammar of the `integrations` input: `[alias=]selector`, one per line or
 * comma-separated. Pure: text in, typed entries (or named errors) out.
 */
import { setting, words, type InputError, type Words } from '../shared/words.js'

export type Selector = { kind: 'id'; id: string } | { kind: 'profile'; platform: string; profile: string } | { kind: 'platform'; platform: string }

export interface Entry {
  /** Name of the entry in outputs: the alias, else the entry text. */
  key: string
  /** The entry as written (trimmed), alias included. */
  text: string
  alias?: string
  selector: Selector
  /** Where it was written. */
  source: EntrySource
}

export interface ParsedEntries {
  entries: Entry[]
  errors: InputError[]
}

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

/** Where an entry came from: the `integrations` input, or the file `integrations-file` names. */
export type EntrySource = 'input' | 'file'

/** What the `integrations-file` held, decoded by its kind (entry-file.ts reads it). */
export interface EntryFileContent {
  /** The path as given, for messages. */
  path: string
  /** A JSON or YAML value (the part the pointer names), or text in the line grammar. */
  content: { value: unknown } | { lines: string }
}

const ENTRY_EXAMPLES = '"x:acme" or "blog=linkedin-page:acme"'

/** What a JSON or YAML value is, for a message. */
function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/**
 * Entries from both sources, in order, each output name once. Within one source an entry repeated
 * verbatim counts once and two entries with one name are an error; across the two, one name with
 * the same selector counts once, and with another selector is an error.
 */
class EntryCollector {
  readonly entries: Entry[] = []
  readonly errors: InputError[] = []
  private readonly seenText = new Set<string>()
  private readonly byKey = new Map<string, Entry>()
  private source: EntrySource = 'input'
  /** The input the errors name, and what goes before each (the file's path). */
  private input = 'integrations'
  private prefix = ''

  /** The entries added from now on come from `source`, and their errors name `input`. */
  from(source: EntrySource, input: string, prefix: string): void {
    Object.assign(this, { source, input, prefix })
  }

  error(text: string | Words): void {
    this.errors.push({ input: this.input, problem: [...(this.prefix === '' ? [] : [this.prefix]), ...(typeof text === 'string' ? [text] : text)] })
  }

  /** Adds one entry in the line grammar: `[alias=]selector`. */
  add(text: string): void {
    const seen = `${this.source}\n${text}`
    if (this.seenText.has(seen)) return // an entry repeated verbatim counts once
    this.seenText.add(seen)

    let alias: string | undefined
    let selectorText = text
    const eq = text.indexOf('=')
    if (eq !== -1) {
      alias = text.slice(0, eq).trim()
      selectorText = text.slice(eq + 1).trim()
      if (!ALIAS.test(alias)) {
        this.error(`entry "${text}": alias "${alias}" must start with a letter or "_" and contain only letters, digits, "_" or "-"`)
        return
      }
      if (selectorText === '') {
        this.error(`entry "${text}": nothing after "=" (write ${alias}=<id> or ${alias}=<platform>:<profile>)`)
        return
      }
    }

    const selector = parseSelector(selectorText)
    if (typeof selector === 'string') {
      this.error(`entry "${text}": ${selector}`)
      return
    }

    const entry: Entry = { key: alias ?? selectorText, text, selector, source: this.source }
    if (alias !== undefined) entry.alias = alias
    const clash = this.byKey.get(entry.key)
    if (clash && clash.source !== this.source) {
      if (describeSelector(clash.selector) === describeSelector(selector)) return // the same entry in both places
      const where = clash.source === 'input' ? setting('integrations') : setting('integrations-file')
      this.error(
        words`entry "${text}" and "${clash.text}" in ${where} are both named "${entry.key}" but select different channels; give one of them another name`
      )
      return
    }
    if (clash) {
      this.error(
        alias !== undefined && clash.alias === alias
          ? `alias "${alias}" is used by two different entries ("${clash.text}" and "${text}"); give each its own alias`
          : `entries "${clash.text}" and "${text}" would both be named "${entry.key}" in the outputs; give one an alias`
      )
      return
    }
    this.byKey.set(entry.key, entry)
    this.entries.push(entry)
  }

  /** Adds the entries of a JSON or YAML value: an object of alias → selector, or a list of entries. */
  addValue(value: unknown): void {
    const before = this.entries.length + this.errors.length
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        if (typeof item === 'string' && item.trim() !== '') this.add(item.trim())
        else this.error(`item ${index + 1} is ${typeof item === 'string' ? 'empty' : kindOf(item)}; each item is an entry such as ${ENTRY_EXAMPLES}`)
      })
    } else if (value !== null && typeof value === 'object') {
      for (const [key, selector] of Object.entries(value)) {
        if (!ALIAS.test(key)) {
          this.error(`key "${key}" is not an alias: start it with a letter or "_" and use only letters, digits, "_" or "-"`)
        } else if (typeof selector !== 'string' || selector.trim() === '' || selector.includes('=')) {
          const what = typeof selector !== 'string' ? kindOf(selector) : selector.trim() === '' ? 'empty' : 'an entry with its own alias'
          this.error(`key "${key}": the value is ${what}; it must be a selector such as "x:acme", "linkedin-page:acme" or an integration ID`)
        } else {
          this.add(`${key}=${selector.trim()}`)
        }
      }
    } else {
      this.error(`found ${kindOf(value)} where an object of alias → selector ({"x": "x:acme"}) or a list of entries (["x:acme"]) belongs`)
      return
    }
    if (this.entries.length + this.errors.length === before)
      this.error(`the ${Array.isArray(value) ? 'list' : 'object'} holds no entries; add some, or leave it out to list the organisation's integrations`)
  }
}

/**
 * The `integrations` input as JSON, when it is JSON: trimmed, it starts with `{` and ends with `}`,
 * or starts with `[` and ends with `]`. Otherwise it is the line grammar, as it always was.
 */
function asJson(input: string): { value: unknown } | { error: string } | undefined {
  const text = input.trim()
  if (!((text.startsWith('{') && text.endsWith('}')) || (text.startsWith('[') && text.endsWith(']')))) return undefined
  try {
    return { value: JSON.parse(text) as unknown }
  } catch (error) {
    return {
      error: `looks like JSON but does not parse (${(error as Error).message}); write an object of alias → selector ({"x": "x:acme"}), a list of entries (["x:acme"]), or one entry per line`
    }
  }
}

/**
 * The entries of the `integrations` input (one per line or comma-separated, or JSON: an object of
 * alias → selector, or a list of entries) and of the `integrations-file`, merged. Every problem is
 * reported, each naming its input and its entry.
 */
export function parseIntegrations(input: string, file?: EntryFileContent): ParsedEntries {
  const collector = new EntryCollector()
  const json = asJson(input)
  if (json === undefined) splitEntryList(input).forEach(text => collector.add(text))
  else if ('error' in json) collector.error(json.error)
  else collector.addValue(json.value)
  if (file !== undefined) {
    collector.from('file', 'integrations-file', `"${file.path}": `)
    if ('lines' in file.content) splitEntryList(file.content.lines).forEach(text => collector.add(text))
    else collector.addValue(file.content.value)
  }
  return { entries: collector.entries, errors: collector.errors }
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
