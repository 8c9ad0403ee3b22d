/**
 * bytes → BilingualDocument. Three separate steps: the pair scan (pairs.ts) cuts the text into
 * skeleton and segments; remark (blocks.ts) gives block structure; context.ts places each pair in it.
 */
import type {VFileMessage} from 'vfile-message'
import type {BilingualDocument, FrontMatter, LeafBlock, Segment, SegmentContext} from './types.js'
import {parseId, scanPairs, type PairProblem} from './pairs.js'
import {parseBlocks, parseBlocksWhole} from './blocks.js'
import {readFrontMatter, readFrontMatterAt, type FrontMatterParse} from './front-matter.js'
import {findHtmlTableCells, findHtmlTableCellsIn} from './html-tables.js'
import {createContextLocator, htmlCellFinder} from './context.js'
import {fastAttempt, fastStructure, type DeclineReason, type FastStructure} from './fast-blocks.js'
import {inlineWork, inlineWorkLimit} from './complexity.js'
import {createLocator, type Locator} from './positions.js'
import {placeSegment} from './layout.js'
import {visit} from 'unist-util-visit'
import type {Root} from 'mdast'
import {createMessage, ParseError} from './messages.js'
import {maskPairs, type MaskedText} from './mask.js'
import {leafBlocks} from './leaves.js'
import {isWhiteSpaceCode} from '../inline/char-codes.js'

export interface ParseOptions {
  /** Path to report in messages and outputs. */
  path?: string
  /** Source language; defaults to `en-US` (the documents do not say). */
  sourceLanguage?: string
  /** Target language where the front matter has no `ms.contentlocale` (which otherwise says it). */
  targetLanguage?: string | undefined
  /**
   * Let remark read the masked copy (mask.ts), the default; `false` makes remark read every byte, the whole
   * file at once (the reference the masked parse and the reading in pieces are tested against).
   */
  mask?: boolean
  /**
   * Let the fast block scanner (fast-blocks.ts) answer when it is sure of the whole file, the default;
   * it declines anything else, which remark then reads. `false` always asks remark.
   */
  fast?: boolean
}

const BOM = '\uFEFF'

/** The identity "mask": remark reads every byte. */
function unmasked(text: string, pairs: readonly {pairStart: number}[]): MaskedText {
  return {text, starts: pairs.map((pair) => pair.pairStart), toFile: (offset) => offset}
}

export function parse(text: string, options: ParseOptions = {}): BilingualDocument {
  const bom = text.startsWith(BOM)
  const shift = bom ? 1 : 0
  const locator = createLocator(text)
  const messages: VFileMessage[] = []

  const scan = scanPairs(text)
  const attempt = options.fast === false || options.mask === false ? undefined : fastAttempt(text, scan.pairs, (scanned, blocks, opens) => htmlCellFinder(findHtmlTableCellsIn(scanned, blocks, opens)))
  const fast = attempt && !('declined' in attempt) ? attempt : undefined
  // What the fast path declines goes to remark, which is superlinear on some inline input: refused with its
  // place past a bound (complexity.ts) rather than a parse that does not end. (Asked for remark, the caller gets it.)
  if (attempt && 'declined' in attempt) refuseTooComplex(text, attempt.declined)
  let front: FrontMatterParse | undefined
  let toFile = (offset: number): number => offset
  let contextOf: (index: number, fileOffset: number) => SegmentContext
  let code: Array<{start: number; end: number}>
  let leaves: {leaves: LeafBlock[]; multiLineCode: Array<{start: number; end: number}>}
  if (fast) {
    front = fast.frontMatter && readFrontMatterAt(text, fast.frontMatter.start, fast.frontMatter.end)
    contextOf = (index) => fast.contexts[index]!
    code = fast.codeBlocks
    leaves = fast
  } else {
    const masked = options.mask === false ? unmasked(text, scan.pairs) : maskPairs(text, scan.pairs)
    // micromark drops a leading BOM from its offsets: remark reads the text without it.
    const markdown = bom ? masked.text.slice(1) : masked.text
    toFile = (treeOffset: number): number => masked.toFile(treeOffset + shift)
    // The reference (`mask: false`) is remark's own reading of the whole file; else a large file is read in
    // pieces, the same tree (remark-pieces.ts).
    const tree = options.mask === false ? parseBlocksWhole(markdown) : parseBlocks(markdown)
    front = readFrontMatter(tree, markdown)
    const contexts = createContextLocator(tree, markdown, findHtmlTableCells(tree, text, toFile))
    contextOf = (index, fileOffset) => contexts.locate(masked.starts[index]! - shift, fileOffset)
    code = codeNodes(tree).map(({start, end}) => ({start: toFile(start), end: toFile(end)}))
    leaves = leafBlocks(tree, markdown, toFile)
  }
  let frontMatter: FrontMatter | undefined
  if (front) {
    frontMatter = {raw: front.raw, data: front.data, position: locator.position(toFile(front.start), toFile(front.end))}
    if (front.error) {
      messages.push(createMessage(front.error.reason, {ruleId: 'front-matter-yaml', place: locator.point(toFile(front.error.offset))}))
    }
  }

  // In functions of their own (here and for the arrays below): a file's first problem, or an array of a kind
  // not seen before (an empty one, a code block list from the other reading), threw the optimized code away
  // where it was read, and recompiling a small helper costs a fraction of recompiling all of `parse`.
  reportPairProblems(messages, scan.problems, locator)

  // Exact-size arrays, filled by index: pushing grew them by copies, and left up to half their backing store
  // unused, which lives (and is copied by the scavenges) as long as the document.
  const count = scan.pairs.length
  const parts = sized<string | Segment>(2 * count + 1)
  const segments = sized<Segment>(count)
  let cursor = 0
  let previousPrefix: string | undefined
  for (let index = 0; index < count; index++) {
    const pair = scan.pairs[index]!
    parts[2 * index] = text.slice(cursor, pair.pairStart)
    const {prefix: own, number, merged} = parseId(pair.id)
    // The last pair's prefix string where equal (a file's ids mostly share one): segments outlive the parse,
    // and the copy each id gave dies young instead.
    const prefix = own === previousPrefix ? previousPrefix : (previousPrefix = own)
    const texts = {
      source: text.slice(pair.sourceStart, pair.sourceEnd),
      target: text.slice(pair.targetStart, pair.targetEnd),
      markup: {
        open: text.slice(pair.pairStart, pair.targetStart),
        middle: text.slice(pair.targetEnd, pair.sourceStart),
        close: closeOf(text, pair.sourceEnd, pair.pairEnd)
      }
    }
    const segment: Segment = {
      id: pair.id,
      prefix,
      number,
      merged,
      sourceId: pair.sourceId,
      // The texts by name rather than `...texts`: a spread in the middle of a literal is a runtime call per pair.
      source: texts.source,
      target: texts.target,
      markup: texts.markup,
      context: contextOf(index, pair.pairStart),
      position: placeSegment(locator, pair.pairStart, texts)
    }
    parts[2 * index + 1] = segment
    segments[index] = segment
    cursor = pair.pairEnd
  }
  parts[2 * count] = text.slice(cursor)

  const contentLocale = frontMatter?.data['ms.contentlocale']
  const crlf = countOf(text, '\r\n')
  // Without a CRLF the answer is LF whatever the count of LFs (a pass over the text saved, 8 ms of the corpus).
  const lf = crlf > 0 ? countOf(text, '\n') : 0
  return {
    path: options.path,
    frontMatter,
    codeBlocks: codeBlocksOf(text, locator, code),
    blocks: trimLeaves(text, leaves.leaves),
    multiLineCode: leaves.multiLineCode,
    languages: {
      source: options.sourceLanguage ?? 'en-US',
      target: typeof contentLocale === 'string' && contentLocale !== '' ? contentLocale : options.targetLanguage
    },
    parts,
    segments,
    messages,
    lineEnds: locator.lineEnds(),
    eol: crlf > 0 ? (crlf * 2 >= lf ? '\r\n' : '\n') : onlyCarriageReturns(text) ? '\r' : '\n',
    bom
  }
}

function reportPairProblems(messages: VFileMessage[], problems: readonly PairProblem[], locator: Locator): void {
  for (const problem of problems) {
    messages.push(createMessage(problem.reason, {ruleId: problem.ruleId, place: locator.position(problem.start, problem.end), fatal: !problem.recovered}))
  }
}

/** An array of `length` holes, filled by index (past some length V8 makes it another kind of array). */
function sized<T>(length: number): T[] {
  return new Array<T>(length)
}

function codeBlocksOf(text: string, locator: Locator, code: ReadonlyArray<{start: number; end: number}>): Array<{startLine: number; endLine: number}> {
  return code.map(({start, end}) => codeLines(text, locator, start, end))
}

function trimLeaves(text: string, leaves: readonly LeafBlock[]): LeafBlock[] {
  return leaves.map((leaf) => trimLeaf(text, leaf))
}

/** A pair's closing tags as the tools write them, the same in nearly every pair. */
const plainClose = '</span></span>'

/** The closing tags of a pair: the one `plainClose` string where they are that, rather than a slice of the text per pair (segments outlive the parse). */
function closeOf(text: string, start: number, end: number): string {
  return end - start === plainClose.length && text.startsWith(plainClose, start) ? plainClose : text.slice(start, end)
}

/** Whether the file's line breaks are lone CRs (old Mac files): a CR and no LF (called only when there is no CRLF). */
function onlyCarriageReturns(text: string): boolean {
  return text.indexOf('\n') < 0 && text.indexOf('\r') >= 0
}

/**
 * Throw a ParseError at the costliest paragraph of a declined file when remark would do too much work on it:
 * every reading that hands the fast path's declines to remark (parse, parseBlockReading, update's). Without
 * `reason`, the fast path is asked why it declined (a plain markdown text, no pairs) only when refusing.
 */
export function refuseTooComplex(text: string, reason?: DeclineReason): void {
  const {start, work} = inlineWork(text)
  if (work <= inlineWorkLimit) return
  const attempt = reason === undefined ? fastAttempt(text, [], () => () => undefined) : undefined
  const why = reason ?? (attempt && 'declined' in attempt ? attempt.declined : 'parse-error')
  throw new ParseError(
    `Too complex to read: this paragraph repeats \`]\` or an unclosed \`<!--\`, \`<?\` thousands of times, which the full markdown parse reads in superlinear time (about ${Math.round(work / inlineWorkLimit)}× its limit), and the fast reader declined the file (${why}). Split the paragraph or remove the repeated markup`,
    start
  )
}

/** The offsets of the tree's `code` nodes (fenced and indented), in document order. */
function codeNodes(tree: Root): Array<{start: number; end: number}> {
  const found: Array<{start: number; end: number}> = []
  visit(tree, 'code', (node) => {
    if (node.position?.start.offset !== undefined && node.position.end.offset !== undefined) found.push({start: node.position.start.offset, end: node.position.end.offset})
  })
  return found
}

/** A code block's lines: the block parses may end it at a blank line or before it; those lines hold nothing. */
function codeLines(text: string, locator: Locator, start: number, end: number): {startLine: number; endLine: number} {
  let last = end
  while (last > start && isWhiteSpaceCode(text.charCodeAt(last - 1))) last--
  return {startLine: locator.point(start).line, endLine: locator.point(last).line}
}

/** The leaf with the white space at its start and end left out: where the two block parses agree. */
function trimLeaf(text: string, leaf: LeafBlock): LeafBlock {
  let {start, end} = leaf
  // By code (`isWhiteSpaceCode`): trimLeaf runs on every leaf of the file and of both rendered sides.
  while (start < end && isWhiteSpaceCode(text.charCodeAt(start))) start++
  while (end > start && isWhiteSpaceCode(text.charCodeAt(end - 1))) end--
  return start === leaf.start && end === leaf.end ? leaf : {...leaf, start, end}
}

/** How many times `part` occurs in `text` (without the array of matches `text.match(/…/g)` builds). */
function countOf(text: string, part: string): number {
  let count = 0
  for (let index = text.indexOf(part); index >= 0; index = text.indexOf(part, index + part.length)) count++
  return count
}

/**
 * The leaf blocks of a plain markdown text (no pairs: a document `render` makes), read the way `parse`
 * reads a bilingual file's: the fast path, or remark where it declines (`fast: false`: always remark).
 * Offsets are the text's.
 */
export function parseLeafBlocks(text: string, options: {fast?: boolean} = {}): LeafBlock[] {
  return parseBlockReading(text, options).leaves
}

/**
 * `parseLeafBlocks` with the YAML front matter's end (after its closing fence, 0 without one) and whether
 * the fast path answered, for readers of a plain markdown text that need them (update's block reading).
 */
export function parseBlockReading(text: string, options: {fast?: boolean} = {}): {leaves: LeafBlock[]; frontMatterEnd: number; fast: boolean} {
  const attempt = options.fast === false ? undefined : fastAttempt(text, [], () => () => undefined)
  if (attempt && !('declined' in attempt)) return {...blockReadingOf(text, attempt), fast: true}
  // Bounded as parse bounds what it gives remark (asked for remark, the caller gets it).
  if (attempt) refuseTooComplex(text, attempt.declined)
  const shift = text.startsWith(BOM) ? 1 : 0
  const markdown = shift ? text.slice(1) : text
  const tree = parseBlocks(markdown)
  const leaves = leafBlocks(tree, markdown, (offset) => offset + shift).leaves
  const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0].position?.end.offset : undefined
  return {leaves: leaves.map((leaf) => trimLeaf(text, leaf)), frontMatterEnd: yaml === undefined ? 0 : yaml + shift, fast: false}
}

/**
 * The fast path's part of `parseBlockReading`: undefined where it declines, for a reader with a remark reading of
 * its own (update's blocks-remark.ts), which would otherwise get remark's leaves computed and thrown away.
 */
export function fastBlockReading(text: string): {leaves: LeafBlock[]; frontMatterEnd: number} | undefined {
  const fast = fastStructure(text, [], () => () => undefined)
  return fast && blockReadingOf(text, fast)
}

function blockReadingOf(text: string, fast: FastStructure): {leaves: LeafBlock[]; frontMatterEnd: number} {
  return {leaves: fast.leaves.map((leaf) => trimLeaf(text, leaf)), frontMatterEnd: fast.frontMatter?.end ?? 0}
}
