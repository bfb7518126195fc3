import { describe, expect, it } from '@jest/globals'
import { escapeMarkdown, logSafe, markdownSafe, safeHttpsUrl } from '../src/shared/sanitize.js'

describe('logSafe', () => {
  it('removes line breaks and control characters', () => {
    expect(logSafe('a\nb\r\u0000c\u2028d\u009be')).toBe('a b  c d e')
  })
  it('neutralises workflow commands', () => {
    expect(logSafe('::stop-commands::x')).toBe(': :stop-commands::x')
    expect(logSafe('  ::error::x').trimStart().startsWith('::')).toBe(false)
    expect(logSafe('name ##[error]x')).not.toContain('##[')
  })
  it('truncates long text', () => {
    expect(logSafe('a'.repeat(10), 4)).toBe('aaaa…')
  })
})

describe('markdownSafe and colons', () => {
  it('keeps a selector whole (no <wbr> after its one colon), yet splits links and emoji shortcodes', () => {
    expect(markdownSafe('x:acme:', 200)).toBe('x\\:acme<wbr>\\:')
    expect(escapeMarkdown('x:acme')).toBe('x\\:acme')
    expect(escapeMarkdown('https://evil.example')).toBe('https\\:<wbr>//evil.example')
    expect(escapeMarkdown(':smile: and :+1:')).toBe('\\:smile<wbr>\\: and <wbr>\\:+1<wbr>\\:')
  })
})

describe('markdownSafe', () => {
  it('escapes table pipes, HTML and link syntax', () => {
    const out = markdownSafe('a | <img src=x> [l](javascript:alert(1)) *b* `c`')
    expect(out.replace(/<wbr>/g, '')).not.toMatch(/[|<>]/)
    expect(out).not.toContain('](')
    expect(out).toContain('&#124;')
    expect(out).toContain('&lt;img')
    expect(out).toContain('\\*b\\*')
  })
})

/** The escaping as first written, one replacement per rule: the oracle for the one-pass version. */
function fourPassEscape(text: string, maxLength = 200): string {
  const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;', '|': '&#124;' }
  // A <wbr> after a colon before "/" (links), and before every colon but the first (emoji).
  let colons = 0
  return logSafe(text, maxLength)
    .replace(/[\\`*_{}[\]()<>#!|~&"':]/g, c => ENTITIES[c] ?? `\\${c}`)
    .replace(/\\:(\/?)/g, (_: string, slash: string) => `${colons++ > 0 ? '<wbr>' : ''}\\:${slash === '' ? '' : '<wbr>/'}`)
    .replace(/@/g, '@<wbr>')
    .replace(/\b(www)\./gi, '$1.<wbr>')
}

describe('markdownSafe shortcut and one-pass escaping', () => {
  it('gives what the full escaping gives, for every character of the BMP in and around text', () => {
    const differ: string[] = []
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code)
      for (const text of [c, `Acme ${c} Inc`, `${c}${c}x`, `${c}www.${c}`]) {
        const expected = fourPassEscape(text)
        if (markdownSafe(text) !== expected || escapeMarkdown(text) !== expected) differ.push(text)
      }
    }
    expect(differ).toEqual([])
  })

  it('gives what the full escaping gives for links, handles, commands and long text', () => {
    const texts = [
      'www.example.com',
      'WWW.Example.com',
      'awww.x',
      '_www.x',
      '\\:a',
      'me@host',
      'https://x.y',
      '::error::x',
      'a ##[group]',
      'é'.repeat(250),
      'plain'
    ]
    for (const text of texts) {
      expect(markdownSafe(text)).toBe(fourPassEscape(text))
      expect(markdownSafe(text, 10)).toBe(fourPassEscape(text, 10))
    }
    expect(markdownSafe('Channel 12 — Ünïcødé')).toBe('Channel 12 — Ünïcødé')
  })
})

describe('safeHttpsUrl', () => {
  it('keeps https URLs only', () => {
    expect(safeHttpsUrl('https://cdn.example/a.png')).toBe('https://cdn.example/a.png')
    expect(safeHttpsUrl('http://cdn.example/a.png')).toBeNull()
    expect(safeHttpsUrl('javascript:alert(1)')).toBeNull()
    expect(safeHttpsUrl('data:image/png;base64,xx')).toBeNull()
    expect(safeHttpsUrl(null)).toBeNull()
    expect(safeHttpsUrl('https://cdn.example/a.png?"onload=x')).not.toContain('"')
  })
})

describe('markdownSafe rendered by a GFM renderer', () => {
  it.each([
    'acme@mastodon.social',
    'visit www.evil.example now',
    'https://evil.example/login',
    '[click](https://evil.example)',
    '<a href="https://evil.example">x</a>',
    '![x](https://evil.example/p.png)',
    '<script>alert(1)</script>',
    'a | b',
    '`code` *em* _em_ ~~s~~'
  ])('%j renders as plain text in a table cell', async text => {
    const { marked } = await import('marked')
    const html = await marked.parse(`| h |\n|---|\n| ${markdownSafe(text)} |`, { gfm: true })
    const cell = /<td>([\s\S]*)<\/td>/.exec(html)?.[1] ?? ''
    expect(cell).not.toMatch(/<(a|img|script|em|code|del|strong)\b/)
    const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#124;': '|' }
    const visible = cell
      .replace(/<wbr>/g, '')
      .replace(/&(lt|gt|amp|quot|#39|#124);/g, e => entities[e])
      .trim()
    expect(visible).toBe(text)
  })
})
