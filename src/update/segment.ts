/**
 * Sentence segmentation of new English prose, SRX-style: a break after `.`, `!` or `?` (and the closing
 * quotes, brackets and emphasis markers that follow) before white space, with exceptions that mirror
 * Okapi's default English rules as the localization pipeline applies them: no break inside inline code, a
 * URL, an HTML tag, or any paired code (a link's text, bold, italics); none after a known abbreviation (`e.g.`, `i.e.`, `vs.`, `Dr.`, …);
 * none when the next word starts with a lowercase letter; none after a colon. Pure; offsets into the text.
 */
import {tokenize} from '../inline/index.js'
import type {TextRange} from './blocks.js'

/** Lowercased words (without their final dot) after which a dot ends no sentence. */
const abbreviations = new Set([
  'e.g', 'i.e', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'inc', 'ltd', 'co', 'jr', 'sr', 'st', 'no', 'nos', 'fig', 'figs',
  'approx', 'dept', 'est', 'min', 'max', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'cf', 'al', 'ca', 'vol', 'p', 'pp', 'ed', 'eds', 'ex', 'resp', 'u.s', 'u.k', 'a.m', 'p.m'
])

const closers = new Set([')', ']', '"', "'", '”', '’', '»', '*', '_', '~'])

/**
 * The sentences of `text` between `range.start` and `range.end`, trimmed (the white space between them
 * stays skeleton).
 */
export function splitSentences(text: string, range: TextRange): TextRange[] {
  const pieces: TextRange[] = []
  let start = range.start
  for (const separator of separators(text, range)) {
    if (separator.start > start) pieces.push({start, end: separator.start})
    start = separator.end
  }
  if (range.end > start) pieces.push({start, end: range.end})
  return pieces.flatMap((piece) => splitPiece(text, piece))
}

/** Block-level HTML inside prose (`<br/>`, `<ul>`, `<li>`, … in a table cell): no pair holds one; they separate. */
const blockTag = /^<\/?(?:br|ul|ol|li|p|div|table|tr|td|th|dl|dt|dd|hr)\b[^>]*>$/i

/** The stretches of block-level HTML tags (and the white space around them) in a range. */
export function separators(text: string, range: TextRange): TextRange[] {
  const content = text.slice(range.start, range.end)
  if (!content.includes('<')) return []
  const found: TextRange[] = []
  let offset = 0
  for (const token of tokenize(content)) {
    const length = token.type === 'text' ? token.value.length : token.data.length
    if (token.type !== 'text' && token.kind === 'html' && blockTag.test(token.data)) {
      let start = range.start + offset
      let end = start + length
      while (start > range.start && /\s/.test(text[start - 1]!)) start--
      while (end < range.end && /\s/.test(text[end]!)) end++
      const last = found[found.length - 1]
      if (last && last.end >= start) last.end = end
      else found.push({start, end})
    }
    offset += length
  }
  return found
}

function splitPiece(text: string, range: TextRange): TextRange[] {
  const content = text.slice(range.start, range.end)
  const {mask: breakable, depth} = breakableMask(content)
  const sentences: TextRange[] = []
  let start = 0
  for (let k = 0; k < content.length; k++) {
    const char = content[k]!
    if (char !== '.' && char !== '!' && char !== '?') continue
    if (!breakable[k]) continue
    let j = k + 1
    while (j < content.length && (content[j] === '.' || content[j] === '!' || content[j] === '?')) j++
    while (j < content.length && (closers.has(content[j]!) || breakable[j] === 2)) j++
    if (j >= content.length || !/\s/.test(content[j]!) || depth[j] !== 0) continue
    let m = j
    while (m < content.length && /\s/.test(content[m]!)) m++
    if (m >= content.length) continue
    if (/\p{Ll}/u.test(content[m]!)) continue
    if (char === '.' && isAbbreviation(content, k)) continue
    sentences.push({start: range.start + start, end: range.start + j})
    start = m
    k = m - 1
  }
  sentences.push({start: range.start + start, end: range.end})
  return sentences.map((sentence) => trim(text, sentence)).filter((sentence) => sentence.end > sentence.start)
}

/** Whether the word ending at the dot at `k` is an abbreviation (`e.g.`, `Dr.`). */
function isAbbreviation(content: string, k: number): boolean {
  let start = k
  while (start > 0 && /[\p{L}.]/u.test(content[start - 1]!)) start--
  const word = content.slice(start, k).toLowerCase()
  return word.length > 0 && abbreviations.has(word)
}

/**
 * Per character: 1 where a sentence may end (plain text), 2 inside a closing emphasis marker (`**`, `_`)
 * that may follow the stop, 0 elsewhere (inline code, URLs, tags); and the number of paired codes open
 * around it (emphasis, links, HTML elements). A break needs that number to be 0 where the white space
 * after the stop starts: the pipeline segments coded text and never cuts a paired code in two (a whole
 * italic paragraph is one unit, so is a link's text).
 */
function breakableMask(content: string): {mask: Uint8Array; depth: Uint16Array} {
  const mask = new Uint8Array(content.length)
  const depth = new Uint16Array(content.length)
  let offset = 0
  let open = 0
  for (const token of tokenize(content)) {
    const length = token.type === 'text' ? token.value.length : token.data.length
    if (token.type === 'text') mask.fill(1, offset, offset + length)
    else if (token.kind === 'html' && blockTag.test(token.data)) {
      // Separators (see above): they open nothing a sentence could be inside of.
    } else if (token.type === 'open') open++
    else if (token.type === 'close') {
      open = Math.max(0, open - 1)
      if (token.kind === 'strong' || token.kind === 'emphasis' || token.kind === 'delete') mask.fill(2, offset, offset + length)
    }
    depth.fill(open, offset, offset + length)
    offset += length
  }
  return {mask, depth}
}

function trim(text: string, range: TextRange): TextRange {
  let {start, end} = range
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return {start, end}
}
