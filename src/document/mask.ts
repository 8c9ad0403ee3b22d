/**
 * The masked copy of a document that remark reads: each pair whose texts cannot affect block or
 * inline structure is replaced by a short placeholder, so that remark (the slow step, and the
 * authority on structure) reads a fraction of the bytes and none of the pair markup.
 *
 * A pair is masked only when neither its target nor its source holds a character that can change
 * structure around it: a line break (lines, table rows), `|` (table cells), backticks (code spans that
 * could swallow a `|` or the pair), brackets (link text), `\` (escapes) or `<`/`>` (HTML, autolinks).
 * The placeholder keeps what the pair looked like to markdown around it. Between white space or
 * punctuation that no literal autolink (`www.`, `https://`, `a@b.c`) can run through, two letters do
 * (`xy`: a line holding only them is a paragraph, as the pair's line was). Elsewhere `<x/>y<x/>`: it
 * starts and ends with an inline HTML tag, so a literal autolink before or after it stops there as it
 * did at `<span` and `</span>`, and holds a letter after its first tag (a line holding only it is a
 * paragraph, not an HTML block). The letters are the cheap case for micromark (inline HTML costs it
 * about three times more). A corpus-wide test checks that masked and full parses agree.
 */
import type {PairMatch} from './pairs.js'
import {countStartingAtOrBefore} from './search.js'

const structural = /[\n\r|`[\]\\<>]/
export const placeholder = '<x/>y<x/>'
export const letterPlaceholder = 'xy'
/** What may stand before and after a pair for the letters to be safe: no autolink crosses these. */
const safeBefore = /[\s|[(*_"']/
const safeAfter = /[\s|\])*_.,:;!?"']/

/** Where a literal autolink could run: white space and `<` stop it, nothing else does. */
const stopsAutolink = /[\s<]/
/**
 * Whether a literal autolink or e-mail address could run into the letters: the word before the pair
 * (back to white space or `<`) holds `:`, `@` or `www.`, or the word after it holds `@`
 * (`https://a.com/[xy`, `a_xy.b@c.d`). Such pairs get the tag placeholder, which stops them.
 */
function inAutolink(text: string, pair: PairMatch): boolean {
  let start = pair.pairStart
  while (start > 0 && !stopsAutolink.test(text[start - 1]!)) {
    if (pair.pairStart - --start > 1000) return true
  }
  if (/[:@]|www\./i.test(text.slice(start, pair.pairStart))) return true
  let end = pair.pairEnd
  while (end < text.length && !stopsAutolink.test(text[end]!)) {
    if (text[end] === '@') return true
    if (++end - pair.pairEnd > 1000) return true
  }
  return false
}

export interface MaskedText {
  text: string
  /** Offset of each pair's start in the masked text, by pair index. */
  starts: number[]
  /** Masked offset → file offset (inside a placeholder: the start of its pair). */
  toFile(offset: number): number
}

interface Span {
  masked: boolean
  maskedStart: number
  maskedEnd: number
  fileStart: number
  fileEnd: number
}

function maskable(text: string, pair: PairMatch): boolean {
  return !structural.test(text.slice(pair.targetStart, pair.targetEnd)) && !structural.test(text.slice(pair.sourceStart, pair.sourceEnd))
}

export function maskPairs(text: string, pairs: readonly PairMatch[]): MaskedText {
  const chunks: string[] = []
  const spans: Span[] = []
  const starts: number[] = []
  let cursor = 0
  let length = 0
  for (const pair of pairs) {
    const before = text.slice(cursor, pair.pairStart)
    chunks.push(before)
    length += before.length
    starts.push(length)
    if (maskable(text, pair)) {
      const previous = pair.pairStart === 0 ? ' ' : text[pair.pairStart - 1]!
      const next = pair.pairEnd === text.length ? ' ' : text[pair.pairEnd]!
      const stand = safeBefore.test(previous) && safeAfter.test(next) && !inAutolink(text, pair) ? letterPlaceholder : placeholder
      chunks.push(stand)
      spans.push({masked: true, maskedStart: length, maskedEnd: length + stand.length, fileStart: pair.pairStart, fileEnd: pair.pairEnd})
      length += stand.length
    } else {
      const whole = text.slice(pair.pairStart, pair.pairEnd)
      chunks.push(whole)
      spans.push({masked: false, maskedStart: length, maskedEnd: length + whole.length, fileStart: pair.pairStart, fileEnd: pair.pairEnd})
      length += whole.length
    }
    cursor = pair.pairEnd
  }
  chunks.push(text.slice(cursor))

  function toFile(offset: number): number {
    const found = countStartingAtOrBefore(spans, offset, (span) => span.maskedStart) - 1
    if (found < 0) return offset
    const span = spans[found]!
    if (offset < span.maskedEnd) {
      // Unmasked pairs keep their bytes: map inside them exactly; a placeholder maps to its pair's start.
      if (!span.masked) return span.fileStart + (offset - span.maskedStart)
      return offset === span.maskedStart ? span.fileStart : span.fileEnd
    }
    return span.fileEnd + (offset - span.maskedEnd)
  }

  return {text: chunks.join(''), starts, toFile}
}
