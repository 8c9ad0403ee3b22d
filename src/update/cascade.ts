/**
 * The match cascade: for one new English sentence, the first of these that applies decides what the new
 * document holds and whether a translator must look at it.
 *
 * 1. `exact`: the same source in the old block at this place (its target, as it was);
 * 2. `moved`: the same source elsewhere in the old document;
 * 3. `merged`: an old merged (`p`) unit whose whole source this is (kept whole: its target cannot be cut);
 * 4. `text-only`: the same words, only markup, URLs, entities or white space changed: the old target with
 *    its codes repaired from the new source (kind by kind; a kind whose count changed, such as bold added,
 *    stays as it was and the unit is marked for review, not sent to the translator);
 * 5. `memory`: a translated unit of the extra memory (`--memory`, memory.ts) whose source is this sentence;
 * 6. `sub-segment`: the sentence occurs word for word inside an old merged unit (offered, not placed);
 * 7. `fuzzy`: the most similar old source scores at least the threshold (offered, not placed);
 * 8. `new`.
 *
 * Classes 6-8 leave the English as the target and go to the translator
 * with the old source and target as a candidate.
 */
import type {Segment} from '../document/types.js'
import {codeParity} from '../inline/parity.js'
import {wordsOnly} from './normalize.js'
import {repairTarget} from './repair.js'
import {fuzzyScore, tokenScore, tokens} from './score.js'
import type {MemoryUnit} from './memory.js'

export type MatchClass = 'exact' | 'moved' | 'merged' | 'text-only' | 'memory' | 'sub-segment' | 'fuzzy' | 'new'

export const matchClasses: readonly MatchClass[] = ['exact', 'moved', 'merged', 'text-only', 'memory', 'sub-segment', 'fuzzy', 'new']

/** Classes whose units a translator must see. */
export function needsWork(match: MatchClass): boolean {
  return match === 'sub-segment' || match === 'fuzzy' || match === 'new'
}

export interface Candidate {
  segment: Segment
  score: number
}

export interface Match {
  class: MatchClass
  /** What the new document's target is. */
  target: string
  /** The old segment reused (exact, moved, merged, text-only). */
  reused?: Segment
  /** The old segment offered to the translator (sub-segment, fuzzy, text-only without repair). */
  candidate?: Candidate
  /** text-only whose markup could not all be carried over (bold added, a link removed): for review. */
  markupToReview?: boolean
  /** The extra memory's unit placed (`memory`). */
  memoryUnit?: MemoryUnit
}

/** What the cascade looks things up in: the old document's segments, indexed once. */
export interface Memory {
  segments: readonly Segment[]
  bySource: Map<string, Segment[]>
  byWords: Map<string, Segment[]>
  merged: Segment[]
  /** Old segments reused so far (a repeated source prefers an unused one). */
  used: Set<Segment>
  /** Old segments offered as a candidate so far. */
  offered: Set<Segment>
  /** Each old source's tokens, made when first scored. */
  tokens: Map<Segment, string[]>
  /** The translated unit of the extra memory with this source (`--memory`, memory.ts `memoryLookup`). */
  extra: (source: string) => MemoryUnit | undefined
}

export function createMemory(segments: readonly Segment[], extra: (source: string) => MemoryUnit | undefined = () => undefined): Memory {
  const bySource = new Map<string, Segment[]>()
  const byWords = new Map<string, Segment[]>()
  const merged: Segment[] = []
  for (const segment of segments) {
    push(bySource, segment.source, segment)
    const words = wordsOnly(segment.source)
    if (words !== '') push(byWords, words, segment)
    if (segment.merged) merged.push(segment)
  }
  return {segments, bySource, byWords, merged, used: new Set(), offered: new Set(), tokens: new Map(), extra}
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Run the cascade for `source`; `place` is the old block aligned with the new one (its segments), if any. */
export function matchSentence(source: string, place: readonly Segment[], memory: Memory, threshold: number): Match {
  const inPlace = place.filter((segment) => segment.source === source)
  const same = memory.bySource.get(source) ?? []
  const pick = (list: readonly Segment[]): Segment | undefined => list.find((segment) => !memory.used.has(segment)) ?? list[0]
  const local = pick(inPlace)
  if (local) return reuse(local.merged ? 'merged' : 'exact', local, memory)
  const elsewhere = pick(same)
  if (elsewhere) return reuse(elsewhere.merged ? 'merged' : 'moved', elsewhere, memory)

  const words = wordsOnly(source)
  const sameWords = words === '' ? [] : (memory.byWords.get(words) ?? [])
  // A translated unit of the extra memory with exactly this source: a translation, placed (beats fuzzy).
  const extra = memory.extra(source.replace(/\r\n/g, '\n'))
  const fromFile = extra && !codeParity(source, extra.target).some((problem) => problem.major) ? extra : undefined
  const textOnly = pick([...sameWords.filter((segment) => place.includes(segment)), ...sameWords])
  if (textOnly) {
    const repaired = repairTarget(textOnly.source, textOnly.target, source)
    // The repaired target must keep what the page needs of the new source's codes (links, images, code,
    // HTML: parity's major problems, what merge and check refuse); an HTML link the English rewrote as
    // markdown cannot be repaired so, and goes to the translator with the old target as its candidate.
    if (repaired !== undefined && !codeParity(source, repaired.text).some((problem) => problem.major)) {
      memory.used.add(textOnly)
      return {class: 'text-only', target: repaired.text, reused: textOnly, ...(repaired.complete ? {} : {markupToReview: true})}
    }
    if (!fromFile) return offer('fuzzy', source, {segment: textOnly, score: fuzzyScore(textOnly.source, source)}, memory)
  }
  if (fromFile) return {class: 'memory', target: fromFile.target, memoryUnit: fromFile}

  if (words.split(' ').length >= 3) {
    const holder = memory.merged.find((segment) => segment.source.includes(source))
    if (holder) return offer('sub-segment', source, {segment: holder, score: fuzzyScore(holder.source, source)}, memory)
  }

  const best = bestFuzzy(source, place, memory, threshold)
  if (best) return offer('fuzzy', source, best, memory)
  return {class: 'new', target: source}
}

function reuse(match: MatchClass, segment: Segment, memory: Memory): Match {
  memory.used.add(segment)
  return {class: match, target: segment.target, reused: segment}
}

function offer(match: MatchClass, source: string, candidate: Candidate, memory: Memory): Match {
  memory.offered.add(candidate.segment)
  return {class: match, target: source, candidate}
}

/**
 * The most similar old source at or above the threshold: the place's segments first, then every segment.
 * A pair of token counts bounds the score (100 · shorter / longer), which skips most candidates unscored.
 */
function bestFuzzy(source: string, place: readonly Segment[], memory: Memory, threshold: number): Candidate | undefined {
  const mine = tokens(source)
  let best: Candidate | undefined
  const consider = (segment: Segment): void => {
    let theirs = memory.tokens.get(segment)
    if (theirs === undefined) {
      theirs = tokens(segment.source)
      memory.tokens.set(segment, theirs)
    }
    const bound = (100 * Math.min(mine.length, theirs.length)) / Math.max(1, mine.length, theirs.length)
    if (bound < threshold || (best && bound <= best.score)) return
    const score = tokenScore(theirs, mine)
    if (score >= threshold && (!best || score > best.score)) best = {segment, score}
  }
  place.forEach(consider)
  const inPlace = new Set(place)
  for (const segment of memory.segments) if (!inPlace.has(segment)) consider(segment)
  return best
}
