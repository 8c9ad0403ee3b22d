/**
 * What the id rules share: well-shaped ids, the file's prefix, and the longest run of ids in order. Pure
 * functions of a document (src/update calls some of them too); `createIdFacts` computes each once per
 * `check` run, lazily, for the rules to read through `context.facts.ids`. No module-level cache: a document
 * edited between two runs is read afresh.
 */
import type {BilingualDocument, Segment} from '../document/types.js'
import type {RuleContext} from './rule.js'

const idShape = /^[0-9a-f]{5}-p?\d+$/

/** The plain, well-shaped segments of the main prefix and the longest increasing run of their numbers. */
export interface PlainRun {
  indices: number[]
  run: Uint8Array
  /** Whether an id repeats among them. */
  repeats: boolean
}

/** The id facts of one document, each computed when a rule first asks. */
export interface IdFacts {
  /** For each segment (by index), whether its id has the shape `xxxxx-N` / `xxxxx-pN`. */
  readonly shaped: readonly boolean[]
  /** The prefix most well-shaped segments have. */
  readonly prefix: string | undefined
  /** For each segment (by index), the index of the first segment with its id. */
  readonly first: Int32Array
  readonly plain: PlainRun
  /** For each segment (by index), how many translated image alt texts the skeleton holds before it. */
  readonly imagesBefore: readonly number[]
}

export function createIdFacts(document: BilingualDocument): IdFacts {
  let shaped: readonly boolean[] | undefined
  let prefix: {value: string | undefined} | undefined
  let first: Int32Array | undefined
  let plain: PlainRun | undefined
  let images: readonly number[] | undefined
  const facts: IdFacts = {
    get shaped() {
      return (shaped ??= wellShaped(document))
    },
    get prefix() {
      return (prefix ??= {value: mainPrefix(document, facts.shaped)}).value
    },
    get first() {
      return (first ??= firstWithId(document))
    },
    get plain() {
      return (plain ??= plainRun(document, facts.prefix, facts.shaped, facts.first))
    },
    get imagesBefore() {
      return (images ??= imagesBefore(document))
    }
  }
  return facts
}

/** For each segment (by index), the index of the first segment with its id: itself, unless its id is a repeat. */
export function firstWithId(document: BilingualDocument): Int32Array {
  const first = new Int32Array(document.segments.length)
  const seen = new Map<string, number>()
  document.segments.forEach((segment, index) => {
    const earlier = seen.get(segment.id)
    if (earlier === undefined) seen.set(segment.id, index)
    first[index] = earlier ?? index
  })
  return first
}

/**
 * The plain, well-shaped segments of the main prefix (indices, repeated ids too) and the longest
 * increasing run of their numbers; `repeats` tells whether an id repeats among them. id-gap reads it, and
 * id-order too when no id repeats (its segments are then the same).
 */
export function plainRun(document: BilingualDocument, prefix = mainPrefix(document), shaped = wellShaped(document), first = firstWithId(document)): PlainRun {
  const indices: number[] = []
  let repeats = false
  document.segments.forEach((segment, index) => {
    if (segment.merged || segment.prefix !== prefix || !shaped[index]) return
    indices.push(index)
    if (first[index] !== index) repeats = true
  })
  return {indices, run: increasingRun(indices.map((index) => document.segments[index]!.number)), repeats}
}

/** For each segment (by index), whether its id has the shape `idShape`. */
export function wellShaped(document: BilingualDocument): readonly boolean[] {
  return document.segments.map((segment) => idShape.test(segment.id))
}

/** The prefix most segments of the document have (the first one on a tie). */
export function mainPrefix(document: BilingualDocument, shaped = wellShaped(document)): string | undefined {
  const counts = new Map<string, number>()
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
export function orderedSegments(document: BilingualDocument, merged: boolean, ids: IdFacts): Segment[] {
  const {prefix, shaped, first} = ids
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
  const ids = context.facts.ids
  const plain = merged ? undefined : ids.plain
  // Without repeated ids the plain segments are id-gap's, and so is their run.
  const shared = plain && !plain.repeats ? plain : undefined
  const segments = shared ? shared.indices.map((index) => document.segments[index]!) : orderedSegments(document, merged, ids)
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
export function imagesBefore(document: BilingualDocument): number[] {
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
