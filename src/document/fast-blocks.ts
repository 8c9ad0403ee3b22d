/**
 * The fast path: a line-based block scanner plus a small inline step that gives each pair the
 * `SegmentContext` remark would give it (fast-inline.ts), without remark. It reads CommonMark + GFM as micromark does,
 * for the constructs it knows (front matter; ATX and setext headings; thematic breaks; paragraphs and
 * lazy continuation lines; block quotes and `> [!NOTE]` alerts; bullet and ordered list items with
 * their content indent and micromark's rule for when an item may interrupt; fenced and indented code;
 * HTML blocks that end at a blank line or `-->`; GFM tables, rows and cells), and for pairs in
 * paragraphs, headings and cells: code spans, HTML tags and inline links/images (`[text](url)`). It
 * DECLINES (returns undefined) the whole file as soon as it meets anything it is not sure of (tabs
 * where they can matter but after a list marker, CR, a BOM (U+FEFF at a line's start or end), definitions but plain top-level
 * ones, footnotes, a literal autolink running through brackets or backticks, a `<table`
 * that is not an inline tag, …): `parse` then asks remark. The corpus-wide test (test/fast-path.test.ts)
 * checks that every file it answers gets exactly the contexts of the full remark parse.
 */
import {scanPairs, type PairMatch} from './pairs.js'
import type {ContainerKind, LeafBlock, SegmentContext} from './types.js'
import {tableOpens, type HtmlTableCell} from './html-tables.js'
import {countStartingAtOrBefore, countValuesAtOrBefore} from './search.js'
import {Decline, decline, type DeclineReason} from './fast-decline.js'
import {ParseError} from './messages.js'
import {asciiCaseBit, charCodes, isWhiteSpaceCode} from '../inline/char-codes.js'
import {InlineContent, Marks, normalizeLabel, type LineRanges} from './fast-inline.js'

export type {DeclineReason} from './fast-decline.js'

/**
 * Given the text the scanner reads, its HTML blocks and `<table` offsets (html-tables.ts `tableOpens`), the
 * HTML table cell (if any) holding an offset of that text. (The text is the file's, or its LF copy: see
 * `scanCopy`.)
 */
export type HtmlCells = (text: string, htmlBlocks: ReadonlyArray<{start: number; end: number}>, tableOpens: readonly number[]) => (offset: number) => HtmlTableCell | undefined

/** What the fast path found: the pieces of structure `parse` needs besides remark. */
export interface FastStructure {
  /** The YAML front matter node (fences included), in file offsets. */
  frontMatter: {start: number; end: number} | undefined
  /** HTML nodes where an HTML table can start (flow HTML blocks, inline `<table>` tags), in file offsets and order. */
  htmlBlocks: Array<{start: number; end: number}>
  /** Context of each pair, by pair index, before HTML table cells are applied. */
  contexts: SegmentContext[]
  /** Fenced and indented code blocks, in file offsets. */
  codeBlocks: Array<{start: number; end: number}>
  /** The leaf blocks (link reference definitions among them), in file offsets and order, white space not yet trimmed. */
  leaves: LeafBlock[]
  /** Inline code spans holding a line break, in file offsets. */
  multiLineCode: Array<{start: number; end: number}>
}

type Container =
  | {type: 'blockquote'; alert: string | undefined}
  | {
      type: 'listItem'
      /** Columns its lines must be indented by, from the container's start (the content's column on its first line). */
      required: number
      ordered: boolean
      marker: string
      /** Started with a blank line, and no non-blank line has come since (micromark's `initialBlankLine`). */
      initialBlank: boolean
      /** A blank line followed that blank start: the next non-blank line ends the item (`furtherBlankLines`). */
      furtherBlank: boolean
    }

/**
 * A block the scanner found. A class, so that every block has one shape: blocks of five literal shapes
 * (plus `lazy` and `headingDepth` added later) made the reads in `contextOf` polymorphic, and TurboFan
 * deoptimized and compiled it again six times while parsing the corpus cold.
 */
class Block {
  /** A paragraph whose last line is a lazy continuation line. */
  lazy = false
  /** What its containers give its pairs' contexts (ContextLocator), once asked. */
  frame: Frame | undefined = undefined
  /** A fenced code block (not indented code), and whether a closing fence ended it. */
  fenced = false
  closed = false
  constructor(
    public start: number,
    public end: number,
    public block: 'paragraph' | 'heading' | 'tableRow' | 'html' | 'code' | 'yaml',
    public readonly containers: Container[],
    /** Line ranges of the inline content (paragraph, heading, table row), flattened (fast-inline.ts `LineRanges`). */
    public readonly lines: LineRanges | undefined = undefined,
    public headingDepth: number | undefined = undefined,
    public table: {index: number; row: number; cells: number[]; delimiters: number} | undefined = undefined
  ) {}
}

const htmlBlockNames = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(' ')
)
const htmlRawNames = new Set(['pre', 'script', 'style', 'textarea'])
/** What ends a `raw` HTML block: the line holds an end tag of any of the raw names. */
const rawEnd = /<\/(?:pre|script|style|textarea)>/i
const alertMarker = /^\s*>?\s*\[!([A-Za-z]+)\]/
const atx = /^#{1,6}(?= |$)/
const fenceOpen = /^(`{3,}|~{3,})(.*)$/
const thematic = /^(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$/
const setext = /^(?:-+|=+) *$/
const listMarker = /^(?:([-+*])|(\d{1,9})([.)]))( *)(.?)/
const delimiterRow = /^\|?(?: *:?-+:? *\|)* *:?-+:? *\|? *$/
const attribute = `(?:[ \\t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \\t]*=[ \\t]*(?:[^"'=<>\`\\s]+|"[^"\\n]*"|'[^'\\n]*'))?)`
/**
 * A tab where it indents or follows a marker: it counts to the next multiple of 4 columns there (and is
 * white space in a fence, thematic break, delimiter row or blank line), which the scanner does not model;
 * tabs inside a line's text are taken as the characters they are.
 */
const tabInSyntax = /^[ >\-+*#\d.)`~|:=_]*\t/m
/** A tab after a list marker: where the marker's white space starts (an index of the line, and its column) and its columns. */
interface MarkerTab {
  at: number
  columns: number
}

/**
 * A line whose tabs where they count (`tabInSyntax`) can be read as spaces: a blank line (white space is all
 * it holds), or one whose first such tab is in the white space right after a list marker with no tab before
 * it and none in syntax after it (`-\tText`, `1. \tText`, `> -\t`). The line comes back with that white space
 * as as many spaces as it has characters (offsets stay the file's), and the columns it spans (a tab goes to
 * the next multiple of 4: with no tab before, a character's index is its column), which decide where the
 * item's content starts. Tabs there are white space to block structure in every reading of the line (list
 * item, paragraph text, code, HTML): only those columns matter. Undefined for any other line.
 */
function untabbedLine(line: string): {line: string; markerTab: MarkerTab | undefined} | undefined {
  if (/^[ \t]*$/.test(line)) return {line: line.replaceAll('\t', ' '), markerTab: undefined}
  const tab = line.indexOf('\t')
  let at = tab
  while (line.charCodeAt(at - 1) === charCodes.space) at--
  const before = line.slice(0, at)
  if (!markerBeforeTab.test(before)) return undefined
  let end = at
  let column = at
  for (; end < line.length; end++) {
    const char = line[end]
    if (char === ' ') column++
    else if (char === '\t') column += 4 - (column % 4)
    else break
  }
  const rest = line.slice(end)
  if (rest.includes('\t') && tabInSyntax.test(rest)) return undefined
  return {line: before + ' '.repeat(end - at) + rest, markerTab: {at, columns: column - at}}
}

/** Container prefixes ending with a list marker (the text before a tab `untabbedLine` reads). */
const markerBeforeTab = /^[ >\-+*\d.)]*?(?:^|[ >])(?:[-+*]|\d{1,9}[.)])$/
const completeTagLine = new RegExp(`^(?:<[A-Za-z][A-Za-z0-9-]*${attribute}*[ \\t]*\\/?>|<\\/[A-Za-z][A-Za-z0-9-]*[ \\t]*>)[ \\t]*$`)
/** Answer every pair's context, or undefined when the file holds anything the scanner is not sure of. */
export function fastStructure(text: string, pairs: readonly PairMatch[], htmlCells: HtmlCells): FastStructure | undefined {
  const found = fastAttempt(text, pairs, htmlCells)
  return 'declined' in found ? undefined : found
}

/** Why the fast path left a file to remark. */
export interface FastDecline {
  declined: DeclineReason
}

/** `fastStructure`, saying why it declines. */
export function fastAttempt(text: string, pairs: readonly PairMatch[], htmlCells: HtmlCells): FastStructure | FastDecline {
  try {
    return text.includes('\r') || text.startsWith('\uFEFF') ? scanCopy(text, pairs, htmlCells) : scan(text, pairs, htmlCells)
  } catch (error) {
    if (error instanceof Decline) return {declined: error.reason}
    // The full parse meets a ParseError again and reports it at the file's offset (here it may be an offset
    // of scanCopy's LF copy).
    if (error instanceof ParseError) return {declined: 'parse-error'}
    throw error
  }
}

/**
 * A file that starts with a BOM or has CRLF line endings (both come from Windows editors, CRLF often
 * throughout a docset) has the block structure of its copy without the BOM and with every CRLF made LF:
 * micromark drops a leading BOM, and CommonMark reads CRLF as LF. The scanner reads that copy and the
 * offsets it gives are mapped back (contexts hold none). A lone CR, which micromark also ends a line at,
 * is LF in the copy (same offset: nothing to map).
 */
function scanCopy(text: string, pairs: readonly PairMatch[], htmlCells: HtmlCells): FastStructure {
  const bom = text.startsWith('\uFEFF') ? 1 : 0
  // A lone CR ends a line as LF does (micromark's preprocessing, parse5's too): it becomes LF in the copy,
  // at the same offset, so that a CR-only file (or a CR left in an LF file) is read as its lines are.
  const copy = (bom ? text.slice(1) : text).replaceAll('\r\n', '\n').replaceAll('\r', '\n')
  const copyPairs = scanPairs(copy).pairs
  // The same pairs, in the same order, or the contexts would not be theirs.
  if (copyPairs.length !== pairs.length || copyPairs.some((pair, index) => pair.id !== pairs[index]!.id)) decline('copy-changes-pairs')
  const found = scan(copy, copyPairs, htmlCells)
  // Where each removed CR was, in the copy's offsets; an offset maps past the BOM and the CRs before it
  // (one at a line end maps to its CR, the end of that line in the file).
  const removed: number[] = []
  for (let at = text.indexOf('\r\n'); at >= 0; at = text.indexOf('\r\n', at + 2)) removed.push(at - bom - removed.length)
  const toFile = (offset: number): number => offset + bom + countValuesAtOrBefore(removed, offset - 1)
  const span = ({start, end}: {start: number; end: number}) => ({start: toFile(start), end: toFile(end)})
  return {
    frontMatter: found.frontMatter && span(found.frontMatter),
    htmlBlocks: found.htmlBlocks.map(span),
    contexts: found.contexts,
    codeBlocks: found.codeBlocks.map(span),
    leaves: found.leaves.map((leaf) => ({...leaf, ...span(leaf)})),
    multiLineCode: found.multiLineCode.map(span)
  }
}

function scan(text: string, pairs: readonly PairMatch[], htmlCells: HtmlCells): FastStructure {
  // scanCopy reads a file with CRs as its LF copy (every CR made LF): a CR here would be a bug's; left to remark.
  if (text.includes('\r')) decline('lone-carriage-return')
  // `lastIndexOf`: V8 looks for a NUL in a two-byte string (most of the corpus) one character at a time, and
  // its backward loop takes 14 ms a corpus pass where `includes` took 23.
  if (text.lastIndexOf('\0') >= 0) decline('nul')
  if (hasEmptyComment(text)) decline('empty-comment')
  // U+FEFF is text to micromark (it drops only a leading BOM) and white space to JavaScript's `\s` and
  // `trim()`: taken inside a line's text, where neither matters (a doc writes it inside a word), not where
  // it could start or end a line's syntax or sit in an HTML tag.
  if (text.includes('\uFEFF') && /^[ >\-+*#\d.)`~|:=_]*\uFEFF|\uFEFF *$|<[^>\n]*\uFEFF/m.test(text)) decline('byte-order-mark')
  const blocks: Block[] = []
  const htmlBlocks: Array<{start: number; end: number}> = []
  let frontMatter: FastStructure['frontMatter']
  let lineStart = 0

  if (text.startsWith('---')) {
    const close = /\n---([ ]*)(?:\n|$)/.exec(text)
    if (!/^---\n/.test(text) || !close || close[1] !== '') decline('front-matter')
    const end = close.index + 4
    if (text.includes('\t') && tabInSyntax.test(text.slice(0, end))) decline('tab')
    frontMatter = {start: 0, end}
    blocks.push(new Block(0, end, 'yaml', []))
    lineStart = end + 1
  }

  // A footnote definition (remark-gfm) can interrupt a paragraph: anywhere in the file, it is remark's.
  if (text.includes('[^') && footnoteDefinition.test(text)) decline('footnote')
  const scanner = new LineScanner(text, blocks, htmlBlocks)
  while (lineStart <= text.length) lineStart = scanner.read(lineStart)
  const {labels} = scanner

  // Blocks are pushed as their first lines are read, so they are nearly always in order already: checking
  // is a loop, sorting calls the comparator for each block (about 3 ms for the corpus).
  if (!inOrder(blocks)) blocks.sort((a, b) => a.start - b.start)
  // A `<table` outside an HTML block is an inline HTML node (one tag) where the inline step reads a tag
  // there, and nothing in code.
  const htmlNodes = htmlBlocks.slice()
  const opens = tableOpens(text)
  for (const open of opens) {
    if (htmlBlocks.some((block) => open >= block.start && open < block.end)) continue
    const block = blockAt(blocks, open)
    if (!block) decline('html-table-tag')
    if (block.block === 'code' || block.block === 'yaml') continue
    if (!block.lines) decline('html-table-tag')
    const tag = inlineContent(text, block, open, labels).tagAt(open)
    if (tag === 'code') continue
    htmlNodes.push({start: open, end: tag})
  }
  htmlNodes.sort((a, b) => a.start - b.start)
  const codeBlocks = blocks.filter((block) => block.block === 'code').map(({start, end}) => ({start, end}))
  const contexts = locateAll(text, pairs, blocks, htmlCells(text, htmlNodes, opens), labels)
  return {frontMatter, htmlBlocks: htmlNodes, contexts, codeBlocks, ...leavesOf(text, blocks, scanner.definitions, labels)}
}

/**
 * The leaf blocks as the document model gives them (parse.ts trims their white space), and the code spans
 * of paragraphs and headings that hold a line break: the inline step tokenizes a block of several lines
 * with a backtick (and may decline the file, as for a pair).
 */
function leavesOf(text: string, blocks: readonly Block[], definitions: readonly LeafBlock[], labels: ReadonlySet<string>): Pick<FastStructure, 'leaves' | 'multiLineCode'> {
  const leaves: LeafBlock[] = []
  const multiLineCode: Array<{start: number; end: number}> = []
  const marks = new Marks(text)
  let definition = 0
  // Leaves are read-only: blocks that share their containers (the scanner's snapshot) share their kinds too.
  let containersOf: Container[] | undefined
  let kinds: ContainerKind[] = []
  // Whether a backtick is in [start, end): blocks and their lines come in file order, so the first backtick
  // at or after a place answers every place up to it (no slice of each line, no search per line past it).
  let tickFrom = Infinity
  let tick = 0
  const backtickIn = (start: number, end: number): boolean => {
    if (!(tickFrom <= start && start <= tick)) {
      const found = text.indexOf('`', start)
      tickFrom = start
      tick = found < 0 ? text.length : found
    }
    return tick < end
  }
  const anyLineWithBacktick = (lines: LineRanges): boolean => {
    for (let index = 0; index < lines.length; index += 2) if (backtickIn(lines[index]!, lines[index + 1]!)) return true
    return false
  }
  for (const block of blocks) {
    if (block.block === 'yaml') continue
    while (definition < definitions.length && definitions[definition]!.start < block.start) leaves.push(definitions[definition++]!)
    const containers = block.containers === containersOf ? kinds : (kinds = (containersOf = block.containers).map(containerKind))
    // One literal per shape, in the field order leaves always had (a field added after the literal gave the
    // object a second store for it; a spread is a runtime call): a table row, a fenced code block, the others.
    const {table} = block
    leaves.push(
      table
        ? // A row of a lone `|` starts no cell, but micromark gives it an empty one.
          {kind: block.block, start: block.start, end: block.end, containers, table: {index: table.index, row: table.row, cells: Math.max(1, table.cells.length), columns: table.delimiters}}
        : block.fenced
          ? {kind: block.block, start: block.start, end: block.end, containers, fence: {closed: block.closed}}
          : {kind: block.block, start: block.start, end: block.end, containers}
    )
    const lines = block.lines
    if ((block.block === 'paragraph' || block.block === 'heading') && lines && lines.length > 2 && anyLineWithBacktick(lines)) {
      multiLineCode.push(...new InlineContent(text, marks, lines, labels).codeSpansAcrossLines())
    }
  }
  while (definition < definitions.length) leaves.push(definitions[definition++]!)
  return {leaves, multiLineCode}
}

function containerKind(container: Container): ContainerKind {
  return container.type
}

type LeafKind = 'paragraph' | 'fence' | 'indented' | 'html' | 'comment' | 'raw' | 'table'

/**
 * The block scanner's state over the lines of one file, one method per step of a line. It was one
 * function of 250 lines, which TurboFan took 0.5-0.7 s of CPU to compile, and compiled again after each
 * deopt (about 4 times while parsing the corpus cold: more CPU than the scan itself); these small methods
 * compile in a few milliseconds each.
 */
class LineScanner {
  private readonly stack: Container[] = []
  /** The open leaf block. */
  private leaf: Block | undefined = undefined
  private leafKind: LeafKind | undefined = undefined
  private fenceChar = ''
  private fenceLength = 0
  private tables = 0
  /** Normalized labels of the link reference definitions read so far (`normalizeLabel`). */
  readonly labels = new Set<string>()
  /** The link reference definitions read so far, as leaf blocks. */
  readonly definitions: LeafBlock[] = []
  /** The last copy of the stack given to a block. */
  private snapshot: Container[] | undefined = undefined
  // The line being read: its bounds and text, how far its container prefixes go, how many containers continue.
  private lineStart = 0
  private lineEnd = 0
  private line = ''
  private pos = 0
  private matched = 0
  /** The line's tab after a list marker (`untabbedLine`), if any: where its white space starts and its columns. */
  private markerTab: MarkerTab | undefined = undefined

  constructor(
    private readonly text: string,
    private readonly blocks: Block[],
    private readonly htmlBlocks: Array<{start: number; end: number}>
  ) {}

  /** Read the line starting at `lineStart`; returns where the next line starts. */
  read(lineStart: number): number {
    const text = this.text
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = text.length
    this.lineStart = lineStart
    this.lineEnd = lineEnd
    this.line = text.slice(lineStart, lineEnd)
    this.markerTab = undefined
    if (this.line.includes('\t') && tabInSyntax.test(this.line)) {
      if (this.tabbedCodeLine()) {
        // What `readLine` does with a code line its containers go on around and that does not close the fence.
        this.leaf!.end = lineEnd
        return lineEnd + 1
      }
      const untabbed = untabbedLine(this.line) ?? decline('tab')
      this.line = untabbed.line
      this.markerTab = untabbed.markerTab
    }
    this.readLine()
    return lineEnd + 1
  }

  /**
   * A line of an open fenced code block whose leading white space holds a tab (code samples indent with
   * tabs) and that neither ends a container nor closes the fence: code, whatever its tabs stand for. Inside
   * list items only (a block quote needs its `>`): the white space, tabs counted to the next multiple of 4
   * columns, must reach their content (or be all the line: a blank line goes on), and what follows must be
   * no fence character (a closing fence may be followed by a tab). Any other line with such a tab declines.
   */
  private tabbedCodeLine(): boolean {
    if (this.leafKind !== 'fence') return false
    let required = 0
    for (const container of this.stack) {
      if (container.type !== 'listItem') return false
      required += container.required
    }
    const line = this.line
    let columns = 0
    let index = 0
    for (; index < line.length; index++) {
      const char = line[index]
      if (char === ' ') columns++
      else if (char === '\t') columns += 4 - (columns % 4)
      else break
    }
    if (index === line.length) return true
    return columns >= required && line[index] !== '`' && line[index] !== '~'
  }

  /**
   * The open containers, as a block keeps them: the same array as the last block's while the stack holds
   * the same containers (blocks only read it), rather than a copy per block.
   */
  private containers(): Container[] {
    const stack = this.stack
    const last = this.snapshot
    if (last !== undefined && last.length === stack.length) {
      let same = true
      for (let index = 0; index < stack.length; index++) if (last[index] !== stack[index]) same = false
      if (same) return last
    }
    return (this.snapshot = stack.slice())
  }

  private close(end: number): void {
    if (this.leaf) {
      if (this.leafKind !== 'table') this.leaf.end = Math.max(this.leaf.end, end)
      this.leaf = undefined
      this.leafKind = undefined
    }
  }

  private open(block: Block, kind: LeafKind): void {
    this.leaf = block
    this.leafKind = kind
    this.blocks.push(block)
    if (kind === 'html' || kind === 'comment' || kind === 'raw') this.htmlBlocks.push(block)
  }

  private readLine(): void {
    const line = this.line
    this.continueContainers()
    let allMatched = this.matched === this.stack.length
    let indent = indentOf(line, this.pos)
    let rest = line.slice(this.pos)
    // `/^ *$/.test(rest)`, without the regex.
    let blank = indent === rest.length

    // micromark's `interrupt` flag, which decides whether an ordered list item may start at other than 1:
    // set for the line when every container goes on and a leaf is in progress (an indented code block
    // stays in progress over blank lines); a table leaves it to a hack we do not model.
    const interrupt = !allMatched ? false : this.leafKind === 'table' ? 'unknown' : this.leafKind !== undefined

    if (this.leafKind !== undefined && this.continueLeaf(allMatched, rest, blank, indent)) return
    const pos = this.pos
    if (this.openContainers(interrupt)) allMatched = true
    // Most lines open no container: their rest is the one already sliced.
    if (this.pos !== pos) {
      indent = indentOf(line, this.pos)
      rest = line.slice(this.pos)
      blank = indent === rest.length
    }

    if (!allMatched) {
      // A lazy continuation line of the open paragraph, or the end of the unmatched containers.
      if (this.leafKind === 'paragraph' && !blank && !interrupts(rest, indent) && this.lazyLine(rest, indent)) return
      this.stack.length = this.matched
      this.close(0)
      // Indented code starting on a lazy line: micromark moves the ended containers after the line, and
      // what its flow is in progress on the next line is more than this scanner models.
      if (!blank && indent >= 4) decline('lazy-indented-code')
    }

    if (blank) {
      this.close(0)
      return
    }
    const start = this.lineStart + this.pos
    const content = rest.slice(Math.min(indent, 3))
    if (this.leafKind === 'paragraph') {
      if (this.paragraphLine(rest, content, indent, start)) return
      this.close(0)
    }
    this.startLeaf(content, indent, start)
  }

  /** How far the open containers go on on this line: sets `pos` and `matched`. */
  private continueContainers(): void {
    const line = this.line
    const stack = this.stack
    let pos = 0
    let matched = 0
    for (; matched < stack.length; matched++) {
      const container = stack[matched]!
      const spaces = indentOf(line, pos)
      if (container.type === 'blockquote') {
        if (spaces > 3 || line[pos + spaces] !== '>') break
        pos += spaces + 1
        if (line[pos] === ' ') pos++
      } else if (spaces === line.length - pos) {
        if (container.initialBlank) container.furtherBlank = true
        pos = line.length
      } else {
        // An item that started blank takes at most one blank line before its content (micromark's list
        // continuation: a non-blank line after `furtherBlankLines` is not in the item, whatever its indent).
        const further = container.furtherBlank
        container.initialBlank = container.furtherBlank = false
        if (further || spaces < container.required) break
        pos += container.required
      }
    }
    this.pos = pos
    this.matched = matched
  }

  /** Leaves that take whole lines while their containers go on; true when the line was taken. */
  private continueLeaf(allMatched: boolean, rest: string, blank: boolean, indent: number): boolean {
    const leafKind = this.leafKind
    const leaf = this.leaf!
    if (leafKind === 'fence' && allMatched) {
      const closing = /^ {0,3}(`+|~+) *$/.exec(rest)
      leaf.end = this.lineEnd
      if (closing && closing[1]![0] === this.fenceChar && closing[1]!.length >= this.fenceLength) {
        leaf.closed = true
        this.close(this.lineEnd)
      }
      return true
    }
    if ((leafKind === 'html' || leafKind === 'comment' || leafKind === 'raw') && allMatched) {
      if (leafKind === 'html' && blank) this.close(leaf.end)
      else {
        leaf.end = this.lineEnd
        if (leafKind === 'comment' ? rest.includes('-->') : leafKind === 'raw' && rawEnd.test(rest)) this.close(this.lineEnd)
      }
      return true
    }
    if (leafKind === 'indented' && allMatched && (blank || indent >= 4)) {
      if (!blank) leaf.end = this.lineEnd
      return true
    }
    if (leafKind === 'table') {
      if (!allMatched) decline('table-ambiguity')
      // Any other line is a row unless it starts another block (which ends the table).
      if (blank || indent >= 4 || endsTable(rest.slice(indent))) this.close(0)
      else {
        this.leaf = tableRow(leaf, this.lineStart + this.pos, this.lineEnd, this.text, this.blocks)
        return true
      }
    }
    if (leafKind === 'fence' || leafKind === 'html' || leafKind === 'comment' || leafKind === 'raw' || leafKind === 'indented') this.close(0)
    return false
  }

  /** Open the new containers (block quotes, list items) this line starts; true when it opened one. */
  private openContainers(interrupt: boolean | 'unknown'): boolean {
    const line = this.line
    const stack = this.stack
    let opened = false
    for (;;) {
      const indent = indentOf(line, this.pos)
      if (indent >= 4) break
      const at = this.pos + indent
      const first = line.charCodeAt(at)
      if (first === charCodes.greaterThan) {
        if (!opened) {
          stack.length = this.matched
          this.close(0)
          opened = true
        }
        const from = this.lineStart + at
        stack.push({type: 'blockquote', alert: alertMarker.exec(this.text.slice(from, from + 40))?.[1]?.toUpperCase()})
        this.matched = stack.length
        this.pos = at + 1
        if (line[this.pos] === ' ') this.pos++
        continue
      }
      // A list marker starts with `-`, `+`, `*` or an ASCII digit: skip the regex for any other line.
      if (first !== charCodes.dash && first !== charCodes.plusSign && first !== charCodes.asterisk && !(first >= charCodes.digit0 && first <= charCodes.digit9)) break
      const from = line.slice(at)
      const marker = listMarker.exec(from)
      if (!marker || thematic.test(from)) break
      const ordered = marker[2] !== undefined
      const char = ordered ? marker[3]! : marker[1]!
      const spaces = marker[4]!.length
      const blankStart = marker[5] === ''
      // A marker glued to text (`-foo`, `1.5`) is no list item.
      if (spaces === 0 && !blankStart) break
      const previous = stack[this.matched]
      const sibling = !opened && previous?.type === 'listItem' && previous.ordered === ordered && previous.marker === char
      // micromark's list start: an ordered item not at 1, or an item starting blank, takes no line where
      // the `interrupt` flag is set (a sibling is read by the list's continuation, where it is not).
      if (!sibling && (blankStart || (ordered && marker[2] !== '1')) && interrupt !== false) {
        if (interrupt === 'unknown') decline('table-ambiguity')
        break // no list item: a paragraph's text (or a setext underline)
      }
      const width = ordered ? marker[2]!.length + 1 : 1
      // The white space after the marker, in columns: a tab in it counts to the next multiple of 4.
      const tabbed = this.markerTab !== undefined && this.markerTab.at === at + width
      const columns = tabbed ? this.markerTab!.columns : spaces
      // Five columns or more start indented code one column after the marker; with a tab, that column is
      // part of the tab (micromark consumes it partly), which is left to remark.
      if (tabbed && columns >= 5 && !blankStart) decline('tab')
      // The content's column (CommonMark §5.2): after the white space when it is 1 to 4 columns; one column
      // after the marker when the item starts blank or with indented code.
      const gap = blankStart || columns >= 5 ? 1 : columns
      if (!opened) {
        stack.length = this.matched
        this.close(0)
        opened = true
      }
      stack.push({type: 'listItem', required: indent + width + gap, ordered, marker: char, initialBlank: blankStart, furtherBlank: false})
      this.matched = stack.length
      this.pos = at + width + (blankStart ? Math.min(spaces, 1) : columns >= 5 ? 1 : spaces)
    }
    return opened
  }

  /** A line the containers do not all go on, while a paragraph is open: true when it was taken (lazily). */
  private lazyLine(rest: string, indent: number): boolean {
    const lazy = rest.slice(Math.min(indent, 3))
    if (indent < 4 && setext.test(lazy)) decline('setext-ambiguity')
    if (indent < 4 && completeTagLine.test(lazy)) {
      // micromark starts an HTML block (kind 7) on such a lazy line, inside all the open containers: the
      // paragraph ends there, and the block at the first line its containers do not continue.
      this.close(0)
      this.open(new Block(this.lineStart + this.pos + indent, this.lineEnd, 'html', this.containers()), 'html')
      return true
    }
    if (delimiterRow.test(rest.trim())) decline('table-ambiguity')
    if (indent >= 4 || !thematic.test(lazy)) {
      const leaf = this.leaf!
      leaf.end = this.lineEnd
      leaf.lines!.push(this.lineStart + this.pos, this.lineEnd)
      leaf.lazy = true
      return true
    }
    return false
  }

  /** A non-blank line while a paragraph is open: true when it was taken (setext underline, table, more text). */
  private paragraphLine(rest: string, content: string, indent: number, start: number): boolean {
    const lineEnd = this.lineEnd
    const paragraph = this.leaf!
    if (indent < 4 && setext.test(content)) {
      // A setext heading: the paragraph was its content.
      paragraph.block = 'heading'
      paragraph.headingDepth = content[0] === '=' ? 1 : 2
      this.close(lineEnd)
      return true
    }
    const lines = paragraph.lines!
    const lastStart = lines[lines.length - 2]!
    const lastEnd = lines[lines.length - 1]!
    if (indent < 4 && delimiterRow.test(content.trim())) {
      if (!/\|/.test(content) || paragraph.lazy || /^ {4}/.test(this.text.slice(lastStart, lastEnd))) decline('table-ambiguity')
      // The paragraph's last line is a table's header row, when their cells agree.
      const cells = cellStarts(this.text, lastStart, lastEnd)
      if (cells.length === cellStarts(this.text, start, lineEnd).length) {
        let header = paragraph
        if (lines.length > 2) {
          lines.length -= 2
          paragraph.end = lines[lines.length - 1]!
          header = new Block(lastStart, lastEnd, 'paragraph', paragraph.containers, [lastStart, lastEnd])
          this.blocks.push(header)
        }
        header.block = 'tableRow'
        header.table = {index: this.tables++, row: 0, cells, delimiters: cells.length}
        this.leaf = header
        this.leafKind = 'table'
        return true
      }
    }
    if (indent >= 4 || !(interrupts(rest, indent) || thematic.test(content))) {
      paragraph.lazy = false
      paragraph.end = lineEnd
      lines.push(start, lineEnd)
      return true
    }
    return false
  }

  /** The leaf block a line starts when no open leaf took it. */
  private startLeaf(content: string, indent: number, start: number): void {
    const lineEnd = this.lineEnd
    const containers = this.containers()
    if (indent >= 4) {
      this.open(new Block(start, lineEnd, 'code', containers), 'indented')
    } else if (atx.test(content)) {
      const depth = /^#+/.exec(content)![0].length
      this.blocks.push(new Block(start + indent, lineEnd, 'heading', containers, [start + indent + depth, lineEnd], depth))
    } else if (isFence(content)) {
      const [, run] = fenceOpen.exec(content)!
      this.fenceChar = run![0]!
      this.fenceLength = run!.length
      const fence = new Block(start + indent, lineEnd, 'code', containers)
      fence.fenced = true
      this.open(fence, 'fence')
    } else if (content.startsWith('<')) {
      const kind = htmlStart(content)
      if (kind === 'paragraph') {
        if (content.startsWith('[') && (content.includes(']:') || !content.includes(']'))) decline('definition')
        this.open(new Block(start + indent, lineEnd, 'paragraph', containers, [start, lineEnd]), 'paragraph')
      } else {
        this.open(new Block(start + indent, lineEnd, 'html', containers), kind === 'html7' ? 'html' : kind)
        if (kind === 'comment' ? content.indexOf('-->', 4) >= 0 : kind === 'raw' && rawEnd.test(content)) this.close(lineEnd)
      }
    } else if (thematic.test(content)) {
      // A thematic break: no pair can start in it.
    } else if (delimiterRow.test(content.trim())) {
      decline('table-ambiguity')
    } else {
      // A link reference or footnote definition (`[label]: url`, `[^1]: text`) can only start a paragraph.
      if (content.startsWith('[') && (content.includes(']:') || !content.includes(']')) && (content.startsWith('[^') || this.mayBeDefinition(content))) {
        if (this.definition(content, containers, start + indent, lineEnd)) return
        // A title closed on the line with more after it (a translation that put quotes in a title) makes
        // the line no definition: a paragraph starts, and the lines after it are its text, definitions or not.
        if (!brokenDefinition.test(content) || content.startsWith('[^')) decline('definition')
      }
      this.open(new Block(start + indent, lineEnd, 'paragraph', containers, [start, lineEnd]), 'paragraph')
    }
  }

  /**
   * Whether a line starting with `[` may start a link reference definition: its label ends at the first
   * unescaped `]`, which a `:` must follow, and holds no unescaped `[` (CommonMark). `[String]$path =
   * [Environment]::GetFolderPath(…)` in a list item is no definition; a label still open at the line's end
   * may close on a later line.
   */
  private mayBeDefinition(content: string): boolean {
    for (let at = 1; at < content.length; at++) {
      const char = content[at]
      if (char === '\\') at++
      else if (char === '[') return false
      else if (char === ']') return content[at + 1] === ':'
    }
    return this.labelMayClose()
  }

  /**
   * Whether a label opened on this line (a `[` with no `]` after it) may close as a definition's, `]:`, on a
   * later line: not when no `]:` comes before the next blank line, which no label crosses (a list item
   * starting `[**Trusted Root Certification Authorities**, …` and its label broken by the translation).
   */
  private labelMayClose(): boolean {
    const close = this.text.indexOf(']:', this.lineStart)
    if (close < 0) return false
    blankLine.lastIndex = this.lineStart
    const blank = blankLine.exec(this.text)
    return blank === null || close < blank.index
  }

  /**
   * Whether the line is a link reference definition the scanner is sure of, noting its label: at the top
   * level, on one line (label, destination, optional title, nothing after), with no pair in it, and followed
   * by a blank line, another `[` line or the end (what follows a definition without a blank line is read
   * with it by micromark: a title on the next line, a lazy or setext continuation). Such a line makes no
   * block with a pair (mdast `definition`); the others decline.
   */
  private definition(content: string, containers: Container[], start: number, lineEnd: number): boolean {
    if (containers.length > 0) return false
    const match = definitionLine.exec(content)
    if (!match || content.includes('<span') || content.includes('sxs-lookup')) return false
    const label = normalizeLabel(match[1]!)
    if (label === '' || match[1]!.startsWith('^')) return false
    const nextEnd = this.text.indexOf('\n', lineEnd + 1)
    const next = lineEnd >= this.text.length ? '' : this.text.slice(lineEnd + 1, nextEnd < 0 ? this.text.length : nextEnd)
    if (!/^[ \t]*$/.test(next) && !/^ {0,3}\[/.test(next)) return false
    this.labels.add(label)
    this.definitions.push({kind: 'definition', start, end: lineEnd, containers: [], definition: {label, title: match[2] !== undefined}})
    return true
  }
}

// A link reference definition's parts, as CommonMark reads them but stricter (no backslash in the
// destination or title, parentheses nested one level); the label is group 1.
const definitionLabel = String.raw`\[((?:[^\\[\]]|\\.){1,999})\]:[ \t]*`
const definitionDestination = String.raw`(?:<[^<>\n\\]*>|[^\s<>()\\\x00-\x1F]+(?:\([^\s<>()\\\x00-\x1F]*\)[^\s<>()\\\x00-\x1F]*)*)`
const definitionTitle = String.raw`(?:"[^"\\\n]*"|'[^'\\\n]*'|\([^()\\\n]*\))`

/** A link reference definition on one line: `[label]: destination "title"`. */
const definitionLine = new RegExp(`^${definitionLabel}${definitionDestination}(?:[ \\t]+(${definitionTitle}))?[ \\t]*$`)

/** The start of a definition with a title closed on the line and more after it, or no title but more text: no definition. */
const brokenDefinition = new RegExp(`^${definitionLabel}${definitionDestination}[ \\t]+(?:${definitionTitle}[ \\t]*\\S|[^"'(\\s])`)

/** A footnote definition's start, `[^label]:`, anywhere. */
const footnoteDefinition = /\[\^[^\]\n]*\]:/
/** A blank line (only spaces and tabs), or the end of the text, from a line start on. */
const blankLine = /\n[ \t]*(?:\n|$)/g

/** Whether blocks are sorted by start (a stable sort would leave them as they are). */
function inOrder(blocks: readonly Block[]): boolean {
  for (let index = 1; index < blocks.length; index++) if (blocks[index - 1]!.start > blocks[index]!.start) return false
  return true
}

/** Whether `text` holds `<!-->` or `<!--->` (found from the rarer `!--`: every pair starts with `<`). */
function hasEmptyComment(text: string): boolean {
  for (let bang = text.indexOf('!--'); bang >= 0; bang = text.indexOf('!--', bang + 1)) {
    if (text[bang - 1] === '<' && (text[bang + 3] === '>' || text.startsWith('->', bang + 3))) return true
  }
  return false
}

function indentOf(line: string, from: number): number {
  let index = from
  while (line[index] === ' ') index++
  return index - from
}

/** Whether `rest` (a non-blank line in a paragraph) starts a block that interrupts it. */
function interrupts(rest: string, indent: number): boolean {
  if (indent >= 4) return false
  const content = rest.slice(indent)
  if (atx.test(content) || isFence(content) || content.startsWith('>')) return true
  if (content.startsWith('<')) {
    const kind = htmlStart(content)
    return kind === 'html' || kind === 'comment' || kind === 'raw'
  }
  const marker = listMarker.exec(content)
  if (marker && (marker[4] !== '' || marker[5] === '')) {
    // An empty item cannot interrupt a paragraph: text (a setext underline was read before).
    if (marker[5] === '') return false
    // The scan of containers took every list item it could; an ordered one not at 1 is text here.
    return marker[2] === undefined || marker[2] === '1'
  }
  return false
}

/** Whether a non-blank line after a table's rows starts another block (a row otherwise). */
function endsTable(content: string): boolean {
  if (atx.test(content) || isFence(content) || content.startsWith('>')) return true
  if (content.startsWith('<')) return htmlStart(content) !== 'paragraph'
  if (thematic.test(content) || setext.test(content)) decline('table-ambiguity')
  const marker = listMarker.exec(content)
  if (marker && (marker[4] !== '' || marker[5] === '')) {
    if (marker[2] !== undefined || marker[5] === '') decline('table-ambiguity')
    return true
  }
  return false
}

/** How a line starting with `<` starts: an HTML block ending at a blank line, a comment, or not an HTML block. */
function isFence(content: string): boolean {
  const fence = fenceOpen.exec(content)
  return fence !== null && !(fence[1]![0] === '`' && fence[2]!.includes('`'))
}

/**
 * `html7`: a complete tag alone on its line, which cannot interrupt a paragraph; `raw`: `<pre>`, `<script>`,
 * `<style>` or `<textarea>`, a block that blank lines do not end (`rawEnd` does).
 */
function htmlStart(content: string): 'html' | 'html7' | 'comment' | 'raw' | 'paragraph' {
  if (content.startsWith('<!--')) return 'comment'
  if (/^<[!?]/.test(content)) decline('html-kind')
  // `tagName` (`/^<(\/?)([A-Za-z][A-Za-z0-9-]*)(.?)(.?)/`) read by code rather than matched: every
  // paragraph that starts with a pair starts with `<span`, and the match array and its strings were one of
  // the scanner's largest allocations.
  const closing = content.charCodeAt(1) === charCodes.slash
  const nameStart = closing ? 2 : 1
  if (!isAsciiLetterCode(content.charCodeAt(nameStart))) return 'paragraph'
  let nameEnd = nameStart + 1
  while (isAsciiLetterCode(content.charCodeAt(nameEnd)) || isDigitCode(content.charCodeAt(nameEnd)) || content.charCodeAt(nameEnd) === charCodes.dash) nameEnd++
  // What `(.?)` takes after the name: a character other than a line terminator, else nothing (NaN: the end).
  const after = content.charCodeAt(nameEnd)
  const nothing = Number.isNaN(after) || isLineTerminatorCode(after)
  const ends = nothing || after === charCodes.space || after === charCodes.horizontalTab || after === charCodes.greaterThan || after === charCodes.slash
  if (!ends) return 'paragraph'
  const name = content.slice(nameStart, nameEnd).toLowerCase()
  if (htmlRawNames.has(name) && !closing) {
    // `<pre/`: not this kind (micromark then judges it as any other tag); left to remark.
    if (after === charCodes.slash) decline('html-kind')
    return 'raw'
  }
  if (htmlBlockNames.has(name)) {
    if (after === charCodes.slash && content.charCodeAt(nameEnd + 1) !== charCodes.greaterThan) return 'paragraph'
    return 'html'
  }
  return completeTagLine.test(content) ? 'html7' : 'paragraph'
}

function isAsciiLetterCode(code: number): boolean {
  return (code | asciiCaseBit) >= charCodes.lowercaseA && (code | asciiCaseBit) <= charCodes.lowercaseZ
}

function isDigitCode(code: number): boolean {
  return code >= charCodes.digit0 && code <= charCodes.digit9
}

/** What `.` does not match (no `s` flag): `\n`, `\r`, U+2028, U+2029. */
function isLineTerminatorCode(code: number): boolean {
  return code === charCodes.lineFeed || code === charCodes.carriageReturn || code === charCodes.lineSeparator || code === charCodes.paragraphSeparator
}

/** Offsets where each cell of a table row starts (after its leading pipe), from the row's pipes. */
function cellStarts(text: string, start: number, end: number): number[] {
  // Read in place (offsets of the text, bounded by the row) rather than on a slice of the row, and with no
  // slice of the last cell to trim: rows are the scanner's most numerous blocks after paragraphs.
  const starts: number[] = []
  let indent = start
  while (indent < end && text.charCodeAt(indent) === charCodes.space) indent++
  let cellStart = start
  // Only pipes matter, so jump from one to the next (a row is mostly pairs' text): a pipe is escaped by an
  // odd run of backslashes before it (`\\` is an escaped backslash), and the leading pipe is the first
  // one with nothing but spaces before it.
  for (let pipe = text.indexOf('|', start); pipe >= 0 && pipe < end; pipe = text.indexOf('|', pipe + 1)) {
    let backslashes = 0
    while (pipe - backslashes - 1 >= start && text.charCodeAt(pipe - backslashes - 1) === charCodes.backslash) backslashes++
    if (backslashes % 2 === 1) continue
    if (cellStart > start || indent < pipe) starts.push(cellStart)
    cellStart = pipe + 1
  }
  // A last cell after the last pipe holds something other than white space (what `trim` removes: `\s`).
  for (let at = cellStart; at < end; at++) {
    if (!isWhiteSpaceCode(text.charCodeAt(at))) {
      starts.push(cellStart)
      break
    }
  }
  return starts
}

function tableRow(previous: Block, start: number, end: number, text: string, blocks: Block[]): Block {
  const table = previous.table!
  const cells = cellStarts(text, start, end)
  const row = new Block(start, end, 'tableRow', previous.containers, [start, end], undefined, {index: table.index, row: table.row + 1, cells, delimiters: table.delimiters})
  blocks.push(row)
  return row
}

/** The block holding `offset` (`blocks` sorted by start). */
function blockAt(blocks: Block[], offset: number): Block | undefined {
  const found = blocks[countStartingAtOrBefore(blocks, offset, (block) => block.start) - 1]
  return found && offset < found.end ? found : undefined
}

/** The inline content holding `offset` in a block with lines: the block's, or its table cell's. */
function inlineContent(text: string, block: Block, offset: number, labels: ReadonlySet<string>): InlineContent {
  return new InlineContent(text, new Marks(text), block.table ? cellRange(block, cellIndexAt(block, offset)) : block.lines!, labels)
}

function locateAll(text: string, pairs: readonly PairMatch[], blocks: Block[], cellAt: (offset: number) => HtmlTableCell | undefined, labels: ReadonlySet<string>): SegmentContext[] {
  const contexts = new Array<SegmentContext>(pairs.length)
  const locator = new ContextLocator(text, cellAt, labels)
  let index = 0
  for (let at = 0; at < pairs.length; at++) {
    const pair = pairs[at]!
    const offset = pair.pairStart
    while (index + 1 < blocks.length && blocks[index + 1]!.start <= offset) index++
    const block = blocks[index]
    if (!block || offset < block.start || offset >= block.end) decline('pair-position')
    contexts[at] = locator.contextOf(block, offset)
  }
  return contexts
}

/**
 * What a block's containers give each of its pairs' contexts. Found once per block, and one per document for
 * each different nesting (`frameKey`): blocks of sibling list items have equal frames, and so can share contexts.
 */
interface Frame {
  /** The ancestors of a pair, one array for all the contexts of the frame (contexts are read-only). */
  ancestors: string[]
  listDepth: number
  alert: string | undefined
  inBlockquote: boolean
  inListItem: boolean
  /**
   * The frame's contexts without a table or a link (one per block kind, heading depth and code), each shared
   * by all its pairs: most pairs' contexts. A context per pair was the parse's largest allocation, and objects
   * that live while a document's rules run are copied by each scavenge.
   */
  plain: SegmentContext[]
}

/**
 * The contexts of one document's pairs, asked in file order. Pairs of one paragraph or cell are
 * consecutive: the block's inline content is kept for the next pair (keyed by block and, in a table row,
 * by cell start), and so is the context of its last pair in a table cell, which the next pair of the same
 * cell shares.
 */
class ContextLocator {
  private readonly marks: Marks
  /** The document's frames, by `frameKey`. */
  private readonly frames = new Map<string, Frame>()
  private contentBlock: Block | undefined = undefined
  private contentStart = -1
  private content: InlineContent | undefined = undefined
  /** The last table cell context made, and what it was made for: block, cell (an index, or the HTML cell) and code. */
  private cellBlock: Block | undefined = undefined
  private cellKey: number | HtmlTableCell = -1
  private cellCode = false
  private cellContext: SegmentContext | undefined = undefined

  constructor(
    private readonly text: string,
    private readonly cellAt: (offset: number) => HtmlTableCell | undefined,
    private readonly labels: ReadonlySet<string>
  ) {
    this.marks = new Marks(text)
  }

  contextOf(block: Block, offset: number): SegmentContext {
    const frame = (block.frame ??= this.frameOf(block))
    const cell = block.table ? cellIndexAt(block, offset) : -1
    const inline = block.lines ? this.inlineOf(block, cell).pairAt(offset) : undefined
    const inCode = block.block === 'code' || inline?.code === true
    const link = inline?.link
    const htmlCell = !inCode && !block.table ? this.cellAt(offset) : undefined
    if (link) return makeContext(frame, block, inCode, link, block.table ? gfmCell(block, cell) : htmlCell && htmlCellOf(htmlCell))
    if (block.table || htmlCell) {
      const key = htmlCell ?? cell
      if (this.cellBlock !== block || this.cellKey !== key || this.cellCode !== inCode || !this.cellContext) {
        this.cellBlock = block
        this.cellKey = key
        this.cellCode = inCode
        this.cellContext = makeContext(frame, block, inCode, undefined, htmlCell ? htmlCellOf(htmlCell) : gfmCell(block, cell))
      }
      return this.cellContext
    }
    // Without a table or link, the frame, block kind, heading depth and code decide the whole context.
    for (const context of frame.plain) {
      if (context.block === block.block && context.headingDepth === block.headingDepth && (context.kind === 'code') === inCode) return context
    }
    const context = makeContext(frame, block, inCode, undefined, undefined)
    frame.plain.push(context)
    return context
  }

  private inlineOf(block: Block, cell: number): InlineContent {
    // The cell's range found once per pair (it was built twice, an array each time).
    const range = block.table ? cellRange(block, cell) : undefined
    const start = range ? range[0] : block.start
    if (this.contentBlock !== block || this.contentStart !== start) {
      this.contentBlock = block
      this.contentStart = start
      this.content = new InlineContent(this.text, this.marks, range ?? block.lines!, this.labels)
    }
    return this.content!
  }

  private frameOf(block: Block): Frame {
    const key = frameKey(block)
    let frame = this.frames.get(key)
    if (!frame) this.frames.set(key, (frame = newFrame(block)))
    return frame
  }
}

/** What a frame follows from: the block's containers (kind, and a block quote's alert) and whether it is a table row. */
function frameKey(block: Block): string {
  let key = block.table ? 'table' : ''
  for (const container of block.containers) key += container.type === 'blockquote' ? ` >${container.alert ?? ''}` : ' -'
  return key
}

function newFrame(block: Block): Frame {
  const ancestors: string[] = []
  let listDepth = -1
  let alert: string | undefined
  let inBlockquote = false
  let inListItem = false
  for (const container of block.containers) {
    if (container.type === 'blockquote') {
      ancestors.push('blockquote')
      inBlockquote = true
      if (container.alert) alert = container.alert
    } else {
      ancestors.push('list', 'listItem')
      listDepth++
      inListItem = true
    }
  }
  if (block.table) ancestors.push('table')
  return {ancestors, listDepth, alert, inBlockquote, inListItem, plain: []}
}

function gfmCell(block: Block, cell: number): NonNullable<SegmentContext['table']> {
  return {html: false, index: block.table!.index, row: block.table!.row, column: Math.max(cell, 0)}
}

function htmlCellOf(cell: HtmlTableCell): NonNullable<SegmentContext['table']> {
  return {html: true, index: cell.table, row: cell.row, column: cell.column}
}

function makeContext(frame: Frame, block: Block, inCode: boolean, link: SegmentContext['link'], table: SegmentContext['table']): SegmentContext {
  const {listDepth, alert, inBlockquote, inListItem} = frame
  let kind: SegmentContext['kind']
  if (inCode) kind = 'code'
  else if (link?.image) kind = 'image'
  else if (link) kind = 'link'
  else if (table) kind = table.html ? 'htmlTableCell' : 'tableCell'
  else if (block.headingDepth !== undefined) kind = 'heading'
  else if (alert) kind = 'alert'
  else if (inBlockquote) kind = 'blockquote'
  else if (inListItem) kind = 'listItem'
  else if (block.block === 'html') kind = 'html'
  else kind = 'paragraph'

  // Every field present, in the order the object always had, undefined where it does not apply: one object
  // shape for every pair, where setting the optional fields one by one made a shape per combination and
  // threw this function's optimized code away at each new one. JSON.stringify leaves the undefined fields
  // out, so the outputs (the JSON compares the object) are the same bytes.
  const context: SegmentContext = {
    kind,
    block: block.block,
    ancestors: frame.ancestors,
    headingDepth: block.headingDepth,
    table,
    alert: alert || undefined,
    link,
    listDepth: listDepth >= 0 ? listDepth : undefined
  }
  return context
}

/** Index of the table row cell holding `offset`: the last that starts at or before it; -1 when none does. */
function cellIndexAt(block: Block, offset: number): number {
  const cells = block.table!.cells
  let found = -1
  for (let index = 0; index < cells.length; index++) if (cells[index]! <= offset) found = index
  return found
}

/** The range of the row's cell `cell` (from `cellIndexAt`; -1: the whole row). */
function cellRange(block: Block, cell: number): [number, number] {
  const cells = block.table!.cells
  if (cell < 0) return [block.start, block.end]
  return [cells[cell]!, cell + 1 < cells.length ? cells[cell + 1]! - 1 : block.end]
}
