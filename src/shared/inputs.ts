/**
 * The action's inputs as action.yml declares them: every name with its default, in one table
 * (the CLI's flags and variables set the same names), the rule that an empty input takes its
 * default, and the one way a boolean is read. Pure.
 */
import { logSafe } from './sanitize.js'

/** Every input and its action.yml default (`github-token`'s is an expression the runner evaluates: none here). */
export const INPUT_DEFAULTS = {
  'api-key': '',
  'api-url': 'https://api.postiz.com',
  integrations: '',
  'integrations-file': '',
  customer: '',
  'fail-on': 'missing,disabled',
  timeout: '30',
  retries: '3',
  'job-summary': 'true',
  'allow-insecure-http': 'false',
  'failed-posts-days': '0',
  'upcoming-posts-days': '0',
  'reconnect-days': '0',
  issue: 'false',
  'issue-title': 'Postiz integrations need attention',
  'issue-labels': 'postiz',
  'github-token': ''
} as const

type InputName = keyof typeof INPUT_DEFAULTS

/** An input as given, or its default when it is empty or only whitespace (as on GitHub). Trimmed, except the key, which is cleaned by its own rules. */
export function inputValue<N extends InputName>(given: Partial<Record<N, string>>, name: N): string {
  const text = given[name] ?? ''
  if (text.trim() === '') return INPUT_DEFAULTS[name]
  return name === 'api-key' ? text : text.trim()
}

/**
 * A boolean as the runner's toolkit reads one (YAML 1.2 core schema: true, True, TRUE, false,
 * False, FALSE), or the problem with it.
 */
export function parseBoolean(value: string): { ok: true; value: boolean } | { ok: false; problem: string } {
  if (['true', 'True', 'TRUE'].includes(value)) return { ok: true, value: true }
  if (['false', 'False', 'FALSE'].includes(value)) return { ok: true, value: false }
  return { ok: false, problem: `"${logSafe(value, 60)}" is not a boolean; use true or false` }
}
