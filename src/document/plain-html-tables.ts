/**
 * A small exact reader for the HTML tables docs write: table structure closed by its own end tags, from
 * a short list of elements, with nothing but white space between the table's structural tags. On such a
 * region the HTML tree builder (parse5, which rehype-parse runs) builds the table the tags spell, so the
 * cells can be read off the tags; rehype costs most of the time of a table (and its first use in a
 * process much more: on the dev corpus it is no longer used at all). Inside a cell, content is followed
 * element by element while it nests as written; content the tree builder repairs (a `li` outside a list,
 * an `a` in an `a`, a block in a `p`, an end tag that closes another element than the open one) is
 * repaired inside the cell, never past it, so from there to the cell's end tag only that end tag is
 * followed (`loosen`). A `<table>` where `</table>` belongs closes the table and opens another. The
 * reader returns undefined, and rehype reads the region, for anything whose cells the tags alone do not
 * decide:
 * - any other element, `<!` (comments, CDATA, doctype), `<?`, a `<` + letter or `</` that is not a
 *   plain tag, an end tag that closes another element outside a cell's content, a cell or content
 *   element left open, `/>` on other than a void element (outside a repaired cell), NUL or CR;
 * - text or elements straight inside `table`, `thead`, `tbody`, `tfoot` or `tr` other than their own
 *   children (the tree builder would move it before the table: "foster parenting");
 * - a table inside a cell whose content was repaired, or where it would close an open `p`.
 * test/document-html-tables.test.ts proves it equal to rehype on every corpus table and on random ones
 * (well formed, broken, and with content misnested inside cells).
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
  /** A cell whose content is no longer followed element by element (see `loosen`). */
  loose?: boolean
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
  /**
   * Content misnested inside a cell (a `li` outside a list, an `a` in an `a`, a block in a `p`, an end tag
   * that closes another element): the tree builder repairs it inside the cell, never past it. A cell is a
   * scope boundary: no content end tag pops it, the adoption agency stays below it, and its `</td>` pops
   * whatever is still open in it. So the cell's extent and the table's shape stay what the structural tags
   * say, and from here to the cell's end only those are followed: its content elements leave the stack.
   * False (and the region goes to rehype) outside a cell.
   */
  const loosen = (): boolean => {
    let cell = stack.length - 1
    while (cell >= 0 && !isCell(stack[cell]!.name)) {
      if (stack[cell]!.name in structure) return false
      cell--
    }
    if (cell < 0) return false
    for (const open of stack.splice(cell + 1)) {
      if (open.name === 'p') paragraphs--
      if (open.name === 'a') anchors--
    }
    stack[cell]!.loose = true
    return true
  }
  for (let at = region.indexOf('<'); at >= 0; at = region.indexOf('<', at + 1)) {
    const next = region.charCodeAt(at + 1)
    const letter = (next >= charCodes.uppercaseA && next <= charCodes.uppercaseZ) || (next >= charCodes.lowercaseA && next <= charCodes.lowercaseZ)
    if (!letter && next !== charCodes.slash && next !== charCodes.exclamationMark && next !== charCodes.questionMark) continue // `<` as text
    let parent = stack.at(-1)
    if (parent && parent.name in structure && !space.test(region.slice(textFrom, at))) return undefined
    if (next === charCodes.slash) {
      endTag.lastIndex = at
      const tag = endTag.exec(region)
      const name = tag?.[1]!.toLowerCase()
      if (!tag || !parent || !name) return undefined
      if (name !== parent.name) {
        // Closing another element than the open one: misnested content, followed no further in its cell.
        if (!parent.loose && !((isInCell(name) || isCell(name)) && loosen())) return undefined
        parent = stack.at(-1)!
        // In the loose cell, its own end tag closes it; a content end tag is repaired inside it.
        if (name !== parent.name && (name === 'table' || !isInCell(name))) return undefined
      }
      at = endTag.lastIndex - 1
      textFrom = endTag.lastIndex
      if (name !== parent.name) continue
      stack.pop()
      if (name === 'p') paragraphs--
      if (name === 'a') anchors--
      if (isCell(name)) {
        const row = stack.at(-1)!
        const table = stack.at(-2)!.name === 'table' ? stack.at(-2)! : stack.at(-3)!
        found.push({table: table.index, row: row.index, column: parent.index, start: base + parent.start, end: base + endTag.lastIndex})
      }
      continue
    }
    if (!letter) return undefined
    const tagStart = at
    startTag.lastIndex = at
    const tag = startTag.exec(region)
    if (!tag) return undefined
    const name = tag[1]!.toLowerCase()
    const selfClosing = tag[2] === '/'
    if (name === 'table' && parent?.name === 'table') {
      // `<table>` where `</table>` belongs: the tree builder closes the open table and starts another after it.
      stack.pop()
      parent = stack.at(-1)
    }
    if (parent?.loose) {
      // A content start tag in a loose cell (a table there would need its tree): followed no further.
      if (name === 'table' || !isInCell(name)) return undefined
      at = startTag.lastIndex - 1
      textFrom = startTag.lastIndex
      continue
    }
    if (parent && parent.name in structure ? !structure[parent.name]!.includes(name) : !isInCell(name)) return undefined
    if (!parent && name !== 'table') return undefined
    if (selfClosing && !voids.has(name)) return undefined
    const misnested = (paragraphs > 0 && closesParagraph.has(name)) || (name === 'li' && parent?.name !== 'ul' && parent?.name !== 'ol') || (name === 'a' && anchors > 0)
    if (misnested && (name === 'table' || !loosen())) return undefined
    at = startTag.lastIndex - 1
    textFrom = startTag.lastIndex
    if (misnested || voids.has(name)) continue
    let index = 0
    if (name === 'table') index = tables++
    else if (name === 'tr' || isCell(name)) {
      // A row's table is its parent or the table of its `thead`/`tbody`/`tfoot`; a cell's row is its parent.
      const owner = name === 'tr' && parent!.name !== 'table' ? stack.at(-2)! : parent!
      index = owner.children++
    }
    if (name === 'p') paragraphs++
    if (name === 'a') anchors++
    stack.push({name, start: tagStart, index, children: 0})
  }
  // Left open at the end, table structure alone (its cells all closed) changes no cell: a `<table>` written
  // for `</table>` at the end of the region leaves an empty table open.
  if (stack.some((open) => !(open.name in structure)) || !space.test(region.slice(textFrom))) return undefined
  cells.push(...found)
  return tables
}

function isCell(name: string): boolean {
  return name === 'td' || name === 'th'
}

/** Whether an element may be written inside a cell (its content, a void element, a nested table). */
function isInCell(name: string): boolean {
  return content.has(name) || voids.has(name)
}
