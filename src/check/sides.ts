/**
 * The two documents `render` makes from a bilingual one (each pair replaced by its target, or by its
 * source), as the table rules read them: their GFM tables, and where a rendered offset is in the bilingual
 * file. Neither document is made. When no pair holds a line break, a rendered document has the bilingual
 * file's lines, each with its pairs replaced; the table scan asks for little of most lines (their first
 * character, whether they hold a `|`), so a line is made only when the scan reads it. Rendering both
 * documents and scanning them whole cost about as much as the bilingual file's own scan and print, and
 * most of check's allocation. A document whose pairs hold line breaks (17 files of the dev corpus) is
 * rendered as before. test/check-fast-paths.test.ts proves both equal to `renderSideWithMap` and
 * `scanTables`, over the corpus and over mutated files.
 */
import type {BilingualDocument} from '../document/types.js'
import {countStartingAtOrBefore} from '../document/search.js'
import {originalOffset, renderSideWithMap, type Side} from '../render/documents.js'
import {isPlainLine, isPlainStart, scanTables, scanTablesOf, type Line, type Table} from './blocks.js'

/** Where the pairs of a bilingual file are, by line: what both sides' scans share. */
export interface PairLayout {
  text: string
  lines: Line[]
  /** Start and end offset of each segment's pair (by segment index). */
  pairStart: Int32Array
  pairEnd: Int32Array
  /** For each line, the index of the first pair that starts on it or later; one more entry: the number of pairs. */
  firstPair: Int32Array
  /** For each line, whether it holds a `|` (in pairs or not). */
  pipes: Uint8Array
}

/**
 * The layout of the pairs (`pairOffsets`) on the lines of the bilingual text, or undefined when a pair
 * holds a line break (a rendered document's lines are then not the bilingual file's).
 */
export function pairLayout(pairs: Int32Array, text: string, lines: Line[]): PairLayout | undefined {
  const count = pairs.length >> 1
  const pairStart = new Int32Array(count)
  const pairEnd = new Int32Array(count)
  for (let segment = 0; segment < count; segment++) {
    pairStart[segment] = pairs[2 * segment]!
    pairEnd[segment] = pairs[2 * segment + 1]!
  }
  const firstPair = new Int32Array(lines.length + 1)
  const pipes = new Uint8Array(lines.length)
  let pair = 0
  let pipe = -1
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    while (pair < count && pairStart[pair]! < line.start) pair++
    firstPair[index] = pair
    if (pipe < line.start) {
      pipe = text.indexOf('|', line.start)
      if (pipe < 0) pipe = Infinity
    }
    pipes[index] = pipe < lineBreak(text, lines, index) ? 1 : 0
  }
  firstPair[lines.length] = count
  // A pair holds a line break when it ends past its line's break (pairs do not overlap: the last one on a line tells).
  for (let index = 0; index < lines.length; index++) {
    const last = firstPair[index + 1]! - 1
    if (last >= firstPair[index]! && pairEnd[last]! > lineBreak(text, lines, index)) return undefined
  }
  return {text, lines, pairStart, pairEnd, firstPair, pipes}
}

/** Offset of a line's `\n` (or the end of the text): past its `\r`, if it has one. */
function lineBreak(text: string, lines: Line[], index: number): number {
  return index + 1 < lines.length ? lines[index + 1]!.start - 1 : text.length
}

/** A rendered document as the rules read it. */
export interface RenderedSide {
  /** `scanTables(renderSide(document, side))`. */
  tables: Table[]
  /** `originalOffset(renderSideWithMap(document, side), offset)`. */
  original(offset: number): {offset: number; segment: number}
}

/** One rendered document, read through the layout. */
export function sideOf(document: BilingualDocument, layout: PairLayout, side: Side): RenderedSide {
  const {text, lines, pairStart, pairEnd, firstPair, pipes} = layout
  const segments = document.segments
  const sideText = side === 'target' ? (index: number) => segments[index]!.target : (index: number) => segments[index]!.source
  // Where each pair and each line start in the rendered document: their bilingual start less what the
  // pairs before them lose.
  const pairs = pairStart.length
  const renderedStart = new Int32Array(pairs)
  const renderedLength = new Int32Array(pairs)
  const starts = new Int32Array(lines.length)
  let lost = 0
  let pair = 0
  // One more round than lines: the pairs of the last line.
  for (let index = 0; index <= lines.length; index++) {
    for (const end = firstPair[index]!; pair < end; pair++) {
      const length = sideText(pair).length
      renderedStart[pair] = pairStart[pair]! - lost
      renderedLength[pair] = length
      lost += pairEnd[pair]! - pairStart[pair]! - length
    }
    if (index < lines.length) starts[index] = lines[index]!.start - lost
  }
  // The scan reads a line again right after it asked for it (`isPlain`, then the line; a table's next line):
  // the last two lines made are kept.
  let lastIndex = -1
  let last: Line | undefined
  let beforeIndex = -1
  let before: Line | undefined
  const at = (index: number): Line => {
    if (index === lastIndex) return last!
    if (index === beforeIndex) return before!
    const line = make(index)
    beforeIndex = lastIndex
    before = last
    lastIndex = index
    last = line
    return line
  }
  /** The rendered line: the bilingual one with its pairs replaced, and a `\r` before its break dropped, as `splitLines` does. */
  const make = (index: number): Line => {
    const bilingual = lines[index]!
    const end = firstPair[index + 1]!
    if (firstPair[index] === end) {
      // No pair: the bilingual line, moved.
      return {index, start: starts[index]!, end: starts[index]! + bilingual.end - bilingual.start, text: bilingual.text}
    }
    let full: string
    {
      const pieces: string[] = []
      let from = bilingual.start
      for (let pair = firstPair[index]!; pair < end; pair++) {
        pieces.push(text.slice(from, pairStart[pair]!), sideText(pair))
        from = pairEnd[pair]!
      }
      pieces.push(text.slice(from, lineBreak(text, lines, index)))
      full = pieces.join('')
    }
    const lineText = full.length > 0 && full.charCodeAt(full.length - 1) === 13 ? full.slice(0, -1) : full
    return {index, start: starts[index]!, end: starts[index]! + lineText.length, text: lineText}
  }
  const isPlain = (index: number): boolean => {
    const first = firstPair[index]!
    const last = firstPair[index + 1]!
    // No pair: the bilingual line itself.
    if (first === last) {
      const line = lines[index]!
      return line.start === line.end || (pipes[index] === 0 && isPlainStart(text.charCodeAt(line.start)))
    }
    if (pipes[index] === 1) return isPlainLine(at(index).text)
    // No `|` anywhere on the line: its first character decides (a `\r` or none at all is no plain start).
    let offset = lines[index]!.start
    for (let pair = first; pair < last && pairStart[pair] === offset; pair++) {
      const replaced = sideText(pair)
      if (replaced.length > 0) return isPlainStart(replaced.charCodeAt(0))
      offset = pairEnd[pair]!
    }
    return offset < lineBreak(text, lines, index) && isPlainStart(text.charCodeAt(offset))
  }
  const tables = scanTablesOf({length: lines.length, at, isPlain})
  /**
   * The pieces `renderSideWithMap` makes are the skeleton between pairs (when not empty) and each pair's
   * text; the last piece starting at or before `offset` holds it. Found among the pairs by their rendered
   * starts: the last pair there, or the skeleton after it when that starts at or before `offset` too.
   */
  const original = (offset: number): {offset: number; segment: number} => {
    let low = 0
    let high = pairs
    while (low < high) {
      const middle = (low + high) >> 1
      if (renderedStart[middle]! <= offset) low = middle + 1
      else high = middle
    }
    const found = low - 1
    const skeletonStart = found < 0 ? 0 : renderedStart[found]! + renderedLength[found]!
    const skeletonOriginal = found < 0 ? 0 : pairEnd[found]!
    const skeletonLength = (found + 1 < pairs ? pairStart[found + 1]! : text.length) - skeletonOriginal
    if (skeletonLength > 0 && skeletonStart <= offset) return {offset: skeletonOriginal + Math.min(offset - skeletonStart, skeletonLength), segment: -1}
    if (found < 0) return {offset, segment: -1}
    const position = segments[found]!.position
    const start = side === 'target' ? position.target.start.offset : position.source.start.offset
    return {offset: start + Math.min(offset - renderedStart[found]!, renderedLength[found]!), segment: found}
  }
  return {tables, original}
}

/** Where rendered offsets are in the bilingual file: `originalOffset` of `renderSideWithMap`, without the text. */
export function sideMap(document: BilingualDocument, side: Side): (offset: number) => {offset: number; segment: number} {
  const starts: number[] = []
  const lengths: number[] = []
  const originals: number[] = []
  const pieceSegments: number[] = []
  let length = 0
  let original = 0
  let segment = 0
  for (const part of document.parts) {
    if (typeof part === 'string') {
      if (part.length > 0) {
        starts.push(length)
        lengths.push(part.length)
        originals.push(original)
        pieceSegments.push(-1)
      }
      length += part.length
      original += part.length
    } else {
      const replaced = side === 'target' ? part.target : part.source
      starts.push(length)
      lengths.push(replaced.length)
      originals.push(side === 'target' ? part.position.target.start.offset : part.position.source.start.offset)
      pieceSegments.push(segment++)
      length += replaced.length
      original = part.position.pair.end.offset
    }
  }
  return (offset) => {
    const found = countStartingAtOrBefore(starts, offset, (start) => start) - 1
    if (found < 0) return {offset, segment: -1}
    // An empty target/source piece shares its start with the next piece: the later one is found.
    return {offset: originals[found]! + Math.min(offset - starts[found]!, lengths[found]!), segment: pieceSegments[found]!}
  }
}

/** The reference: render the side and scan it (documents whose pairs hold line breaks). */
export function renderedSide(document: BilingualDocument, side: Side): RenderedSide {
  const rendered = renderSideWithMap(document, side)
  return {tables: rendered.text.includes('|') ? scanTables(rendered.text) : [], original: (offset) => originalOffset(rendered, offset)}
}
