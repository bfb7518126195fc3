/**
 * Command-line arguments → CLI options. Pure. The API key is never a flag: it would land in shell
 * history and process lists; it comes from POSTIZ_API_KEY like the official Postiz CLI.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { RawInputs } from '../core/config.js'

export interface CliOptions {
  inputs: Partial<RawInputs>
  json: boolean
  help: boolean
  version: boolean
  demo: boolean
}

export type CliArgsResult = { ok: true; options: CliOptions } | { ok: false; error: string }

/** Flags that take a value, mapped to the action input they set. */
const VALUE_FLAGS = {
  integrations: 'integrations',
  'integrations-file': 'integrations-file',
  customer: 'customer',
  'fail-on': 'fail-on',
  timeout: 'timeout',
  retries: 'retries',
  'failed-posts-days': 'failed-posts-days',
  'reconnect-days': 'reconnect-days',
  'upcoming-posts-days': 'upcoming-posts-days'
} as const satisfies Record<string, keyof RawInputs>

const SWITCHES = ['json', 'help', 'version', 'demo', 'allow-insecure-http'] as const

/** node:util parseArgs' option table: the flags, their kinds and their short forms. */
const OPTIONS = {
  ...Object.fromEntries(Object.keys(VALUE_FLAGS).map(name => [name, { type: 'string', multiple: true }])),
  ...Object.fromEntries(SWITCHES.map(name => [name, { type: 'boolean', multiple: true }])),
  integrations: { type: 'string', short: 'i', multiple: true },
  help: { type: 'boolean', short: 'h', multiple: true },
  version: { type: 'boolean', short: 'v', multiple: true }
} satisfies ParseArgsConfig['options']
/** Short forms parseArgs cannot hold (one short per option). */
const EXTRA_SHORT = new Map([['-V', 'version']])
const KNOWN = [...Object.keys(VALUE_FLAGS), ...SWITCHES].map(name => `--${name}`)

const SECRET_FLAGS = /^--(api-?key|key|token|secret|password)$/
const URL_FLAGS = /^--(api-?url|url|host|server|base-url)$/

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]
}

function unknownFlag(flag: string): string {
  if (SECRET_FLAGS.test(flag)) {
    return `${flag} is not accepted: a key on the command line lands in shell history and process lists. Set it in the environment: export POSTIZ_API_KEY=…`
  }
  if (URL_FLAGS.test(flag)) return `${flag} is not a flag: set the backend in the environment, e.g. export POSTIZ_API_URL=https://postiz.example.com/api`
  const best = KNOWN.map(known => [known, distance(flag, known)] as const).sort((a, b) => a[1] - b[1])[0]
  const hint = best[1] <= 3 ? ` Did you mean ${best[0]}?` : ''
  return `unknown option ${flag}.${hint} See --help.`
}

/**
 * Reads the arguments with node:util's parseArgs in its lenient mode and judges its tokens here,
 * so that every mistake gets a message that names the flag and the fix (did-you-mean, never a key
 * on the command line, an empty `--timeout=`) rather than parseArgs' generic one.
 */
export function parseCliArgs(argv: string[]): CliArgsResult {
  const options: CliOptions = { inputs: {}, json: false, help: false, version: false, demo: false }
  const integrations: string[] = []
  let tokens: ReturnType<typeof parseArgs>['tokens']
  try {
    ;({ tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true }))
  } catch (error) {
    return { ok: false, error: `${error instanceof Error ? error.message : String(error)} See --help.` }
  }
  for (const token of tokens ?? []) {
    if (token.kind === 'option-terminator') return { ok: false, error: 'unexpected "--": entries go in --integrations. See --help.' }
    if (token.kind === 'positional') {
      return { ok: false, error: `unexpected argument "${token.value}": pass entries with --integrations "${token.value}". See --help.` }
    }
    const name = EXTRA_SHORT.get(token.rawName) ?? token.name
    const flag = token.rawName.startsWith('--') ? token.rawName : `--${name}`
    if ((SWITCHES as readonly string[]).includes(name)) {
      if (token.value !== undefined) return { ok: false, error: `${flag} takes no value. See --help.` }
      if (name === 'allow-insecure-http') options.inputs['allow-insecure-http'] = 'true'
      else options[name as 'json' | 'help' | 'version' | 'demo'] = true
      continue
    }
    if (Object.hasOwn(VALUE_FLAGS, name)) {
      const value = token.value
      // parseArgs takes the next argument even when it is a flag; `--timeout=` gives an empty value.
      if (value === undefined || value.trim() === '' || (!token.inlineValue && value.startsWith('-') && value.length > 1)) {
        return { ok: false, error: `${flag} needs a value. See --help.` }
      }
      const input = VALUE_FLAGS[name as keyof typeof VALUE_FLAGS]
      if (input === 'integrations') integrations.push(value)
      else options.inputs[input] = value
      continue
    }
    return { ok: false, error: unknownFlag(token.rawName) }
  }
  if (integrations.length > 0) options.inputs.integrations = integrations.join('\n')
  return { ok: true, options }
}

export const USAGE = `Usage: postiz-integrations-check [options]

Checks that the Postiz channels (integrations) you rely on exist and are enabled.

Environment:
  POSTIZ_API_KEY          Postiz API key or pos_ OAuth token (required; never a flag)
  POSTIZ_API_URL          Postiz backend (default https://api.postiz.com; self-hosted:
                          https://postiz.example.com/api)
  HTTPS_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS are honoured. NO_COLOR turns colour off.

Options:
  -i, --integrations LIST  Entries to check, comma-separated or repeated: an ID,
                           platform:profile (x:acme) or 'platform:*' (quoted for the
                           shell), each optionally alias=… . Without it, lists the
                           organisation's channels. JSON works too: {"x":"x:acme"}.
  --integrations-file PATH Entries from a file: .json (path#/pointer for a part of it),
                           .yml/.yaml (a mapping of alias: selector, or a list), or
                           one entry per line. Merged with --integrations.
  --customer ID_OR_NAME    Only consider one customer's channels
  --fail-on KINDS          missing,disabled (default), failing, reconnect, or none
  --timeout SECONDS        Per HTTP attempt (default 30)
  --retries N              Extra attempts on network errors, 5xx and 429 (default 3)
  --failed-posts-days N    Look back N days for failed posts per channel (default 0, off)
  --reconnect-days N       Read N days of Postiz notifications for channels that need
                           reconnecting (default 0, off; Postiz v2.18.0 or later)
  --upcoming-posts-days N  Look ahead N days for queued posts per channel (default 0, off)
  --allow-insecure-http    Allow http:// to a host other than this machine
  --json                   Print the report as JSON on stdout, nothing else
  --demo                   Check a sample organisation served on 127.0.0.1 (no account)
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 pass, 1 fail (per --fail-on), 2 could not check (bad input, auth,
network, bad response).

Examples:
  export POSTIZ_API_KEY=…
  postiz-integrations-check --integrations x:acme,linkedin-page:acme-inc
  postiz-integrations-check -i 'bluesky:*' --failed-posts-days 7
`
