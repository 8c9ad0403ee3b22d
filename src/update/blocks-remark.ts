/**
 * update's block reading from remark's mdast: where parse's fast path declines (read-blocks.ts), and the
 * reference test/update-speed.test.ts proves the fast reading (blocks-fast.ts) equal to.
 * One leaf block of mdast is a block (thematic breaks, footnote definitions included); see blocks.ts.
 */
import type {Root, Nodes, Parent} from 'mdast'
import {parseBlocks} from '../document/blocks.js'
import {refuseTooComplex} from '../document/parse.js'
import {blockKey, contentRanges, type Block, type BlockReading, type TextRange} from './blocks.js'

const leafTypes = new Set(['paragraph', 'heading', 'code', 'html', 'tableRow', 'thematicBreak', 'definition', 'footnoteDefinition', 'math'])

export function readBlocksRemark(text: string): BlockReading {
  // micromark drops a leading BOM from its offsets (see document/parse.ts): read without it, shift back.
  const shift = text.startsWith('\uFEFF') ? 1 : 0
  // Bounded as parse bounds what the fast path declines to remark (read-blocks.ts comes here only then).
  refuseTooComplex(text)
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

/** The prose of a leaf block: heading and paragraph content, each table cell's content. */
function proseRanges(text: string, node: Nodes, shift: number): TextRange[] {
  if (node.type === 'heading' || node.type === 'paragraph') return childRanges(text, node, shift)
  if (node.type === 'tableRow') return node.children.flatMap((cell) => childRanges(text, cell, shift))
  return []
}

/** From a node's first child to its last child (blocks.ts `contentRanges` does the rest). */
function childRanges(text: string, node: Parent, shift: number): TextRange[] {
  // A GFM autolink literal (`someone@contoso.com`) has no position in mdast: at a paragraph's edge, the
  // paragraph's own (which is its content's) stands in.
  const own = node.type === 'paragraph' && node.children.length > 0 ? node.position : undefined
  const first = node.children[0]?.position?.start.offset ?? own?.start.offset
  const last = node.children[node.children.length - 1]?.position?.end.offset ?? own?.end.offset
  if (first === undefined || last === undefined) return []
  return contentRanges(text, first + shift, last + shift)
}
