/**
 * The GFM tables of a markdown text as the table rules read them, from its leaf blocks (the document
 * model): the rows micromark reads as table rows, and the "tables" it does not read as tables because the
 * header row and the delimiter row have different numbers of cells (those stay a paragraph, or a heading
 * when the delimiter row is a setext underline; the page shows their pipes as text).
 */
import type {LeafBlock} from '../document/types.js'
import {cellTexts, countCells} from './cells.js'
import {Occurrences} from '../document/search.js'

export interface TableRow {
  /** Offsets of the row's content (container prefixes and white space left out). */
  start: number
  end: number
  cells: number
  /** A cell past the delimiter row's count holds text: GFM drops it from the page. */
  drops: boolean
}

export interface Table {
  header: TableRow
  /** Cells of the delimiter row: what every row should have. */
  columns: number
  rows: TableRow[]
  /** The header and delimiter disagree: GFM does not read this as a table. */
  broken: boolean
  /** Where the table (its last row, or its delimiter row) ends. */
  end: number
}

const delimiterRow = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/

export function tablesOf(text: string, blocks: readonly LeafBlock[]): Table[] {
  const tables: Table[] = []
  // A broken table has a `|`: most paragraphs have none, found without copying them out of the text.
  const pipes = new Occurrences(text)
  let current: Table | undefined
  let index = -1
  for (const block of blocks) {
    if (block.kind === 'tableRow' && block.table) {
      const row = rowOf(text, block.start, block.end, block.table.cells, block.table.columns)
      if (block.table.index !== index || !current) {
        index = block.table.index
        current = {header: row, columns: block.table.columns, rows: [], broken: false, end: block.end}
        tables.push(current)
      } else {
        current.rows.push(row)
        current.end = block.end
      }
      continue
    }
    if ((block.kind === 'paragraph' || block.kind === 'heading') && isBefore(pipes.next('|', block.start), block.end)) {
      const broken = brokenTable(text, block)
      if (broken) tables.push(broken)
    }
  }
  return tables
}

/** Whether an offset `indexOf` found (-1: none) is before `end`. */
function isBefore(found: number, end: number): boolean {
  return found >= 0 && found < end
}

function rowOf(text: string, start: number, end: number, cells: number, columns: number): TableRow {
  return {start, end, cells, drops: cells > columns && cellTexts(text.slice(start, end)).slice(columns).some((cell) => cell.trim() !== '')}
}

/**
 * A line with a `|` followed by a delimiter row inside a paragraph (or setext heading): what would be a
 * table if their cells agreed. The lines after the delimiter row, to the block's end, are its "rows".
 */
function brokenTable(text: string, block: LeafBlock): Table | undefined {
  const content = text.slice(block.start, block.end)
  if (!content.includes('|') || !content.includes('-') || !/[\r\n]/.test(content)) return undefined
  const quotes = block.containers.filter((container) => container === 'blockquote').length
  const lines: Array<{start: number; end: number; text: string}> = []
  let start = block.start
  // Lines end at LF, CRLF or a lone CR, as the block parse ends them.
  for (const raw of content.split(/(?<=\r\n|\r(?!\n)|\n)/)) {
    let line = raw.replace(/\r?\n$|\r$/, '')
    let offset = start
    // The block's first line starts at its content; later lines carry their container prefixes.
    if (lines.length > 0) {
      for (let quote = 0; quote < quotes; quote++) {
        const prefix = /^ {0,3}> ?/.exec(line)
        if (!prefix) break
        line = line.slice(prefix[0].length)
        offset += prefix[0].length
      }
      const indent = /^\s*/.exec(line)![0].length
      line = line.slice(indent)
      offset += indent
    }
    lines.push({start: offset, end: offset + line.length, text: line})
    start += raw.length
  }
  for (let at = 0; at + 1 < lines.length; at++) {
    const header = lines[at]!
    const delimiter = lines[at + 1]!
    if (!header.text.includes('|') || !delimiter.text.includes('-') || !delimiterRow.test(delimiter.text)) continue
    const headerCells = countCells(header.text)
    const columns = countCells(delimiter.text)
    if (headerCells === columns) continue
    const rows = lines.slice(at + 2).map((line) => rowOf(text, line.start, line.end, countCells(line.text), columns))
    return {header: rowOf(text, header.start, header.end, headerCells, columns), columns, rows, broken: true, end: block.end}
  }
  return undefined
}
