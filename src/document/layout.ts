/**
 * Where everything sits in a bilingual file: each pair's, target's and source's place, computed in one
 * function (`placeSegment`: by parse, and by merge when targets change) and kept on the segments
 * (`segment.position`), which the model's `readonly` types keep from drifting. Everything else that needs
 * offsets (check, render, merge) reads them from there through the views below instead of laying the parts
 * end to end again.
 *
 * `parts` alternate, as parse builds them: skeleton, segment, skeleton, …, skeleton (a skeleton text may be
 * empty). The skeleton text before segment k is `parts[2 * k]` and starts where pair k - 1 ends.
 */
import type {BilingualDocument, Segment} from './types.js'
import {createLocator, type Locator} from './positions.js'

/** What a segment's place follows from: its markup and texts, laid end to end from the pair's start. */
export type SegmentTexts = Pick<Segment, 'markup' | 'target' | 'source'>

/** The places of a segment whose pair starts at `start` in the file `locator` reads. */
export function placeSegment(locator: Locator, start: number, segment: SegmentTexts): Segment['position'] {
  const targetStart = start + segment.markup.open.length
  const targetEnd = targetStart + segment.target.length
  const sourceStart = targetEnd + segment.markup.middle.length
  const sourceEnd = sourceStart + segment.source.length
  const pairEnd = sourceEnd + segment.markup.close.length
  // The points in file order, which keeps the locator's cursor moving forward.
  const {point} = locator
  const pair = point(start)
  const target = {start: point(targetStart), end: point(targetEnd)}
  const source = {start: point(sourceStart), end: point(sourceEnd)}
  return {pair: {start: pair, end: point(pairEnd)}, target, source}
}

/** Start and end offset of each segment's pair: `2 * index` and `2 * index + 1`. */
export function pairOffsets(document: BilingualDocument): Int32Array {
  const {segments} = document
  const offsets = new Int32Array(2 * segments.length)
  for (let index = 0; index < segments.length; index++) {
    const {pair} = segments[index]!.position
    offsets[2 * index] = pair.start.offset
    offsets[2 * index + 1] = pair.end.offset
  }
  return offsets
}

/** Where the skeleton text `parts[2 * index]` starts in the file: 0, or where pair `index - 1` ends. */
export function skeletonStart(document: BilingualDocument, index: number): number {
  return index === 0 ? 0 : document.segments[index - 1]!.position.pair.end.offset
}

/**
 * The document with some targets replaced: new segments (the parse's are never edited), laid out again
 * on the new text, and that text.
 */
export function withTargets(document: BilingualDocument, targets: ReadonlyMap<Segment, string>): {document: BilingualDocument; text: string} {
  const laid = document.parts.map((part) => (typeof part === 'string' ? part : {part, target: targets.get(part) ?? part.target}))
  const text = laid.map((item) => (typeof item === 'string' ? item : item.part.markup.open + item.target + item.part.markup.middle + item.part.source + item.part.markup.close)).join('')
  const locator = createLocator(text)
  let offset = 0
  const segments: Segment[] = []
  const parts = laid.map((item) => {
    if (typeof item === 'string') {
      offset += item.length
      return item
    }
    const texts = {markup: item.part.markup, target: item.target, source: item.part.source}
    const segment: Segment = {...item.part, target: item.target, position: placeSegment(locator, offset, texts)}
    offset = segment.position.pair.end.offset
    segments.push(segment)
    return segment
  })
  return {document: {...document, parts, segments, lineEnds: locator.lineEnds()}, text}
}
