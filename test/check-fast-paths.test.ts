/**
 * The fast paths of the check rules agree with the plain definitions they replace, on every line and
 * pair of the dev corpus: the joined bilingual text, the skeleton built line by line (prose-outside-pair), the substring guards of
 * `prose`, the ASCII word count, the eight-letter bound, and `countCells` by `indexOf`.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {parse} from '../src/document/parse.js'
import {print, printSegment} from '../src/document/print.js'
import type {BilingualDocument} from '../src/document/types.js'
import {countCells, unescapedPipes} from '../src/check/cells.js'
import {splitLines} from '../src/check/lines.js'
import {printWithPairs} from '../src/check/analysis.js'
import {blankedLine, compactLine, holdsCommentClose, holdsCommentOpen, holdsEightLetters, pairsOnLines, skeletonFacts} from '../src/check/skeleton.js'
import fc from 'fast-check'
import {prose, readsAlike, words} from '../src/check/prose.js'
import {mayHoldProtectedTokens, proseOf, searchable, spaced} from '../src/check/text-tokens.js'
import {corpusFiles} from './helpers/corpus.js'

/** The definitions as first written: whole-file skeleton, every pattern on every text, Unicode regexes. */
const reference = {
  skeleton(document: BilingualDocument): string {
    let skeleton = ''
    for (const part of document.parts) skeleton += typeof part === 'string' ? part : ' '.repeat(part.markup.open.length + part.target.length + part.markup.middle.length + part.source.length + part.markup.close.length)
    return skeleton
  },
  prose(line: string): string {
    const notProse = [
      /<!--[\s\S]*?-->/g,
      /`[^`]*`/g,
      /!\[(?:[^[\]]|\[[^[\]]*\])*\]\([^)]*\)/g,
      /\[![A-Za-z][\w-]*[^\]]*\](?:\([^)]*\))?\]?/g,
      /\]\([^)]*\)/g,
      /\]\[[^\]]*\]/g,
      /^\s*\[[^\]]+\]:\s*\S+.*$/g,
      /<[^>]+>/g,
      /https?:\/\/\S+/g,
      /&[#\w]+;/g,
      /^\s*:::.*$/g,
      /\{[^}]*\}/g,
      /(?<![\w@.])@(?:"[^"]*"|'[^']*'|[A-Za-z_][\w.`#*-]*)/g
    ]
    let text = line
    for (const pattern of notProse) text = text.replace(pattern, ' ')
    return text
  },
  words(text: string): number {
    const latin = text.match(/\p{L}{2,}/gu) ?? []
    const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? []
    return latin.filter((word) => !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(word)).length + Math.floor(cjk.length / 2)
  },
  unescapedPipes(text: string): number[] {
    const found: number[] = []
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (code === 92) index++
      else if (code === 124) found.push(index)
    }
    return found
  },
  countCells(row: string): number {
    let text = row.trim()
    if (text.startsWith('|')) text = text.slice(1)
    if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1)
    if (text.trim() === '') return 1
    let cells = 1
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (code === 92) index++
      else if (code === 124) cells++
    }
    return cells
  }
}

/** Characters that are ASCII letters or non-ASCII: the most `words` can take two of per word. */
const letterLike = (text: string): number => text.match(/[A-Za-z\u0080-\uFFFF]/g)?.length ?? 0

/** `skeletonFacts` as defined: read off the compact line. */
const facts = (compact: string): number =>
  (compact.includes('<!--') ? holdsCommentOpen : 0) | (compact.includes('-->') ? holdsCommentClose : 0) | (letterLike(compact) >= 8 ? holdsEightLetters : 0)

/** Every run of spaces as one: how much of a blank is left does not matter to what `prose` leaves. */
const squeezed = (text: string): string => text.replace(/ +/g, ' ')
const delimiterRow = (text: string): boolean => /^[\s|:-]*$/.test(text) && text.includes('-')

/** Every trigger of the protected-token patterns (text-tokens.ts): a token holds one. */
const anyTrigger = /[\\%]|-[A-Z]|\.\w|\w\.\w|[{%$]|\d/

describe('mayHoldProtectedTokens', () => {
  it('is true of every text whose prose holds a trigger of a protected-token pattern', () => {
    const piece = fc.constantFrom('a', 'B', '1', '.', '-', '_', '$', '%', '{', '\\.', '\\_', '\\-', '\\$', '\\', '&amp;', '&#49;', '&lt;', '**', '*', '`', '`x.y`', '[', '](a.b)', '<b>', '</b>', '<https://a.b>', 'www.a.b', ' ', '\n')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 12}), (pieces) => {
        const text = pieces.join('')
        if (!mayHoldProtectedTokens(text)) expect(anyTrigger.test(proseOf(text)), text).toBe(false)
      }),
      {numRuns: 20000}
    )
  })
})

describe('spaced and searchable', () => {
  it('give what their replaces give, for any text', () => {
    const character = fc.constantFrom('a', ' ', '\t', '\n', '\r', '\u00a0', '\u2007', '\u202f', '\u3000', '\u2028', '\ufeff', '\\', '*', '.', 'é')
    fc.assert(
      fc.property(fc.array(character, {maxLength: 12}), (characters) => {
        const text = characters.join('')
        expect(spaced(text)).toBe(text.replace(/[\s\u00a0\u202f\u2007\u3000]+/g, ' '))
        expect(searchable(text)).toBe(text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/[\s\u00a0\u202f\u2007\u3000]+/g, ' '))
      }),
      {numRuns: 20000}
    )
  })
})

describe('readsAlike', () => {
  it('prose reads the compact line as the blanked one, for any line it says so of', () => {
    // Markup pieces, and blanks (numbers) around the bounds that matter: 100 and 1,000 characters.
    const piece = fc.constantFrom('<', '>', '[', ']', '(', ')', '`', '@x', '{', '}', '&amp;', ':', '-', '|', 'a b', 'Wort', '中文', 'https://', '<!--', '-->', ':::', '[!NOTE', ']:', '![alt [', '] text](media/a.png)')
    const blank = fc.oneof(fc.integer({min: 1, max: 4}), fc.integer({min: 95, max: 105}), fc.integer({min: 990, max: 1010}))
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, blank), {maxLength: 12}), (pieces) => {
        // Numbers are blanks of that many spaces in the blanked line, one space in the compact one.
        const raw = pieces.map((part) => (typeof part === 'number' ? ' '.repeat(part) : part)).join('')
        const compact = pieces.map((part) => (typeof part === 'number' ? ' ' : part)).join('')
        if (!readsAlike(compact, raw.length)) return
        expect(squeezed(prose(compact))).toBe(squeezed(prose(raw)))
        expect(words(prose(compact))).toBe(words(prose(raw)))
        expect(delimiterRow(compact)).toBe(delimiterRow(raw))
      }),
      {numRuns: 20000}
    )
  })
})

describe('skeletonFacts', () => {
  it('reads what the compact line holds, for any line and pairs on it', () => {
    const character = fc.constantFrom('a', 'Z', 'é', '中', '<', '!', '-', '>', ' ', '1', '|', '\r')
    fc.assert(
      fc.property(fc.array(character, {maxLength: 40}), fc.array(fc.nat(), {maxLength: 8}), fc.nat(5), (characters, cuts, before) => {
        const text = 'x'.repeat(before) + characters.join('') + 'y'
        const line = {index: 0, start: before, end: before + characters.length, text: characters.join('')}
        // Stretches: distinct sorted cut points, paired, none empty.
        const points = [...new Set(cuts.map((cut) => line.start + (cut % (characters.length + 1))))].sort((a, b) => a - b)
        const stretches = points.slice(0, points.length - (points.length % 2))
        expect(skeletonFacts(text, line, stretches)).toBe(facts(compactLine(text, line, stretches)))
      }),
      {numRuns: 2000}
    )
  })
})

describe('check fast paths agree with the plain definitions over the dev corpus', () => {
  it('skeleton lines, prose, words and cell counts', () => {
    // Collected, not asserted one by one: a million `expect` calls would take most of the test's time.
    const disagreements: string[] = []
    const agree = (what: string, fast: unknown, plain: unknown, where: string): void => {
      if (fast !== plain && disagreements.length < 20) disagreements.push(`${where}: ${what} ${JSON.stringify(fast)} ≠ ${JSON.stringify(plain)}`)
    }
    let lines = 0
    let segments = 0
    for (const file of corpusFiles()) {
      const document = parse(readFileSync(file, 'utf8'), {path: file})
      const text = print(document)
      const printed = printWithPairs(document)
      agree('bilingual text', printed.text, text, file)
      const skeleton = reference.skeleton(document)
      agree('skeleton length', skeleton.length, text.length, file)
      // The layout parse computed is where print puts each pair (no pair of the corpus is empty).
      const pairs = Array.from(printed.pairs)
      document.segments.forEach((segment, index) => agree('pair offsets', text.slice(pairs[2 * index], pairs[2 * index + 1]), printSegment(segment), `${file} ${segment.id}`))
      const stretchesOn = pairsOnLines(pairs)
      for (const line of splitLines(text)) {
        lines++
        const where = `${file}:${line.index + 1}`
        const stretches = stretchesOn(line)
        const raw = skeleton.slice(line.start, line.end)
        agree('blanked line', blankedLine(text, line, stretches), raw, where)
        const compact = compactLine(text, line, stretches)
        for (const marker of ['<!--', '-->']) agree(`compact line holds ${marker}`, compact.includes(marker), raw.includes(marker), where)
        const letters = letterLike(raw)
        agree('letters of the compact line', letterLike(compact), letters, where)
        agree('skeleton facts', skeletonFacts(text, line, stretches), facts(compact), where)
        if (letters > 0) {
          const rest = prose(raw)
          agree('prose', rest, reference.prose(raw), where)
          const count = reference.words(rest)
          agree('words', words(rest), count, where)
          // The eight-letter bound: a line with fewer has fewer than four words.
          if (letters < 8) agree('fewer than four words', count < 4, true, where)
          if (readsAlike(compact, raw.length)) {
            const compactRest = prose(compact)
            agree('prose of the compact line', squeezed(compactRest), squeezed(rest), where)
            agree('words of the compact line', words(compactRest), count, where)
            agree('delimiter row', delimiterRow(compact), delimiterRow(raw), where)
          }
        }
        if (line.text.includes('|')) agree('cells', countCells(line.text), reference.countCells(line.text), where)
      }
      for (const segment of document.segments) {
        segments++
        for (const side of [segment.source, segment.target]) {
          agree('unescaped pipes', JSON.stringify(unescapedPipes(side)), JSON.stringify(reference.unescapedPipes(side)), `${file} ${segment.id}`)
          if (!mayHoldProtectedTokens(side)) agree('no trigger in the prose', anyTrigger.test(proseOf(side)), false, `${file} ${segment.id}`)
        }
      }
    }
    expect(disagreements).toEqual([])
    expect(lines).toBeGreaterThan(100_000)
    expect(segments).toBeGreaterThan(80_000)
  }, 300_000)
})
