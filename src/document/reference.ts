/**
 * The reference pair finder of DESIGN.md: the packages' own reading of the pairs, kept to check the fast
 * scanner (pairs.ts) against. For each mdast block (paragraph, heading, table row, html node, code) it
 * takes the raw slice of the file, parses it with rehype-parse `{fragment: true}`, selects
 * `span[data-ttu-id]` with hast-util-select, takes the element after it as the lookup
 * (`span.sxs-lookup > span[data-stu-id]`) and rebases the offsets onto the file.
 *
 * What it cannot see by construction: pairs that cross blocks (a line break in a target that splits a
 * table row or ends a paragraph), and spans that parse5 silently repairs (an unclosed `<span>` in a target
 * is closed at the end of its parent, so the element's extent differs from the depth-counting scan).
 */
import {unified} from 'unified'
import rehypeParse from 'rehype-parse'
import {matches, selectAll} from 'hast-util-select'
import type {Element, Root as HastRoot} from 'hast'
import type {Nodes, Root} from 'mdast'
import {parseBlocksWhole as parseBlocks} from './blocks.js'
import type {PairMatch} from './pairs.js'

export interface ReferenceBlock {
  /** mdast type: `paragraph`, `heading`, `tableRow`, `html` or `code`. */
  type: string
  /** Offsets into the file (BOM included). */
  start: number
  end: number
}

/** Offsets into the file, as the scan's `PairMatch` has them. */
export interface ReferencePair extends PairMatch {
  /** parse5 closed an element of the pair that had no end tag (the extent is parse5's, not the file's). */
  repaired: boolean
  block: ReferenceBlock
}

export interface ReferenceResult {
  blocks: ReferenceBlock[]
  pairs: ReferencePair[]
}

const blockTypes = new Set(['paragraph', 'heading', 'tableRow', 'html', 'code'])
const htmlParser = unified().use(rehypeParse, {fragment: true, verbose: true})

/** The blocks of the tree that can hold pairs, in file order; offsets into the file. */
export function referenceBlocks(tree: Root, shift: number): ReferenceBlock[] {
  const blocks: ReferenceBlock[] = []
  const walk = (node: Nodes): void => {
    if (blockTypes.has(node.type) && node.position) {
      blocks.push({type: node.type, start: (node.position.start.offset ?? 0) + shift, end: (node.position.end.offset ?? 0) + shift})
      return
    }
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(tree)
  return blocks
}

/** `text` is the whole file; `tree` its mdast (parsed here when not given, BOM stripped). */
export function findReferencePairs(text: string, tree?: Root): ReferenceResult {
  const shift = text.startsWith('\uFEFF') ? 1 : 0
  const blocks = referenceBlocks(tree ?? parseBlocks(text.slice(shift)), shift)
  const pairs: ReferencePair[] = []
  for (const block of blocks) {
    const raw = text.slice(block.start, block.end)
    if (!raw.includes('data-ttu-id')) continue
    const hast = htmlParser.parse(raw) as HastRoot
    const parents = parentsOf(hast)
    for (const target of selectAll('span[data-ttu-id]', hast)) {
      const pair = readPair(target, parents, block)
      if (pair) pairs.push(pair)
    }
  }
  return {blocks, pairs}
}

function readPair(target: Element, parents: Map<Element, HastRoot | Element>, block: ReferenceBlock): ReferencePair | undefined {
  const lookup = nextElement(target, parents)
  if (!lookup || !matches('span.sxs-lookup', lookup)) return undefined
  const source = lookup.children.find((child): child is Element => child.type === 'element')
  if (!source || !matches('span[data-stu-id]', source)) return undefined
  const targetInner = inner(target)
  const sourceInner = inner(source)
  const lookupEnd = lookup.position?.end.offset
  if (!targetInner || !sourceInner || lookupEnd === undefined || target.position?.start.offset === undefined) return undefined
  return {
    id: String(target.properties['dataTtuId'] ?? ''),
    sourceId: String(source.properties['dataStuId'] ?? ''),
    pairStart: block.start + target.position.start.offset,
    targetStart: block.start + targetInner.start,
    targetEnd: block.start + targetInner.end,
    sourceStart: block.start + sourceInner.start,
    sourceEnd: block.start + sourceInner.end,
    pairEnd: block.start + lookupEnd,
    repaired: targetInner.repaired || sourceInner.repaired || !closing(lookup),
    block
  }
}

/** Between the end of the start tag and the start of the end tag; without an end tag, up to where parse5 ended the element. */
function inner(element: Element): {start: number; end: number; repaired: boolean} | undefined {
  const opening = positionData(element)?.opening?.end.offset
  const end = closing(element) ?? element.position?.end.offset
  if (opening === undefined || opening === null || end === undefined) return undefined
  return {start: opening, end, repaired: closing(element) === undefined}
}

function closing(element: Element): number | undefined {
  return positionData(element)?.closing?.start.offset ?? undefined
}

function positionData(element: Element) {
  return (element.data as {position?: {opening?: {start: {offset?: number | null}; end: {offset?: number | null}}; closing?: {start: {offset?: number | null}}}} | undefined)?.position
}

/** The element right after `element` among its siblings, skipping white space only. */
function nextElement(element: Element, parents: Map<Element, HastRoot | Element>): Element | undefined {
  const siblings: Array<HastRoot['children'][number]> = parents.get(element)?.children ?? []
  for (let index = siblings.indexOf(element) + 1; index < siblings.length; index++) {
    const sibling = siblings[index]!
    if (sibling.type === 'element') return sibling
    if (sibling.type !== 'text' || !/^\s*$/.test(sibling.value)) return undefined
  }
  return undefined
}

function parentsOf(root: HastRoot): Map<Element, HastRoot | Element> {
  const parents = new Map<Element, HastRoot | Element>()
  const walk = (node: HastRoot | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      parents.set(child, node)
      walk(child)
    }
  }
  walk(root)
  return parents
}
