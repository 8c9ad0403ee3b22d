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
const texts = new WeakMap<BilingualDocument, string>()

/** The bilingual file's text, `print(document)`, once per document. */
export function bilingualText(document: BilingualDocument): string {
  let text = texts.get(document)
  if (text === undefined) {
    text = print(document)
    texts.set(document, text)
  }
  return text
}

export function analyse(document: BilingualDocument): Analysis {
  let analysis = cache.get(document)
  if (analysis) return analysis
  const text = bilingualText(document)
  const bilingual = scanBlocks(text)
  // A table starts at a line holding a `|`. A rendered document is made of the bilingual file's text, so
  // without a `|` in the file neither has a table, and nothing asks for offsets in them.
  const hasPipe = text.includes('|')
  const layout = hasPipe ? pairLayout(document, text, bilingual.lines) : undefined
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
