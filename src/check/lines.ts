/** The lines of a text with their offsets: where rules place what they report (no markdown is read here). */
import {charCodes} from '../inline/char-codes.js'

export interface Line {
  /** 0-based line index. */
  index: number
  start: number
  /** Offset of the end of the line, before its line ending. */
  end: number
  text: string
}

/**
 * The lines of a text that has no line table, ended at LF and CRLF. A document's lines are read with `lineAt`
 * over its line table (`lineEnds`), in which a lone CR also ends a line, as micromark and the positions of
 * every message read it: splitting on LF alone read a file with CR-only line endings as one line, and check
 * gave one `prose-outside-pair` warning over the whole file where extract read its lines right.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  let index = 0
  while (start <= text.length) {
    let next = text.indexOf('\n', start)
    if (next < 0) next = text.length
    const end = next > start && text.charCodeAt(next - 1) === charCodes.carriageReturn ? next - 1 : next
    lines.push({index: index++, start, end, text: text.slice(start, end)})
    if (next >= text.length) break
    start = next + 1
  }
  return lines
}

/** Where line `index` of a line table starts. */
export function lineStart(text: string, ends: readonly number[], index: number): number {
  return index === 0 ? 0 : Math.min(ends[index - 1]! - 1, text.length) + 1
}

/** Where line `index` of a line table ends, before its line break. */
export function lineEnd(text: string, ends: readonly number[], index: number): number {
  return endOf(text, ends, index, lineStart(text, ends, index))
}

/**
 * Line `index` of a line table, made alone: for a reader of a few lines
 * (prose-outside-pair reads those of paragraphs, headings and table rows, under half of a file's).
 */
export function lineAt(text: string, ends: readonly number[], index: number): Line {
  const start = lineStart(text, ends, index)
  const end = endOf(text, ends, index, start)
  return {index, start, end, text: text.slice(start, end)}
}

function endOf(text: string, ends: readonly number[], index: number, start: number): number {
  // The line break's last character (LF, or a lone CR), or the text's end for the last line.
  const next = Math.min(ends[index]! - 1, text.length)
  return next > start && text.charCodeAt(next) === charCodes.lineFeed && text.charCodeAt(next - 1) === charCodes.carriageReturn ? next - 1 : next
}
