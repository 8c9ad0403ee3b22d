/** The CLI's byte-level helpers: UTF-8 encoding through a reused scratch buffer. */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {encodeUtf8} from '../src/cli/files.js'

describe('encodeUtf8', () => {
  it('equals Buffer.from(text, "utf8") on any text, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 300}), (text) => {
      expect(encodeUtf8(text).equals(Buffer.from(text, 'utf8'))).toBe(true)
    }), {numRuns: 2000})
  })

  it('equals it on texts longer than one encoding step, with a surrogate pair across the step boundary', () => {
    const step = 1 << 20
    const texts = ['x'.repeat(step - 1) + '😀' + 'y', 'a'.repeat(step - 1) + '\ud83d', '漢'.repeat(2 * step + 7), ('é😀' + 'z'.repeat(997)).repeat(3000)]
    for (const text of texts) expect(encodeUtf8(text).equals(Buffer.from(text, 'utf8'))).toBe(true)
  })

  it('returns bytes of their own: a later call does not change an earlier result', () => {
    const first = encodeUtf8('first text')
    encodeUtf8('second, longer text')
    expect(first.toString('utf8')).toBe('first text')
  })
})
