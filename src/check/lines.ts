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
