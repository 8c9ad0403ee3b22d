/**
 * The two plain documents a bilingual one stands for: each pair replaced by its target (the localized
 * document) or by its source (the source document). Pure; with an offset map back to the bilingual file,
 * so that a problem found in a rendered document can be reported where it is in the file the user edits.
 */
import type {BilingualDocument} from '../document/types.js'
import {countStartingAtOrBefore} from '../document/search.js'

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
  return renderSideWithMap(document, side).text
}

/** Render one side and keep, for each piece of the output, its place in the bilingual file. */
export function renderSideWithMap(document: BilingualDocument, side: Side): RenderedDocument {
  const pieces: RenderedPiece[] = []
  const chunks: string[] = []
  let length = 0
  // Where the next skeleton text is in the bilingual file: its start, then the end of the pair before it (the layout).
  let original = 0
  let segmentIndex = 0
  for (const part of document.parts) {
    if (typeof part === 'string') {
      if (part.length > 0) pieces.push({start: length, length: part.length, original, segment: -1})
      chunks.push(part)
      length += part.length
    } else {
      const text = part[side]
      pieces.push({start: length, length: text.length, original: part.position[side].start.offset, segment: segmentIndex})
      chunks.push(text)
      length += text.length
      original = part.position.pair.end.offset
      segmentIndex++
    }
  }
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
