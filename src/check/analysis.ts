/**
 * What several rules read, computed at most once per `check` run and handed to each rule through its
 * context (`context.facts`): the bilingual file's text, its tables and those of the two documents
 * `render` makes from it (each pair replaced by its target, or by its source), read from leaf blocks of the
 * one block parse (the document model for the bilingual file, `parseLeafBlocks` for a rendered one), and the
 * id facts (ids.ts). Nothing outlives the run: there is no module-level cache keyed by the document, so a
 * document edited between two runs is read afresh (as ESLint hands each run a fresh `context.sourceCode`).
 */
import type {BilingualDocument, LeafBlock, Segment} from '../document/types.js'
import {parseLeafBlocks} from '../document/parse.js'
import {ParseError} from '../document/messages.js'
import {print} from '../document/print.js'
import {pairOffsets} from '../document/layout.js'
import {createOriginalOffset, renderSide, type Side} from '../render/documents.js'
import {scanTokens} from '../inline/tokenize.js'
import type {InlineToken} from '../inline/types.js'
import type {Line} from './lines.js'
import {tablesOf, type Table} from './tables.js'
import {createIdFacts, type IdFacts} from './ids.js'

/** One of the two documents `render` makes, as the rules read it. */
export interface SideScan {
  /** The GFM tables (and broken ones) of the rendered document. */
  tables: Table[]
  /** Where a rendered offset is in the bilingual file, and the segment it falls in (-1: skeleton): `originalOffset`. */
  original(offset: number): {offset: number; segment: number}
}

/** A line of prose outside any pair (prose-outside-pair reports it; id-gap does not report its incident again). */
export interface ProseLine {
  line: Line
  /** Offset of its first letter. */
  first: number
  /** The prose, white space and markup characters squeezed. */
  prose: string
}

export interface Facts {
  readonly text: string
  /** The GFM tables (and broken ones) of the bilingual file. */
  readonly tables: Table[]
  readonly target: SideScan
  readonly source: SideScan
  /** Segments whose pair starts in a GFM table (or a broken one) of the bilingual file or the source document. */
  readonly tableSegments: Set<Segment>
  /** Start and end offset of each segment's pair (`2 * index`, `2 * index + 1`): `pairOffsets`. */
  readonly pairs: Int32Array
  /** Lines of prose outside pairs (prose-outside-pair's findings). */
  readonly prose: ProseLine[]
  /** What the id rules share (ids.ts): shapes, the main prefix, first uses, the run of ids in order, image counts. */
  readonly ids: IdFacts
  /**
   * `tokenize(text)`, once per text of the document: inline-markup, protected-token-changed and untranslated
   * read the same segment texts (about a third of their time was tokenizing them again). Read-only.
   */
  tokens(text: string): readonly InlineToken[]
}

interface Printed {
  text: string
  pairs: Int32Array
}

/**
 * The bilingual file's text, `print(document)`, and where its pairs are (the layout parse computed). `text`:
 * the text the document was parsed from, when the caller still has it (parse guarantees it prints back
 * byte for byte): printing 24 MB again cost a cold check of the dev corpus about 2 % of its time.
 */
export function printWithPairs(document: BilingualDocument, text?: string): Printed {
  return {text: text ?? print(document), pairs: pairOffsets(document)}
}

/**
 * The facts of one document, each computed when a rule first asks. `proseLines` is passed in (it lives with
 * its rule) to keep this module free of rules.
 */
export function createFacts(document: BilingualDocument, printed: Printed, proseLines: (document: BilingualDocument, facts: Facts) => ProseLine[]): Facts {
  const memo = new Map<string, unknown>()
  const once = <T>(key: string, make: () => T): T => {
    if (!memo.has(key)) memo.set(key, make())
    return memo.get(key) as T
  }
  const tokens = new Map<string, readonly InlineToken[]>()
  const facts: Facts = {
    tokens(text) {
      let found = tokens.get(text)
      // The scanner without `tokenize`'s test for markup (the same tokens for any text): every reader but one
      // asks only about a text that `mayHoldMarkup` already found markup in.
      if (found === undefined) tokens.set(text, (found = scanTokens(text)))
      return found
    },
    text: printed.text,
    pairs: printed.pairs,
    get tables() {
      return once('tables', () => tablesOf(printed.text, document.blocks))
    },
    get target() {
      return once('target', () => sideScan(document, printed.text, 'target'))
    },
    get source() {
      return once('source', () => sideScan(document, printed.text, 'source'))
    },
    get tableSegments() {
      return once('tableSegments', () => tableSegmentsOf(document, facts))
    },
    get prose() {
      return once('prose', () => proseLines(document, facts))
    },
    get ids() {
      return once('ids', () => createIdFacts(document))
    }
  }
  return facts
}

/**
 * A rendered document's tables. A table starts at a line holding a `|`, and a rendered document is made of
 * the bilingual file's text: without a `|` in the file neither has a table, and neither is made.
 */
function sideScan(document: BilingualDocument, text: string, side: Side): SideScan {
  // The offset map is asked only about tables (their rows and headers): built when first asked.
  let map: ((offset: number) => {offset: number; segment: number}) | undefined
  const original = (offset: number) => (map ??= createOriginalOffset(document, side))(offset)
  if (!text.includes('|')) return {tables: [], original}
  const rendered = renderSide(document, side)
  const tables = mayHoldTable(rendered) ? tablesOf(rendered, renderedLeaves(rendered, (offset) => original(offset).offset)) : []
  return {tables, original}
}

/** A rendered side's leaf blocks; a side too complex to read is the file's parse-error at the place it comes from. */
function renderedLeaves(text: string, original: (offset: number) => number): LeafBlock[] {
  try {
    return parseLeafBlocks(text)
  } catch (error) {
    if (error instanceof ParseError) throw new ParseError(error.message, original(error.offset))
    throw error
  }
}

const delimiterLine = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t\r]*$/gm
/** The same pattern tried at one line start (`lastIndex`). */
const delimiterLineAt = new RegExp(delimiterLine.source, 'my')

/**
 * Whether a text has a line that could be a table's delimiter row (container prefixes allowed) with a `|`
 * on it or on the line before: every GFM table (and every broken one `tablesOf` reports) has one. Most
 * rendered documents have none (a front matter's or a rule's `---` has no `|` near it), and their block
 * parse is not needed: it is most of the cost of reading the rendered sides.
 */
export function mayHoldTable(text: string): boolean {
  // A CR, U+2028 or U+2029 also ends a line for the pattern (`m`): such a text is scanned whole.
  if (hasOtherLineEnd(text)) return mayHoldTableEverywhere(text)
  // Else only the lines holding a `|` and the line after each can qualify: the pattern is tried there
  // instead of on every line of the text (most rendered documents are long and have few `|`).
  for (let pipe = text.indexOf('|'); pipe >= 0; ) {
    const start = text.lastIndexOf('\n', pipe) + 1
    const end = text.indexOf('\n', pipe)
    if (delimiterAt(text, start) || (end >= 0 && delimiterAt(text, end + 1))) return true
    if (end < 0) break
    pipe = text.indexOf('|', end + 1)
  }
  return false
}

/**
 * Whether a text holds a CR, U+2028 or U+2029. Three substring searches, not a character class: a search for a
 * character beyond Latin-1 in a one-byte string (most rendered documents) ends at once, and the CR search is
 * native; the class read every character (a fifth of `mayHoldTable`'s time).
 */
function hasOtherLineEnd(text: string): boolean {
  return text.includes('\r') || text.includes('\u2028') || text.includes('\u2029')
}

/** Whether the line starting at `start` is delimiter-like with a `|` on it or on the line before. */
function delimiterAt(text: string, start: number): boolean {
  delimiterLineAt.lastIndex = start
  const match = delimiterLineAt.exec(text)
  return match !== null && qualifies(text, start, match[0])
}

/** `mayHoldTable` by trying the pattern on every line. */
export function mayHoldTableEverywhere(text: string): boolean {
  for (const match of text.matchAll(delimiterLine)) if (qualifies(text, match.index, match[0])) return true
  return false
}

/** A delimiter-like line at `index` with a `|` on it or on the line before. */
function qualifies(text: string, index: number, line: string): boolean {
  if (line.includes('|')) return true
  const previous = text.lastIndexOf('\n', index - 2)
  return index > 0 && text.slice(previous + 1, index).includes('|')
}

function tableSegmentsOf(document: BilingualDocument, facts: Facts): Set<Segment> {
  const tableSegments = new Set<Segment>()
  // Tables as the bilingual file and the source document see them (a line break in a target can hide a table from the first).
  const ranges = tableRanges(facts)
  let range = 0
  const {segments} = document
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!
    // The pair's start from the layout's offsets (`facts.pairs`), not read through its position objects.
    const offset = facts.pairs[2 * index]!
    while (range < ranges.length && ranges[range + 1]! < offset) range += 2
    let inRange = false
    for (let next = range; next < range + 8 && next < ranges.length && !inRange; next += 2) inRange = ranges[next]! <= offset && offset <= ranges[next + 1]!
    if (inRange) tableSegments.add(segment)
    else {
      const table = segment.context.table
      if (table && !table.html) tableSegments.add(segment)
    }
  }
  return tableSegments
}

/**
 * The start and end offsets (in the bilingual file) of the bilingual file's tables and then the source
 * document's, as one list ordered by start (a stable sort: at equal starts the bilingual file's first), flat:
 * `start, end, start, end…`. Each list is in order already (tables come in document order, and the source
 * document's offsets map back in order): merged, not sorted, unless one is not (then sorted as a whole).
 */
function tableRanges(facts: Facts): number[] {
  const own = facts.tables
  const source = facts.source
  const ranges: number[] = []
  let sorted = true
  let last = -Infinity
  const theirs: number[] = []
  for (let at = 0; at < source.tables.length; at++) {
    const table = source.tables[at]!
    const start = toOriginal(source, table.header.start)
    if (start < last) sorted = false
    theirs.push(start, toOriginal(source, table.end))
    last = start
  }
  last = -Infinity
  for (let at = 0; at < own.length; at++) {
    if (own[at]!.header.start < last) sorted = false
    last = own[at]!.header.start
  }
  if (!sorted) {
    const pairs: Array<[number, number]> = own.map((table): [number, number] => [table.header.start, table.end])
    for (let at = 0; at < theirs.length; at += 2) pairs.push([theirs[at]!, theirs[at + 1]!])
    for (const [start, end] of pairs.sort((a, b) => a[0] - b[0])) ranges.push(start, end)
    return ranges
  }
  let mine = 0
  for (let at = 0; at < theirs.length; at += 2) {
    for (; mine < own.length && own[mine]!.header.start <= theirs[at]!; mine++) ranges.push(own[mine]!.header.start, own[mine]!.end)
    ranges.push(theirs[at]!, theirs[at + 1]!)
  }
  for (; mine < own.length; mine++) ranges.push(own[mine]!.header.start, own[mine]!.end)
  return ranges
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
