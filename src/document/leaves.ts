/**
 * The leaf blocks of a remark tree, as the document model gives them (types.ts `LeafBlock`): what the fast
 * path's scanner (fast-blocks.ts) reports for the files it answers. test/fast-path.test.ts proves the two
 * equal over the corpus and random documents.
 */
import type {Nodes, Root} from 'mdast'
import type {ContainerKind, LeafBlock} from './types.js'
import {normalizeLabel} from './fast-inline.js'

const containerOf: Partial<Record<Nodes['type'], ContainerKind>> = {blockquote: 'blockquote', listItem: 'listItem', footnoteDefinition: 'footnote'}
const fence = /^(`{3,}|~{3,})/
const closingFence = /^ *(`{3,}|~{3,}) *$/

/** Leaf blocks and multi-line inline code of a tree read from `markdown`, in file offsets (`toFile`). */
export function leafBlocks(tree: Root, markdown: string, toFile: (offset: number) => number): {leaves: LeafBlock[]; multiLineCode: Array<{start: number; end: number}>} {
  const leaves: LeafBlock[] = []
  const multiLineCode: Array<{start: number; end: number}> = []
  let tables = 0
  const walk = (node: Nodes, containers: ContainerKind[]): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    const leaf = (kind: LeafBlock['kind'], details: Pick<LeafBlock, 'fence' | 'definition'> = {}): void => {
      leaves.push({kind, start: toFile(start), end: toFile(end), containers, ...details})
    }
    switch (node.type) {
      case 'code': {
        const open = fence.exec(markdown.slice(start, start + 200))
        leaf('code', open ? {fence: {closed: fenceClosed(markdown, start, end, open[1]!, containers)}} : {})
        return
      }
      case 'html':
        leaf('html')
        return
      case 'definition':
        leaf('definition', {definition: {label: normalizeLabel(node.label ?? node.identifier), title: node.title !== null && node.title !== undefined}})
        return
      case 'paragraph':
      case 'heading':
        leaf(node.type)
        inlineCode(node)
        return
      case 'table': {
        const index = tables++
        const columns = node.align?.length ?? 0
        node.children.forEach((row, number) => {
          const rowStart = row.position?.start.offset
          const rowEnd = row.position?.end.offset
          if (rowStart === undefined || rowEnd === undefined) return
          leaves.push({kind: 'tableRow', start: toFile(rowStart), end: toFile(rowEnd), containers, table: {index, row: number, cells: row.children.length, columns}})
        })
        return
      }
    }
    const container = containerOf[node.type]
    const inside = container ? [...containers, container] : containers
    if ('children' in node) for (const child of node.children) walk(child as Nodes, inside)
  }
  /** Code spans in a paragraph or heading that run over a line break. */
  const inlineCode = (node: Nodes): void => {
    if (node.type === 'inlineCode') {
      const position = node.position
      if (position && position.start.line !== position.end.line && position.start.offset !== undefined && position.end.offset !== undefined) {
        multiLineCode.push({start: toFile(position.start.offset), end: toFile(position.end.offset)})
      }
      return
    }
    if ('children' in node) for (const child of node.children) inlineCode(child as Nodes)
  }
  walk(tree, [])
  return {leaves, multiLineCode}
}

/**
 * Whether a fenced code node ends with its closing fence: its last line (its container prefixes, the `>`
 * of each block quote it is in, taken off) is a fence of the opening's character, at least as long.
 */
function fenceClosed(markdown: string, start: number, end: number, open: string, containers: readonly ContainerKind[]): boolean {
  // Its last line starts after a LF or a lone CR (a CR-only file's lines end there, as micromark's do); a
  // walk back over that line, not lastIndexOf('\r'), which would scan to the file's start in a file without CR.
  let lineStart = end
  while (lineStart > start && markdown[lineStart - 1] !== '\n' && markdown[lineStart - 1] !== '\r') lineStart--
  if (lineStart <= start) return false
  let last = markdown.slice(lineStart, end)
  for (const container of containers) if (container === 'blockquote') last = last.replace(/^ {0,3}> ?/, '')
  const closing = closingFence.exec(last)
  return closing !== null && closing[1]![0] === open[0] && closing[1]!.length >= open.length
}
