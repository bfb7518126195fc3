/**
 * Raw inputs (strings, as the runner or the CLI hands them over) → a typed, validated config.
 * Pure: no I/O, no environment. Every problem is collected so the user sees them all at once.
 */
import { isLoopbackHost } from '../shared/hosts.js'
import { parseIntegrations, type Entry, type EntryFileContent } from './entries.js'
import { inputValue, parseBoolean } from '../shared/inputs.js'
import { assign, KEY_PLACE, phrase, setting, SETTINGS, words, type InputError, type Setting, type Words } from '../shared/words.js'

export const FINDING_KINDS = ['missing', 'disabled', 'failing', 'reconnect'] as const
export type FindingKind = (typeof FINDING_KINDS)[number]

export interface Config {
  /** The key as it is sent: trimmed, any pasted `Bearer ` prefix removed. */
  apiKey: string
  /** Backend base URL without trailing slash or `/public/v1`, e.g. `https://api.postiz.com`. */
  apiUrl: string
  entries: Entry[]
  /** The `integrations-file` as given, when set. */
  integrationsFile?: string
  customer?: string
  failOn: ReadonlySet<FindingKind>
  timeoutMs: number
  retries: number
  allowInsecureHttp: boolean
  /** Days to look back for posts in state ERROR (0: off). */
  failedPostsDays: number
  /** Days to look ahead for queued posts (0: off). */
  upcomingPostsDays: number
  /** Days of Postiz notifications to read for channels that need reconnecting (0: off). */
  reconnectDays: number
}

/** Every setting as text, as the runner or the CLI hands it over; an empty one takes its default (shared/inputs.ts). */
export type RawInputs = Record<Setting, string>

const MAX_TIMEOUT_SECONDS = 600
const MAX_RETRIES = 10
const MAX_POSTS_DAYS = 365
const MAX_RECONNECT_DAYS = 90

export type ConfigResult = { ok: true; config: Config; warnings: Words[] } | { ok: false; errors: InputError[] }

/** Cleans the key as it will be sent; also tells whether a `Bearer ` prefix was removed. */
export function cleanApiKey(raw: string): { key: string; hadBearer: boolean } {
  const trimmed = raw.trim()
  const match = /^bearer\s+/i.exec(trimmed)
  if (!match) return { key: trimmed, hadBearer: false }
  return { key: trimmed.slice(match[0].length).trim(), hadBearer: true }
}

/** Normalises `api-url`: accepts a trailing `/` or `/public/v1`. Returns an error text if unusable. */
export function normaliseApiUrl(raw: string, allowInsecureHttp: boolean): string | { error: Words } {
  const text = raw.trim()
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { error: [`"${text}" is not a URL; write it like https://api.postiz.com or https://postiz.example.com/api`] }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: [`"${text}" must start with https:// (or http:// for a server on this machine)`] }
  }
  if (url.username || url.password) {
    return { error: ['remove the user name and password from the URL; the API key is the only credential Postiz needs'] }
  }
  if (url.search || url.hash) {
    return { error: [`"${text}" must not have a query string or fragment; give the backend's base URL only`] }
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(url.hostname)) {
    return {
      error: words`"${text}" uses plain http:// to a remote host, which would send the API key across the network unencrypted. Use https://, or ${assign('allow-insecure-http', 'true')} if the network path is trusted.`
    }
  }
  let path = url.pathname.replace(/\/+$/, '')
  path = path.replace(/\/public\/v1$/i, '')
  return `${url.protocol}//${url.host}${path}`
}

/**
 * Why the key cannot be sent in an HTTP header, or undefined. Postiz keys and pos_ tokens are
 * printable ASCII; a line break or another character means something else was pasted with the key.
 * The message says where, never what: it must not show any part of the key.
 */
function unsendableKeyCharacter(key: string): Words | undefined {
  const index = key.search(/[^\x20-\x7e]/)
  if (index === -1) return undefined
  const code = key.charCodeAt(index)
  const what = code === 0x0a || code === 0x0d ? 'a line break' : code < 0x20 || code === 0x7f ? 'a control character' : 'a character outside printable ASCII'
  return words`contains ${what} (character ${String(index + 1)}), which cannot be sent in an HTTP header. Copy the key again from Postiz (${KEY_PLACE}) and store it alone in ${phrase('key-home')}, with nothing before or after it.`
}

function booleanSetting(name: Setting, value: string, errors: InputError[]): boolean {
  const parsed = parseBoolean(value)
  if (parsed.ok) return parsed.value
  errors.push({ input: name, problem: [parsed.problem] })
  return false
}

function parseFailOn(value: string, errors: InputError[]): Set<FindingKind> {
  const words = value
    .split(/[\s,]+/)
    .map(w => w.trim().toLowerCase())
    .filter(w => w !== '')
  const kinds = new Set<FindingKind>()
  let none = false
  for (const word of words) {
    if (word === 'none') none = true
    else if ((FINDING_KINDS as readonly string[]).includes(word)) kinds.add(word as FindingKind)
    else errors.push({ input: 'fail-on', problem: [`"${word}" is not a finding kind; use any of ${FINDING_KINDS.join(', ')}, or none`] })
  }
  if (none && kinds.size > 0) errors.push({ input: 'fail-on', problem: ['"none" cannot be combined with other kinds'] })
  return kinds
}

function parseNumber(name: Setting, value: string, min: number, max: number, integer: boolean, errors: InputError[]): number {
  const n = Number(value)
  const shape = integer ? /^\d+$/ : /^\d+(\.\d+)?$/
  if (!shape.test(value) || !Number.isFinite(n) || n < min || n > max) {
    errors.push({ input: name, problem: [`"${value}" must be ${integer ? 'a whole number' : 'a number of seconds'} from ${min} to ${max}`] })
    return min
  }
  return n
}

/**
 * Turns raw inputs into a Config, or every error found. Empty inputs take the action.yml default.
 * `file` is what the `integrations-file` held (entry-file.ts reads it), or why it could not be read.
 */
export function parseConfig(partial: Partial<RawInputs>, file?: EntryFileContent | InputError): ConfigResult {
  const raw = {} as RawInputs
  for (const name of SETTINGS) raw[name] = inputValue(partial, name)
  const errors: InputError[] = []
  const warnings: Words[] = []

  const { key, hadBearer } = cleanApiKey(raw['api-key'])
  if (key === '') {
    errors.push({ input: 'api-key', problem: [phrase('key-missing')] })
  } else {
    const unsendable = unsendableKeyCharacter(key)
    if (unsendable !== undefined) errors.push({ input: 'api-key', problem: unsendable })
    else if (hadBearer) warnings.push(words`Removed a "Bearer " prefix from ${setting('api-key')}; Postiz expects the raw key in the Authorization header.`)
  }

  const allowInsecureHttp = booleanSetting('allow-insecure-http', raw['allow-insecure-http'], errors)
  const apiUrl = normaliseApiUrl(raw['api-url'], allowInsecureHttp)
  if (typeof apiUrl !== 'string') errors.push({ input: 'api-url', problem: apiUrl.error })

  if (file !== undefined && 'input' in file) errors.push(file)
  const parsed = parseIntegrations(raw.integrations, file !== undefined && 'content' in file ? file : undefined)
  errors.push(...parsed.errors)

  const failOn = parseFailOn(raw['fail-on'], errors)
  const timeoutSeconds = parseNumber('timeout', raw.timeout, 1, MAX_TIMEOUT_SECONDS, false, errors)
  const retries = parseNumber('retries', raw.retries, 0, MAX_RETRIES, true, errors)
  const failedPostsDays = parseNumber('failed-posts-days', raw['failed-posts-days'], 0, MAX_POSTS_DAYS, true, errors)
  const upcomingPostsDays = parseNumber('upcoming-posts-days', raw['upcoming-posts-days'], 0, MAX_POSTS_DAYS, true, errors)
  const reconnectDays = parseNumber('reconnect-days', raw['reconnect-days'], 0, MAX_RECONNECT_DAYS, true, errors)
  if (failOn.has('reconnect') && reconnectDays === 0 && !errors.some(e => e.input === 'reconnect-days')) {
    errors.push({ input: 'fail-on', problem: words`"reconnect" needs ${setting('reconnect-days')} above 0 (how many days of Postiz notifications to read)` })
  }
  if (failOn.has('failing') && failedPostsDays === 0 && !errors.some(e => e.input === 'failed-posts-days')) {
    errors.push({ input: 'fail-on', problem: words`"failing" needs ${setting('failed-posts-days')} above 0 (how many days to look back for failed posts)` })
  }

  if (errors.length > 0 || typeof apiUrl !== 'string') return { ok: false, errors }
  const config: Config = {
    apiKey: key,
    apiUrl,
    entries: parsed.entries,
    failOn,
    timeoutMs: Math.round(timeoutSeconds * 1000),
    retries,
    allowInsecureHttp,
    failedPostsDays,
    reconnectDays,
    upcomingPostsDays
  }
  if (raw.customer !== '') config.customer = raw.customer
  if (raw['integrations-file'] !== '') config.integrationsFile = raw['integrations-file']
  return { ok: true, config, warnings }
}
