/**
 * Structure guards: a new target must not break the document around it. Each guard compares the new
 * target with the target the document has now, so that a defect the document already carries (a line
 * break in a table cell written by machine translation, a stray `</span>`) is `check`'s to report, while
 * a translation that *introduces* one is refused with the reason.
 */
import type {Segment} from '../document/types.js'
import type {MessageId} from '../document/message-ids.js'

export interface StructureProblem {
  ruleId: MessageId
  reason: string
}

const lineBreak = /\r\n|\r|\n/g
/** An empty (or blank) line ends a paragraph, a list item, a table. */
const blankLine = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/g
/** A `|` not escaped by a backslash (an odd number of backslashes before it escapes it). */
const unescapedPipe = /(?<!\\)(?:\\\\)*\|/g
const pairMarkup = /data-ttu-id|data-stu-id|sxs-lookup/gi
const spanTag = /<(\/?)span\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi
const trailingBackslashes = /\\+$/

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0
  return (text.match(pattern) ?? []).length
}

/** The lowest depth reached and the depth at the end, counting `<span>` as +1 and `</span>` as -1. */
function spanBalance(text: string): {lowest: number; end: number} {
  let depth = 0
  let lowest = 0
  spanTag.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = spanTag.exec(text))) {
    if (match[1] === '/') depth--
    else if (!match[0].endsWith('/>')) depth++
    lowest = Math.min(lowest, depth)
  }
  return {lowest, end: depth}
}

/** Whether the text ends in an odd number of backslashes, which would escape the `<` of the `</span>` after it. */
function escapesClosingTag(text: string): boolean {
  const match = trailingBackslashes.exec(text)
  return match !== null && match[0].length % 2 === 1
}

/** The text a reader sees of a target: tags and non-breaking spaces left out (as check's `empty-source` reads it). */
function visibleText(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;/g, '').trim()
}

export function structureProblems(segment: Segment, target: string): StructureProblem[] {
  const current = segment.target
  const problems: StructureProblem[] = []
  // A pair with no source (an anchor `<a name="x"> </a>` captured as a pair) translates nothing: text in its
  // target would show where the page has none, and `check` reports it as an error.
  if (segment.source.trim() === '' && visibleText(target) !== '' && visibleText(current) === '') {
    problems.push({ruleId: 'empty-source', reason: 'the source is empty: a target with text would translate nothing'})
  }
  const gfmTable = segment.context.table !== undefined && !segment.context.table.html

  if (gfmTable && count(lineBreak, target) > count(lineBreak, current)) {
    problems.push({ruleId: 'line-break-in-table-pair', reason: 'a line break in a table cell would end the table row'})
  }
  if (gfmTable && count(unescapedPipe, target) > count(unescapedPipe, current)) {
    problems.push({ruleId: 'pair-split-across-cells', reason: 'an unescaped `|` in a table cell would split the cell (write `\\|`)'})
  }
  if (segment.context.block === 'heading' && count(lineBreak, target) > count(lineBreak, current)) {
    problems.push({ruleId: 'heading-line-break', reason: 'a line break in a heading would end the heading'})
  }
  if (count(blankLine, target) > count(blankLine, current)) {
    problems.push({ruleId: 'blank-line', reason: 'an empty line would end the paragraph (and the pair) in the middle'})
  }
  if (count(pairMarkup, target) > count(pairMarkup, current)) {
    problems.push({ruleId: 'pair-markup', reason: 'the target holds pair markup (`data-ttu-id`, `sxs-lookup`, `data-stu-id`)'})
  }
  const balance = spanBalance(target)
  if (balance.lowest < 0 || balance.end !== 0) {
    const before = spanBalance(current)
    if (balance.lowest !== before.lowest || balance.end !== before.end) {
      problems.push({
        ruleId: 'unbalanced-span',
        reason:
          balance.lowest < 0
            ? 'the target has a `</span>` without its `<span>`: it would close the pair early'
            : 'the target has a `<span>` without its `</span>`: it would swallow the rest of the pair'
      })
    }
  }
  if (escapesClosingTag(target) && !escapesClosingTag(current)) {
    problems.push({ruleId: 'trailing-backslash', reason: 'a backslash at the end would escape the `<` of the closing `</span>`'})
  }
  return problems
}
