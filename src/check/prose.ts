/**
 * Prose outside pairs: the lines of paragraphs, headings and table rows (leaf blocks of the document
 * model) that, with their pairs and code spans blanked out and markup, code, URLs and DocFX syntax taken
 * away, still hold four words. Code blocks, HTML blocks (comments, `<pre>`), link reference definitions
 * and front matter are no leaves of those kinds, so they are never read as prose.
 */
import type {BilingualDocument} from '../document/types.js'
import type {Facts, ProseLine} from './analysis.js'
import {lineAt, lineEnd, lineStart, type Line} from './lines.js'
import {pairsOnLines, blankedLine, compactLine, skeletonFacts, holdsCommentClose, holdsCommentOpen, holdsEightLetters} from './skeleton.js'

/**
 * What is not prose on a markdown line: markup, code, URLs, directives, anchors. Each pattern comes with
 * a substring every one of its matches contains: a line without it is left as it is (the pattern would
 * replace nothing), so most lines skip most patterns.
 */
const notProse: Array<[pattern: RegExp, needs: string]> = [
  // Every repetition that can run to the end of the line without matching is bounded (1,000 characters: far
  // more than a link, tag or comment on one line needs): unbounded, each `](` of a line of `[a](b` repeated
  // scanned the rest of the line and failed, quadratic (0.5 MB: 40 s). Bounded, each attempt costs at most
  // the bound: linear.
  [/<!--[\s\S]{0,1000}?-->/g, '<!--'],
  [/`[^`]*`/g, '`'],
  [/!\[(?:[^[\]]|\[[^[\]]{0,100}\]){0,1000}\](?:\([^)]{0,1000}\)|\[[^\]]{0,1000}\])/g, '!['],
  // DocFX block syntax: `[!INCLUDE [title](path)]`, `[!code-json [name](path)]`, `[!NOTE]`, `[!div class="…"]`.
  [/\[![A-Za-z][\w-]{0,100}[^\]]{0,1000}\](?:\([^)]{0,1000}\))?\]?/g, '[!'],
  [/\]\([^)]{0,1000}\)/g, ']('],
  [/\]\[[^\]]{0,1000}\]/g, ']['],
  [/^\s*\[[^\]]+\]:\s*\S+.*$/g, ']:'],
  [/<[^>]{1,1000}>/g, '<'],
  [/https?:\/\/\S+/g, '://'],
  [/&[#\w]{1,40};/g, '&'],
  [/^\s*:::.*$/g, ':::'],
  [/\{[^}]{0,1000}\}/g, '{'],
  // A DocFX cross-reference shorthand: `@System.String.Length`, `@"System.String?displayProperty=fullName"`.
  [/(?<![\w@.])@(?:"[^"]{0,1000}"|'[^']{0,1000}'|[A-Za-z_][\w.`#*-]*)/g, '@']
]

export function prose(line: string): string {
  let text = line
  for (const [pattern, needs] of notProse) {
    if (text.includes(needs)) text = text.replace(pattern, ' ')
  }
  return text
}

const cjkScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const cjkScripts = new RegExp(cjkScript.source, 'gu')

/** Latin words of two letters or more, or runs of CJK characters (each counts as a word). */
export function words(text: string): number {
  // ASCII text (most lines): `\p{L}` is `[A-Za-z]` there and no character is CJK; the plain class is much faster.
  if (!nonAscii.test(text)) return text.match(asciiWords)?.length ?? 0
  return unicodeWords(text)
}

const nonAscii = /[^\0-\x7f]/
const asciiWords = /[A-Za-z]{2,}/g

function unicodeWords(text: string): number {
  const latin = text.match(/\p{L}{2,}/gu) ?? []
  const cjk = text.match(cjkScripts) ?? []
  return latin.filter((word) => !cjkScript.test(word)).length + Math.floor(cjk.length / 2)
}

/**
 * Whether a line has the eight characters that are ASCII letters or non-ASCII that four words need in
 * what `prose` leaves of it: a word takes two letters, a CJK word two CJK characters (all non-ASCII), and
 * `prose` only replaces text with spaces. Anchored, and each repetition can only go forward: linear.
 */
const enoughLetters = /^(?:[^A-Za-z\x80-\uFFFF]*[A-Za-z\x80-\uFFFF]){8}/

/**
 * Whether `prose` reads a line's compact skeleton (`compactLine`: each blank one space) as it reads its
 * blanked one, but for the number of spaces in each blank: same words, same delimiter-row test. No pattern
 * of `notProse` holds a space or starts at one, and every repetition that can take a space takes any number
 * of them up to its bound: a line of at most 1,000 characters never reaches a bound of 1,000, and the one
 * smaller bound a blank can count toward (100 characters of a bracket in an image's alt text) needs `![`.
 */
export function readsAlike(compact: string, length: number): boolean {
  return length <= 1000 && !compact.includes('![')
}

/**
 * What is blanked out of the lines: the pairs and the code spans running over lines, as sorted, disjoint start, end…
 * offsets. Read straight from the pairs' offsets (no range objects per pair: they were a tenth of what the prose
 * lines allocated): pairs come in order and never overlap, only the code spans (few) need sorting, and they are
 * merged in after any pair starting where they do (a stable sort of the pairs followed by the spans).
 */
function blankedRanges(document: BilingualDocument, facts: Facts): number[] {
  const {pairs} = facts
  const merged: number[] = []
  const code = document.multiLineCode.length === 0 ? [] : [...document.multiLineCode].sort((a, b) => a.start - b.start)
  let span = 0
  for (let index = 0; index < pairs.length; index += 2) {
    const start = pairs[index]!
    for (; span < code.length && code[span]!.start < start; span++) mergeRange(merged, code[span]!.start, code[span]!.end)
    mergeRange(merged, start, pairs[index + 1]!)
  }
  for (; span < code.length; span++) mergeRange(merged, code[span]!.start, code[span]!.end)
  return merged
}

/** Add a range to sorted, disjoint ranges, merged with the last where they overlap or touch; an empty one is left out. */
function mergeRange(merged: number[], start: number, end: number): void {
  if (end <= start) return
  const last = merged.length - 1
  if (last > 0 && start <= merged[last]!) merged[last] = Math.max(merged[last]!, end)
  else merged.push(start, end)
}

/** White space, pipes, colons and dashes only (a module constant: a literal in the loop made a pattern object per line). */
const PUNCTUATION_ONLY = /^[\s|:-]*$/

export function proseLines(document: BilingualDocument, facts: Facts): ProseLine[] {
  const found: ProseLine[] = []
  const {text} = facts
  const ranges = blankedRanges(document, facts)
  const stretchesOn = pairsOnLines(ranges)
  // The lines of the blocks, made one by one from the line table: most lines of a file are in none.
  const ends = document.lineEnds
  let line = 0
  for (const block of document.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'heading' && block.kind !== 'tableRow') continue
    // A line ends at or before `ends[line] - 1` (its line break, or the text's end): lines far before the
    // block are skipped on that bound, and the exact end is worked out only for the line or two near it.
    while (line < ends.length && ends[line]! - 1 < block.start) line++
    while (line < ends.length && lineEnd(text, ends, line) < block.start) line++
    // An HTML comment running over lines of the block is no prose.
    let inComment = false
    for (; line < ends.length && lineStart(text, ends, line) <= block.end; line++) {
      const current = lineAt(text, ends, line)
      const stretches = stretchesOn(current)
      // What the compact skeleton holds of the comment markers and letters, read in place: a line without
      // blanks is its own compact skeleton (native searches), a line with blanks has few characters besides.
      const holds = stretches.length === 0 ? -1 : skeletonFacts(text, current, stretches)
      if (inComment) {
        if (holds < 0 ? current.text.includes('-->') : (holds & holdsCommentClose) !== 0) inComment = false
        continue
      }
      if (holds < 0 ? current.text.includes('<!--') && !current.text.includes('-->') : (holds & (holdsCommentOpen | holdsCommentClose)) === holdsCommentOpen) {
        inComment = true
        continue
      }
      if (holds < 0 ? !enoughLetters.test(current.text) : (holds & holdsEightLetters) === 0) continue
      const length = current.end - current.start
      // Judged on the compact skeleton where `prose` reads it alike (a fifth of the blanked line's length on
      // the dev corpus); the prose found is then read off the blanked line, whose offsets are the file's.
      const compact = compactLine(text, current, stretches)
      const raw = readsAlike(compact, length) ? compact : blankedLine(text, current, stretches)
      // Pipes, colons and dashes only (a delimiter row, a rule): never prose. Written without nested
      // quantifiers: `(?:\|?\s*:?-+:?\s*)+` backtracks exponentially on a long run of dashes.
      if (PUNCTUATION_ONLY.test(raw) && raw.includes('-')) continue
      const rest = prose(raw)
      if (words(rest) < 4) continue
      found.push(proseLine(current, raw.length === length ? rest : prose(blankedLine(text, current, stretches))))
    }
  }
  return found
}

/**
 * A line found to be prose, with the prose read off its blanked skeleton (`rest`). Apart from the loop over the
 * lines (a few lines in a thousand are prose): the loop compiles smaller.
 */
function proseLine(line: Line, rest: string): ProseLine {
  const first = rest.search(/\p{L}/u)
  return {line, first: line.start + Math.max(0, first), prose: rest.replace(/[\s|#>*_]+/g, ' ').trim().slice(0, 60)}
}
