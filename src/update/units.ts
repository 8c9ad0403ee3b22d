/**
 * A changed block's prose cut into units: the old document's boundaries where its text is unchanged (found by
 * the first word of a sentence), the SRX-style rules of segment.ts elsewhere.
 */
import type {Segment} from '../document/types.js'
import {linkText, type TextRange} from './blocks.js'
import {wordsOnly} from './normalize.js'
import {separators, splitSentences} from './segment.js'

/** Old segments by the first word of their source (what a sentence start is looked up by). */
export function indexByFirstWord(segments: readonly Segment[]): Map<string, Segment[]> {
  const map = new Map<string, Segment[]>()
  for (const segment of segments) {
    const word = firstWord(segment.source, 0)
    if (word === '') continue
    const list = map.get(word)
    if (list) list.push(segment)
    else map.set(word, [segment])
  }
  return map
}

const wordsCache = new WeakMap<Segment, string>()

function wordsOf(segment: Segment): string {
  let words = wordsCache.get(segment)
  if (words === undefined) {
    words = wordsOnly(segment.source)
    wordsCache.set(segment, words)
  }
  return words
}

function firstWord(text: string, at: number): string {
  return /^\S{1,24}/.exec(text.slice(at, at + 24))?.[0] ?? ''
}

/**
 * The units of one prose range: at each sentence start, the longest old source that occurs there and ends
 * at a plausible boundary (before white space for a pair of the aligned old block; for any other, also at a
 * sentence end by the rules or after a stop) (old boundaries are kept where the text did not change), else the next sentence
 * by the SRX rules.
 */
export function unitsOf(text: string, range: TextRange, byFirstWord: Map<string, Segment[]>, local: ReadonlySet<Segment> = new Set()): TextRange[] {
  const sentences = splitSentences(text, range)
  const ends = new Set(sentences.map((sentence) => sentence.end))
  const gaps = separators(text, range)
  const units: TextRange[] = []
  let p = range.start
  while (p < range.end) {
    while (p < range.end && /\s/.test(text[p]!)) p++
    const gap = gaps.find((candidate) => candidate.start <= p && p < candidate.end)
    if (gap) {
      p = gap.end
      continue
    }
    if (p >= range.end) break
    let best = 0
    for (const segment of byFirstWord.get(firstWord(text, p)) ?? []) {
      const length = segment.source.length
      if (length <= best || p + length > range.end || !text.startsWith(segment.source, p)) continue
      const end = p + length
      // The aligned old block's own boundaries are the pipeline's for this text: trusted before white space.
      const plausible =
        end === range.end ||
        (local.has(segment) && /\s/.test(text[end]!)) || ends.has(end) || /\s$/.test(segment.source) || (/[.!?:;][)\]"'”’*_]*$/.test(segment.source) && /\s/.test(text[end]!))
      if (plausible) best = length
    }
    if (best > 0) {
      units.push({start: p, end: p + best})
      p += best
      continue
    }
    // The same words as an old source up to a sentence end (a URL or markup changed): its boundary too.
    let wordEnd = 0
    const starting = byFirstWord.get(firstWord(text, p)) ?? []
    if (starting.length > 0) {
      const wanted = new Set(starting.map(wordsOf))
      for (const end of [...ends, range.end]) {
        if (end > p && end > wordEnd && wanted.has(wordsOnly(text.slice(p, end)))) wordEnd = end
      }
    }
    if (wordEnd > 0) {
      units.push({start: p, end: wordEnd})
      p = wordEnd
      continue
    }
    const next = sentences.find((sentence) => sentence.end > p)
    let end = next ? next.end : range.end
    const nextGap = gaps.find((candidate) => candidate.start >= p)
    if (nextGap && nextGap.start < end) end = nextGap.start
    // A piece that is one link and nothing else (between list tags in a cell): the pair is its text.
    units.push(linkText(text, {start: p, end}))
    p = end
  }
  return units
}
