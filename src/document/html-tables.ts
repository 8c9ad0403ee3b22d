/**
 * HTML tables (`<table>` … `</table>` written as HTML inside markdown): rehype-parse reads the raw
 * table, hast-util-select finds its rows and cells, and each cell's offsets are rebased onto the file,
 * so that a pair inside a `<td>` gets its table, row and column.
 */
import {unified} from 'unified'
import rehypeParse from 'rehype-parse'
import {selectAll} from 'hast-util-select'
import type {Element, Root as HastRoot} from 'hast'
import type {Html, Root} from 'mdast'
import {visit} from 'unist-util-visit'

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

/** The same from the HTML nodes' ranges (file offsets, in document order), found by remark or the fast path. */
export function findHtmlTableCellsIn(text: string, nodes: ReadonlyArray<{start: number; end: number}>): HtmlTableCell[] {
  const cells: HtmlTableCell[] = []
  // Every `<table` of the file, found once: searching from each html node would be quadratic.
  const opens = [...text.matchAll(tableOpenAll)].map((match) => match.index)
  if (opens.length === 0) return cells
  let tableIndex = 0
  let searchedUpTo = 0
  for (const {start: nodeStart, end: nodeEnd} of nodes) {
    if (nodeStart < searchedUpTo) continue
    const openIndex = opens.find((index) => index >= nodeStart && index < nodeEnd)
    if (openIndex === undefined) continue
    const open = {index: openIndex}
    // The table may run over several mdast nodes (blank lines and markdown between its tags), and may hold
    // tables of its own: its end is the `</table>` that brings the depth back to zero.
    const regionEnd = tableEnd(text, open.index) ?? nodeEnd
    searchedUpTo = regionEnd
    const region = text.slice(open.index, regionEnd)
    const hast = htmlParser.parse(region) as HastRoot
    for (const table of selectAll('table', hast)) {
      const rows = selectAll('tr', table).filter((row) => closestTable(row, table))
      rows.forEach((row, rowIndex) => {
        const rowCells = row.children.filter(
          (child): child is Element => child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th')
        )
        rowCells.forEach((cell, column) => {
          const start = cell.position?.start.offset
          const end = cell.position?.end.offset
          if (start === undefined || end === undefined) return
          cells.push({table: tableIndex, row: rowIndex, column, start: open.index + start, end: open.index + end})
        })
      })
      tableIndex++
    }
  }
  return cells.sort((a, b) => a.start - b.start)
}

/** Offset after the `</table>` that closes the table opened at `start`; undefined when it never closes. */
function tableEnd(text: string, start: number): number | undefined {
  tableTag.lastIndex = start
  let depth = 0
  let match: RegExpExecArray | null
  while ((match = tableTag.exec(text))) {
    depth += match[1] === '/' ? -1 : 1
    if (depth === 0) return match.index + match[0].length
  }
  return undefined
}

/** Whether `row` belongs to `table` itself, not to a table nested in one of its cells. */
function closestTable(row: Element, table: Element): boolean {
  // selectAll matches the node it starts from too.
  const nested = selectAll('table', table).filter((inner) => inner !== table)
  return !nested.some((inner) => selectAll('tr', inner).includes(row))
}
