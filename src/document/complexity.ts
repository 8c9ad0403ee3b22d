/**
 * A bound on the work remark is given. The fast path reads most files in linear time; what it declines goes
 * to remark (micromark), which is superlinear on some inline input: each `]` looks back over the events of
 * its paragraph for a label start, and an unclosed `<!--`, `<?` or `<![CDATA[` scans to its paragraph's end
 * for a closer that is not there. 20,000 `[a](b` in one paragraph took remark 14 s, 20,000 unclosed `<!--`
 * 130 s, and such a file hung every command. Inline content never crosses a blank line, so the work is
 * estimated per run of non-blank lines: the sum, over each `]`, of how far into its run it is, and over each
 * unclosed opener, of how far its run goes on after it (that scan costs about 10 times a lookback's
 * character; measured on Node 20). A file over the limit is refused with a `parse-error` at the run, which
 * every command reports with its place, instead of a parse that would not end in reasonable time.
 */

import {Occurrences} from './search.js'

/** The estimated work over which remark is not asked: about 4 s of remark at the rates measured. */
export const inlineWorkLimit = 300_000_000

/** How much more an unclosed opener's scan costs per character than a `]`'s lookback. */
const openerWeight = 10

const openers: ReadonlyArray<[open: string, close: string]> = [
  ['<!--', '-->'],
  ['<?', '?>'],
  ['<![CDATA[', ']]>']
]

/** The most costly run of non-blank lines of `text`: where it starts, and its estimated work. */
export function inlineWork(text: string): {start: number; work: number} {
  // Runs are read in order, each searching from its start: a search remembered per part reads the text
  // about once (an indexOf per run would scan to the text's end for a part it does not hold).
  const found = new Occurrences(text)
  let most = {start: 0, work: 0}
  let start = 0
  while (start < text.length) {
    const end = runEnd(text, start)
    const work = runWork(found, start, end)
    if (work > most.work) most = {start, work}
    start = nextRun(text, end)
  }
  return most
}

/** The end of the run of non-blank lines starting at `start` (the start of its first blank line, or the text's end). */
function runEnd(text: string, start: number): number {
  let lineStart = start
  for (;;) {
    let lineEnd = lineStart
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++
    if (lineEnd > lineStart && isBlank(text, lineStart, lineEnd)) return lineStart
    if (lineEnd === lineStart && lineStart > start) return lineStart
    if (lineEnd >= text.length) return text.length
    lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1)
  }
}

/** The start of the next run with text at or after `from` (blank lines skipped). */
function nextRun(text: string, from: number): number {
  let at = from
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++
  return at
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (text[at] !== ' ' && text[at] !== '\t') return false
  return true
}

function runWork(found: Occurrences, start: number, end: number): number {
  let work = 0
  for (let at = found.next(']', start); at >= 0 && at < end; at = found.next(']', at + 1)) work += at - start
  for (const [open, close] of openers) {
    // Openers after the run's last closer are unclosed (one before it finds that closer, or an earlier one).
    // Found forward within the run: lastIndexOf from the run's end would scan to the text's start in a text without one.
    let from = start
    for (let at = found.next(close, start); at >= 0 && at + close.length <= end; at = found.next(close, at + 1)) from = at + 1
    for (let at = found.next(open, from); at >= 0 && at < end; at = found.next(open, at + 1)) work += openerWeight * (end - at)
  }
  return work
}
