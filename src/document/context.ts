/**
 * Locate each pair in the mdast tree and describe where it sits: block kind, heading depth, GFM or
 * HTML table cell, alert type, link, list depth. Pairs are located by the offset of their first byte.
 */
import type {Nodes, Parents, Root, Table} from 'mdast'
import {visit} from 'unist-util-visit'
import type {ContextKind, SegmentContext} from './types.js'
import type {HtmlTableCell} from './html-tables.js'
import {countStartingAtOrBefore} from './search.js'

const blockTypes = new Set(['paragraph', 'heading', 'tableRow', 'html', 'code', 'yaml', 'thematicBreak', 'definition'])
const phrasingBlocks = new Set(['paragraph', 'heading', 'tableRow'])
const containerTypes = new Set(['list', 'listItem', 'blockquote', 'table', 'footnoteDefinition'])
const alertMarker = /^\s*>?\s*\[!([A-Za-z]+)\]/

export interface ContextLocator {
  /** `treeOffset`: where the pair starts in the text remark read; `fileOffset`: in the file. */
  locate(treeOffset: number, fileOffset: number): SegmentContext
}

/** `text` is the text remark read (the masked copy, without a BOM); HTML table cells are in file offsets. */
export function createContextLocator(tree: Root, text: string, htmlCells: HtmlTableCell[]): ContextLocator {
  const tableIndex = new Map<Table, number>()
  visit(tree, 'table', (node: Table) => {
    tableIndex.set(node, tableIndex.size)
  })

  const htmlCellAt = htmlCellFinder(htmlCells)

  function locate(offset: number, fileOffset: number): SegmentContext {
    const path: Nodes[] = []
    let node: Nodes = tree
    for (;;) {
      path.push(node)
      if (!('children' in node)) break
      const child = childAt(node, offset)
      if (!child) break
      node = child
    }

    const ancestors: string[] = []
    let block = 'root'
    let kind: ContextKind = 'paragraph'
    let listDepth = -1
    let inCode = false
    let link: SegmentContext['link']
    let table: SegmentContext['table']
    let headingDepth: number | undefined
    let alert: string | undefined
    let inBlockquote = false
    let inListItem = false

    for (let index = 1; index < path.length; index++) {
      const current = path[index]!
      const parent = path[index - 1]!
      // Inline `html` nodes (each tag of a span is one) sit inside a paragraph, heading or cell: the block is the outer one.
      if (blockTypes.has(current.type) && !phrasingBlocks.has(block)) block = current.type
      else if (containerTypes.has(current.type)) ancestors.push(current.type)
      switch (current.type) {
        case 'list':
          listDepth++
          break
        case 'listItem':
          inListItem = true
          break
        case 'blockquote': {
          inBlockquote = true
          const start = current.position?.start.offset ?? 0
          const marker = alertMarker.exec(text.slice(start, start + 40))
          if (marker) alert = marker[1]!.toUpperCase()
          break
        }
        case 'heading':
          headingDepth = current.depth
          break
        case 'tableRow': {
          const tableNode = parent as Table
          const row = tableNode.children.indexOf(current)
          const column = columnAt(current.children, offset)
          table = {html: false, index: tableIndex.get(tableNode) ?? 0, row, column}
          break
        }
        case 'code':
        case 'inlineCode':
          inCode = true
          break
        case 'link':
          link = {url: current.url, image: false}
          break
        case 'image':
          link = {url: current.url, image: true}
          break
        default:
          break
      }
    }

    if (!inCode && !table) {
      const cell = htmlCellAt(fileOffset)
      if (cell) table = {html: true, index: cell.table, row: cell.row, column: cell.column}
    }

    if (inCode) kind = 'code'
    else if (link?.image) kind = 'image'
    else if (link) kind = 'link'
    else if (table) kind = table.html ? 'htmlTableCell' : 'tableCell'
    else if (headingDepth !== undefined) kind = 'heading'
    else if (alert) kind = 'alert'
    else if (inBlockquote) kind = 'blockquote'
    else if (inListItem) kind = 'listItem'
    else if (block === 'html') kind = 'html'
    else kind = 'paragraph'

    return {
      kind,
      block,
      ancestors,
      ...(headingDepth !== undefined ? {headingDepth} : {}),
      ...(table ? {table} : {}),
      ...(alert ? {alert} : {}),
      ...(link ? {link} : {}),
      ...(listDepth >= 0 ? {listDepth} : {})
    }
  }

  return {locate}
}


/** The innermost HTML table cell holding a file offset (`cells` sorted by start, as findHtmlTableCells gives them). */
export function htmlCellFinder(htmlCells: readonly HtmlTableCell[]): (offset: number) => HtmlTableCell | undefined {
  return (offset) => {
    // Innermost cell holding the offset: the last one starting at or before it that also ends after it.
    let found: HtmlTableCell | undefined
    for (let index = countStartingAtOrBefore(htmlCells, offset, cellStart) - 1; index >= 0; index--) {
      const cell = htmlCells[index]!
      if (cell.end > offset) {
        found = cell
        break
      }
      if (offset - cell.start > 1_000_000) break
    }
    return found
  }
}

/** Where a cell starts (a function made once, not per search). */
function cellStart(cell: HtmlTableCell): number {
  return cell.start
}

/** The child whose range holds `offset` (binary search: children are in order and do not overlap). */
function childAt(node: Parents, offset: number): Nodes | undefined {
  const children = node.children as Nodes[]
  let low = 0
  let high = children.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const child = children[middle]!
    const start = child.position?.start.offset ?? 0
    const end = child.position?.end.offset ?? 0
    if (offset < start) high = middle - 1
    else if (offset >= end) low = middle + 1
    else return child
  }
  return undefined
}

/** Column of `offset` in a table row: the last cell that starts at or before it. */
function columnAt(cells: Nodes[], offset: number): number {
  let column = 0
  cells.forEach((cell, index) => {
    if ((cell.position?.start.offset ?? 0) <= offset) column = index
  })
  return column
}
