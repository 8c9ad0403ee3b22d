/**
 * Find every span pair in the raw text of a file:
 *
 *     <span data-ttu-id="ID">TARGET</span><span class="sxs-lookup"><span data-stu-id="ID">SOURCE</span></span>
 *
 * Targets and sources contain spans of their own, so closing tags are matched by counting depth,
 * never by searching for the next `</span>`. The scan works on the whole file (not per markdown block)
 * because a pair may cross what markdown sees as block boundaries (a line break in a target that splits
 * a table row, a target read as the start of a code block); its offsets are exact, CR included.
 * Problems (unclosed spans, a target with no source after it, a source with no target before it)
 * are returned with the offset where they start; positions are computed by the caller.
 */
import {asciiCaseBit, charCodes} from '../inline/char-codes.js'

export interface PairMatch {
  id: string
  sourceId: string
  /** Offsets into the text. */
  pairStart: number
  targetStart: number
  targetEnd: number
  sourceStart: number
  sourceEnd: number
  pairEnd: number
}

export interface PairProblem {
  ruleId: 'unclosed-span' | 'target-without-source' | 'source-without-target' | 'unbalanced-span'
  reason: string
  start: number
  end: number
  /** The pair was still recovered (its bounds are certain): a warning rather than a fatal error. */
  recovered: boolean
}

export interface PairScan {
  pairs: PairMatch[]
  problems: PairProblem[]
}

/**
 * A span tag is `<(\/?)span\b${tagBody}>`, with `tagBody` its attributes, `((?:[^>"']|"[^"]*"|'[^']*')*)`.
 * It is found in two steps: where its name is (`spanNameEnd`), then, from there, where its attributes and
 * `>` end (`tagEnd`). One regex `exec` per tag built a match array and two substrings for each: 94 of
 * the 350 MB parsing the corpus allocated.
 */

/**
 * Where the next `<span` or `</span` (any case, then no word character: `/<\/?span\b/gi`) at or after
 * `from` ends, -1 where none does: a search for `<` and four compared letters, which took 22 ms a round of
 * the corpus (half a million tags) where the regex took 34. Without the `u` flag, `i` folds ASCII letters
 * only and `\b` is ASCII's, which `| asciiCaseBit` and `isWordCode` are.
 */
function spanNameEnd(text: string, from: number): number {
  for (let at = text.indexOf('<', from); at >= 0; at = text.indexOf('<', at + 1)) {
    const name = text.charCodeAt(at + 1) === charCodes.slash ? at + 2 : at + 1
    if (
      (text.charCodeAt(name) | asciiCaseBit) === charCodes.lowercaseS &&
      (text.charCodeAt(name + 1) | asciiCaseBit) === charCodes.lowercaseP &&
      (text.charCodeAt(name + 2) | asciiCaseBit) === charCodes.lowercaseA &&
      (text.charCodeAt(name + 3) | asciiCaseBit) === charCodes.lowercaseN &&
      !isWordCode(text.charCodeAt(name + 4))
    ) {
      return name + 4
    }
  }
  return -1
}

/** `\w` without the `u` flag, for a code unit (NaN past the end: none). */
function isWordCode(code: number): boolean {
  return (code >= charCodes.digit0 && code <= charCodes.digit9) || ((code | asciiCaseBit) >= charCodes.lowercaseA && (code | asciiCaseBit) <= charCodes.lowercaseZ) || code === charCodes.underscore
}

/**
 * The offset just after the `>` that ends a tag whose attributes start at `from` (`${tagBody}>` matched
 * sticky there), -1 where none does, without the regex (60 of the 280 ms the pair scan took over three
 * rounds of the corpus). The pattern's only way past a quote is to its closing twin, and it stops at the
 * first `>` outside quotes, so one forward walk finds its match; backtracking finds no shorter one, as
 * every earlier stop is a character other than `>`.
 */
function tagEnd(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code === charCodes.greaterThan) return at + 1
    if (code === charCodes.quotationMark || code === charCodes.apostrophe) {
      at = text.indexOf(code === charCodes.quotationMark ? '"' : "'", at + 1)
      if (at < 0) return -1
    }
  }
  return -1
}

/** A pair's opening tag as written by the tools: its id is what `ttuAttribute` reads, without a regex. */
const plainTtu = ' data-ttu-id="'
const ttuAttribute = /\bdata-ttu-id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i
const stuAttribute = /\bdata-stu-id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i
const lookupClass = /\bclass\s*=\s*(?:"[^"]*\bsxs-lookup\b[^"]*"|'[^']*\bsxs-lookup\b[^']*'|sxs-lookup\b)/i
/**
 * What must follow a target's closing tag: the lookup span, then the source span (white space allowed
 * between), that is `\s*<span\b${tagBody}>\s*<span\b${tagBody}>`, read a tag at a time (`spanAhead`,
 * then `tagEnd`) to take the attributes without a match array: a tag's end is the same either way, as
 * its attributes cannot hold an unquoted `>`.
 */
const spanAhead = /\s*<span\b/y
const plainStu = ' data-stu-id="'
const plainLookup = ' class="sxs-lookup">'
const lookupClose = /\s*<\/span\s*>/y
const onlySpace = /^\s*$/

/** `text.slice(start, end)`, or `known` where that is what it holds. */
function sameOrSlice(text: string, start: number, end: number, known: string): string {
  return end - start === known.length && text.startsWith(known, start) ? known : text.slice(start, end)
}

function attribute(pattern: RegExp, attributes: string): string | undefined {
  const match = pattern.exec(attributes)
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined
}

interface Open {
  id: string
  pairStart: number
  targetStart: number
  depth: number
  /** A `</span>` closed the span without a lookup after it: the target holds a stray `</span>`. */
  stray: boolean
}

interface OpenSource extends Open {
  targetEnd: number
  sourceId: string
  sourceStart: number
}

/**
 * The scan is a small state machine over every `<span…>` and `</span>` tag of the file. Depth counting
 * decides where a span ends; where real documents break it (machine translation adds a stray `</span>`
 * or an unclosed `<span>` to a target), the pair is still recovered when its frame is intact (a
 * `</span>` right before the lookup span, `</span></span>` right before the next pair), with an
 * `unbalanced-span` problem, so that no segment is lost.
 */
export function scanPairs(text: string): PairScan {
  const pairs: PairMatch[] = []
  const problems: PairProblem[] = []
  let target: Open | undefined
  let source: OpenSource | undefined
  // One object for the open target and one for the open source, set anew for each pair rather than made per
  // pair: at most one of each is open at a time, and none is kept (pairs and problems copy what they read).
  const targetSlot: Open = {id: '', pairStart: 0, targetStart: 0, depth: 0, stray: false}
  const sourceSlot: OpenSource = {id: '', pairStart: 0, targetStart: 0, depth: 0, stray: false, targetEnd: 0, sourceId: '', sourceStart: 0}
  let orphanDepth = 0
  // The last two span tags seen, in numbers rather than an object per tag (half a million tags in the corpus);
  // only a closing one is ever read, so `…Closing` false stands for "none" too.
  let previousStart = 0
  let previousEnd = 0
  let previousClosing = false
  let beforeStart = 0
  let beforeEnd = 0
  let beforeClosing = false
  /** Where the search for the next span tag goes on. */
  let searchFrom = 0

  /** If a lookup + source span start at `from`, open the source and return true. */
  function openSource(open: Open, targetEnd: number, from: number): boolean {
    spanAhead.lastIndex = from
    if (!spanAhead.test(text)) return false
    const lookupName = spanAhead.lastIndex
    const lookupEnd = tagEnd(text, lookupName)
    if (lookupEnd < 0) return false
    // `<span class="sxs-lookup">` as the tools write it, or any other way `lookupClass` takes.
    const plainClass = lookupEnd === lookupName + plainLookup.length && text.startsWith(plainLookup, lookupName)
    if (!plainClass && !lookupClass.test(text.slice(lookupName, lookupEnd - 1))) return false
    spanAhead.lastIndex = lookupEnd
    if (!spanAhead.test(text)) return false
    const sourceName = spanAhead.lastIndex
    const sourceStart = tagEnd(text, sourceName)
    if (sourceStart < 0) return false
    // `<span data-stu-id="…">`: the id runs to the tag's only other quote, before its `>`.
    const plainId = text.startsWith(plainStu, sourceName) && text.indexOf('"', sourceName + plainStu.length) === sourceStart - 2
    // A healthy pair's source id is its id: that string again rather than a copy (segments keep both).
    const sourceId = plainId ? sameOrSlice(text, sourceName + plainStu.length, sourceStart - 2, open.id) : attribute(stuAttribute, text.slice(sourceName, sourceStart - 1))
    if (sourceId === undefined) return false
    // Field by field (spreading `open` into a literal made V8 build a slow dictionary object, the scan's hot spot).
    sourceSlot.id = open.id
    sourceSlot.pairStart = open.pairStart
    sourceSlot.targetStart = open.targetStart
    sourceSlot.depth = 1
    sourceSlot.stray = false
    sourceSlot.targetEnd = targetEnd
    sourceSlot.sourceId = sourceId
    sourceSlot.sourceStart = sourceStart
    source = sourceSlot
    if (open.stray || open.depth !== 0) {
      problems.push({
        ruleId: 'unbalanced-span',
        reason: `Target of \`${open.id}\` has unbalanced \`<span>\` tags`,
        start: open.targetStart,
        end: targetEnd,
        recovered: true
      })
    }
    target = undefined
    searchFrom = sourceStart
    previousClosing = false
    beforeClosing = false
    return true
  }

  /** If `</span>` + optional space + `</span>` start at `from`, close the pair and return true. */
  function closePair(open: OpenSource, sourceEnd: number, from: number, balanced: boolean): boolean {
    lookupClose.lastIndex = from
    if (!lookupClose.test(text)) return false
    if (!balanced) {
      problems.push({
        ruleId: 'unbalanced-span',
        reason: `Source of \`${open.id}\` has unbalanced \`<span>\` tags`,
        start: open.sourceStart,
        end: sourceEnd,
        recovered: true
      })
    }
    pairs.push({
      id: open.id,
      sourceId: open.sourceId,
      pairStart: open.pairStart,
      targetStart: open.targetStart,
      targetEnd: open.targetEnd,
      sourceStart: open.sourceStart,
      sourceEnd,
      pairEnd: lookupClose.lastIndex
    })
    source = undefined
    searchFrom = lookupClose.lastIndex
    previousClosing = false
    beforeClosing = false
    return true
  }

  /** Whether the last two span tags seen are `</span>` + optional space + `</span>` (the close of a lookup; the first is `before…`). */
  function lookupCloseBefore(): boolean {
    return previousClosing && beforeClosing && adjacent(beforeEnd, previousStart)
  }

  function adjacent(beforeEnd: number, after: number): boolean {
    return onlySpace.test(text.slice(beforeEnd, after))
  }

  for (let nameEnd = spanNameEnd(text, 0); nameEnd >= 0; nameEnd = spanNameEnd(text, searchFrom)) {
    // `</span` puts its `/` where `<span` has its `<`.
    const closing = text.charCodeAt(nameEnd - 5) === charCodes.slash
    const start = nameEnd - (closing ? 6 : 5)
    const end = tagEnd(text, nameEnd)
    if (end < 0) {
      // No tag here: search on from the next character, as the one regex did.
      searchFrom = start + 1
      continue
    }
    searchFrom = end
    const selfClosing = text.charCodeAt(end - 2) === charCodes.slash
    let pairId: string | undefined
    let startsLookup = false
    if (!closing) {
      // `<span data-ttu-id="…">`: the id runs to the tag's only other quote, before its `>`.
      const plain = text.startsWith(plainTtu, nameEnd) && text.indexOf('"', nameEnd + plainTtu.length) === end - 2
      const attributes = plain ? undefined : text.slice(nameEnd, end - 1)
      pairId = plain ? text.slice(nameEnd + plainTtu.length, end - 2) : attribute(ttuAttribute, attributes!)
      startsLookup = pairId === undefined && lookupClass.test(attributes!)
    }
    const startsPair = pairId !== undefined

    if (target) {
      const open: Open = target
      if (startsLookup && previousClosing && adjacent(previousEnd, start) && openSource(open, previousStart, previousEnd)) continue
      if (startsPair || startsLookup) {
        problems.push(
          open.stray
            ? {ruleId: 'target-without-source', reason: `Target span \`${open.id}\` has no \`sxs-lookup\` source span after it`, start: open.pairStart, end: open.targetStart, recovered: false}
            : {ruleId: 'unclosed-span', reason: `Unclosed target span \`${open.id}\`: no \`</span>\` before the next pair starts`, start: open.pairStart, end: open.targetStart, recovered: false}
        )
        target = undefined
      } else if (!closing) {
        if (!selfClosing) open.depth++
      } else {
        open.depth = Math.max(0, open.depth - 1)
        if (open.depth === 0 && openSource(open, start, end)) continue
        if (open.depth === 0) open.stray = true
      }
    } else if (source) {
      const open: OpenSource = source
      if (startsPair || startsLookup) {
        // The source never closed: recover when the last span tags before this pair are `</span></span>`
        // (only text, such as a table's `|` or a line break and a list marker, may stand between them and it).
        if (lookupCloseBefore()) {
          if (closePair(open, beforeStart, beforeEnd, false)) continue
        } else {
          problems.push({ruleId: 'unclosed-span', reason: `Unclosed source span \`${open.id}\`: no \`</span></span>\` before the next pair starts`, start: open.pairStart, end: open.sourceStart, recovered: false})
          source = undefined
        }
      } else if (!closing) {
        if (!selfClosing) open.depth++
      } else {
        open.depth = Math.max(0, open.depth - 1)
        if (open.depth === 0 && closePair(open, start, end, !open.stray)) continue
        if (open.depth === 0) open.stray = true
      }
    } else if (orphanDepth > 0 && !startsPair && !startsLookup) {
      if (closing) orphanDepth--
      else if (!selfClosing) orphanDepth++
    }

    if (!target && !source && (startsPair || startsLookup)) {
      orphanDepth = 0
      if (startsPair) {
        targetSlot.id = pairId!
        targetSlot.pairStart = start
        targetSlot.targetStart = end
        targetSlot.depth = 1
        targetSlot.stray = false
        target = targetSlot
      } else {
        problems.push({ruleId: 'source-without-target', reason: 'Source span (`sxs-lookup`) has no target span before it', start, end, recovered: false})
        orphanDepth = 1
      }
    }
    beforeStart = previousStart
    beforeEnd = previousEnd
    beforeClosing = previousClosing
    previousStart = start
    previousEnd = end
    previousClosing = closing
  }

  // The same recovery when the file ends with the source open: the pair was the last one of the file.
  if (source && lookupCloseBefore()) closePair(source, beforeStart, beforeEnd, false)

  if (target || source) {
    const open = (target ?? source)!
    problems.push({
      ruleId: open.stray && target ? 'target-without-source' : 'unclosed-span',
      reason: `Unclosed ${target ? 'target' : 'source'} span \`${open.id}\`: the file ends before its \`</span>\``,
      start: open.pairStart,
      end: target ? open.targetStart : (source?.sourceStart ?? open.targetStart),
      recovered: false
    })
  }
  return {pairs, problems}
}

/**
 * Split `90f5f-p104` into its prefix, number and merged flag: what `/^(.*?)-(p?)(\d+)$/` gives, by hand
 * (the regex was 60 ms of parsing the corpus). Only the last `-` can match (`p` and digits follow it),
 * and `.` takes no line terminator. test/document-ids.test.ts compares the two.
 */
export function parseId(id: string): {prefix: string; number: number; merged: boolean} {
  // `lastIndexOf` and `Number(slice)` are calls into the runtime; these loops compile inline.
  let dash = id.length - 1
  while (dash >= 0 && id.charCodeAt(dash) !== charCodes.dash) dash--
  const merged = id.charCodeAt(dash + 1) === charCodes.lowercaseP
  const digits = dash + (merged ? 2 : 1)
  let end = digits
  let number = 0
  for (let code = id.charCodeAt(end); code >= charCodes.digit0 && code <= charCodes.digit9; code = id.charCodeAt(++end)) number = number * 10 + (code - charCodes.digit0)
  if (dash < 0 || end === digits || end !== id.length) return {prefix: id, number: Number.NaN, merged: false}
  for (let index = 0; index < dash; index++) {
    const code = id.charCodeAt(index)
    if (code === charCodes.lineFeed || code === charCodes.carriageReturn || code === charCodes.lineSeparator || code === charCodes.paragraphSeparator) return {prefix: id, number: Number.NaN, merged: false}
  }
  // Past 15 digits the sum may round differently from `Number`.
  return {prefix: id.slice(0, dash), number: end - digits > 15 ? Number(id.slice(digits)) : number, merged}
}
