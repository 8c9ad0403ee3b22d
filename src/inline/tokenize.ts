/**
 * The one inline tokenizer: a segment text → text and codes.
 *
 * It follows CommonMark 0.31 + GFM inline rules closely enough to find the markup a translator must not
 * touch: backslash escapes, code spans (any backtick run length), autolinks, raw HTML, entities, emphasis
 * (`*`, `_`, with the delimiter-run algorithm: flanking rules, rule of three), GFM strikethrough (`~`, `~~`),
 * inline links `[text](url "title")` (paired: the text stays translatable), images `![alt](src)` (one
 * standalone code) and GFM literal URLs. What it cannot read as markup stays text: it never throws.
 *
 * Known simplifications: reference links (`[text][ref]`) stay text (a segment does not know the document's
 * definitions); any `&name;` with a 2–32 character alphanumeric name counts as an entity (no list of HTML
 * entity names); tag-like placeholders such as `<user name>` are raw HTML, as CommonMark reads them.
 *
 * The invariant, tested on every segment of the dev corpus and with fast-check:
 * `tokens.map(t => t.type === 'text' ? t.value : t.data).join('') === text`.
 */
import type {CodeKind, CodeToken, InlineToken, TextToken} from './types.js'
import {asciiCaseBit, charCodes} from './char-codes.js'

/**
 * What the scanner collects, in order: text and code tokens as `tokenize` returns them, and the runs of `*`,
 * `_`, `~` and the brackets that only `finish` makes codes or text of. One object per piece: a run is itself
 * its entry of the delimiter stack, a bracket its entry of the bracket stack, a code its token (there were a
 * node, a stack entry and a token per piece, and two arrays per run: allocation and garbage collection).
 */
type Node = TextToken | CodeToken | DelimNode | BracketNode

/** A run of `*`, `_` or `~`; on the delimiter stack (a doubly linked list, as in commonmark.js) when it can open or close. */
interface DelimNode {
  type: 'delim'
  char: string
  /** Length of the run. */
  orig: number
  /** Characters of the run not (yet) used by a match. */
  remaining: number
  /** Close codes put before the remaining characters (this run acted as a closer); made by the first. */
  closes: CodeToken[] | undefined
  /**
   * Open codes put after the remaining characters (this run acted as an opener), innermost first: the order
   * matches are made in; they are written in reverse (an `unshift` per match was a tenth of the scanner's time).
   */
  opens: CodeToken[] | undefined
  canOpen: boolean
  canClose: boolean
  previous: DelimNode | null
  next: DelimNode | null
}

/** A `[` or `![`, and its entry of the bracket stack. */
interface BracketNode {
  type: 'bracket'
  data: '[' | '!['
  /** Its place in the nodes. */
  index: number
  start: number
  image: boolean
  active: boolean
  previousDelim: DelimNode | null
  previous: BracketNode | null
}

/** A raw HTML tag that may pair (not void nor self-closing): lower-cased name, its token, its place in the nodes. */
interface Tag {
  token: CodeToken
  name: string
  closing: boolean
  index: number
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])

const ATTRIBUTE = String.raw`(?:(?:[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*)[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t\r\n]*=[ \t\r\n]*(?:[^"'=<>\x60\x00-\x20]+|'[^']*'|"[^"]*"))?)`
const OPEN_TAG = new RegExp(String.raw`<([A-Za-z][A-Za-z0-9-]*)${ATTRIBUTE}*[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?(\/?)>`, 'y')
const CLOSE_TAG = /<\/([A-Za-z][A-Za-z0-9-]*)[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?>/y
const OTHER_HTML = /<!-->|<!--->|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>/y
const URI_AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\x00-\x20]*>/y
const EMAIL_AUTOLINK = /<[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*>/y
const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/y
const URL_LITERAL = /(?:https?:\/\/|www\.)[A-Za-z0-9_-][^\s<>[\]`\\|]*/iy
const PUNCTUATION = /[\p{P}\p{S}]/u
const WHITESPACE = /[\t\n\f\r \p{Zs}]/u
const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'

/**
 * The code unit at `index` of `text`, or -1 past either end. Optimized code that reads a string out of its
 * bounds is thrown away the first time it does (a deoptimization, then the whole scanner compiled again, per
 * place that reads): the scanner's reads that can pass the end of a text (a `**` or a backtick run ending it)
 * go through here.
 */
function codeAt(text: string, index: number): number {
  return index >= 0 && index < text.length ? text.charCodeAt(index) : -1
}

/** True for a UTF-16 code unit that XML 1.0 cannot carry at `index` of `text` (lone surrogates included). */
function invalidXmlAt(text: string, index: number): number {
  const c = text.charCodeAt(index)
  if (c < charCodes.space) return c === charCodes.horizontalTab || c === charCodes.lineFeed || c === charCodes.carriageReturn ? 0 : 1
  if (c < charCodes.highSurrogateFirst) return 0
  if (c <= charCodes.highSurrogateLast) {
    const d = codeAt(text, index + 1)
    return d >= charCodes.lowSurrogateFirst && d <= charCodes.lowSurrogateLast ? 0 : 1
  }
  if (c <= charCodes.lowSurrogateLast) {
    const b = codeAt(text, index - 1)
    return b >= charCodes.highSurrogateFirst && b <= charCodes.highSurrogateLast ? 0 : 1
  }
  return c === charCodes.nonCharacterFffe || c === charCodes.nonCharacterFfff ? 1 : 0
}

/** Whether `text` holds a character XML 1.0 cannot carry. */
export function hasInvalidXmlChar(text: string): boolean {
  // Fast path: the regular expression finds candidates, the exact check settles surrogates.
  if (!/[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/.test(text)) return false
  for (let i = 0; i < text.length; i++) if (invalidXmlAt(text, i)) return true
  return false
}

/** The character before `index` (a whole code point), or '' at the start. */
function charBefore(text: string, index: number): string {
  if (index <= 0) return ''
  const c = text.charCodeAt(index - 1)
  if (c >= charCodes.lowSurrogateFirst && c <= charCodes.lowSurrogateLast && index >= 2) {
    const h = text.charCodeAt(index - 2)
    if (h >= charCodes.highSurrogateFirst && h <= charCodes.highSurrogateLast) return text.slice(index - 2, index)
  }
  return text[index - 1]!
}

function charAfter(text: string, index: number): string {
  if (index >= text.length) return ''
  const c = text.codePointAt(index)!
  return String.fromCodePoint(c)
}

/** 1: whitespace (or the edge of the text), 2: punctuation, 0: other. */
function classify(char: string): 0 | 1 | 2 {
  if (char === '') return 1
  const c = char.charCodeAt(0)
  if (c < charCodes.nonAscii) return classifyAscii(c)
  if (WHITESPACE.test(char)) return 1
  if (PUNCTUATION.test(char)) return 2
  return 0
}

/** `classify` of an ASCII character, by its code. */
function classifyAscii(c: number): 0 | 1 | 2 {
  if (c === charCodes.space || c === charCodes.horizontalTab || c === charCodes.lineFeed || c === charCodes.carriageReturn || c === charCodes.formFeed) return 1
  if ((c >= charCodes.digit0 && c <= charCodes.digit9) || (c >= charCodes.uppercaseA && c <= charCodes.uppercaseZ) || (c >= charCodes.lowercaseA && c <= charCodes.lowercaseZ)) return 0
  return c > charCodes.space && c !== charCodes.del ? 2 : 0
}

/** `classify(charBefore(text, index))`, without a string for an ASCII character (nearly every one before a delimiter run). */
function classifyBefore(text: string, index: number): 0 | 1 | 2 {
  if (index <= 0) return 1
  const c = text.charCodeAt(index - 1)
  return c < charCodes.nonAscii ? classifyAscii(c) : classify(charBefore(text, index))
}

/** `classify(charAfter(text, index))`, likewise. */
function classifyAfter(text: string, index: number): 0 | 1 | 2 {
  if (index >= text.length) return 1
  const c = text.charCodeAt(index)
  return c < charCodes.nonAscii ? classifyAscii(c) : classify(charAfter(text, index))
}

/**
 * Parse an inline link's `(destination "title")` starting at `start` (the `(`).
 * Returns the index after the closing `)`, or -1.
 */
function parseLinkTail(text: string, start: number): number {
  if (codeAt(text, start) !== charCodes.leftParenthesis) return -1
  const n = text.length
  let i = skipSpace(text, start + 1)
  if (i < 0) return -1
  if (codeAt(text, i) === charCodes.rightParenthesis) return i + 1
  // destination
  let hadDestination = false
  if (codeAt(text, i) === charCodes.lessThan) {
    i++
    while (i < n) {
      const ch = text[i]!
      if (ch === '\\' && i + 1 < n && ASCII_PUNCTUATION.includes(text[i + 1]!)) i += 2
      else if (ch === '>') break
      else if (ch === '<' || ch === '\n' || ch === '\r') return -1
      else i++
    }
    if (i >= n) return -1
    i++
    hadDestination = true
  } else {
    let depth = 0
    const begin = i
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c === charCodes.backslash && i + 1 < n && ASCII_PUNCTUATION.includes(text[i + 1]!)) i += 2
      else if (c <= charCodes.space || c === charCodes.del) break
      else if (c === charCodes.leftParenthesis) {
        depth++
        if (depth > 32) return -1
        i++
      } else if (c === charCodes.rightParenthesis) {
        if (depth === 0) break
        depth--
        i++
      } else i++
    }
    if (depth !== 0) return -1
    hadDestination = i > begin
  }
  const afterDestination = i
  let j = skipSpace(text, i)
  if (j < 0) return -1
  if (codeAt(text, j) === charCodes.rightParenthesis) return j + 1
  if (!hadDestination || j === afterDestination || j >= n) return -1
  // title
  const quote = text[j]
  const closing = quote === '(' ? ')' : quote
  if (quote !== '"' && quote !== "'" && quote !== '(') return -1
  j++
  while (j < n) {
    const ch = text[j]!
    if (ch === '\\' && j + 1 < n && ASCII_PUNCTUATION.includes(text[j + 1]!)) j += 2
    else if (ch === closing) break
    else if (quote === '(' && ch === '(') return -1
    else j++
  }
  if (j >= n) return -1
  j = skipSpace(text, j + 1)
  if (j < 0 || codeAt(text, j) !== charCodes.rightParenthesis) return -1
  return j + 1
}

/** Skip spaces and tabs with at most one line ending; -1 when a blank line follows. */
function skipSpace(text: string, start: number): number {
  let i = start
  let lineEndings = 0
  while (i < text.length) {
    const ch = text[i]
    if (ch === ' ' || ch === '\t') i++
    else if (ch === '\n' || ch === '\r') {
      lineEndings++
      if (lineEndings > 1) return -1
      i += ch === '\r' && codeAt(text, i + 1) === charCodes.lineFeed ? 2 : 1
    } else break
  }
  return i
}

/** The scanner's state: module-level functions over it (no closures per call: tsx wraps each in `__name`). */
interface State {
  text: string
  nodes: Node[]
  /** The HTML tags among the nodes that may pair, in order. */
  tags: Tag[]
  pairCounter: number
  delimTop: DelimNode | null
  bracketTop: BracketNode | null
  textStart: number
  i: number
  /** A delimiter run or a bracket is among the nodes: they have to be flattened into tokens (`flatten`). */
  structured: boolean
  /**
   * A code other than emphasis was made (only those can hold a character XML cannot carry: `finish` looks for
   * one only then; a code an image swallowed leaves it set, which only makes that search run).
   */
  codes: boolean
}

function flushText(s: State, end: number): void {
  if (end > s.textStart) s.nodes.push({type: 'text', value: s.text.slice(s.textStart, end)})
}

function pushCode(s: State, kind: CodeKind, end: number): CodeToken {
  flushText(s, s.i)
  const token: CodeToken = {type: 'standalone', kind, data: s.text.slice(s.i, end)}
  s.nodes.push(token)
  s.codes = true
  s.i = end
  s.textStart = end
  return token
}

/** An HTML tag's code; one that is not void nor self-closing is noted for pairing. */
function pushTag(s: State, end: number, name: string, closing: boolean, empty: boolean): void {
  const token = pushCode(s, 'html', end)
  if (!empty) s.tags.push({token, name, closing, index: s.nodes.length - 1})
}

function removeDelim(s: State, delim: DelimNode): void {
  if (delim.previous) delim.previous.next = delim.next
  if (delim.next) delim.next.previous = delim.previous
  else s.delimTop = delim.previous
}

/**
 * The key of CommonMark's `openers_bottom` for a closer: its character, whether it can open, its length modulo
 * 3 (a `~` run's length, one or two). A number: a string made for every closer was most of what matching
 * emphasis allocated.
 */
function bottomKey(closer: DelimNode, tilde: boolean): number {
  return closer.char.charCodeAt(0) * 8 + (closer.canOpen ? 4 : 0) + (tilde ? closer.orig : closer.orig % 3)
}

/** `char.repeat(2)` for a delimiter character, without making a string per match. */
function doubled(char: string): string {
  return char === '*' ? '**' : char === '_' ? '__' : '~~'
}

/** CommonMark's "process emphasis" over the delimiters above `stackBottom` (+ GFM strikethrough). */
function processEmphasis(s: State, stackBottom: DelimNode | null): void {
  // No delimiter above the bottom (most calls): nothing to match, nothing to remove.
  if (s.delimTop === stackBottom) return
  /** Made when first needed (most texts have a few delimiters, all matched at once). Keyed by `bottomKey`. */
  let openersBottom: Map<number, DelimNode | null> | undefined
  let closer = s.delimTop
  while (closer !== null && closer.previous !== stackBottom) closer = closer.previous
  while (closer !== null) {
    if (!closer.canClose) {
      closer = closer.next
      continue
    }
    const tilde = closer.char === '~'
    const key = bottomKey(closer, tilde)
    const bottom = openersBottom !== undefined && openersBottom.has(key) ? openersBottom.get(key)! : stackBottom
    let opener = closer.previous
    let found = false
    while (opener !== null && opener !== stackBottom && opener !== bottom) {
      if (opener.char === closer.char && opener.canOpen) {
        if (tilde) {
          if (opener.orig === closer.orig && opener.remaining === opener.orig) {
            found = true
            break
          }
        } else {
          const oddMatch =
            (closer.canOpen || opener.canClose) && closer.orig % 3 !== 0 && (opener.orig + closer.orig) % 3 === 0
          if (!oddMatch) {
            found = true
            break
          }
        }
      }
      opener = opener.previous
    }
    const oldCloser = closer
    if (found && opener) {
      const use = tilde ? closer.orig : closer.remaining >= 2 && opener.remaining >= 2 ? 2 : 1
      const kind: CodeKind = tilde ? 'delete' : use === 2 ? 'strong' : 'emphasis'
      const data = use === 1 ? closer.char : doubled(closer.char)
      const pair = s.pairCounter++
      opener.remaining -= use
      closer.remaining -= use
      // A run's first match makes its list as a literal of one (`[]` then a push reserves room for 17).
      const open: CodeToken = {type: 'open', kind, data, pair}
      if (opener.opens === undefined) opener.opens = [open]
      else opener.opens.push(open)
      const close: CodeToken = {type: 'close', kind, data, pair}
      if (closer.closes === undefined) closer.closes = [close]
      else closer.closes.push(close)
      // Delimiters between opener and closer can no longer match.
      let between = closer.previous
      while (between !== null && between !== opener) {
        const previous: DelimNode | null = between.previous
        removeDelim(s, between)
        between = previous
      }
      if (opener.remaining === 0) removeDelim(s, opener)
      if (closer.remaining === 0) {
        const next = closer.next
        removeDelim(s, closer)
        closer = next
      }
    } else {
      closer = closer.next
      openersBottom ??= new Map()
      openersBottom.set(key, oldCloser.previous)
      if (!oldCloser.canOpen) removeDelim(s, oldCloser)
    }
  }
  while (s.delimTop !== null && s.delimTop !== stackBottom) removeDelim(s, s.delimTop)
}

/**
 * Every character at which the scanner can start a code (escape, code span, HTML/autolink, entity, delimiter,
 * bracket, a character XML cannot carry); `!` and `]` act only after a `[`, tab, LF and CR are plain text, and
 * `h`/`w` only start a GFM literal URL, `http://`, `https://` or `www.` (`mayHoldMarkup` looks for those).
 */
const MARKUP_CANDIDATE = /[\\`<&*_~[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/
const WWW = /www\./i

/**
 * Every character `scanTokens`'s switch does something with (the default case: only what XML cannot carry;
 * tab, LF and CR are plain text), but `h`, `w`: a literal URL can start only where `URL_START` finds one.
 */
const NEXT_CANDIDATE = /[\\`<&*_~!\[\]\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g
/**
 * Where `URL_LITERAL` may match (its start; the `h`, `w` case acts nowhere else). Searched for apart from the
 * other characters: stopping at every `h` and `w` of a text with a URL in it cost more than the URLs.
 */
const URL_START = /[hw](?=ttps?:\/\/|ww\.)/gi
/** Any UTF-16 code unit (no `u` flag: a lone surrogate too). */
const EVERY_CHARACTER = /[\s\S]/g

/** A text the scanner may find markup in (one character class, then substring searches: faster than one alternation). */
export function mayHoldMarkup(text: string): boolean {
  return MARKUP_CANDIDATE.test(text) || text.includes('://') || WWW.test(text)
}

/**
 * Tokenize one segment text. Never throws; unknown or broken markup stays text. A text with none of the
 * characters that start markup is one text token (three in four segment texts of the dev corpus), exactly
 * what the scanner would return; `scanTokens` is the scanner alone (a corpus test compares the two).
 */
export function tokenize(text: string): InlineToken[] {
  if (mayHoldMarkup(text)) return scanTokens(text)
  return text === '' ? [] : [{type: 'text', value: text}]
}

/**
 * The scanner behind `tokenize`, without its shortcut for plain text. It jumps from one character its
 * switch acts on to the next; `everyCharacter` makes it step through every character instead (the
 * reference the jumps are tested against: every other character only moves the position on).
 */
export function scanTokens(text: string, everyCharacter = false): InlineToken[] {
  const s: State = {text, nodes: [], tags: [], pairCounter: 0, delimTop: null, bracketTop: null, textStart: 0, i: 0, structured: false, codes: false}
  const nodes = s.nodes
  const n = text.length
  const next = everyCharacter ? EVERY_CHARACTER : NEXT_CANDIDATE
  /** The next place a literal URL may start at or after `s.i` (`n`: none); searched again once passed. */
  let url = -1
  while (s.i < n) {
    if (url < s.i) {
      URL_START.lastIndex = s.i
      url = URL_START.test(text) ? URL_START.lastIndex - 1 : n
    }
    next.lastIndex = s.i
    const candidate = next.test(text) ? next.lastIndex - 1 : n
    s.i = candidate < url ? candidate : url
    if (s.i === n) break
    const c = text.charCodeAt(s.i)
    switch (c) {
      case charCodes.backslash: {
        const next = s.i + 1 < n ? text[s.i + 1]! : undefined
        if (next !== undefined && ASCII_PUNCTUATION.includes(next)) {
          pushCode(s, 'escape', s.i + 2)
        } else if (next === '\n') {
          pushCode(s, 'break', s.i + 2)
        } else if (next === '\r') {
          pushCode(s, 'break', codeAt(text, s.i + 2) === charCodes.lineFeed ? s.i + 3 : s.i + 2)
        } else s.i++
        continue
      }
      case charCodes.graveAccent: {
        let run = 1
        while (codeAt(text, s.i + run) === charCodes.graveAccent) run++
        let j = s.i + run
        let end = -1
        while (j < n) {
          const k = text.indexOf('`', j)
          if (k < 0) break
          let r = 1
          while (codeAt(text, k + r) === charCodes.graveAccent) r++
          if (r === run) {
            end = k + r
            break
          }
          j = k + r
        }
        if (end < 0) s.i += run
        else pushCode(s, 'inlineCode', end)
        continue
      }
      case charCodes.lessThan: {
        let m: RegExpExecArray | null
        URI_AUTOLINK.lastIndex = s.i
        if ((m = URI_AUTOLINK.exec(text))) {
          pushCode(s, 'autolink', s.i + m[0].length)
          continue
        }
        EMAIL_AUTOLINK.lastIndex = s.i
        if ((m = EMAIL_AUTOLINK.exec(text))) {
          pushCode(s, 'autolink', s.i + m[0].length)
          continue
        }
        OPEN_TAG.lastIndex = s.i
        if ((m = OPEN_TAG.exec(text))) {
          const name = m[1]!.toLowerCase()
          pushTag(s, s.i + m[0].length, name, false, m[2] === '/' || VOID_ELEMENTS.has(name))
          continue
        }
        CLOSE_TAG.lastIndex = s.i
        if ((m = CLOSE_TAG.exec(text))) {
          pushTag(s, s.i + m[0].length, m[1]!.toLowerCase(), true, false)
          continue
        }
        OTHER_HTML.lastIndex = s.i
        if ((m = OTHER_HTML.exec(text))) {
          pushCode(s, 'html', s.i + m[0].length)
          continue
        }
        s.i++
        continue
      }
      case charCodes.ampersand: {
        ENTITY.lastIndex = s.i
        const m = ENTITY.exec(text)
        if (m) pushCode(s, 'entity', s.i + m[0].length)
        else s.i++
        continue
      }
      case charCodes.asterisk:
      case charCodes.underscore:
      case charCodes.tilde: {
        const char = text[s.i]!
        let run = 1
        while (codeAt(text, s.i + run) === c) run++
        if (c === charCodes.tilde && run > 2) {
          s.i += run
          continue
        }
        const before = classifyBefore(text, s.i)
        const after = classifyAfter(text, s.i + run)
        const leftFlanking = after !== 1 && (after !== 2 || before !== 0)
        const rightFlanking = before !== 1 && (before !== 2 || after !== 0)
        let canOpen: boolean
        let canClose: boolean
        if (c === charCodes.underscore) {
          canOpen = leftFlanking && (!rightFlanking || before === 2)
          canClose = rightFlanking && (!leftFlanking || after === 2)
        } else {
          canOpen = leftFlanking
          canClose = rightFlanking
        }
        flushText(s, s.i)
        const node: DelimNode = {type: 'delim', char, orig: run, remaining: run, closes: undefined, opens: undefined, canOpen, canClose, previous: null, next: null}
        nodes.push(node)
        s.structured = true
        if (canOpen || canClose) {
          node.previous = s.delimTop
          if (s.delimTop) s.delimTop.next = node
          s.delimTop = node
        }
        s.i += run
        s.textStart = s.i
        continue
      }
      case charCodes.exclamationMark: {
        if (codeAt(text, s.i + 1) !== charCodes.leftSquareBracket) {
          s.i++
          continue
        }
        flushText(s, s.i)
        const node: BracketNode = {type: 'bracket', data: '![', index: nodes.length, start: s.i, image: true, active: true, previousDelim: s.delimTop, previous: s.bracketTop}
        s.bracketTop = node
        nodes.push(node)
        s.structured = true
        s.i += 2
        s.textStart = s.i
        continue
      }
      case charCodes.leftSquareBracket: {
        flushText(s, s.i)
        const node: BracketNode = {type: 'bracket', data: '[', index: nodes.length, start: s.i, image: false, active: true, previousDelim: s.delimTop, previous: s.bracketTop}
        s.bracketTop = node
        nodes.push(node)
        s.structured = true
        s.i++
        s.textStart = s.i
        continue
      }
      case charCodes.rightSquareBracket: {
        const opener: BracketNode | null = s.bracketTop
        if (opener === null) {
          s.i++
          continue
        }
        s.bracketTop = opener.previous
        if (!opener.active) {
          s.i++
          continue
        }
        const end = parseLinkTail(text, s.i + 1)
        if (end < 0) {
          s.i++
          continue
        }
        flushText(s, s.i)
        s.codes = true
        if (opener.image) {
          // The whole image is one standalone code: drop what was scanned inside it.
          while (s.delimTop !== null && s.delimTop !== opener.previousDelim) removeDelim(s, s.delimTop)
          nodes.length = opener.index
          while (s.tags.length > 0 && s.tags[s.tags.length - 1]!.index >= opener.index) s.tags.pop()
          nodes.push({type: 'standalone', kind: 'image', data: text.slice(opener.start, end)})
        } else {
          processEmphasis(s, opener.previousDelim)
          const pair = s.pairCounter++
          nodes[opener.index] = {type: 'open', kind: 'link', data: '[', pair}
          nodes.push({type: 'close', kind: 'link', data: text.slice(s.i, end), pair})
          // Links cannot contain links.
          for (let b = s.bracketTop; b !== null; b = b.previous) if (!b.image) b.active = false
        }
        s.i = end
        s.textStart = end
        continue
      }
      case charCodes.lowercaseH:
      case charCodes.uppercaseH:
      case charCodes.lowercaseW:
      case charCodes.uppercaseW: {
        const next = codeAt(text, s.i + 1) | asciiCaseBit
        const before = s.i === 0 ? '' : text[s.i - 1]!
        if (
          (next === charCodes.lowercaseT || next === charCodes.lowercaseW) &&
          (before === '' || before === '*' || before === '_' || before === '~' || before === '(' || WHITESPACE.test(before))
        ) {
          URL_LITERAL.lastIndex = s.i
          const m = URL_LITERAL.exec(text)
          if (m) {
            const end = s.i + trimUrl(m[0])
            const minimum = /^www\./i.test(m[0]) ? 5 : m[0].indexOf('//') + 3
            if (end - s.i >= minimum) {
              pushCode(s, 'url', end)
              continue
            }
          }
        }
        s.i++
        continue
      }
      default: {
        if ((c < charCodes.space || (c >= charCodes.highSurrogateFirst && c <= charCodes.lowSurrogateLast) || c >= charCodes.nonCharacterFffe) && invalidXmlAt(text, s.i)) {
          pushCode(s, 'char', s.i + 1)
          continue
        }
        s.i++
      }
    }
  }
  flushText(s, n)
  processEmphasis(s, null)
  return finish(s)
}

/** Length of a GFM literal URL after trailing punctuation, unbalanced `)` and a trailing entity are cut. */
function trimUrl(url: string): number {
  let end = url.length
  for (;;) {
    const last = url[end - 1]
    if (last === undefined) return 0
    if ('?!.,:*_~\'"'.includes(last)) {
      end--
      continue
    }
    if (last === ')') {
      const slice = url.slice(0, end)
      const open = slice.split('(').length - 1
      const close = slice.split(')').length - 1
      if (close > open) {
        end--
        continue
      }
    }
    if (last === ';') {
      const m = /&[A-Za-z0-9]+;$/.exec(url.slice(0, end))
      if (m) {
        end -= m[0].length
        continue
      }
    }
    return end
  }
}

/** The tokens of nodes holding delimiter runs or brackets: runs and unmatched brackets become text, matches codes. */
function flatten(s: State): InlineToken[] {
  const tokens: InlineToken[] = []
  /** Text since the last code, and the text token it is when it is one alone (kept: not copied). */
  let text = ''
  let alone: TextToken | undefined
  for (const node of s.nodes) {
    if (node.type === 'text') {
      alone = text === '' ? node : undefined
      text += node.value
    } else if (node.type === 'bracket') {
      text += node.data
      alone = undefined
    } else if (node.type === 'delim') {
      if (node.closes !== undefined) {
        if (text !== '') tokens.push(alone ?? {type: 'text', value: text})
        text = ''
        for (const close of node.closes) tokens.push(close)
      }
      if (node.remaining > 0) {
        text += node.char.repeat(node.remaining)
        alone = undefined
      }
      if (node.opens !== undefined) {
        if (text !== '') tokens.push(alone ?? {type: 'text', value: text})
        text = ''
        for (let o = node.opens.length - 1; o >= 0; o--) tokens.push(node.opens[o]!)
      }
    } else {
      if (text !== '') tokens.push(alone ?? {type: 'text', value: text})
      text = ''
      tokens.push(node)
    }
  }
  if (text !== '') tokens.push(alone ?? {type: 'text', value: text})
  return tokens
}

/** Flatten nodes to tokens, pair HTML tags, dissolve codes XML cannot carry. */
function finish(s: State): InlineToken[] {
  // Without a delimiter run or a bracket, the nodes are text and code tokens, each text between two codes (or
  // an end): already the tokens, kept as they are (no second array per text).
  const tokens = s.structured ? flatten(s) : (s.nodes as InlineToken[])

  // Pair HTML tags by name, innermost first; tags left over stay standalone.
  let pairCounter = s.pairCounter
  const stack: Tag[] = []
  for (const tag of s.tags) {
    if (!tag.closing) {
      stack.push(tag)
      continue
    }
    for (let at = stack.length - 1; at >= 0; at--) {
      if (stack[at]!.name === tag.name) {
        const pair = pairCounter++
        stack[at]!.token.type = 'open'
        stack[at]!.token.pair = pair
        tag.token.type = 'close'
        tag.token.pair = pair
        stack.length = at
        break
      }
    }
  }

  // A code whose native data holds a character XML 1.0 cannot carry is dissolved into text, and those
  // characters become `char` codes (its partner, if paired, becomes text too). Rare; keeps every format exact.
  // Codes begin and end with an ASCII character: a text XML can carry has no code whose data it cannot.
  if (!s.codes || !hasInvalidXmlChar(s.text)) return tokens
  let dissolve: Set<number> | undefined
  let dissolveAny = false
  for (const token of tokens) {
    if (token.type !== 'text' && token.kind !== 'char' && hasInvalidXmlChar(token.data)) {
      dissolveAny = true
      if (token.pair !== undefined) (dissolve ??= new Set()).add(token.pair)
    }
  }
  if (!dissolveAny) return tokens
  const out: InlineToken[] = []
  for (const token of tokens) {
    if (
      token.type !== 'text' &&
      token.kind !== 'char' &&
      (hasInvalidXmlChar(token.data) || (token.pair !== undefined && dissolve?.has(token.pair)))
    ) {
      splitChars(token.data, out)
    } else out.push(token)
  }
  // Merge adjacent text tokens.
  const merged: InlineToken[] = []
  for (const token of out) {
    const last = merged[merged.length - 1]
    if (token.type === 'text' && last?.type === 'text') merged[merged.length - 1] = {type: 'text', value: last.value + token.value}
    else merged.push(token)
  }
  return merged
}

function splitChars(value: string, out: InlineToken[]): void {
  let start = 0
  for (let i = 0; i < value.length; i++) {
    if (invalidXmlAt(value, i)) {
      if (i > start) out.push({type: 'text', value: value.slice(start, i)})
      out.push({type: 'standalone', kind: 'char', data: value[i]!})
      start = i + 1
    }
  }
  if (start < value.length) out.push({type: 'text', value: value.slice(start)})
}

/** The native text of tokens: the inverse of `tokenize`. */
export function untokenize(tokens: InlineToken[]): string {
  let out = ''
  for (const token of tokens) out += token.type === 'text' ? token.value : token.data
  return out
}
