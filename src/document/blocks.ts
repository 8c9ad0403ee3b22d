/**
 * Block structure with remark-parse + remark-gfm (+ remark-frontmatter): the authority on what is a
 * heading, list item, alert, table cell, link or code. Its only job here is the mdast tree; the
 * pairs are found separately (pairs.ts) and located in the tree (context.ts).
 */
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import type {Root} from 'mdast'
import {readInPieces} from './remark-pieces.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

/**
 * Parse markdown into mdast. `text` must not start with a BOM: micromark drops it from its offsets,
 * so the caller strips it and shifts offsets by one. A large text is read in pieces (remark-pieces.ts: the
 * same tree, in linear time and memory).
 */
export function parseBlocks(text: string): Root {
  return readInPieces(text, parseBlocksWhole).tree
}

/** remark's reading of the whole text at once: the reference `parseBlocks` is proven equal to. */
export function parseBlocksWhole(text: string): Root {
  return processor.parse(text)
}
