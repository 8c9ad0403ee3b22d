/**
 * A small line-based scan of markdown for what the table and fence rules need: fenced code blocks
 * (closed or not) and GFM tables (header, delimiter row, body rows, cell counts). It runs on the
 * bilingual file and on both rendered documents; remark stays the reference for everything else.
 * It follows CommonMark/GFM closely enough for these rules: blockquote markers are stripped, a fence
 * inside a list item ends where a line outdents past it, a table ends at a blank line or a new block.
 */

export interface Line {
  /** 0-based line index. */
  index: number
  start: number
  /** Offset of the end of the line, before its line ending. */
  end: number
  text: string
}

export interface Fence {
  /** Line of the opening fence. */
  open: Line
  /** Line of the closing fence, if there is one. */
  close: Line | undefined
  /** Last line inside the block (the line before the one that ended it). */
  last: Line
  marker: string
  indent: number
}

export interface TableRow {
  line: Line
  /** Offset where the row's content starts (after indentation and quote markers). */
  contentStart: number
  cells: number
}

export interface Table {
  header: TableRow
  delimiter: TableRow
  /** Number of cells of the delimiter row: what every row should have. */
  columns: number
  rows: TableRow[]
  /** The header and delimiter disagree: GFM does not read this as a table. */
  broken: boolean
}

export interface BlockScan {
  lines: Line[]
  fences: Fence[]
  tables: Table[]
  /** For each line, whether it is inside a fence (fence lines included). */
  inFence: boolean[]
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  let index = 0
  while (start <= text.length) {
    let next = text.indexOf('\n', start)
    if (next < 0) next = text.length
    const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next
    lines.push({index: index++, start, end, text: text.slice(start, end)})
    if (next >= text.length) break
    start = next + 1
  }
  return lines
}

const quotePrefix = /^(?: {0,3}> ?)+/
const fenceOpen = /^(\s*)(`{3,}|~{3,})(.*)$/
const delimiterRow = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/
const blockStart = /^(?:#{1,6}(?:\s|$)|`{3,}|~{3,}|>|(?:[-*+]|\d{1,9}[.)])\s)/

interface Content {
  depth: number
  indent: number
  offset: number
  text: string
}

function content(line: Line): Content {
  const first = line.text.charCodeAt(0)
  // Most lines start with neither a space, a tab nor `>`: no quote marker and nothing to strip (what the general case below finds too).
  if (first !== 32 && first !== 9 && first !== 62) return {depth: 0, indent: 0, offset: line.start, text: line.text}
  const quote = quotePrefix.exec(line.text)
  const depth = quote ? (quote[0].match(/>/g) ?? []).length : 0
  const rest = quote ? line.text.slice(quote[0].length) : line.text
  const stripped = rest.replace(/^[ \t]+/, '')
  const indent = rest.length - stripped.length
  return {depth, indent, offset: line.start + (line.text.length - stripped.length), text: stripped}
}

/** Cells of a table row, as GFM counts them: split on unescaped `|`, outer pipes dropped. */
export function countCells(row: string): number {
  let text = row.trim()
  if (text.startsWith('|')) text = text.slice(1)
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1)
  if (text.trim() === '') return 1
  let cells = 1
  for (let pipe = text.indexOf('|'); pipe >= 0; pipe = text.indexOf('|', pipe + 1)) {
    if (!isEscaped(text, pipe)) cells++
  }
  return cells
}

/**
 * Whether a backslash escapes the character at `index`: an odd run of backslashes precedes it. The same
 * as reading from the start with `\` skipping the next character (a run's first backslash is never
 * skipped: the character before it is not a backslash), but rows are long and have few pipes.
 */
function isEscaped(text: string, index: number): boolean {
  let before = index
  while (before > 0 && text.charCodeAt(before - 1) === 92 /* \ */) before--
  return (index - before) % 2 === 1
}

/** Offsets (into `text`) of every unescaped `|`. */
export function unescapedPipes(text: string): number[] {
  const found: number[] = []
  // Most texts have no `|` at all: a native search says so.
  if (!text.includes('|')) return found
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 92) index++
    else if (code === 124) found.push(index)
  }
  return found
}

const listItem = /^([-*+]|\d{1,9}[.)])( {1,4}|\t|$)/

/**
 * The content column of the list item a line at `indent` belongs to (0: none). The nearest earlier
 * non-blank line indented less is the item's first line when it starts with a list marker whose
 * content column is at most `indent`.
 */
function listContentColumn(lines: LineSource, index: number, indent: number, depth: number): number {
  if (indent === 0) return 0
  for (let previous = index - 1; previous >= 0; previous--) {
    const line = content(lines.at(previous))
    if (line.text.trim() === '' || line.depth !== depth) continue
    if (line.indent >= indent) continue
    const marker = listItem.exec(line.text)
    if (!marker) return 0
    const column = line.indent + marker[1]!.length + (marker[2] === '' ? 1 : marker[2]!.length)
    return column <= indent ? column : 0
  }
  return 0
}

/**
 * A line that starts with a printable ASCII character other than `>`, `<`, a backtick or `~` (so with no
 * quote marker, indentation or other whitespace either) and holds no `|`: it opens no comment, fence or
 * table. Most lines are such lines; they need neither `content` nor the patterns.
 */
export function isPlainLine(text: string): boolean {
  return isPlainStart(text.charCodeAt(0)) && !text.includes('|')
}

export function isPlainStart(first: number): boolean {
  return first > 32 && first < 127 && first !== 62 /* > */ && first !== 60 /* < */ && first !== 96 /* ` */ && first !== 126 /* ~ */
}

export function scanBlocks(text: string): BlockScan {
  const lines = splitLines(text)
  return {lines, ...scan({length: lines.length, at: (index) => lines[index]!, isPlain: (index) => isPlainLine(lines[index]!.text) || lines[index]!.text === ''})}
}

/**
 * The tables of a text, as `scanBlocks(text).tables`, without making an object of every line: a line is
 * made only when the scan looks past its first character and its `|`s (the rendered documents' scans
 * ask for nothing else).
 */
export function scanTables(text: string): Table[] {
  const starts = [0]
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) starts.push(newline + 1)
  // The next `|` at or after the line asked about (lines are asked about in order): no search per line.
  let pipe = -1
  const at = (index: number): Line => {
    const start = starts[index]!
    const next = index + 1 < starts.length ? starts[index + 1]! - 1 : text.length
    const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next
    return {index, start, end, text: text.slice(start, end)}
  }
  const isPlain = (index: number): boolean => {
    const start = starts[index]!
    const end = index + 1 < starts.length ? starts[index + 1]! - 1 : text.length
    if (pipe < start) {
      pipe = text.indexOf('|', start)
      if (pipe < 0) pipe = Infinity
    }
    // `isPlainLine` of the line's text (a `\r` before the line break is no `|`, and no plain first character), or an empty line.
    return start === end || (isPlainStart(text.charCodeAt(start)) && pipe >= end)
  }
  return scan({length: starts.length, at, isPlain}).tables
}

/** The tables of the lines a source gives (`scanTables` of their text, when they are that text's lines). */
export function scanTablesOf(lines: LineSource): Table[] {
  return scan(lines).tables
}

/** The lines of a text, as the scan reads them. */
export interface LineSource {
  length: number
  at(index: number): Line
  /**
   * Whether the scan can pass the line by: `isPlainLine` of its text, or (when cheap to tell) an empty
   * line, which opens nothing either. Only ever true for such lines.
   */
  isPlain(index: number): boolean
}

function scan(lines: LineSource): Omit<BlockScan, 'lines'> {
  const fences: Fence[] = []
  const tables: Table[] = []
  const inFence = new Array<boolean>(lines.length).fill(false)
  let index = 0
  // Front matter is not markdown.
  if (lines.at(0).text.replace(/^\uFEFF/, '') === '---') {
    for (let end = 1; end < lines.length; end++) {
      if (lines.at(end).text === '---' || lines.at(end).text === '...') {
        index = end + 1
        break
      }
    }
  }
  while (index < lines.length) {
    if (lines.isPlain(index)) {
      index++
      continue
    }
    const line = lines.at(index)
    const here = content(line)
    // An HTML comment block is not markdown: it ends at the line holding `-->`.
    if (here.text.startsWith('<!--') && here.indent < 4) {
      let end = index
      while (end < lines.length && !lines.at(end).text.includes('-->', end === index ? line.text.indexOf('<!--') + 4 : 0)) end++
      index = end + 1
      continue
    }
    const fence = fenceOpen.exec(here.text)
    if (fence && !(fence[2]!.startsWith('`') && fence[3]!.includes('`'))) {
      const marker = fence[2]!
      const indent = here.indent
      const container = listContentColumn(lines, index, indent, here.depth)
      let close: Line | undefined
      let last = line
      let next = index + 1
      inFence[index] = true
      for (; next < lines.length; next++) {
        const candidate = lines.at(next)
        const inside = content(candidate)
        const blank = inside.text.trim() === '' && inside.depth >= here.depth
        // A fence in a container ends with it: fewer quote markers, or (in a list item) a line outdented past it.
        if (!blank && (inside.depth < here.depth || inside.indent < container)) break
        inFence[next] = true
        last = candidate
        const closing = /^(`{3,}|~{3,})\s*$/.exec(inside.text)
        if (closing && closing[1]![0] === marker[0] && closing[1]!.length >= marker.length) {
          close = candidate
          next++
          break
        }
      }
      fences.push({open: line, close, last, marker, indent})
      index = next
      continue
    }
    // A table: a line with a pipe, then a delimiter row, at the same quote depth.
    // The next line is read only after a line with a `|` (a rendered document's lines are made when read).
    const following = index + 1 < lines.length && here.text.includes('|') ? lines.at(index + 1) : undefined
    if (following) {
      const delimiter = content(following)
      if (delimiter.depth === here.depth && delimiter.text.includes('-') && delimiterRow.test(delimiter.text) && (delimiter.text.includes('|') || here.text.includes('|'))) {
        const headerRow: TableRow = {line, contentStart: here.offset, cells: countCells(here.text)}
        const delimiterRowData: TableRow = {line: following, contentStart: delimiter.offset, cells: countCells(delimiter.text)}
        const table: Table = {header: headerRow, delimiter: delimiterRowData, columns: delimiterRowData.cells, rows: [], broken: headerRow.cells !== delimiterRowData.cells}
        let next = index + 2
        for (; next < lines.length; next++) {
          const candidate = lines.at(next)
          const row = content(candidate)
          if (row.text.trim() === '' || row.depth !== here.depth || blockStart.test(row.text)) break
          // A broken "table" is a paragraph: it runs to the blank line too.
          table.rows.push({line: candidate, contentStart: row.offset, cells: countCells(row.text)})
        }
        tables.push(table)
        index = next
        continue
      }
    }
    index++
  }
  return {fences, tables, inFence}
}
