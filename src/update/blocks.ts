/**
 * Blocks of a markdown text (the new English, or the source side of the old bilingual document), the units
 * that `update` aligns. One reading for both sides, remark's, so that the two are cut the same way: a block
 * is one leaf block of mdast (paragraph, heading, code, html, table row, thematic break, definition), from
 * the start of the line it starts on (list markers and `>` included) to the end of the line it ends on. The text between blocks
 * (blank lines, a table's delimiter row) is not part of any block.
 */
import type {Root, Nodes, Parent} from 'mdast'
import {parseBlocks} from '../document/blocks.js'

export interface TextRange {
  start: number
  end: number
}

export interface Block extends TextRange {
  /** mdast type of the (first) leaf node: `paragraph`, `heading`, `code`, `html`, `tableRow`, … */
  kind: string
  /**
   * What two blocks are compared by: the text with line endings as LF and heading anchors removed (trailing
   * blanks count: a block whose English lost them is rebuilt from the English, its sentences still matched).
   */
  key: string
  /** Where the block holds prose to translate (headings, paragraphs, table cells), in text offsets. */
  ranges: TextRange[]
}

export interface BlockReading {
  /** End of the front matter (after its closing fence), 0 without one. */
  frontMatterEnd: number
  blocks: Block[]
}

const leafTypes = new Set(['paragraph', 'heading', 'code', 'html', 'tableRow', 'thematicBreak', 'definition', 'footnoteDefinition', 'math'])

export function readBlocks(text: string): BlockReading {
  // micromark drops a leading BOM from its offsets (see document/parse.ts): read without it, shift back.
  const shift = text.startsWith('\uFEFF') ? 1 : 0
  const tree: Root = parseBlocks(shift ? text.slice(1) : text)
  let frontMatterEnd = 0
  const leaves: Array<{node: Nodes; start: number; end: number}> = []
  const walk = (node: Nodes): void => {
    if (node.type === 'yaml') {
      frontMatterEnd = (node.position?.end.offset ?? 0) + shift
      return
    }
    if (leafTypes.has(node.type)) {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) leaves.push({node, start: start + shift, end: end + shift})
      return
    }
    if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes)
  }
  walk(tree)

  const blocks: Block[] = []
  for (const leaf of leaves) {
    const lineStart = Math.max(frontMatterEnd, text.lastIndexOf('\n', leaf.start - 1) + 1)
    const ranges = proseRanges(text, leaf.node, shift)
    // To the end of its line: trailing blanks (a markdown line break, spaces a source kept) belong to the block.
    let lineEnd = leaf.end > 0 && text[leaf.end - 1] === '\n' ? leaf.end : text.indexOf('\n', leaf.end)
    if (lineEnd < 0) lineEnd = text.length
    else if (text[lineEnd - 1] === '\r') lineEnd--
    leaf.end = Math.max(leaf.end, lineEnd)
    const last = blocks[blocks.length - 1]
    // Two leaves on one line (`- # Title`, a paragraph ending on the line the next starts): one block.
    if (last && lineStart < last.end) {
      last.end = Math.max(last.end, leaf.end)
      last.ranges.push(...ranges)
      continue
    }
    blocks.push({start: lineStart, end: leaf.end, kind: leaf.node.type, key: '', ranges})
  }
  for (const block of blocks) block.key = blockKey(text.slice(block.start, block.end))
  return {frontMatterEnd, blocks}
}

/**
 * The comparison key of a block's text. The localization pipeline adds `<a name="…"></a>` anchors to
 * headings (the bilingual source side has them, the English does not).
 */
export function blockKey(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/<a\s+(?:name|id)\s*=\s*"[^"]*"\s*>\s*<\/a>\s*/gi, '')
}

/** The prose of a leaf block: heading and paragraph content, each table cell's content. */
function proseRanges(text: string, node: Nodes, shift: number): TextRange[] {
  if (node.type === 'heading' || node.type === 'paragraph') return contentRanges(text, node, shift)
  if (node.type === 'tableRow') return node.children.flatMap((cell) => contentRanges(text, cell, shift))
  return []
}

/**
 * From a node's first child to its last child: one range, line breaks and the container markers after them
 * (`> `) included; the caller joins such lines (wrap.ts). A docs alert's marker line (`[!NOTE]`) is not prose.
 */
function contentRanges(text: string, node: Parent, shift: number): TextRange[] {
  const first = node.children[0]?.position?.start.offset
  const last = node.children[node.children.length - 1]?.position?.end.offset
  if (first === undefined || last === undefined) return []
  let start = first + shift
  const marker = /^\[![A-Za-z]+\][ \t]*\r?\n[ \t>]*/.exec(text.slice(start, last + shift))
  if (marker) start += marker[0].length
  // The pipeline's heading anchor stays outside the pair (a bilingual document's own source side has it).
  const anchor = /^<a\s+(?:name|id)\s*=\s*"[^"]*"\s*>\s*<\/a>\s*/i.exec(text.slice(start, last + shift))
  if (anchor) start += anchor[0].length
  return [linkText(text, trimRange(text, {start, end: last + shift}))].filter((range) => isProse(text.slice(range.start, range.end)))
}

/** Content that is one link and nothing else (a link list's item): the pipeline's pair is the link's text. */
export function linkText(text: string, range: TextRange): TextRange {
  const content = text.slice(range.start, range.end)
  const match = /^\[((?:[^[\]]|\[[^[\]]*\])*)\]\([^()\s]*(?:\s+"[^"]*")?\)$/.exec(content)
  if (!match || match[1]!.trim() === '') return range
  const start = range.start + 1
  return trimRange(text, {start, end: start + match[1]!.length})
}

function trimRange(text: string, range: TextRange): TextRange {
  let {start, end} = range
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return {start, end}
}

/**
 * Whether a content range is something the pipeline translates: it has a letter or digit outside inline
 * code, URLs, HTML tags and images, and is not a docs extension line (`[!NOTE]`, `[!INCLUDE[…](…)]`).
 */
export function isProse(content: string): boolean {
  if (/^\[!(?:[A-Za-z]+)\]$/.test(content) || /^\[!(?:INCLUDE|div|VIDEO|code)\b/i.test(content)) return false
  const rest = content
    .replace(/`+[^`]*`+/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
  // Two inline codes or more (`a`, `b`, `c` in a table cell) make a list the pipeline translates too.
  return /[\p{L}\p{N}]/u.test(rest) || (content.match(/`+[^`]+`+/g)?.length ?? 0) >= 2
}
