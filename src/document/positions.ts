/**
 * Offsets to line/column points for one file. The points are vfile-location's (a line ends at `\r\n`,
 * `\r` or `\n`; the end of the file is a valid point), found with a cursor rather than a binary search:
 * parse asks for the points of each pair in file order, so the line of the next point is almost always
 * the cursor's line or one a few lines on (over the corpus: vfile-location's `toPoint` 50 ms of parse,
 * the cursor under 10). test/positions.test.ts proves them equal to vfile-location's.
 */
import type {Point, Position} from './types.js'

export interface Locator {
  point(offset: number): Point
  position(start: number, end: number): Position
  /** The whole line table (`BilingualDocument.lineEnds`): the offset just after each line's line break, the last `text.length + 1`. */
  lineEnds(): readonly number[]
}

/** `known`: the text's whole line table, when known (a document's `lineEnds`), so that it is not found again. */
export function createLocator(text: string, known?: readonly number[]): Locator {
  // `ends[index]` is the offset just after line `index`'s line break (vfile-location's `indices`), found
  // lazily, as far as the points asked for need; `line` is the cursor: the line of the last point.
  // A whole table (its last end past the text) never grows: read as it is rather than copied (a document's
  // `lineEnds`, which check locates its messages with).
  const ends: number[] = known ? (isWhole(known, text) ? (known as number[]) : [...known]) : []
  let cr = -1
  let lf = -1
  let line = 0

  /** Find the end of one more line (vfile-location's `grow`, the same line breaks). */
  function grow(): void {
    const from = ends.length > 0 ? ends[ends.length - 1]! : 0
    if (cr < from) {
      cr = text.indexOf('\r', from)
      if (cr === -1) cr = Infinity
    }
    if (lf < from) {
      lf = text.indexOf('\n', from)
      if (lf === -1) lf = Infinity
    }
    const eol = cr + 1 === lf ? lf : Math.min(cr, lf)
    ends.push((eol === Infinity ? text.length : eol) + 1)
  }

  function point(offset: number): Point {
    if (!(offset > -1 && offset <= text.length)) {
      // Past the end (callers never pass it): counted from the text as it is.
      const lines = text.slice(0, offset).split('\n')
      return {line: lines.length, column: lines[lines.length - 1]!.length + 1, offset}
    }
    if (line > 0 && ends[line - 1]! > offset) {
      // Backwards (a message before the pairs, the front matter): the first line that ends after `offset`.
      let low = 0
      let high = line - 1
      while (low < high) {
        const middle = (low + high) >> 1
        if (ends[middle]! > offset) high = middle
        else low = middle + 1
      }
      line = low
    }
    for (;;) {
      if (line === ends.length) grow()
      if (ends[line]! > offset) break
      line++
    }
    return {line: line + 1, column: offset - (line > 0 ? ends[line - 1]! : 0) + 1, offset}
  }

  function lineEnds(): readonly number[] {
    while (!isWhole(ends, text)) grow()
    // Whole, the table never changes again: the locator and its caller share it (no copy per document).
    return ends
  }

  return {point, position: (start, end) => ({start: point(start), end: point(end)}), lineEnds}
}

/** Whether a line table reaches past the end of `text`: every line found, nothing left to `grow`. */
function isWhole(ends: readonly number[], text: string): boolean {
  return ends.length > 0 && ends[ends.length - 1]! > text.length
}

/**
 * The point of `offset`, its line and column found only when first read: for places kept in case a message
 * needs them (most never are read).
 */
export function lazyPoint(locator: Locator, offset: number): Point {
  let found: Point | undefined
  return {
    get line() {
      return (found ??= locator.point(offset)).line
    },
    get column() {
      return (found ??= locator.point(offset)).column
    },
    offset
  }
}
