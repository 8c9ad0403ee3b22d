/**
 * remark's reading of a large text, in pieces: the same mdast tree `parseBlocks` gives for the whole text
 * (test/remark-pieces.test.ts proves it over the dev corpus and random documents), in time and memory linear
 * in the text. remark read whole is superlinear on a large file (micromark splices its events array, and
 * keeps every event of the document besides its tree: a 5.8 MB page took 22 s and 740 MB), and a file the
 * fast path declines (a footnote, a tab, …) went to it whole.
 *
 * The text is cut at the start of a line that follows a blank line, starts with a character that starts no
 * list item (`-`, `+`, `*` or a digit) and no indented line, and opens no block that blank lines do not end.
 * There every block is closed in micromark's reading, or it is a fenced code block, an HTML block of the kinds
 * blank lines do not end (comment, `<pre>`, …) or the front matter: a list item goes on only with indented
 * lines or one of its markers, a block quote only with `>`, a paragraph, table or other HTML block ends at the
 * blank line, and no other block looks at a line past a blank one. A line scan (`candidateCuts`) skips the
 * places where it guesses a fence or such an HTML block is open; remark itself confirms each cut: the piece is
 * read with the line after the cut behind it (its sentinel), which must come back as a node of its own at the
 * top level, so nothing before the cut was open. The sentinel is that line itself, not any paragraph: how the
 * blocks left open close (where a fence in a list item ends) depends on whether the line starts a container.
 * Only the front matter decides by what comes after (it is front matter only if closed), so no cut is made
 * before its closing fence could be.
 *
 * What crosses a cut is the definitions: a reference resolves against the whole file's link reference and
 * footnote definitions. Each piece is read with the candidate labels of the whole file (any `[label]:` in
 * it) that it may look up defined after its sentinel (the last piece: before its text, as it has none). Then
 * the definitions the pieces actually hold are the truth: a file whose definitions are not all among the
 * candidates is read again with them; a piece holding a reference to a candidate that is no definition
 * (a `[x]:` in a code block, a label the scan misread) is read again with the true ones, since a label taken
 * for defined shows in the tree as a reference to it. The synthetic nodes are dropped and every position
 * shifted back to the text's.
 */
import type {Nodes, Root, RootContent} from 'mdast'
import type {Point, Position} from 'unist'

/** How much text a piece holds at least (the last may hold less): about 0.1 s of remark. */
export const defaultPieceSize = 64 * 1024

export interface PieceReading {
  tree: Root
  /** Offsets where the text was cut, in order (none: read whole). */
  cuts: number[]
}

/**
 * `parse(markdown)` (remark's whole-text reading) in pieces of about `pieceSize` characters. `markdown` must
 * not start with a BOM (micromark drops it from its offsets, see blocks.ts).
 */
export function readInPieces(markdown: string, parse: (text: string) => Root, pieceSize = defaultPieceSize): PieceReading {
  const whole = (): PieceReading => ({tree: parse(markdown), cuts: []})
  if (markdown.length < 2 * pieceSize) return whole()
  const cuts = candidateCuts(markdown)
  if (cuts.length === 0) return whole()
  const candidates = candidateLabels(markdown)
  const lines = new LineCounter(markdown)

  // Cut where the candidates allow after `pieceSize` more characters; a cut remark refuses is retried
  // further on with twice the size, so that a file open to its end is read in at most twice remark's work.
  const pieces: Piece[] = []
  let start = 0
  let cutIndex = 0
  while (start < markdown.length) {
    let size = pieceSize
    let piece: Piece | undefined
    for (;;) {
      while (cutIndex < cuts.length && cuts[cutIndex]! < start + size) cutIndex++
      const end = cutIndex < cuts.length && markdown.length - cuts[cutIndex]! >= pieceSize / 2 ? cuts[cutIndex]! : markdown.length
      piece = readPiece(markdown, start, end, end === markdown.length, candidates, parse, lines)
      if (piece) break
      if (end === markdown.length) return whole()
      size *= 2
    }
    pieces.push(piece)
    start = piece.end
  }

  // The definitions the pieces hold: what each piece's references resolve against in the whole reading.
  const defined = {links: new Set<string>(), footnotes: new Set<string>()}
  for (const piece of pieces) {
    for (const node of piece.tree.children) collectDefinitions(node, defined)
  }
  // A definition among no candidates: every piece read again with the true labels.
  const candidateIds = {links: new Set(candidates.links.map((label) => identifier(label).toLowerCase())), footnotes: new Set(candidates.footnotes.map((label) => identifier(label).toLowerCase()))}
  const missed = [...defined.links].some((id) => !candidateIds.links.has(id)) || [...defined.footnotes].some((id) => !candidateIds.footnotes.has(id))
  const truth = labelsOf(defined)
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!
    if (!missed && !refersToUndefined(piece.tree, piece.defined, defined)) continue
    const again = readPiece(markdown, piece.start, piece.end, piece.end === markdown.length, truth, parse, lines)
    // The block structure does not depend on the labels: a cut confirmed once is confirmed again.
    if (!again) return whole()
    pieces[index] = again
  }

  const first = pieces[0]!.tree
  const last = pieces[pieces.length - 1]!.tree
  const tree: Root = {type: 'root', children: pieces.flatMap((piece) => piece.tree.children)}
  if (first.position && last.position) tree.position = {start: first.position.start, end: last.position.end}
  return {tree, cuts: pieces.slice(1).map((piece) => piece.start)}
}

interface Piece {
  start: number
  end: number
  /** The piece's nodes, positions in the whole text's offsets and lines. */
  tree: Root
  /** The identifiers the synthetic definitions defined. */
  defined: {links: Set<string>; footnotes: Set<string>}
}

interface Labels {
  /** Link reference definition labels, as written (white space runs made one space). */
  links: string[]
  /** Footnote definition labels, without the `^`. */
  footnotes: string[]
}

/**
 * Read `markdown.slice(start, end)` with `labels` defined, or undefined when remark does not confirm the cut
 * at `end` (a block open there) or the synthetic definitions do not come back as such.
 */
function readPiece(markdown: string, start: number, end: number, last: boolean, labels: Labels, parse: (text: string) => Root, lines: LineCounter): Piece | undefined {
  const text = markdown.slice(start, end)
  labels = labelsIn(text, labels)
  const definitions = definitionsText(labels)
  const expected = labels.links.length + labels.footnotes.length
  const lineShift = lines.lineOf(start) - 1
  // The whole text in one piece: remark's own reading (definitions before it would hide its front matter).
  if (last && start === 0) return {start, end, tree: parse(text), defined: {links: new Set(), footnotes: new Set()}}
  if (last) {
    // No sentinel after the last piece (it may be open to the end, as in the whole reading): the labels go
    // before it, each followed by a blank line, so that the piece starts as after the blank line before its cut.
    const tree = parse(definitions + text)
    const defined = syntheticIds(tree.children.slice(0, expected), labels)
    if (!defined || (tree.children[expected]?.position?.start.offset ?? definitions.length) < definitions.length) return undefined
    const children = tree.children.slice(expected)
    const prefixLines = lineCount(definitions)
    for (const child of children) shift(child, start - definitions.length, lineShift - prefixLines)
    const piece: Root = {type: 'root', children}
    if (tree.position) piece.position = {start: {line: 1, column: 1, offset: 0}, end: shifted(tree.position.end, start - definitions.length, lineShift - prefixLines)}
    return {start, end, tree: piece, defined}
  }
  // The sentinel is the line after the cut itself: how the blocks open before it close (where a fence in a
  // list item ends, say) depends on what that line starts, a container or not.
  const sentinel = lineAt(markdown, end)
  const tree = parse(text + sentinel + definitions)
  const at = tree.children.findIndex((child) => (child.position?.end.offset ?? 0) > text.length)
  if (at < 0 || tree.children[at]!.position?.start.offset !== text.length) return undefined
  const defined = tree.children.length === at + 1 + expected ? syntheticIds(tree.children.slice(at + 1), labels) : undefined
  if (!defined) return undefined
  const children = tree.children.slice(0, at)
  for (const child of children) shift(child, start, lineShift)
  const piece: Root = {type: 'root', children}
  // Its end is the cut, at the start of a line (only the first piece's start and the last's end are read).
  if (tree.position) piece.position = {start: shifted(tree.position.start, start, lineShift), end: {line: lines.lineOf(end), column: 1, offset: end}}
  return {start, end, tree: piece, defined}
}

/** The line starting at `start`, with its line ending (one added at the text's end) and a blank line after it. */
function lineAt(text: string, start: number): string {
  let end = start
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++
  const ending = text[end] === '\r' && text[end + 1] === '\n' ? '\r\n' : end < text.length ? text[end]! : '\n'
  // Its own ending twice: a LF after a lone CR would make one CRLF, no blank line.
  return text.slice(start, end) + ending + ending
}

/** Each label defined on a line of its own, followed by a blank line (no lazy line, no title). */
function definitionsText(labels: Labels): string {
  let text = ''
  for (const label of labels.links) text += `[${label}]: #\n\n`
  for (const label of labels.footnotes) text += `[^${label}]: x\n\n`
  return text
}

/**
 * The identifiers the synthetic nodes define, when they are the definitions of `labels` (one node each, link
 * definitions and then footnote definitions), else undefined.
 */
function syntheticIds(nodes: readonly RootContent[], labels: Labels): {links: Set<string>; footnotes: Set<string>} | undefined {
  if (nodes.length !== labels.links.length + labels.footnotes.length) return undefined
  const ids = {links: new Set<string>(), footnotes: new Set<string>()}
  for (const [index, node] of nodes.entries()) {
    if (index < labels.links.length && node.type === 'definition') ids.links.add(node.identifier)
    else if (index >= labels.links.length && node.type === 'footnoteDefinition') ids.footnotes.add(node.identifier)
    else return undefined
  }
  return ids
}

/** The definitions a tree holds (mdast identifiers: micromark's normalized labels, lower case). */
function collectDefinitions(node: Nodes, into: {links: Set<string>; footnotes: Set<string>}): void {
  if (node.type === 'definition') into.links.add(node.identifier)
  else if (node.type === 'footnoteDefinition') into.footnotes.add(node.identifier)
  if ('children' in node) for (const child of node.children) collectDefinitions(child as Nodes, into)
}

/**
 * Whether a tree read with the candidate labels holds a reference to one that is no definition of the file:
 * the first place the reading with the true labels differs is such a reference (micromark makes a label a
 * reference only when it is defined), so a tree without one is the true reading.
 * (Identifiers are compared as mdast gives them, micromark's normalized label in lower case: two labels
 * micromark tells apart that lower case makes one, mdast cannot tell apart either.)
 */
function refersToUndefined(tree: Nodes, candidates: {links: Set<string>; footnotes: Set<string>}, defined: {links: Set<string>; footnotes: Set<string>}): boolean {
  const walk = (node: Nodes): boolean => {
    if ((node.type === 'linkReference' || node.type === 'imageReference') && candidates.links.has(node.identifier) && !defined.links.has(node.identifier)) return true
    if (node.type === 'footnoteReference' && candidates.footnotes.has(node.identifier) && !defined.footnotes.has(node.identifier)) return true
    return 'children' in node && node.children.some((child) => walk(child as Nodes))
  }
  return walk(tree)
}

/** Labels to define from the identifiers a file defines (lower case: the same labels to micromark). */
function labelsOf(defined: {links: Set<string>; footnotes: Set<string>}): Labels {
  return {links: [...defined.links], footnotes: [...defined.footnotes]}
}

/**
 * micromark's normalized label (micromark-util-normalize-identifier): white space runs one space, trimmed,
 * case folded. Two labels match where their identifiers are equal.
 */
function identifier(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
}

/**
 * The labels a piece may look up: those matching the text between a `[` and the next `]` with no bracket
 * between (escaped ones aside) somewhere in it. micromark looks a label up only there (a reference's label,
 * a link text taken as a shortcut reference, `^` and a footnote's label), and a definition's label holds no
 * unescaped bracket, so a label matching no such text is never looked up (a text over lines is also taken
 * without the `>` its lines may start with, which micromark leaves out). Each piece gets only its own,
 * else a file with a definition every few lines would give every piece all of them: quadratic.
 */
function labelsIn(text: string, labels: Labels): Labels {
  if (labels.links.length + labels.footnotes.length === 0) return labels
  const texts = new Set<string>()
  for (const match of text.matchAll(/\[((?:[^\\[\]]|\\[^])*)\]/g)) {
    const inside = match[1]!
    texts.add(identifier(inside))
    // Over lines, with the block quote markers that may start its lines left out, as micromark leaves them.
    if (/[\n\r]/.test(inside)) texts.add(identifier(inside.replace(/([\n\r])[ \t>]*/g, '$1')))
  }
  return {links: labels.links.filter((label) => texts.has(identifier(label))), footnotes: labels.footnotes.filter((label) => texts.has(identifier(`^${label}`)))}
}

/**
 * Every `[label]:` and `[^label]:` of the text, anywhere (a superset of its definitions' labels, checked
 * against them afterwards): the label as micromark takes it (no unescaped bracket, at most 999 characters,
 * not blank), its line breaks and white space runs made one space; a footnote label holds no white space.
 */
export function candidateLabels(text: string): Labels {
  const links = new Set<string>()
  const footnotes = new Set<string>()
  for (const match of text.matchAll(/\[((?:[^\\[\]]|\\[^])+?)\]:/g)) {
    const raw = match[1]!
    if (raw.length > 999 || !/\S/.test(raw)) continue
    if (raw.startsWith('^') && /^\^[^\s]+$/.test(raw)) footnotes.add(raw.slice(1))
    else links.add(raw.replace(/\s+/g, ' '))
  }
  return {links: [...links], footnotes: [...footnotes]}
}

/**
 * Offsets where the text may be cut (remark confirms each): the start of a line after a blank line that
 * starts with no white space, no list marker character and no digit, outside what a line scan takes for an
 * open fenced code block, an HTML block that blank lines do not end, or the front matter. The scan guesses
 * (it does not know the containers); a wrong guess costs a cut, not a wrong tree.
 */
export function candidateCuts(text: string): number[] {
  const cuts: number[] = []
  let open: Open | undefined
  let previousBlank = false
  let lineStart = 0
  // Front matter is only known at its closing fence: no cut before a line that could close it.
  let frontMatter = text.startsWith('---')
  let first = true
  while (lineStart < text.length) {
    let lineEnd = lineStart
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++
    const line = text.slice(lineStart, lineEnd)
    const next = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1)
    const blank = /^[ \t]*$/.test(line)
    if (frontMatter) {
      if (!first && line.startsWith('---')) frontMatter = false
    } else if (open && !open.containerEnds(line)) {
      if (open.close(line)) open = undefined
    } else {
      // Nothing open, or the line ends the container of what was: it may start the next block.
      open = opens(line)
      // A line that opens what blank lines do not end is no cut: the definitions after it would be in it.
      if (previousBlank && !blank && !open && /^[^\s\-+*0-9]/.test(line)) cuts.push(lineStart)
    }
    first = false
    previousBlank = blank
    lineStart = next
  }
  return cuts
}

/** Container prefixes a line may start with (block quote markers, list markers, indentation). */
const containerPrefix = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*/
const fence = /^(`{3,}|~{3,})(.*)$/
const htmlEnds: ReadonlyArray<[RegExp, RegExp]> = [
  [/^<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/]
]

/** A block a line scan takes for open: the line that closes it, and the line that ends the container it is in. */
interface Open {
  close: (line: string) => boolean
  containerEnds: (line: string) => boolean
}

/**
 * What a line opens that a blank line does not close, with the test for the line that closes it. Opened under
 * a block quote or list marker, it is in that container, which a line starting with other text closes.
 */
function opens(line: string): Open | undefined {
  const prefix = containerPrefix.exec(line)![0]
  const content = line.slice(prefix.length)
  const contained = /[>\-+*)]|\d\./.test(prefix)
  const containerEnds = (next: string): boolean => contained && /^[^\s>]/.test(next)
  const fenceMatch = fence.exec(content)
  if (fenceMatch && !(fenceMatch[1]![0] === '`' && fenceMatch[2]!.includes('`'))) {
    const marker = fenceMatch[1]!
    return {
      close: (next) => {
        const closing = /^(`{3,}|~{3,})[ \t]*$/.exec(next.slice(containerPrefix.exec(next)![0].length))
        return closing !== null && closing[1]![0] === marker[0] && closing[1]!.length >= marker.length
      },
      containerEnds
    }
  }
  for (const [start, end] of htmlEnds) {
    if (!start.test(content)) continue
    // Closed on its own line: nothing stays open (the end searched after the start's first character).
    if (end.test(content.slice(2))) return undefined
    return {close: (next) => end.test(next), containerEnds}
  }
  return undefined
}

/** Line numbers of offsets asked in increasing order (a walk, not a search per offset). */
class LineCounter {
  private at = 0
  private line = 1
  constructor(private readonly text: string) {}
  lineOf(offset: number): number {
    if (offset < this.at) {
      this.at = 0
      this.line = 1
    }
    for (; this.at < offset; this.at++) {
      const char = this.text[this.at]
      if (char === '\n' || (char === '\r' && this.text[this.at + 1] !== '\n')) this.line++
    }
    return this.line
  }
}

/** Lines the synthetic definitions take (they end with a line break). */
function lineCount(text: string): number {
  let count = 0
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++
  return count
}

function shifted(point: Point, offset: number, lines: number): Point {
  return {line: point.line + lines, column: point.column, offset: (point.offset ?? 0) + offset}
}

/** Move a node and its descendants' positions by `offset` characters and `lines` lines (columns stay). */
function shift(node: Nodes, offset: number, lines: number): void {
  const position: Position | undefined = node.position
  if (position) node.position = {start: shifted(position.start, offset, lines), end: shifted(position.end, offset, lines)}
  if ('children' in node) for (const child of node.children) shift(child as Nodes, offset, lines)
}
