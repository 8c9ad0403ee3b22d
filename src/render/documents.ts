/**
 * The two plain documents a bilingual one stands for: each pair replaced by its target (the localized
 * document) or by its source (the source document). Pure; with an offset map back to the bilingual file,
 * so that a problem found in a rendered document can be reported where it is in the file the user edits.
 */
import type {BilingualDocument} from '../document/types.js'
import {countAtOrBefore, countStartingAtOrBefore} from '../document/search.js'

export type Side = 'target' | 'source'

/** One stretch of the rendered text and where it came from in the bilingual file. */
export interface RenderedPiece {
  /** Offset of the piece in the rendered text. */
  start: number
  /** Length of the piece in the rendered text. */
  length: number
  /** Offset in the bilingual file of the piece's first character (skeleton, target or source text). */
  original: number
  /** Index of the segment the piece came from, or -1 for skeleton text. */
  segment: number
}

export interface RenderedDocument {
  side: Side
  text: string
  pieces: RenderedPiece[]
}

/** Render one side: each pair replaced by its target or its source. */
export function renderSide(document: BilingualDocument, side: Side): string {
  // Without the map's piece objects (two per pair): check renders both sides of every document with a `|`.
  const chunks: string[] = []
  for (const part of document.parts) chunks.push(typeof part === 'string' ? part : part[side])
  return chunks.join('')
}

/**
 * The pieces of one rendered side, in order: where each starts in the rendered text, its length, where it
 * comes from in the bilingual file and its segment (-1: skeleton); an empty skeleton text makes none. `text`
 * is the piece's text. The one walk both maps (`renderSideWithMap`'s objects, `createOriginalOffset`'s numbers) are made by.
 */
function forEachPiece(document: BilingualDocument, side: Side, visit: (start: number, length: number, original: number, segment: number, text: string) => void): void {
  let length = 0
  // Where the next skeleton text is in the bilingual file: its start, then the end of the pair before it (the layout).
  let original = 0
  let segmentIndex = 0
  for (const part of document.parts) {
    if (typeof part === 'string') {
      if (part.length > 0) visit(length, part.length, original, -1, part)
      length += part.length
    } else {
      const text = part[side]
      visit(length, text.length, part.position[side].start.offset, segmentIndex, text)
      length += text.length
      original = part.position.pair.end.offset
      segmentIndex++
    }
  }
}

/** Render one side and keep, for each piece of the output, its place in the bilingual file. */
export function renderSideWithMap(document: BilingualDocument, side: Side): RenderedDocument {
  const pieces: RenderedPiece[] = []
  const chunks: string[] = []
  forEachPiece(document, side, (start, length, original, segment, text) => {
    pieces.push({start, length, original, segment})
    chunks.push(text)
  })
  return {side, text: chunks.join(''), pieces}
}

/** The bilingual-file offset of a rendered offset, and the segment it falls in (-1: skeleton). */
export function originalOffset(rendered: RenderedDocument, offset: number): {offset: number; segment: number} {
  const pieces = rendered.pieces
  const found = countStartingAtOrBefore(pieces, offset, (piece) => piece.start) - 1
  if (found < 0) return {offset, segment: -1}
  const piece = pieces[found]!
  // An empty target/source piece shares its start with the next piece: prefer the later, non-empty one (found is the last start ≤ offset).
  return {offset: piece.original + Math.min(offset - piece.start, piece.length), segment: piece.segment}
}

/**
 * `originalOffset` of one rendered side without rendering it: the pieces `renderSideWithMap` keeps, as four
 * numbers each in one typed array, built from the document's parts. check asks it for a few offsets (table
 * rows) of documents that have tables, so it is built on first use; the piece objects were most of the
 * cost of rendering the sides (two per pair, for every document).
 */
export function createOriginalOffset(document: BilingualDocument, side: Side): (offset: number) => {offset: number; segment: number} {
  // start, length, original, segment of each piece, as in RenderedPiece.
  const pieces = new Int32Array(document.parts.length * 4)
  let count = 0
  forEachPiece(document, side, (start, length, original, segment) => {
    const at = count++ * 4
    pieces[at] = start
    pieces[at + 1] = length
    pieces[at + 2] = original
    pieces[at + 3] = segment
  })
  return (offset) => {
    const found = countAtOrBefore(count, offset, (index) => pieces[index * 4]!) - 1
    if (found < 0) return {offset, segment: -1}
    const at = found * 4
    // As originalOffset: the last piece starting at or before the offset (an empty pair piece gives way to the next).
    return {offset: pieces[at + 2]! + Math.min(offset - pieces[at]!, pieces[at + 1]!), segment: pieces[at + 3]!}
  }
}
