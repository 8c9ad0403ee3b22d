/**
 * The old bilingual document as blocks: its source side (what the English looked like, `renderSide`) cut
 * by the same reading as the new English (blocks.ts), each block holding the bilingual parts (skeleton and
 * whole segments) it stands for, so that an unchanged block is copied verbatim, pairs, targets and merged
 * units included.
 */
import type {BilingualDocument, Segment} from '../document/types.js'
import {renderSideWithMap} from '../render/documents.js'
import {blockKey, type Block} from './blocks.js'
import {readBlocks} from './read-blocks.js'

export interface OldBlock extends Block {
  /** Skeleton text and segments of the bilingual file that render to the block's source text. */
  parts: Array<string | Segment>
  segments: Segment[]
  /**
   * Source-side text the block took in before or after its own lines because a segment sits there (a pair
   * whose source is white space, on a line of its own): when the block is reused, the new English's same
   * text around it is not written twice.
   */
  head: string
  tail: string
  /** How many blocks of the reading this one is (more than one where a segment runs across blocks). */
  members: number
  /** The key of its first member (what the new English's blocks are joined by, see update.ts). */
  firstKey: string
}

export interface OldReading {
  /** The source side of the document. */
  text: string
  /** The front matter as written in the bilingual file (fences included), '' without one. */
  frontMatter: string
  blocks: OldBlock[]
}

export function readOldDocument(document: BilingualDocument): OldReading {
  // The rendering's pieces: where each skeleton text and each segment's source sits in it.
  const {text, pieces} = renderSideWithMap(document, 'source')
  const reading = readBlocks(text)
  const spans = pieces.flatMap((piece) => (piece.segment < 0 ? [] : [{start: piece.start, end: piece.start + piece.length, segment: document.segments[piece.segment]!}]))
  const blocks = joinAcrossSegments(reading.blocks, spans)
  // Assign parts: skeleton text cut at block edges (text outside blocks is dropped: the English gives it),
  // segments to the block they start in.
  const result: OldBlock[] = blocks.map((block) => ({
    ...block,
    key: block.members > 1 ? blockKey(text.slice(block.start, block.end)) : block.key,
    parts: [],
    segments: [],
    head: '',
    tail: ''
  }))
  absorbStraySegments(text, result, spans)
  let index = 0
  const blockAt = (offset: number): OldBlock | undefined => {
    while (index < result.length && result[index]!.end <= offset && !(result[index]!.start === offset && result[index]!.end === offset)) index++
    const block = result[index]
    return block && block.start <= offset && offset < block.end ? block : undefined
  }
  for (const piece of pieces) {
    const at = piece.start
    if (piece.segment < 0) {
      let offset = at
      const end = at + piece.length
      while (offset < end) {
        const block = blockAt(offset)
        if (!block) {
          const next = result[index]
          offset = next && next.start < end ? Math.max(next.start, offset + 1) : end
          continue
        }
        const stop = Math.min(end, block.end)
        block.parts.push(text.slice(offset, stop))
        offset = stop
      }
    } else {
      const segment = document.segments[piece.segment]!
      const block = blockAt(at) ?? nearestBefore(result, at)
      if (block) {
        block.parts.push(segment)
        block.segments.push(segment)
      }
    }
  }
  const frontMatter = reading.frontMatterEnd > 0 ? text.slice(0, reading.frontMatterEnd) : ''
  return {text, frontMatter, blocks: result}
}

/** Blocks that a segment's source runs across (a pair spanning a blank line) become one block. */
function joinAcrossSegments(blocks: Block[], spans: Array<{start: number; end: number}>): Array<Block & {members: number; firstKey: string}> {
  const joined: Array<Block & {members: number; firstKey: string}> = []
  let span = 0
  for (const block of blocks) {
    const last = joined[joined.length - 1]
    while (span < spans.length && spans[span]!.end <= block.start) span++
    // A segment that starts before this block and ends inside or after its start: join with the last block.
    let crosses = false
    for (let probe = span; probe < spans.length && spans[probe]!.start < block.start; probe++) {
      if (spans[probe]!.end > block.start && last && spans[probe]!.start < last.end) crosses = true
    }
    if (last && crosses) {
      last.end = Math.max(last.end, block.end)
      last.ranges.push(...block.ranges)
      last.members++
      continue
    }
    joined.push({...block, ranges: [...block.ranges], members: 1, firstKey: block.key})
  }
  return joined
}

/** A segment outside every block (white space only, between blocks) joins the block before it (or the first). */
function absorbStraySegments(text: string, blocks: OldBlock[], spans: Array<{start: number; end: number}>): void {
  let index = 0
  for (const span of spans) {
    while (index < blocks.length && blocks[index]!.end <= span.start && !(blocks[index]!.start === span.start)) index++
    const inside = blocks[index]
    if (inside && inside.start <= span.start && span.start < inside.end) continue
    if (inside && inside.start === span.start) continue
    const before = blocks[index - 1]
    if (before) {
      if (span.end > before.end) {
        before.tail += text.slice(before.end, span.end)
        before.end = span.end
      }
    } else if (inside) {
      inside.head = text.slice(span.start, inside.start) + inside.head
      inside.start = span.start
    }
  }
}

function nearestBefore(blocks: OldBlock[], offset: number): OldBlock | undefined {
  let found: OldBlock | undefined
  for (const block of blocks) {
    if (block.start > offset) break
    found = block
  }
  return found
}

