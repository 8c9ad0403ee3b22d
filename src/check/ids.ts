/** What the id rules share: well-shaped ids, the file's prefix, and the longest run of ids in order. */
import type {BilingualDocument, Segment} from '../document/types.js'
import type {RuleContext} from './rule.js'

const idShape = /^[0-9a-f]{5}-p?\d+$/

/** Per-document answers several rules ask for (a document is not changed once parsed, as `analyse` assumes too). */
const shapes = new WeakMap<BilingualDocument, readonly boolean[]>()
const prefixes = new WeakMap<BilingualDocument, string | undefined>()
const imageCounts = new WeakMap<BilingualDocument, readonly number[]>()
const firsts = new WeakMap<BilingualDocument, Int32Array>()
const plainRuns = new WeakMap<BilingualDocument, {indices: number[]; run: Uint8Array; repeats: boolean}>()

/** For each segment (by index), the index of the first segment with its id: itself, unless its id is a repeat. */
export function firstWithId(document: BilingualDocument): Int32Array {
  let first = firsts.get(document)
  if (!first) {
    first = new Int32Array(document.segments.length)
    const seen = new Map<string, number>()
    document.segments.forEach((segment, index) => {
      const earlier = seen.get(segment.id)
      if (earlier === undefined) seen.set(segment.id, index)
      first![index] = earlier ?? index
    })
    firsts.set(document, first)
  }
  return first
}

/**
 * The plain, well-shaped segments of the main prefix (indices, repeated ids too) and the longest
 * increasing run of their numbers; `repeats` tells whether an id repeats among them. id-gap reads it, and
 * id-order too when no id repeats (its segments are then the same).
 */
export function plainRun(document: BilingualDocument): {indices: number[]; run: Uint8Array; repeats: boolean} {
  let plain = plainRuns.get(document)
  if (!plain) {
    const prefix = mainPrefix(document)
    const shaped = wellShaped(document)
    const first = firstWithId(document)
    const indices: number[] = []
    let repeats = false
    document.segments.forEach((segment, index) => {
      if (segment.merged || segment.prefix !== prefix || !shaped[index]) return
      indices.push(index)
      if (first[index] !== index) repeats = true
    })
    plain = {indices, run: increasingRun(indices.map((index) => document.segments[index]!.number)), repeats}
    plainRuns.set(document, plain)
  }
  return plain
}

/** For each segment (by index), whether its id has the shape `idShape`. */
export function wellShaped(document: BilingualDocument): readonly boolean[] {
  let shaped = shapes.get(document)
  if (!shaped) {
    shaped = document.segments.map((segment) => idShape.test(segment.id))
    shapes.set(document, shaped)
  }
  return shaped
}

/** The prefix most segments of the document have (the first one on a tie). */
export function mainPrefix(document: BilingualDocument): string | undefined {
  if (prefixes.has(document)) return prefixes.get(document)
  const prefix = countPrefixes(document)
  prefixes.set(document, prefix)
  return prefix
}

function countPrefixes(document: BilingualDocument): string | undefined {
  const counts = new Map<string, number>()
  const shaped = wellShaped(document)
  document.segments.forEach((segment, index) => {
    if (shaped[index]) counts.set(segment.prefix, (counts.get(segment.prefix) ?? 0) + 1)
  })
  let best: string | undefined
  let bestCount = 0
  for (const [prefix, count] of counts) {
    if (count > bestCount) {
      best = prefix
      bestCount = count
    }
  }
  return best
}

/**
 * Well-shaped segments of the main prefix, plain or merged, without repeats of an id already seen. Whether
 * a segment passes the filter depends on its id alone (prefix, `p`, shape), so an id seen among them is one
 * seen anywhere before: `firstWithId` tells.
 */
export function orderedSegments(document: BilingualDocument, merged: boolean): Segment[] {
  const prefix = mainPrefix(document)
  const shaped = wellShaped(document)
  const first = firstWithId(document)
  const result: Segment[] = []
  document.segments.forEach((segment, index) => {
    if (segment.merged !== merged || segment.prefix !== prefix || !shaped[index] || first[index] !== index) return
    result.push(segment)
  })
  return result
}

/**
 * The longest strictly increasing run of numbers (patience sorting), as a flag per index (1: in the
 * run; flags, not a set of indices: most indices are in it). The ids in order.
 * Everything else is out of order; judging against this run, not against the previous id, keeps one
 * misplaced id from making every id after it look wrong.
 */
export function increasingRun(numbers: number[]): Uint8Array {
  const tails: number[] = []
  const previous = new Array<number>(numbers.length).fill(-1)
  for (let index = 0; index < numbers.length; index++) {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (numbers[tails[middle]!]! < numbers[index]!) low = middle + 1
      else high = middle
    }
    if (low > 0) previous[index] = tails[low - 1]!
    tails[low] = index
  }
  const run = new Uint8Array(numbers.length)
  let index = tails.length > 0 ? tails[tails.length - 1]! : -1
  while (index >= 0) {
    run[index] = 1
    index = previous[index]!
  }
  return run
}

/** Report the ids (plain or merged) that are not in the longest increasing run. */
export function checkOrder(context: RuleContext, merged: boolean): void {
  const {document} = context
  const plain = merged ? undefined : plainRun(document)
  // Without repeated ids the plain segments are id-gap's, and so is their run.
  const shared = plain && !plain.repeats ? plain : undefined
  const segments = shared ? shared.indices.map((index) => document.segments[index]!) : orderedSegments(document, merged)
  const run = shared ? shared.run : increasingRun(segments.map((segment) => segment.number))
  let before: string | undefined
  segments.forEach((segment, index) => {
    if (run[index] === 1) {
      before = segment.id
      return
    }
    let after: string | undefined
    for (let next = index + 1; next < segments.length; next++) {
      if (run[next] === 1) {
        after = segments[next]!.id
        break
      }
    }
    const between = before && after ? `between \`${before}\` and \`${after}\`` : before ? `after \`${before}\`` : after ? `before \`${after}\`` : ''
    context.report(`${merged ? 'Merged id' : 'Id'} \`${segment.id}\` is out of order ${between}`.trimEnd(), segment.position.pair, {segment})
  })
}


/**
 * Image alt texts and link reference definitions' titles (`[img]: media/a.png "Figure 1: …"`), which the
 * localization system translates outside pairs: each takes a number from the sequence.
 */
const imageAlt = /!\[(?=\s*[^\]\s])|\balt-text\s*=\s*"[^"]+"|<img\b[^>]*\balt\s*=\s*"[^"]+"|(?<definition>^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+[ \t]+(?=["'(]))/gim

const mayHoldAlt = /!\[|alt|\]:/i

/** Numbers the image alt texts and definition titles of a skeleton stretch take: one per sentence of each. */
function altSentences(text: string): number {
  // Every match holds `![`, `]:` or (any case) `alt`: most skeleton stretches hold none.
  if (!mayHoldAlt.test(text)) return 0
  let count = 0
  for (const match of text.matchAll(imageAlt)) {
    if (match.groups?.['definition'] !== undefined) {
      const start = match.index + match[0].length
      const end = text.indexOf('\n', start)
      // The title without its delimiters (the line may end in spaces, a markdown line break).
      count += countSentences(text.slice(start + 1, end < 0 ? text.length : end).trimEnd().slice(0, -1))
      continue
    }
    if (!match[0].startsWith('!')) {
      count++
      continue
    }
    const rest = text.slice(match.index + 2, match.index + 2000)
    const end = rest.search(/\]\(|\n/)
    count += countSentences(end < 0 ? rest : rest.slice(0, end))
  }
  return count
}

/**
 * For each segment index k, how many translated image alt texts the skeleton holds before segment k:
 * `before[k] - before[j]` is the count between segments j and k.
 */
export function imagesBefore(document: BilingualDocument): readonly number[] {
  let before = imageCounts.get(document)
  if (!before) {
    before = countImagesBefore(document)
    imageCounts.set(document, before)
  }
  return before
}

function countImagesBefore(document: BilingualDocument): number[] {
  const before: number[] = []
  let count = 0
  for (const part of document.parts) {
    if (typeof part === 'string') count += altSentences(part)
    else before.push(count)
  }
  return before
}

/** Sentences in a source text: what a merged id stands for. A hint only (other abbreviations, code, URLs). */
export function countSentences(source: string): number {
  const prose = source
    .replace(/`[^`]*`/g, 'code')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ')
    // `vs.`, `e.g.` and `i.e.` end no sentence inside a text, as the localization system splits sources (it
    // does split after initials, `U.K. Driver's License` taking two numbers, and after `a.` in `a. Name`).
    .replace(/(?<![\p{L}\p{N}.])(?:vs|e\.g|i\.e)\.(?=\s*\S)/giu, 'abbr')
  // A stop ends a sentence before a space, or before the end (a source often keeps a space after its last
  // stop), also when closing emphasis, quotes or brackets come between (`**Bold.** Next`, `“Quoted.” Next`).
  const ends = prose.match(/[.!?。！？](?=[*_’”"'»)\]]*(?:\s+\S|\s*$))|[。！？](?=\S)/g) ?? []
  const trailing = /[.!?。！？][*_’”"'»)\]]*\s*$/.test(prose)
  return Math.max(1, ends.length + (trailing ? 0 : 1))
}
