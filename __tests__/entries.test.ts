import { describe, expect, it } from '@jest/globals'
import { parseEntries, splitEntryList } from '../src/core/entries.js'
import { plainText } from '../src/shared/words.js'

describe('splitEntryList', () => {
  it('splits on newlines and commas, ignoring blank and # lines', () => {
    expect(splitEntryList('a, b\n\n  # c, d\r\n e ,\n,f')).toEqual(['a', 'b', 'e', 'f'])
  })
  it('strips a comment after white space, but not a # inside an entry', () => {
    expect(splitEntryList('x=x:acme   # main account, the old one\nc#1, b\t# c')).toEqual(['x=x:acme', 'c#1', 'b'])
  })
})

describe('parseEntries', () => {
  it('parses IDs, platform:profile, platform:* and aliases', () => {
    const { entries, errors } = parseEntries('cm123\nblog_x = X:@JohnDoe\nlinkedin-page:*')
    expect(errors).toEqual([])
    expect(entries).toEqual([
      { key: 'cm123', text: 'cm123', selector: { kind: 'id', id: 'cm123' } },
      { key: 'blog_x', text: 'blog_x = X:@JohnDoe', alias: 'blog_x', selector: { kind: 'profile', platform: 'x', profile: 'johndoe' } },
      { key: 'linkedin-page:*', text: 'linkedin-page:*', selector: { kind: 'platform', platform: 'linkedin-page' } }
    ])
  })

  it('counts an entry repeated verbatim once', () => {
    expect(parseEntries('x:a\nx:a, x:a').entries).toHaveLength(1)
  })

  it('rejects one alias on two different entries, and key clashes', () => {
    expect(parseEntries('a=x:one\na=x:two').errors).toEqual([
      { input: 'integrations', problem: ['alias "a" is used by two different entries ("a=x:one" and "a=x:two"); give each its own alias'] }
    ])
    expect(plainText(parseEntries('cm1\ncm1=x:two').errors[0].problem)).toMatch(/would both be named "cm1"/)
  })

  it('names every malformed entry', () => {
    const parsed = parseEntries(':x\nx:\nx:@\n1a=cm1\nok=\nBad Platform:x\ncm 1\nx:ok')
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
    const { entries } = parseEntries('__proto__, constructor')
    expect(entries.map(e => e.selector)).toEqual([
      { kind: 'id', id: '__proto__' },
      { kind: 'id', id: 'constructor' }
    ])
  })
})
