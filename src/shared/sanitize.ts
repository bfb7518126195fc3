/**
 * Text from the server (channel names, profiles, error bodies) is attacker-controlled. These
 * helpers make it safe for the log, where a line starting with `::` or containing `##[` is a
 * workflow command, and for Markdown/HTML in the job summary.
 */

// C0/C1 controls, DEL, and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/** One line, no control characters, no `##[` anywhere and no leading `::` (workflow command syntax). */
export function logSafe(text: string, maxLength = 300): string {
  let safe = text
    .replace(CONTROL, ' ')
    .replace(/##\[/g, '## [')
    .replace(/^(\s*)::/, '$1: :')
  if (safe.length > maxLength) safe = `${safe.slice(0, maxLength)}…`
  return safe
}

/** What escapeMarkdown replaces: Markdown and HTML syntax, `:` and `@` (autolinks), and `www.`. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#!|~&"':@]|\bwww\./gi
const REPLACEMENTS: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '@': '@<wbr>'
}
/** Every character that logSafe or escapeMarkdown would change, and `www.`. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\`*_{}[\]()<>#!|~&"':@]|www\./i

/**
 * Escapes text for a Markdown table cell or inline HTML: no markup, links, pipes or line breaks.
 * GitHub also turns bare `https://…`, `www.…` and `name@host` into links; an invisible `<wbr>`
 * after `:/`, `www.` and `@` splits them so that server text can never become a link. A `<wbr>`
 * before every `:` but the first keeps `:name:` from becoming an emoji, while `x:acme` (one colon,
 * not before `/`) gets none, so a narrow column never breaks a selector after its `x:`.
 */
export function markdownSafe(text: string, maxLength = 200): string {
  // Most names and IDs hold nothing to escape: one test instead of a replacement pass.
  if (text.length <= maxLength && !NEEDS_ESCAPING.test(text)) return text
  return escapeMarkdown(text, maxLength)
}

/** markdownSafe without its shortcut (exported so a test can hold the two to the same result). */
export function escapeMarkdown(text: string, maxLength = 200): string {
  let colons = 0
  return logSafe(text, maxLength).replace(MARKDOWN_SPECIAL, (match: string, offset: number, whole: string) => {
    if (match.length > 1) return `${match}<wbr>`
    if (match === ':') return `${colons++ > 0 ? '<wbr>' : ''}\\:${whole[offset + 1] === '/' ? '<wbr>' : ''}`
    return REPLACEMENTS[match] ?? `\\${match}`
  })
}

/**
 * The URL if it is an `https:` URL, made safe for a double-quoted attribute inside a Markdown table
 * cell; else null. Every character outside the plain URL set (letters, digits, `-._~:/?#@!$()*+,;=%`)
 * is percent-encoded: `|` would split the table cell, `"`, `'`, `<`, `>`, `` ` `` and `\` would end the
 * attribute or start markup, `&` would start an entity. Percent-encoding keeps the URL the same URL.
 */
export function safeHttpsUrl(value: string | null): string | null {
  if (value === null) return null
  try {
    const url = new URL(value)
    if (url.protocol !== 'https:' || url.username || url.password) return null
    return url.href.replace(/[^A-Za-z0-9\-._~:/?#@!$()*+,;=%]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
  } catch {
    return null
  }
}
