// The pair scanner as it was before it found tags in two steps (commit 5e721bd): the reference test/pairs.test.ts compares src/document/pairs.ts with.
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

const tagBody = '((?:[^>"\']|"[^"]*"|\'[^\']*\')*)'
const spanTag = new RegExp(`<(\\/?)span\\b${tagBody}>`, 'gi')
const ttuAttribute = /\bdata-ttu-id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i
const stuAttribute = /\bdata-stu-id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i
const lookupClass = /\bclass\s*=\s*(?:"[^"]*\bsxs-lookup\b[^"]*"|'[^']*\bsxs-lookup\b[^']*'|sxs-lookup\b)/i
/** What must follow a target's closing tag: the lookup span, then the source span (white space allowed between). */
const lookupOpen = new RegExp(`\\s*<span\\b${tagBody}>\\s*<span\\b${tagBody}>`, 'y')
const lookupClose = /\s*<\/span\s*>/y
const onlySpace = /^\s*$/

function attribute(pattern: RegExp, attributes: string): string | undefined {
  const match = pattern.exec(attributes)
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined
}

interface Tag {
  start: number
  end: number
  closing: boolean
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
  let orphanDepth = 0
  let previous: Tag | undefined
  let beforePrevious: Tag | undefined
  spanTag.lastIndex = 0
  let match: RegExpExecArray | null

  /** If a lookup + source span start at `from`, open the source and return true. */
  function openSource(open: Open, targetEnd: number, from: number): boolean {
    lookupOpen.lastIndex = from
    const lookup = lookupOpen.exec(text)
    if (!lookup || !lookupClass.test(lookup[1] ?? '')) return false
    const sourceId = attribute(stuAttribute, lookup[2] ?? '')
    if (sourceId === undefined) return false
    // A literal of one fixed shape: spreading `open` made V8 build a slow (dictionary) object, the scan's hot spot.
    source = {id: open.id, pairStart: open.pairStart, targetStart: open.targetStart, depth: 1, stray: false, targetEnd, sourceId, sourceStart: lookupOpen.lastIndex}
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
    spanTag.lastIndex = lookupOpen.lastIndex
    previous = undefined
    beforePrevious = undefined
    return true
  }

  /** If `</span>` + optional space + `</span>` start at `from`, close the pair and return true. */
  function closePair(open: OpenSource, sourceEnd: number, from: number, balanced: boolean): boolean {
    lookupClose.lastIndex = from
    if (!lookupClose.exec(text)) return false
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
    spanTag.lastIndex = lookupClose.lastIndex
    previous = undefined
    beforePrevious = undefined
    return true
  }

  /** When the last two span tags seen are `</span>` + optional space + `</span>` (the close of a lookup), the first of them. */
  function lookupCloseBefore(): Tag | undefined {
    return previous?.closing && beforePrevious?.closing && adjacent(beforePrevious, previous.start) ? beforePrevious : undefined
  }

  function adjacent(before: Tag | undefined, after: number): boolean {
    return before !== undefined && onlySpace.test(text.slice(before.end, after))
  }

  while ((match = spanTag.exec(text))) {
    const tag: Tag = {start: match.index, end: match.index + match[0].length, closing: match[1] === '/'}
    const attributes = match[2] ?? ''
    const selfClosing = match[0].endsWith('/>')
    const pairId = tag.closing ? undefined : attribute(ttuAttribute, attributes)
    const startsPair = pairId !== undefined
    const startsLookup = !tag.closing && !startsPair && lookupClass.test(attributes)

    if (target) {
      const open: Open = target
      if (startsLookup && previous?.closing && adjacent(previous, tag.start) && openSource(open, previous.start, previous.end)) continue
      if (startsPair || startsLookup) {
        problems.push(
          open.stray
            ? {ruleId: 'target-without-source', reason: `Target span \`${open.id}\` has no \`sxs-lookup\` source span after it`, start: open.pairStart, end: open.targetStart, recovered: false}
            : {ruleId: 'unclosed-span', reason: `Unclosed target span \`${open.id}\`: no \`</span>\` before the next pair starts`, start: open.pairStart, end: open.targetStart, recovered: false}
        )
        target = undefined
      } else if (!tag.closing) {
        if (!selfClosing) open.depth++
      } else {
        open.depth = Math.max(0, open.depth - 1)
        if (open.depth === 0 && openSource(open, tag.start, tag.end)) continue
        if (open.depth === 0) open.stray = true
      }
    } else if (source) {
      const open: OpenSource = source
      if (startsPair || startsLookup) {
        // The source never closed: recover when the last span tags before this pair are `</span></span>`
        // (only text, such as a table's `|` or a line break and a list marker, may stand between them and it).
        const close = lookupCloseBefore()
        if (close) {
          if (closePair(open, close.start, close.end, false)) continue
        } else {
          problems.push({ruleId: 'unclosed-span', reason: `Unclosed source span \`${open.id}\`: no \`</span></span>\` before the next pair starts`, start: open.pairStart, end: open.sourceStart, recovered: false})
          source = undefined
        }
      } else if (!tag.closing) {
        if (!selfClosing) open.depth++
      } else {
        open.depth = Math.max(0, open.depth - 1)
        if (open.depth === 0 && closePair(open, tag.start, tag.end, !open.stray)) continue
        if (open.depth === 0) open.stray = true
      }
    } else if (orphanDepth > 0 && !startsPair && !startsLookup) {
      if (tag.closing) orphanDepth--
      else if (!selfClosing) orphanDepth++
    }

    if (!target && !source && (startsPair || startsLookup)) {
      orphanDepth = 0
      if (startsPair) {
        target = {id: pairId!, pairStart: tag.start, targetStart: tag.end, depth: 1, stray: false}
      } else {
        problems.push({ruleId: 'source-without-target', reason: 'Source span (`sxs-lookup`) has no target span before it', start: tag.start, end: tag.end, recovered: false})
        orphanDepth = 1
      }
    }
    beforePrevious = previous
    previous = tag
  }

  // The same recovery when the file ends with the source open: the pair was the last one of the file.
  const close = lookupCloseBefore()
  if (source && close) closePair(source, close.start, close.end, false)

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

const idShape = /^(.*?)-(p?)(\d+)$/

/** Split `90f5f-p104` into its prefix, number and merged flag. */
export function parseId(id: string): {prefix: string; number: number; merged: boolean} {
  const match = idShape.exec(id)
  if (!match) return {prefix: id, number: Number.NaN, merged: false}
  return {prefix: match[1]!, number: Number(match[3]), merged: match[2] === 'p'}
}
