/**
 * Hard-wrapped prose joined into one line, as the localization pipeline writes a changed paragraph: a pair
 * cannot run across a `> ` marker, and the pipeline's own documents hold one line per paragraph. A line
 * ending in a hard break (two spaces, a backslash, `<br>`) is not joined: the range is cut there instead.
 */
import type {TextRange} from './blocks.js'

export interface Joined {
  text: string
  ranges: TextRange[]
}

/** `text` is one block; `ranges` its prose ranges (offsets into `text`), in order. */
export function joinWrappedLines(text: string, ranges: readonly TextRange[]): Joined {
  let out = ''
  let at = 0
  const joined: TextRange[] = []
  for (const range of ranges) {
    out += text.slice(at, range.start)
    let start = out.length
    let cursor = range.start
    const breaks = /[ \t]*\r?\n[ \t>]*/g
    breaks.lastIndex = range.start
    for (let match = breaks.exec(text); match && match.index < range.end; match = breaks.exec(text)) {
      const before = text.slice(cursor, match.index)
      const hard = /^ {2,}/.test(match[0]) || /(?:\\|<br\s*\/?>)$/i.test(text.slice(range.start, match.index))
      out += before
      if (hard) {
        joined.push({start, end: out.length})
        out += match[0]
        start = out.length
      } else out += ' '
      cursor = match.index + match[0].length
    }
    out += text.slice(cursor, range.end)
    joined.push({start, end: out.length})
    at = range.end
  }
  out += text.slice(at)
  return {text: out, ranges: joined.filter((range) => range.end > range.start)}
}
