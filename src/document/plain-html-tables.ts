/**
 * A small exact reader for the HTML tables docs write: every element closed by its own end tag,
 * properly nested, from a short list of elements, with nothing but white space between the table's
 * structural tags. On such a region the HTML tree builder (parse5, which rehype-parse runs) builds
 * exactly the tree the tags spell, so the cells can be read off the tags; rehype costs most of the time
 * of a table (and its first use in a process much more). The reader returns undefined, and rehype
 * reads the region, for anything whose tree the tags alone do not decide:
 * - any other element, `<!` (comments, CDATA, doctype), `<?`, a `<` + letter or `</` that is not a
 *   plain tag, an end tag that does not close the current element, an element left open, `/>` on
 *   other than a void element, NUL or CR;
 * - text or elements straight inside `table`, `thead`, `tbody`, `tfoot` or `tr` other than their own
 *   children (the tree builder would move it before the table: "foster parenting"), an `li` outside
 *   `ul`/`ol`, an `a` inside an `a`;
 * - a start tag that closes an open `p` (block elements, `li`, `table`: the `</p>` after it would then
 *   make a second, empty `p`).
 * test/document-html-tables.test.ts proves it equal to rehype on every corpus table and on random ones.
 */
import type {HtmlTableCell} from './html-tables.js'
import {charCodes} from '../inline/char-codes.js'

/** Children allowed straight inside a table-structure element (besides white space). */
const structure: Record<string, readonly string[]> = {
  table: ['thead', 'tbody', 'tfoot', 'tr'],
  thead: ['tr'],
  tbody: ['tr'],
  tfoot: ['tr'],
  tr: ['td', 'th']
}
/** Elements of the phrasing and flow content of a cell, which the tree builder nests as written. */
const content = new Set(['span', 'strong', 'b', 'em', 'i', 'a', 'code', 'sup', 'sub', 'p', 'ul', 'ol', 'li', 'blockquote', 'center', 'table'])
const voids = new Set(['br', 'img'])
/** Start tags that close an open `p` (the HTML tree builder's "close a p element" cases, among ours). */
const closesParagraph = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'center', 'table'])
/** HTML's white space (not JavaScript's `\s`, which counts NBSP and more). */
const space = /^[ \t\n\f]*$/
const startTag = /<([A-Za-z][A-Za-z0-9]*)(?:[ \t\n\f]+[A-Za-z_:][-A-Za-z0-9_:.]*(?:[ \t\n\f]*=[ \t\n\f]*(?:"[^"]*"|'[^']*'|[^ \t\n\f"'=<>`]+))?)*[ \t\n\f]*(\/?)>/y
const endTag = /<\/([A-Za-z][A-Za-z0-9]*)[ \t\n\f]*>/y

interface OpenElement {
  name: string
  start: number
  /** For a table: its number; for a row: its number in its table; for a cell: its column. */
  index: number
  /** Rows (of a table) or cells (of a row) opened so far. */
  children: number
}

/**
 * The cells of the tables in `region` (a `<table` … `</table>` slice of the file starting at `base`),
 * numbered from `nextTable` in document order, appended to `cells`; returns the next table number.
 * Undefined (and `cells` untouched) when rehype must read the region.
 */
export function readPlainTables(region: string, base: number, nextTable: number, cells: HtmlTableCell[]): number | undefined {
  if (region.includes('\0') || region.includes('\r')) return undefined
  const found: HtmlTableCell[] = []
  const stack: OpenElement[] = []
  let tables = nextTable
  let paragraphs = 0
  let anchors = 0
  let textFrom = 0
  for (let at = region.indexOf('<'); at >= 0; at = region.indexOf('<', at + 1)) {
    const next = region.charCodeAt(at + 1)
    const letter = (next >= charCodes.uppercaseA && next <= charCodes.uppercaseZ) || (next >= charCodes.lowercaseA && next <= charCodes.lowercaseZ)
    if (!letter && next !== charCodes.slash && next !== charCodes.exclamationMark && next !== charCodes.questionMark) continue // `<` as text
    const parent = stack.at(-1)
    if (parent && parent.name in structure && !space.test(region.slice(textFrom, at))) return undefined
    if (next === charCodes.slash) {
      endTag.lastIndex = at
      const tag = endTag.exec(region)
      const name = tag?.[1]!.toLowerCase()
      if (!tag || !parent || name !== parent.name) return undefined
      stack.pop()
      if (name === 'p') paragraphs--
      if (name === 'a') anchors--
      if (name === 'td' || name === 'th') {
        const row = stack.at(-1)!
        const table = stack.at(-2)!.name === 'table' ? stack.at(-2)! : stack.at(-3)!
        found.push({table: table.index, row: row.index, column: parent.index, start: base + parent.start, end: base + endTag.lastIndex})
      }
      at = endTag.lastIndex - 1
      textFrom = endTag.lastIndex
      continue
    }
    if (!letter) return undefined
    const tagStart = at
    startTag.lastIndex = at
    const tag = startTag.exec(region)
    if (!tag) return undefined
    const name = tag[1]!.toLowerCase()
    const selfClosing = tag[2] === '/'
    if (parent && parent.name in structure ? !structure[parent.name]!.includes(name) : !content.has(name) && !voids.has(name)) return undefined
    if (!parent && name !== 'table') return undefined
    if (paragraphs > 0 && closesParagraph.has(name)) return undefined
    if ((name === 'li' && parent?.name !== 'ul' && parent?.name !== 'ol') || (name === 'a' && anchors > 0)) return undefined
    at = startTag.lastIndex - 1
    textFrom = startTag.lastIndex
    if (voids.has(name)) continue
    if (selfClosing) return undefined
    let index = 0
    if (name === 'table') index = tables++
    else if (name === 'tr' || name === 'td' || name === 'th') {
      // A row's table is its parent or the table of its `thead`/`tbody`/`tfoot`; a cell's row is its parent.
      const owner = name === 'tr' && parent!.name !== 'table' ? stack.at(-2)! : parent!
      index = owner.children++
    }
    if (name === 'p') paragraphs++
    if (name === 'a') anchors++
    stack.push({name, start: tagStart, index, children: 0})
  }
  if (stack.length > 0 || !space.test(region.slice(textFrom))) return undefined
  cells.push(...found)
  return tables
}
