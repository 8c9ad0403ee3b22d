/**
 * What several rules read: the line scan of the bilingual file and of the two documents `render`
 * produces from it (each pair replaced by its target, or by its source). Computed once per document.
 */
import type {BilingualDocument, Segment} from '../document/types.js'
import {print} from '../document/print.js'
import type {Side} from '../render/documents.js'
import {scanBlocks, type BlockScan, type Table} from './blocks.js'
import {pairLayout, renderedSide, sideMap, sideOf} from './sides.js'

/** One of the two documents `render` makes, as the rules read it (neither is made: see sides.ts). */
export interface SideScan {
  /** The GFM tables (and broken ones) of the rendered document. */
  tables: Table[]
  /** Where a rendered offset is in the bilingual file, and the segment it falls in (-1: skeleton): `originalOffset`. */
  original(offset: number): {offset: number; segment: number}
}

export interface Analysis {
  text: string
  bilingual: BlockScan
  target: SideScan
  source: SideScan
  /** Segments whose pair starts on a line of a GFM table (or of a broken one) of the bilingual file. */
  tableSegments: Set<Segment>
}

const cache = new WeakMap<BilingualDocument, Analysis>()
const printed = new WeakMap<BilingualDocument, Printed>()

interface Printed {
  text: string
  /** Start and end offset of each segment's pair: `2 * index` and `2 * index + 1`. */
  pairs: Int32Array
}

/**
 * The bilingual file's text, `print(document)`, and where its pairs are, once per document and in one
 * pass: reading every part's strings costs about as much as joining them (the strings are all over the
 * heap), and the pair offsets were a second such pass (prose-outside-pair, the rendered sides).
 */
function printWithPairs(document: BilingualDocument): Printed {
  let found = printed.get(document)
  if (found) return found
  const pieces: string[] = []
  const pairs = new Int32Array(2 * document.segments.length)
  let offset = 0
  let segment = 0
  for (const part of document.parts) {
    if (typeof part === 'string') {
      pieces.push(part)
      offset += part.length
      continue
    }
    const {open, middle, close} = part.markup
    pieces.push(open, part.target, middle, part.source, close)
    pairs[2 * segment] = offset
    offset += open.length + part.target.length + middle.length + part.source.length + close.length
    pairs[2 * segment + 1] = offset
    segment++
  }
  found = {text: segment === document.segments.length ? pieces.join('') : print(document), pairs: segment === document.segments.length ? pairs : new Int32Array(0)}
  printed.set(document, found)
  return found
}

/** The bilingual file's text, `print(document)`, once per document. */
export function bilingualText(document: BilingualDocument): string {
  return printWithPairs(document).text
}

/**
 * Start and end offset of each segment's pair in `bilingualText(document)` (`2 * index`, `2 * index + 1`),
 * or undefined when the parts hold another number of segments than `segments` (never, from parse).
 */
export function pairOffsets(document: BilingualDocument): Int32Array | undefined {
  const {pairs} = printWithPairs(document)
  return pairs.length === 2 * document.segments.length ? pairs : undefined
}

export function analyse(document: BilingualDocument): Analysis {
  let analysis = cache.get(document)
  if (analysis) return analysis
  const text = bilingualText(document)
  const bilingual = scanBlocks(text)
  // A table starts at a line holding a `|`. A rendered document is made of the bilingual file's text, so
  // without a `|` in the file neither has a table, and nothing asks for offsets in them.
  const hasPipe = text.includes('|')
  const pairs = pairOffsets(document)
  const layout = hasPipe && pairs ? pairLayout(pairs, text, bilingual.lines) : undefined
  const side = (name: Side): SideScan => {
    if (layout) return sideOf(document, layout, name)
    if (hasPipe) return renderedSide(document, name)
    let map: SideScan['original'] | undefined
    return {tables: [], original: (offset) => (map ??= sideMap(document, name))(offset)}
  }
  const target = side('target')
  const source = side('source')
  const tableSegments = new Set<Segment>()
  // Tables as the bilingual file and the source document see them (a line break in a target can hide a table from the first).
  const ranges = [
    ...bilingual.tables.map((table) => tableRange(table)),
    ...source.tables.map((table) => tableRange(table).map((offset) => toOriginal(source, offset)) as [number, number])
  ].sort((a, b) => a[0] - b[0])
  let range = 0
  for (const segment of document.segments) {
    const offset = segment.position.pair.start.offset
    while (range < ranges.length && ranges[range]![1] < offset) range++
    let inRange = false
    for (let next = range; next < range + 4 && next < ranges.length && !inRange; next++) inRange = ranges[next]![0] <= offset && offset <= ranges[next]![1]
    if (inRange || (segment.context.table && !segment.context.table.html)) {
      tableSegments.add(segment)
    }
  }
  analysis = {text, bilingual, target, source, tableSegments}
  cache.set(document, analysis)
  return analysis
}

/** Offsets of a table from its header's first character to its last row's end. */
export function tableRange(table: Table): [number, number] {
  const last = table.rows.length > 0 ? table.rows[table.rows.length - 1]!.line : table.delimiter.line
  return [table.header.line.start, last.end]
}

/**
 * A place both rendered documents agree on: the bilingual offset of a rendered offset, except that
 * anything inside a target or source maps to the start of its pair (the two sides differ there).
 */
export function toKey(document: BilingualDocument, side: SideScan, offset: number): number {
  const found = side.original(offset)
  return found.segment >= 0 ? document.segments[found.segment]!.position.pair.start.offset : found.offset
}

/** Where a rendered offset is in the bilingual file. */
export function toOriginal(side: SideScan, offset: number): number {
  return side.original(offset).offset
}
