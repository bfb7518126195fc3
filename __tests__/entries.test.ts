import { describe, expect, it } from '@jest/globals'
import { CLI_VOICE } from '../src/cli/voice.js'
import { parseIntegrations, splitEntryList, type EntryFileContent } from '../src/core/entries.js'
import { plainText, sayInputError } from '../src/shared/words.js'

describe('splitEntryList', () => {
  it('splits on newlines and commas, ignoring blank and # lines', () => {
    expect(splitEntryList('a, b\n\n  # c, d\r\n e ,\n,f')).toEqual(['a', 'b', 'e', 'f'])
  })
  it('strips a comment after white space, but not a # inside an entry', () => {
    expect(splitEntryList('x=x:acme   # main account, the old one\nc#1, b\t# c')).toEqual(['x=x:acme', 'c#1', 'b'])
  })
})

describe('parseIntegrations: the line grammar', () => {
  it('parses IDs, platform:profile, platform:* and aliases', () => {
    const { entries, errors } = parseIntegrations('cm123\nblog_x = X:@JohnDoe\nlinkedin-page:*')
    expect(errors).toEqual([])
    expect(entries).toEqual([
      { key: 'cm123', text: 'cm123', selector: { kind: 'id', id: 'cm123' }, source: 'input' },
      { key: 'blog_x', text: 'blog_x = X:@JohnDoe', alias: 'blog_x', selector: { kind: 'profile', platform: 'x', profile: 'johndoe' }, source: 'input' },
      { key: 'linkedin-page:*', text: 'linkedin-page:*', selector: { kind: 'platform', platform: 'linkedin-page' }, source: 'input' }
    ])
  })

  it('counts an entry repeated verbatim once', () => {
    expect(parseIntegrations('x:a\nx:a, x:a').entries).toHaveLength(1)
  })

  it('rejects one alias on two different entries, and key clashes', () => {
    expect(parseIntegrations('a=x:one\na=x:two').errors).toEqual([
      { input: 'integrations', problem: ['alias "a" is used by two different entries ("a=x:one" and "a=x:two"); give each its own alias'] }
    ])
    expect(plainText(parseIntegrations('cm1\ncm1=x:two').errors[0].problem)).toMatch(/would both be named "cm1"/)
  })

  it('names every malformed entry', () => {
    const parsed = parseIntegrations(':x\nx:\nx:@\n1a=cm1\nok=\nBad Platform:x\ncm 1\nx:ok')
    const { entries } = parsed
    const errors = parsed.errors.map(e => (e.input === 'integrations' ? plainText(e.problem) : `not about integrations: ${e.input}`))
    expect(entries.map(e => e.key)).toEqual(['x:ok'])
    expect(errors).toHaveLength(7)
    expect(errors[0]).toMatch(/entry ":x": the platform before ":" is empty/)
    expect(errors[1]).toMatch(/entry "x:": the profile after "x:" is empty/)
    expect(errors[3]).toMatch(/alias "1a" must start with a letter/)
    expect(errors[4]).toMatch(/nothing after "="/)
    expect(errors[5]).toMatch(/"bad platform" is not a platform identifier/)
    expect(errors[6]).toMatch(/an integration ID has no spaces/)
  })

  it('treats __proto__ and constructor as ordinary IDs', () => {
    const { entries } = parseIntegrations('__proto__, constructor')
    expect(entries.map(e => e.selector)).toEqual([
      { kind: 'id', id: '__proto__' },
      { kind: 'id', id: 'constructor' }
    ])
  })
})

describe('parseIntegrations: JSON and the file', () => {
  it('reads a JSON object as alias → selector and a JSON list as entries, and anything else as lines', () => {
    expect(parseIntegrations('{"x": "x:acme", "blog": "cm1"}').entries.map(e => [e.key, e.text])).toEqual([
      ['x', 'x=x:acme'],
      ['blog', 'blog=cm1']
    ])
    expect(parseIntegrations(' ["x:acme", "b=cm1"] ').entries.map(e => e.key)).toEqual(['x:acme', 'b'])
    expect(parseIntegrations('{weird}\ncm1').entries.map(e => e.key)).toEqual(['{weird}', 'cm1'])
  })

  it('merges the file after the input: one name with one selector counts once, with another is an error in the words of each front end', () => {
    const file = (value: unknown): EntryFileContent => ({ path: 'c.json', content: { value } })
    const same = parseIntegrations('x=x:acme', file({ x: 'X:@Acme', y: 'cm2' }))
    expect(same.errors).toEqual([])
    expect(same.entries.map(e => `${e.key}:${e.source}`)).toEqual(['x:input', 'y:file'])
    const clash = parseIntegrations('x=x:acme', file({ x: 'x:other' }))
    expect(clash.errors.map(e => sayInputError(e, CLI_VOICE))).toEqual([
      '--integrations-file: "c.json": entry "x=x:other" and "x=x:acme" in --integrations are both named "x" but select different channels; give one of them another name'
    ])
    const lines = parseIntegrations('', { path: 'list.txt', content: { lines: 'x:acme\n# note\ny=cm3' } })
    expect(lines.entries.map(e => `${e.key}:${e.source}`)).toEqual(['x:acme:file', 'y:file'])
  })
})
