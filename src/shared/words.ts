/**
 * Text that names a setting, as data: the engine says which setting and what to do with it, and each
 * front end words it the way its reader set it (the action: the `timeout` input, the secret; the
 * CLI: `--timeout`, `POSTIZ_API_KEY`). A `Words` value is the sentence with those places left open;
 * `say` fills them with a `Voice`. Pure.
 */

import { capitalise } from './text.js'

/** Every setting of a run, by its action input name. Each voice says how its reader sets it. */
export const SETTINGS = [
  'api-key',
  'api-url',
  'integrations',
  'integrations-file',
  'customer',
  'fail-on',
  'timeout',
  'retries',
  'allow-insecure-http',
  'failed-posts-days',
  'upcoming-posts-days',
  'reconnect-days'
] as const
export type Setting = (typeof SETTINGS)[number]

/**
 * Sentences that differ between front ends beyond a setting's name. Every voice words every
 * phrase (a `Record<Phrase, string>`), so the compiler rejects a voice that misses one.
 */
export type Phrase =
  /** Where the check runs: "the runner", "this machine". */
  | 'here'
  /** Where the key is kept, to update it: "the secret", "POSTIZ_API_KEY". */
  | 'key-home'
  /** Where the key is read from, in a sentence: "the api-key input (usually ${{ secrets.POSTIZ_API_KEY }})". */
  | 'key-from'
  /** What to do when no key was given, after "<setting>: ". */
  | 'key-missing'
  /** Advice on reaching a self-hosted server from where the check runs (empty when none applies). */
  | 'reach-self-hosted'
  /** How to report a bug, with what to attach. */
  | 'bug-report'
  /** What else to check when the integrations file is not there, after "check the path". */
  | 'file-missing'

export type Part = string | { setting: Setting } | { settings: readonly Setting[]; value: string } | { phrase: Phrase }
/** Where Postiz shows the API key, in its own menus (docs/postiz-api.md). */
export const KEY_PLACE = 'Settings → Developers → Public API'

/** A sentence whose settings and phrases each front end words for itself. */
export type Words = readonly Part[]

/** A setting named in a sentence: "the timeout input", "--timeout". */
export const setting = (name: Setting): Part => ({ setting: name })
/** Settings given a value, with the verb: "set timeout: 60", "pass --timeout 60"; several take the same value. */
export const assign = (names: Setting | readonly Setting[], value: string): Part => ({ settings: typeof names === 'string' ? [names] : names, value })
/** A phrase the voice words: "the runner", "this machine". */
export const phrase = (name: Phrase): Part => ({ phrase: name })

/** Builds `Words` from a template: `` words`Raise ${setting('timeout')} if the server is slow.` `` */
export function words(strings: TemplateStringsArray, ...parts: (Part | Words)[]): Words {
  const out: Part[] = []
  strings.forEach((text, index) => {
    if (text !== '') out.push(text)
    if (index < parts.length) {
      const part = parts[index]
      if (Array.isArray(part)) out.push(...(part as Words))
      else out.push(part as Part)
    }
  })
  return out
}

/** How a front end words settings and phrases. */
export interface Voice {
  /** The setting's name before an input error: "timeout", "--timeout", "POSTIZ_API_URL". */
  label: (name: string) => string
  /** The setting in a sentence. */
  setting: (name: Setting) => string
  /** Settings given a value, with the verb. */
  assign: (names: readonly Setting[], value: string) => string
  phrases: Readonly<Record<Phrase, string>>
}

/** The sentence in the voice's words; a setting or phrase that starts a sentence starts with a capital. */
export function say(text: Words, voice: Voice): string {
  let out = ''
  for (const part of text) {
    if (typeof part === 'string') {
      out += part
      continue
    }
    const said = 'phrase' in part ? voice.phrases[part.phrase] : 'settings' in part ? voice.assign(part.settings, part.value) : voice.setting(part.setting)
    out += out === '' || /[.!?]\s+$/.test(out) ? capitalise(said) : said
  }
  return out
}

/** Each string part of the sentence through `map` (redaction, escaping); settings and phrases are ours. */
export function mapText(text: Words, map: (s: string) => string): Words {
  return text.map(part => (typeof part === 'string' ? map(part) : part))
}

/** An input error: which setting (or adapter input), and what is wrong with it and what to do. */
export interface InputError {
  input: string
  problem: Words
}

/** The input error in the voice's words: "timeout: …", "--timeout: …". */
export function sayInputError(error: InputError, voice: Voice): string {
  return say([`${voice.label(error.input)}: `, ...error.problem], voice)
}

/** A problem that stopped the run: what happened and how to fix it. */
export interface Diagnosis {
  message: Words
  fix: Words
}

/** "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** The sentence with settings and phrases by their plain names, for a debug line or an Error's message. */
export function plainText(text: Words): string {
  return text
    .map(part =>
      typeof part === 'string' ? part : 'phrase' in part ? `<${part.phrase}>` : 'settings' in part ? `${part.settings.join(', ')}=${part.value}` : part.setting
    )
    .join('')
}
