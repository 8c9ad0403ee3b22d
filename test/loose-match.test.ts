/**
 * `looseMatch` finds what the pattern it stands for finds (the token's characters, white space left out,
 * escaped and joined by `\s*`, case-insensitive): on the tokens and targets of protected-token-changed's
 * examples and on any ASCII token and text with white space and letters of other scripts.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {looseMatch} from '../src/check/loose-match.js'

/** The pattern as protected-token-changed compiled it for every token. */
const reference = (token: string, text: string): string | undefined =>
  new RegExp([...token.replace(/\s+/g, '')].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'i').exec(text)?.[0]

describe('looseMatch', () => {
  it('reads tokens as the pattern does', () => {
    const cases: Array<[string, string]> = [
      ['O365ImportTool.exe', 'Führen Sie o365importtool. exe aus.'],
      ['setup.exe', 'Führen Sie setup. exe aus.'],
      ['Get-MsolUser', 'Verwenden Sie get-msoluser und Set-MsolUser.'],
      ['TLS 1.2', 'TLS1.2 ist erforderlich.'],
      ['{{ UserName }}', 'Hallo {{ username }},'],
      ['$UserCredential', 'mit $usercredential\u00a0aus'],
      ['Microsoft.Quantum.Oracles', 'Microsoft.Quantum.Oráculos'],
      ['SHA2', 'SHA1'],
      ['Kelvin', '\u212Aelvin kelvin'],
      ['ss', 'ſs ss']
    ]
    for (const [token, text] of cases) expect(looseMatch(token, text), `${token} in ${text}`).toBe(reference(token, text))
  })

  it('leaves tokens beyond ASCII to the pattern', () => {
    expect(looseMatch('C:\\Benutzer\\Müller', 'C:\\Benutzer\\Müller')).toBeNull()
  })

  it('agrees with the pattern on any ASCII token and any text', () => {
    const tokenCharacter = fc.constantFrom('a', 'B', 'z', 'Q', '1', '.', '-', '$', '{', '}', '\\', '*', '(', '[', ' ')
    const textCharacter = fc.constantFrom('a', 'A', 'b', 'B', 'z', 'Z', 'q', 'Q', '1', '.', '-', '$', '{', '}', '\\', '*', '(', '[', ' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', 'é', 'ſ', '\u212A', 'ı')
    fc.assert(
      fc.property(fc.array(tokenCharacter, {minLength: 1, maxLength: 5}), fc.array(textCharacter, {maxLength: 30}), (token, text) => {
        expect(looseMatch(token.join(''), text.join(''))).toBe(reference(token.join(''), text.join('')))
      }),
      {numRuns: 20000}
    )
  })

  it('takes as white space what `\\s` takes, and nothing else', () => {
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code)
      if (/\s/.test(char) !== (looseMatch('ab', `a${char}b`) === `a${char}b`)) expect.fail(`U+${code.toString(16)}`)
    }
  })
})
