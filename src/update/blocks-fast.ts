/**
 * update's block reading from parse's fast path (`fastBlockReading`: the block scanner of
 * document/fast-blocks.ts), about ten times faster than walking remark's mdast (blocks-remark.ts), which it
 * equals wherever it answers (test/update-speed.test.ts). It declines (undefined) where the scanner does, and
 * where remark's node ends are not the trimmed leaf's: a fenced code block without its closing fence (remark
 * ends it after blank lines that depend on the list around it).
 */
import type {LeafBlock} from '../document/types.js'
import {fastBlockReading} from '../document/parse.js'
import {blockKey, contentRanges, trimRange, type Block, type BlockReading, type TextRange} from './blocks.js'

export function readFastBlocks(text: string): BlockReading | undefined {
  const reading = fastBlockReading(text)
  if (!reading || reading.leaves.some((leaf) => leaf.fence?.closed === false)) return undefined
  const {leaves, frontMatterEnd} = reading
  const blocks: Block[] = []
  for (const leaf of withThematicBreaks(text, leaves, frontMatterEnd)) {
    const lineStart = Math.max(frontMatterEnd, text.lastIndexOf('\n', leaf.start - 1) + 1)
    const ranges = proseRanges(text, leaf)
    // To the end of its line: trailing blanks (a markdown line break, spaces a source kept) belong to the block.
    let lineEnd = text.indexOf('\n', indentedCodeEnd(text, leaf))
    if (lineEnd < 0) lineEnd = text.length
    else if (text[lineEnd - 1] === '\r') lineEnd--
    const end = Math.max(leaf.end, lineEnd)
    const last = blocks[blocks.length - 1]
    // Two leaves on one line (`- # Title`, a paragraph ending on the line the next starts): one block.
    if (last && lineStart < last.end) {
      last.end = Math.max(last.end, end)
      last.ranges.push(...ranges)
      continue
    }
    blocks.push({start: lineStart, end, kind: leaf.kind, key: '', ranges})
  }
  for (const block of blocks) block.key = blockKey(text.slice(block.start, block.end))
  return {frontMatterEnd, blocks}
}

type Leaf = LeafBlock | {kind: 'thematicBreak'; start: number; end: number}

/**
 * The leaves with the thematic breaks (`---`, `***` on a line of their own) between them, which the block
 * parse does not report and remark's mdast has as leaves: a line outside every leaf that is one (after its
 * block quote markers).
 */
function withThematicBreaks(text: string, leaves: readonly LeafBlock[], from: number): Leaf[] {
  const all: Leaf[] = []
  let cursor = from
  const gap = (end: number): void => {
    if (!/[-*_]/.test(text.slice(cursor, end))) return
    let lineStart = text.indexOf('\n', cursor)
    while (lineStart >= 0 && lineStart < end) {
      lineStart++
      let lineEnd = text.indexOf('\n', lineStart)
      if (lineEnd < 0 || lineEnd > end) lineEnd = end
      const line = text.slice(lineStart, lineEnd).replace(/\r$/, '')
      // Any indentation: an indented one is in a list item (indented code would be a leaf, not a gap).
      if (/^(?:[ \t]*>)*[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) all.push({kind: 'thematicBreak', start: lineStart, end: lineStart + line.length})
      lineStart = text.indexOf('\n', lineStart)
    }
  }
  for (const leaf of leaves) {
    gap(leaf.start)
    all.push(leaf)
    cursor = leaf.end
  }
  gap(text.length)
  return all
}

/**
 * Where remark ends an indented code block: after the blank lines that follow it when they are indented as
 * code (four blanks or more), which its node takes in.
 */
function indentedCodeEnd(text: string, leaf: Leaf): number {
  if (leaf.kind !== 'code' || ('fence' in leaf && leaf.fence)) return leaf.end
  let end = leaf.end
  for (;;) {
    const next = /^[ \t]*\r?\n([ \t]*)(?=\r?\n)/.exec(text.slice(end, end + 200))
    if (!next || next[1]!.replace(/\t/g, '    ').length < 4) return end
    end += next[0].length
  }
}

/** The prose of a leaf block: heading and paragraph content, each table cell's content. */
function proseRanges(text: string, leaf: Leaf): TextRange[] {
  if (leaf.kind === 'paragraph') return contentRanges(text, leaf.start, leaf.end)
  if (leaf.kind === 'heading') {
    const content = headingContent(text, leaf.start, leaf.end)
    return content ? contentRanges(text, content.start, content.end) : []
  }
  if (leaf.kind === 'tableRow') return cellRanges(text, leaf.start, leaf.end, ('table' in leaf && leaf.table?.cells) || Infinity).flatMap((cell) => contentRanges(text, cell.start, cell.end))
  return []
}

/**
 * A heading's content (what remark's children span): an ATX heading without its opening `#`s and its closing
 * sequence, a setext heading without its underline line. Undefined when it has none (`#`).
 */
function headingContent(text: string, start: number, end: number): TextRange | undefined {
  const source = text.slice(start, end)
  if (source.startsWith('#')) {
    const open = /^#{1,6}(?:[ \t]+|$)/.exec(source)!
    let rest = source.slice(open[0].length)
    // A closing sequence: `#`s after a space or tab (or the whole content), then blanks.
    rest = rest.replace(/(?:^|[ \t]+)#+[ \t]*$/, '')
    return trimRange(text, {start: start + open[0].length, end: start + open[0].length + rest.length})
  }
  const underline = source.lastIndexOf('\n')
  return underline < 0 ? undefined : trimRange(text, {start, end: start + underline})
}

/**
 * A GFM table row's cells (trimmed): cut at each `|` that is not escaped (`\\|`; a pipe inside inline code
 * cuts too, as in GFM), the row's leading and trailing pipe left out; at most `cells` (remark's count).
 */
function cellRanges(text: string, start: number, end: number, cells: number): TextRange[] {
  const found: TextRange[] = []
  let at = start
  if (text[at] === '|') at++
  let cellStart = at
  for (; at < end; at++) {
    const char = text[at]
    if (char === '\\' && (text[at + 1] === '|' || text[at + 1] === '\\')) at++
    else if (char === '|') {
      found.push({start: cellStart, end: at})
      cellStart = at + 1
    }
  }
  if (text.slice(cellStart, end).trim() !== '') found.push({start: cellStart, end})
  return found.slice(0, cells).map((cell) => trimRange(text, cell)).filter((cell) => cell.start < cell.end)
}

