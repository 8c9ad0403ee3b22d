/**
 * The fast path's inline step: is a pair inside a code span, a link's text or an image's alt? The inline
 * content of a block (its lines without container prefixes, or one GFM table cell) is tokenized as
 * micromark does for what matters here: escapes, code spans, HTML tags and autolinks (which win over
 * brackets), and inline links `[text](url)`. Anything it is not sure of declines the whole file
 * (fast-decline.ts), as the block scanner does.
 *
 * A block's content is read once, and tokenized at most once, for all the pairs in it (a table cell or a
 * paragraph often holds several): the answer for a pair only looks its offset up in the tokens. Which
 * files decline stays what it was when each pair tokenized the content on its own: the tokens do not
 * depend on the pair, the content is tokenized exactly when some pair has a backtick or a bracket before
 * it (the only pairs that asked), and the one pair-dependent decline (a pair starting inside an HTML tag)
 * is checked for each of those pairs.
 */
import {decodeString} from 'micromark-util-decode-string'
import type {SegmentContext} from './types.js'
import {decline} from './fast-decline.js'
import {charCodes} from '../inline/char-codes.js'
import {countStartingAtOrBefore, countValuesAtOrBefore, Occurrences} from './search.js'

/**
 * The ranges of a block's lines of inline content, in file offsets (end exclusive, before the line break),
 * flattened: `[start, end, start, end, …]` (one array per block rather than one more per line).
 */
export type LineRanges = number[]

export interface InlineAnswer {
  readonly code: boolean
  readonly link: SegmentContext['link']
}

/** Inline: open/close tags, comments, autolinks (micromark's grammar; newlines allowed between attributes). */
const inlineTag = new RegExp(
  `<(?:[A-Za-z][A-Za-z0-9-]*(?:[ \\t\\n]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \\t\\n]*=[ \\t\\n]*(?:[^"'=<>\`\\s]+|"[^"]*"|'[^']*'))?)*[ \\t\\n]*\\/?>|\\/[A-Za-z][A-Za-z0-9-]*[ \\t\\n]*>|[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\s<>\\x00-\\x1f]*>)`,
  'y'
)
const punctuation = /[!-/:-@[-`{-~]/
const literalStart = /(?:https?:\/\/|www\.)/iy
/** White space, and what ends a literal autolink after its `]`, each read where it stands (sticky) in the text rather than from a one-character string of it. */
const whiteSpaceAt = /\s/y
const afterBracketEndsAt = /[([\s]/y
/**
 * The characters the tokenizer acts on; it jumps over everything else. An `h` or `w` only where a literal
 * autolink starts (`literalStart`, matched as its one first character): English text has one every few
 * words, and each stop there cost a second regex to find that it starts none.
 */
const acted = /[\\`<![\]]|h(?=ttps?:\/\/)|w(?=ww\.)/gi

interface LinkToken {
  /** Content indexes of the link's text (or image's alt). */
  textStart: number
  textEnd: number
  url: string
  image: boolean
  /** A reference link or image (`[text][label]`, `[text][]`, `[text]` with a definition of the label). */
  reference: boolean
  /** The answers for a pair in its text, outside and inside a code span, once asked. */
  answer: InlineAnswer | undefined
  codeAnswer: InlineAnswer | undefined
}

/** The answer for a pair in a code span outside any link (never changed: answers are read-only). */
const inCodeOnly: InlineAnswer = {code: true, link: undefined}

function linkOf(link: LinkToken): NonNullable<SegmentContext['link']> {
  return {url: link.url, image: link.image}
}

function textStart(link: LinkToken): number {
  return link.textStart
}

/** What the tokenizer saw, in content indexes and content order. */
interface InlineTokens {
  /** Code spans as [start, end) pairs, flattened. */
  codeSpans: number[]
  /** HTML tags and autolinks as [start, end) pairs, flattened. */
  tags: number[]
  /** Links and images, in the order their `]` closed them. */
  links: LinkToken[]
  /** With `stopAt`: the token that starts at or covers it (a code span, or a tag starting there). */
  stop?: {code: true} | {code: false; tagEnd: number}
}

const markChars = ['`', '[', ']']

/**
 * Where a file's backticks and brackets (what can open a code span or a link) are, found with `indexOf`
 * from each place asked, and kept: asked in file order, as pairs are, each character is searched for over
 * the file about once: about 6 ms for the corpus, where a regex over each block's content cost 17 ms, a
 * loop over its characters 23 ms, and a skipping sticky regex 37 ms (profile ticks, warm).
 */
export class Marks {
  private readonly text: string
  /** For each of `markChars`: the place last searched from, and the first occurrence at or after it (the text's length: none). */
  private readonly from = [Infinity, Infinity, Infinity]
  private readonly at = [0, 0, 0]

  constructor(text: string) {
    this.text = text
  }

  /** The file offset of the first mark in [from, to), or -1. */
  first(from: number, to: number): number {
    let first = -1
    for (let index = 0; index < 3; index++) {
      if (!(this.from[index]! <= from && from <= this.at[index]!)) {
        const found = this.text.indexOf(markChars[index]!, from)
        this.from[index] = from
        this.at[index] = found < 0 ? this.text.length : found
      }
      const at = this.at[index]!
      if (at < to && (first < 0 || at < first)) first = at
    }
    return first
  }
}

/**
 * The inline content of one block or table cell: its text without container prefixes, read once. The
 * text is joined only when it must be tokenized: most pairs have no mark before them, which is found on
 * the file's text, and only as far as the pair (the regex over the whole joined content was 17 ms of
 * parsing the corpus).
 */
export class InlineContent {
  private readonly text: string
  private readonly marks: Marks
  private readonly lines: Readonly<LineRanges>
  /** Content index where each line starts. */
  private readonly map: number[]
  /** The content index of the first mark, once found; -1 before. */
  private firstMark = -1
  /** Content index up to which (exclusive) there is no mark. */
  private markFree = 0
  private joined: string | undefined
  private tokens: InlineTokens | undefined
  private linkIndex: LinkIndex | undefined
  /** Normalized labels (`normalizeLabel`) of the document's link reference definitions, which fast-blocks.ts reads. */
  private readonly labels: ReadonlySet<string>

  constructor(text: string, marks: Marks, lines: Readonly<LineRanges>, labels: ReadonlySet<string>) {
    this.text = text
    this.marks = marks
    this.lines = lines
    this.labels = labels
    // Exact size: pushing onto `[]` gave each block's content a 17-slot backing store.
    this.map = new Array<number>(lines.length / 2)
    let length = 0
    for (let line = 0; line < this.map.length; line++) {
      if (length !== 0) length++ // the line break joining it to the line before
      this.map[line] = length
      length += lines[2 * line + 1]! - lines[2 * line]!
    }
  }

  /** The lines joined with line breaks (an empty first line gets none after it). */
  get content(): string {
    if (this.joined === undefined) {
      let content = ''
      for (let index = 0; index < this.lines.length; index += 2) {
        if (content !== '') content += '\n'
        content += this.text.slice(this.lines[index], this.lines[index + 1])
      }
      this.joined = content
    }
    return this.joined
  }

  /** Code span or link holding the pair starting at `offset`; undefined when in neither. */
  pairAt(offset: number): InlineAnswer | undefined {
    const target = this.indexOf(offset)
    if (!this.markBefore(target)) return undefined
    this.tokens ??= tokenize(this.content, undefined, this.labels)
    const {codeSpans, tags} = this.tokens
    // Tags and code spans do not overlap and come in content order: the one that may hold the pair is the
    // last starting before it (a search, not a loop: a paragraph of thousands of pairs asks thousands of times).
    const tag = countValuesAtOrBefore(tags, target - 1, 2) - 1
    if (tag >= 0 && target < tags[tag * 2 + 1]!) decline('pair-position')
    const span = countValuesAtOrBefore(codeSpans, target, 2) - 1
    const inCode = span >= 0 && target < codeSpans[span * 2 + 1]!
    const link = this.linkAround(target)
    // A code span in a link's text is inside the link (mdast: link > inlineCode); an image holds its alt as
    // a string, so a code span in it is not in the path. The answers are made once per link (and one for
    // code outside links), not per pair: contexts share them.
    if (inCode && !link?.image) return link ? (link.codeAnswer ??= {code: true, link: linkOf(link)}) : inCodeOnly
    return link && (link.answer ??= {code: false, link: linkOf(link)})
  }

  /**
   * The link or image whose text holds content index `target` and that gives a pair there its context:
   * the innermost link, unless an image holds it (the outermost image: an image holds its alt as a string;
   * a link inside a link cannot be). Links come sorted by where their text starts, with the furthest end
   * of each prefix: the walk back from the last one starting before `target`, innermost first (the order
   * their `]` closed them), stops at the first whose prefix cannot reach it (one or two links, not all).
   */
  private linkAround(target: number): LinkToken | undefined {
    const index = (this.linkIndex ??= indexLinks(this.tokens!.links))
    let found: LinkToken | undefined
    for (let at = countStartingAtOrBefore(index.sorted, target, textStart) - 1; at >= 0 && index.reach[at]! > target; at--) {
      const link = index.sorted[at]!
      if (target >= link.textEnd) continue
      // A pair in a reference's text: remark gives it no link (mdast linkReference); left to remark.
      if (link.reference) decline('reference-link')
      if (!found || link.image) found = link
    }
    return found
  }

  /**
   * For a `<table` at `offset`: `'code'` when it is inside a code span, else the file offset where the
   * inline HTML tag starting there ends. Declines when it is neither.
   */
  tagAt(offset: number): 'code' | number {
    const target = this.indexOf(offset)
    const {tags, stop} = tokenize(this.content, target, this.labels)
    for (let index = 0; index < tags.length; index += 2) {
      if (target > tags[index]! && target < tags[index + 1]!) decline('html-table-tag')
    }
    if (!stop) decline('html-table-tag')
    return stop.code ? 'code' : this.toFile(stop.tagEnd)
  }

  /** The code spans that hold a line break, in file offsets (end exclusive). */
  codeSpansAcrossLines(): Array<{start: number; end: number}> {
    this.tokens ??= tokenize(this.content, undefined, this.labels)
    const {codeSpans} = this.tokens
    const found: Array<{start: number; end: number}> = []
    for (let index = 0; index < codeSpans.length; index += 2) {
      const start = codeSpans[index]!
      const end = codeSpans[index + 1]!
      if (this.content.lastIndexOf('\n', end - 1) >= start) found.push({start: this.toFile(start), end: this.toFile(end - 1) + 1})
    }
    return found
  }

  /** Whether the content holds a backtick or a bracket (what can open a code span or a link) before content index `target`. */
  private markBefore(target: number): boolean {
    if (this.firstMark >= 0) return this.firstMark < target
    if (target <= this.markFree) return false
    const {lines, map} = this
    // From the line where the mark-free stretch ends: the lines before it were searched for an earlier pair.
    for (let line = Math.max(0, countValuesAtOrBefore(map, this.markFree) - 1); line < map.length && map[line]! < target; line++) {
      const start = lines[2 * line]!
      const end = lines[2 * line + 1]!
      const from = start + Math.max(0, this.markFree - map[line]!)
      const to = Math.min(end, start + (target - map[line]!))
      if (from >= to) continue
      const mark = this.marks.first(from, to)
      if (mark >= 0) {
        this.firstMark = map[line]! + (mark - start)
        return true
      }
    }
    this.markFree = target
    return false
  }

  /** Content index of a file offset; declines when the offset is on none of the lines. */
  private indexOf(offset: number): number {
    // Lines are in file order and do not overlap: the only candidate is the last one starting at or before it.
    const line = countValuesAtOrBefore(this.lines, offset, 2) - 1
    if (line < 0 || offset >= this.lines[2 * line + 1]!) decline('pair-position')
    return this.map[line]! + (offset - this.lines[2 * line]!)
  }

  private toFile(index: number): number {
    const line = Math.max(0, countValuesAtOrBefore(this.map, index) - 1)
    return this.lines[2 * line]! + (index - this.map[line]!)
  }
}

interface LinkIndex {
  /** The links sorted by the start of their text. */
  sorted: LinkToken[]
  /** The furthest text end among `sorted[0..i]`. */
  reach: number[]
}

function indexLinks(links: readonly LinkToken[]): LinkIndex {
  const sorted = [...links].sort((a, b) => a.textStart - b.textStart)
  let furthest = -1
  return {sorted, reach: sorted.map((link) => (furthest = Math.max(furthest, link.textEnd)))}
}

interface Opener {
  at: number
  image: boolean
  active: boolean
}

/**
 * Tokenize `content` to its end, or (with `stopAt`) until a code span covering `stopAt` or an HTML tag
 * starting at it.
 */
function tokenize(content: string, stopAt: number | undefined, labels: ReadonlySet<string>): InlineTokens {
  const tokens: InlineTokens = {codeSpans: [], tags: [], links: []}
  const openers: Opener[] = []
  // An unclosed `<!--` repeated thousands of times asks for `-->` from each: found once, not once each.
  const closers = new Occurrences(content)
  let index = 0
  while (index < content.length) {
    acted.lastIndex = index
    if (!acted.test(content)) break
    index = acted.lastIndex - 1
    // Char codes rather than one-character strings: `content` is a slice of the file in one call and a flat
    // (one- or two-byte) string in another, and a string's index read is compiled for the kinds it has seen,
    // so each new kind threw this function's optimized code away; charCodeAt reads them all.
    const code = content.charCodeAt(index)
    if (code === charCodes.backslash) {
      index += punctuation.test(content[index + 1] ?? '') ? 2 : 1
      continue
    }
    if (code === charCodes.graveAccent) {
      let run = index
      while (content.charCodeAt(run) === charCodes.graveAccent) run++
      const length = run - index
      const closing = findRun(content, run, length)
      if (closing >= 0) {
        tokens.codeSpans.push(index, closing + length)
        if (stopAt !== undefined && stopAt >= index && stopAt < closing + length) {
          tokens.stop = {code: true}
          return tokens
        }
        index = closing + length
      } else index = run
      continue
    }
    if (code === charCodes.lessThan) {
      inlineTag.lastIndex = index
      if (inlineTag.test(content)) {
        tokens.tags.push(index, inlineTag.lastIndex)
        if (stopAt === index) {
          tokens.stop = {code: false, tagEnd: inlineTag.lastIndex}
          return tokens
        }
        index = inlineTag.lastIndex
      } else {
        const next = content.charCodeAt(index + 1)
        const end = next === charCodes.exclamationMark || next === charCodes.questionMark ? htmlSpecialEnd(content, index, closers) : -1
        if (end >= 0) {
          tokens.tags.push(index, end)
          if (stopAt === index) {
            tokens.stop = {code: false, tagEnd: end}
            return tokens
          }
          index = end
        } else index++
      }
      continue
    }
    literalStart.lastIndex = index
    if ((code === charCodes.lowercaseH || code === charCodes.uppercaseH || code === charCodes.lowercaseW || code === charCodes.uppercaseW) && literalStart.test(content)) {
      // A literal autolink runs through brackets and backticks (a `]` before `(`, `[` or white space ends
      // it): leave those to remark.
      let end = index
      while (end < content.length) {
        const next = content.charCodeAt(end)
        whiteSpaceAt.lastIndex = end
        if (next === charCodes.lessThan || whiteSpaceAt.test(content)) break
        afterBracketEndsAt.lastIndex = end + 1
        if (next === charCodes.rightSquareBracket && (end + 1 === content.length || afterBracketEndsAt.test(content))) break
        if (next === charCodes.leftSquareBracket || next === charCodes.rightSquareBracket || next === charCodes.graveAccent) decline('autolink-literal')
        end++
      }
      index = end
      continue
    }
    if (code === charCodes.exclamationMark && content.charCodeAt(index + 1) === charCodes.leftSquareBracket) {
      openers.push({at: index, image: true, active: true})
      index += 2
      continue
    }
    if (code === charCodes.leftSquareBracket) {
      openers.push({at: index, image: false, active: true})
      index++
      continue
    }
    if (code === charCodes.rightSquareBracket) {
      const opener = openers.pop()
      if (!opener || !opener.active) {
        index++
        continue
      }
      const textStart = opener.at + (opener.image ? 2 : 1)
      const destination = content.charCodeAt(index + 1) === charCodes.leftParenthesis ? linkDestination(content, index + 2) : undefined
      const end = destination ? destination.end : labels.size > 0 ? referenceEnd(content, textStart, index, labels) : undefined
      if (end === undefined) {
        index++
        continue
      }
      tokens.links.push({textStart, textEnd: index, url: destination?.url ?? '', image: opener.image, reference: !destination, answer: undefined, codeAnswer: undefined})
      if (!opener.image) for (const earlier of openers) if (!earlier.image) earlier.active = false
      index = end
      continue
    }
    index++
  }
  return tokens
}

/**
 * Where a reference link or image ends whose text is `content[textStart, close)` (`close` at its `]`), or
 * undefined when none is there: a full reference `[text][label]`, a collapsed `[text][]` or a shortcut
 * `[text]`, each only with a definition of its label. Declines where micromark's choice is not plain
 * (a label that does not close simply, a text that is defined but followed by an undefined label).
 */
function referenceEnd(content: string, textStart: number, close: number, labels: ReadonlySet<string>): number | undefined {
  const text = content.slice(textStart, close)
  const defined = (label: string): boolean => labels.has(normalizeLabel(label))
  if (content[close + 1] !== '[') return text.length <= 999 && defined(text) ? close + 1 : undefined
  const labelEnd = content.indexOf(']', close + 2)
  const label = labelEnd < 0 ? undefined : content.slice(close + 2, labelEnd)
  if (label === undefined || /[[\\<`]/.test(label) || label.length > 999) {
    if (defined(text)) decline('reference-link')
    return undefined
  }
  if (label === '') return defined(text) ? labelEnd + 1 : undefined
  if (label.trim() === '') {
    // `[ ]` is no label, so a defined text before it is a shortcut: left to micromark.
    if (defined(text)) decline('reference-link')
    return undefined
  }
  if (defined(label)) return labelEnd + 1
  if (defined(text)) decline('reference-link')
  return undefined
}

/** A link label as definitions and references match it: trimmed, inner white space collapsed, case folded. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/[ \t\r\n]+/g, ' ').toLowerCase().toUpperCase()
}

/**
 * Where the inline HTML that micromark reads at `content[index]` (`<!` or `<?`) as a comment (`<!--` to the
 * first `-->`), CDATA (`<![CDATA[` to `]]>`), a declaration (`<!` and a letter, to `>`) or a processing
 * instruction (`<?` to `?>`) ends, or -1 when it is none of them and the `<` is text (no closer before the
 * content's end: micromark-core-commonmark's html-text, which crosses line breaks as the content does).
 * The closer may overlap the opener only in `<!-->` and `<!--->`, which decline the whole file
 * (fast-blocks.ts `hasEmptyComment`).
 */
function htmlSpecialEnd(content: string, index: number, closers: Occurrences): number {
  const [closer, from] = content.startsWith('<!--', index)
    ? ['-->', index + 4]
    : content.startsWith('<![CDATA[', index)
      ? [']]>', index + 9]
      : content[index + 1] === '?'
        ? ['?>', index + 2]
        : /^[A-Za-z]$/.test(content[index + 2] ?? '')
          ? ['>', index + 3]
          : ['', -1]
  if (from < 0) return -1
  const found = closers.next(closer, from)
  return found < 0 ? -1 : found + closer.length
}

/** Index of the next backtick run of exactly `length` from `from`, or -1. */
function findRun(content: string, from: number, length: number): number {
  let index = content.indexOf('`', from)
  while (index >= 0) {
    let run = index
    while (content[run] === '`') run++
    if (run - index === length) return index
    index = content.indexOf('`', run)
  }
  return -1
}

/** `(destination "title")` from just after `(`: the url and the index after `)`, or undefined. */
function linkDestination(content: string, from: number): {url: string; end: number} | undefined {
  let index = from
  const skip = (): void => {
    let newlines = 0
    while (content[index] === ' ' || content[index] === '\t' || content[index] === '\n') {
      if (content[index] === '\n' && ++newlines > 1) decline('link-destination')
      index++
    }
  }
  skip()
  let url: string
  if (content[index] === '<') {
    const close = /^<((?:[^<>\n\\]|\\.)*)>/.exec(content.slice(index))
    if (!close) decline('link-destination')
    url = close[1]!
    index += close[0].length
  } else {
    let depth = 0
    const start = index
    while (index < content.length) {
      const char = content[index]!
      if (char === '\\') {
        index += punctuation.test(content[index + 1] ?? '') ? 2 : 1
        continue
      }
      const code = char.charCodeAt(0)
      if (code <= charCodes.space || code === charCodes.del) break
      if (char === '(') {
        // micromark takes 32 nested parentheses (constants.linkResourceDestinationBalanceMax); a 33rd ends
        // the destination unread: no link (factory-destination's \`raw\`: nok).
        if (++depth > 32) return undefined
      } else if (char === ')') {
        if (depth === 0) break
        depth--
      }
      index++
    }
    if (depth !== 0) return undefined
    url = content.slice(start, index)
  }
  // decodeString only replaces backslash escapes and character references: a url with neither is itself.
  if (url.includes('\\') || url.includes('&')) url = decodeString(url)
  const beforeTitle = index
  skip()
  if (content[index] === ')') return {url, end: index + 1}
  if (index === beforeTitle) return undefined
  const quote = content[index]
  if (quote !== '"' && quote !== "'" && quote !== '(') return undefined
  const closing = quote === '(' ? ')' : quote
  index++
  while (index < content.length && content[index] !== closing) {
    if (content[index] === '\\' || (quote === '(' && content[index] === '(')) decline('link-destination')
    index++
  }
  if (index >= content.length) return undefined
  index++
  skip()
  return content[index] === ')' ? {url, end: index + 1} : undefined
}
