/**
 * HTML tables (`<table>` … `</table>` written as HTML inside markdown): rehype-parse reads the raw
 * table (or, for plain well-formed tables, plain-html-tables.ts), one walk of the tree finds its rows
 * and cells, and each cell's offsets are rebased onto the file,
 * so that a pair inside a `<td>` gets its table, row and column.
 */
import {unified} from 'unified'
import rehypeParse from 'rehype-parse'
import {ParseError} from './messages.js'
import {countValuesAtOrBefore} from './search.js'
import type {Parents, Root as HastRoot} from 'hast'
import type {Html, Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {readPlainTables} from './plain-html-tables.js'

export interface HtmlTableCell {
  table: number
  row: number
  column: number
  start: number
  end: number
}

const htmlParser = unified().use(rehypeParse, {fragment: true})
const tableOpen = /<table\b/i
const tableOpenAll = /<table\b/gi
const tableTag = /<(\/?)table\b[^>]*>/gi

/** Cells of every HTML table in the document, sorted by start offset; offsets are into `text`. */
export function findHtmlTableCells(tree: Root, text: string, toFile: (treeOffset: number) => number): HtmlTableCell[] {
  if (!tableOpen.test(text)) return []
  const nodes: Array<{start: number; end: number}> = []
  visit(tree, 'html', (node: Html) => {
    nodes.push({start: toFile(node.position?.start.offset ?? 0), end: toFile(node.position?.end.offset ?? 0)})
  })
  return findHtmlTableCellsIn(text, nodes)
}

/** Offsets of every `<table` of the file (case-insensitive), in order. */
export function tableOpens(text: string): number[] {
  const opens: number[] = []
  tableOpenAll.lastIndex = 0
  for (let match = tableOpenAll.exec(text); match; match = tableOpenAll.exec(text)) opens.push(match.index)
  return opens
}

/**
 * The same from the HTML nodes' ranges (file offsets, in document order), found by remark or the fast path;
 * `opens` are the file's `tableOpens` (the fast path has them already: one search of the file, not two).
 */
export function findHtmlTableCellsIn(text: string, nodes: ReadonlyArray<{start: number; end: number}>, opens: readonly number[] = tableOpens(text), read: RegionReader = readRegion): HtmlTableCell[] {
  const cells: HtmlTableCell[] = []
  // Every `<table` of the file, found once: searching from each html node would be quadratic.
  if (opens.length === 0) return cells
  let tableIndex = 0
  let searchedUpTo = 0
  let ends: TableEnds | undefined
  for (const {start: nodeStart, end: nodeEnd} of nodes) {
    if (nodeStart < searchedUpTo) continue
    const openIndex = opens[countValuesAtOrBefore(opens, nodeStart - 1)]
    if (openIndex === undefined || openIndex >= nodeEnd) continue
    const open = {index: openIndex}
    // The table may run over several mdast nodes (blank lines and markdown between its tags), and may hold
    // tables of its own: its end is the `</table>` that brings the depth back to zero.
    const regionEnd = (ends ??= new TableEnds(text)).end(open.index) ?? nodeEnd
    searchedUpTo = regionEnd
    const region = text.slice(open.index, regionEnd)
    try {
      tableIndex = read(region, open.index, tableIndex, cells)
    } catch (error) {
      // hast-util-from-parse5 recurses once per level of nesting: thousands of unclosed tags overflow the stack.
      if (error instanceof RangeError) throw new ParseError('HTML table nested too deeply to read (thousands of elements inside one another): its cells cannot be found', open.index)
      throw error
    }
  }
  return cells.sort((a, b) => a.start - b.start)
}

/** Reads the cells of the tables in a region (see `readTables`); a test passes one that watches the regions. */
export type RegionReader = (region: string, base: number, nextTable: number, cells: HtmlTableCell[]) => number

/** The plain reader where it answers, else rehype. */
export function readRegion(region: string, base: number, nextTable: number, cells: HtmlTableCell[]): number {
  return readPlainTables(region, base, nextTable, cells) ?? readTables(region, base, nextTable, cells)
}

/**
 * The cells of the tables in `region` (a slice of the file starting at `base`), read by rehype,
 * numbered from `nextTable` and appended to `cells`; returns the next table number. The reference
 * plain-html-tables.ts is tested against.
 */
export function readTables(region: string, base: number, nextTable: number, cells: HtmlTableCell[]): number {
  return collectCells(htmlParser.parse(region) as HastRoot, undefined, nextTable, base, cells)
}

/**
 * Offset after the `</table>` that closes the table opened at `start`; undefined when it never closes. One
 * scan from `start`: for many starts in one file use `TableEnds`, which answers the same from one scan.
 */
export function tableEnd(text: string, start: number): number | undefined {
  tableTag.lastIndex = start
  let depth = 0
  let match: RegExpExecArray | null
  while ((match = tableTag.exec(text))) {
    depth += match[1] === '/' ? -1 : 1
    if (depth === 0) return match.index + match[0].length
  }
  return undefined
}

/**
 * `tableEnd` for every start of one file, from one scan of its table tags: the end is that of the first tag
 * at or after the start where the running depth comes back to what it was before it. A scan from each
 * start went to the end of the file for every table that never closes: quadratic in a file of many
 * unclosed tables (1,600 took 0.35 s for 13 KB, four times that text 3 s).
 */
export class TableEnds {
  private readonly text: string
  private readonly starts: number[] = []
  private readonly ends: number[] = []
  /** The running depth after each tag. */
  private readonly depths: number[] = []
  /** For each depth, the tags after which the running depth is that, in order. */
  private readonly atDepth = new Map<number, number[]>()

  constructor(text: string) {
    this.text = text
    let depth = 0
    tableTag.lastIndex = 0
    for (let match = tableTag.exec(text); match; match = tableTag.exec(text)) {
      depth += match[1] === '/' ? -1 : 1
      const at = this.starts.length
      this.starts.push(match.index)
      this.ends.push(match.index + match[0].length)
      this.depths.push(depth)
      const list = this.atDepth.get(depth)
      if (list) list.push(at)
      else this.atDepth.set(depth, [at])
    }
  }

  end(start: number): number | undefined {
    // Offsets are whole numbers: the first tag at or after `start` follows those at or before `start - 1`.
    const first = countValuesAtOrBefore(this.starts, start - 1)
    // A start inside a tag of this scan (`<table title="<table">`): a scan from it sees other tags.
    if (first > 0 && this.ends[first - 1]! > start) return tableEnd(this.text, start)
    if (first === this.starts.length) return undefined
    const same = this.atDepth.get(first === 0 ? 0 : this.depths[first - 1]!)
    if (!same) return undefined
    const at = same[countValuesAtOrBefore(same, first - 1)]
    return at === undefined ? undefined : this.ends[at]
  }
}

interface TableWalk {
  index: number
  rows: number
}

/**
 * Push the cells of every table under `node`, numbering tables in document order (pre-order, from
 * `nextTable`) and rows per table; returns the next table number. A row belongs to its closest table
 * (not to a table nested in one of its cells); a cell is a `td`/`th` child of its row. One walk of the
 * tree: CSS selection per table and per row (hast-util-select) was most of this module's time.
 */
function collectCells(node: Parents, table: TableWalk | undefined, nextTable: number, base: number, cells: HtmlTableCell[]): number {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'table') {
      nextTable = collectCells(child, {index: nextTable, rows: 0}, nextTable + 1, base, cells)
      continue
    }
    if (child.tagName === 'tr' && table) {
      const row = table.rows++
      let column = 0
      for (const cell of child.children) {
        if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue
        const start = cell.position?.start.offset
        const end = cell.position?.end.offset
        if (start !== undefined && end !== undefined) cells.push({table: table.index, row, column, start: base + start, end: base + end})
        column++
      }
    }
    nextTable = collectCells(child, table, nextTable, base, cells)
  }
  return nextTable
}
