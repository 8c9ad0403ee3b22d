/**
 * `update(old, english)`: the old bilingual document brought to a new English revision. The skeleton comes
 * from the new English; blocks the English did not change are copied from the old document verbatim
 * (pairs, targets, merged units, heading anchors); changed and new blocks are cut into sentences (old
 * boundaries first, SRX rules for the rest) and each sentence goes through the match cascade (cascade.ts).
 * Ids are then renumbered positionally (ids.ts), unless every pair is the old one in its old place.
 * Pure: strings and the parsed document in, strings and records out.
 */
import type {BilingualDocument, Segment} from '../document/types.js'
import {parse} from '../document/parse.js'
import {print, printSegment} from '../document/print.js'
import {readFrontMatterAt} from '../document/front-matter.js'
import {mainPrefix} from '../check/ids.js'
import {blockKey, linkText, readBlocks, type Block, type TextRange} from './blocks.js'
import {readOldDocument, type OldBlock} from './old-blocks.js'
import {alignBlocks} from './align.js'
import {separators, splitSentences} from './segment.js'
import {createMemory, matchClasses, matchSentence, needsWork, type Match, type MatchClass} from './cascade.js'
import {sha1, updateFrontMatter} from './front-matter.js'
import {positionalIds} from './ids.js'
import {wordsOnly} from './normalize.js'
import {joinWrappedLines} from './wrap.js'
import {headingSlug, usesHeadingAnchors} from './anchors.js'

export interface UpdateOptions {
  /** Lowest fuzzy score (0-100) offered as a candidate; default 75. */
  threshold?: number
  /** `ms.sourcegitcommit` of the new English. */
  sourceCommit?: string | undefined
  /** `ms.lasthandoff` to write. */
  handoffDate?: string | undefined
  /** Path of the new document, for its messages. */
  path?: string | undefined
}

export interface UnitCandidate {
  id: string
  source: string
  target: string
  score: number
}

/** One pair of the new document and how it came to be. */
export interface UpdatedUnit {
  id: string
  class: MatchClass
  source: string
  target: string
  /** Id of the old pair reused (exact, moved, merged, text-only). */
  oldId?: string
  /** The old pair offered to the translator (sub-segment, fuzzy). */
  candidate?: UnitCandidate
  /** Whether a translator must see the unit. */
  needsWork: boolean
  /** text-only whose markup could not all be carried over: the translation kept, `check` shows the difference. */
  markupToReview?: boolean
}

export interface UpdateResult {
  text: string
  document: BilingualDocument
  units: UpdatedUnit[]
  counts: Record<MatchClass, number>
  /** Old pairs neither reused nor offered as a candidate: their sentences left the English. */
  deleted: Array<{id: string; source: string; target: string}>
  /** Old id → new id of every reused pair. */
  idMap: Record<string, string>
  blocks: {same: number; moved: number; changed: number; added: number}
  frontMatter: {openlocfilehash: string; changed: string[]; notCarried: string[]}
  /** False when every pair is the old one in its old place: the old ids still describe the document. */
  renumbered: boolean
}

interface Pending {
  match: Match
  source: string
}

export function update(old: BilingualDocument, englishBytes: string, options: UpdateOptions = {}): UpdateResult {
  const threshold = options.threshold ?? 75
  // The new document keeps the old one's line endings (the pipeline writes LF whatever the English has);
  // the hash is still of the English as given.
  const english = sameLineEndings(englishBytes, old.eol)
  const oldReading = readOldDocument(old)
  const newReading = readBlocks(english)
  newReading.blocks = mirrorJoins(english, newReading.blocks, oldReading.blocks)
  const matches = alignBlocks(
    oldReading.blocks.map((block) => block.key),
    newReading.blocks.map((block) => block.key)
  )
  const memory = createMemory(old.segments)
  const byFirstWord = indexByFirstWord(old.segments)
  const prefix = mainPrefix(old) ?? sha1(english).slice(0, 5)
  const pieces: string[] = []
  const pending: Pending[] = []
  const blocks = {same: 0, moved: 0, changed: 0, added: 0}

  const englishFront = newReading.frontMatterEnd > 0 ? english.slice(0, newReading.frontMatterEnd) : ''
  const front = updateFrontMatter(oldReading.frontMatter, englishFront, englishBytes, options)
  pieces.push(oldReading.frontMatter !== '' ? front.text : englishFront)
  let cursor = newReading.frontMatterEnd
  let placeholder = 0
  const alts = translatedAlts(old)
  const anchors = usesHeadingAnchors(oldReading.blocks.filter((block) => block.kind === 'heading').map((block) => oldReading.text.slice(block.start, block.end)))

  newReading.blocks.forEach((block, index) => {
    const match = matches[index]!
    const oldBlock = match.kind === 'changed' ? undefined : oldReading.blocks[match.old]!
    const gap = english.slice(cursor, block.start)
    pieces.push(oldBlock?.head && gap.endsWith(oldBlock.head) ? gap.slice(0, gap.length - oldBlock.head.length) : gap)
    cursor = block.end
    if (oldBlock && match.kind !== 'changed') {
      blocks[match.kind]++
      if (oldBlock.tail && english.startsWith(oldBlock.tail, cursor)) cursor += oldBlock.tail.length
      for (const part of oldBlock.parts) {
        if (typeof part === 'string') {
          pieces.push(part)
          continue
        }
        memory.used.add(part)
        pieces.push(printSegment(part))
        pending.push({source: part.source, match: {class: match.kind === 'same' ? 'exact' : 'moved', target: part.target, reused: part}})
      }
      return
    }
    const place: OldBlock | undefined = match.old === undefined ? undefined : oldReading.blocks[match.old]
    blocks[place ? 'changed' : 'added']++
    const local = joinWrappedLines(
      english.slice(block.start, block.end),
      block.ranges.map((range) => ({start: range.start - block.start, end: range.end - block.start}))
    )
    let at = 0
    // A changed or new heading gets the pipeline's anchor before its first pair, as the old ones have.
    let anchor =
      anchors && block.kind === 'heading' && local.ranges.length > 0 && !/<a\s+(?:name|id)=/.test(local.text)
        ? `<a name="${headingSlug(local.text.slice(local.ranges[0]!.start, local.ranges[local.ranges.length - 1]!.end))}"></a>`
        : ''
    for (const range of local.ranges) {
      for (const unit of unitsOf(local.text, range, byFirstWord, new Set(place?.segments ?? []))) {
        pieces.push(withOldAlts(local.text.slice(at, unit.start), alts) + anchor)
        anchor = ''
        at = unit.end
        const source = local.text.slice(unit.start, unit.end)
        const found = matchSentence(source, place?.segments ?? [], memory, threshold)
        pending.push({source, match: found})
        pieces.push(pairText(found, source, `${prefix}-${900000 + placeholder++}`))
      }
    }
    pieces.push(withOldAlts(local.text.slice(at), alts))
  })
  pieces.push(english.slice(cursor))

  const assembled = parse(pieces.join(''), parseOptions(options))
  if (assembled.segments.length !== pending.length) {
    throw new Error(`update: the new document reads as ${assembled.segments.length} pairs where ${pending.length} were written`)
  }
  const identity = pending.length === old.segments.length && pending.every((item, index) => item.match.class === 'exact' && item.match.reused === old.segments[index])
  let document = assembled
  if (!identity) {
    const englishData = newReading.frontMatterEnd > 0 ? readFrontMatterAt(english, 0, newReading.frontMatterEnd).data : undefined
    const ids = positionalIds(assembled, prefix, englishData)
    let index = 0
    const parts = assembled.parts.map((part) => {
      if (typeof part === 'string') return part
      const id = ids[index++]!
      return {...part, id, sourceId: id, markup: {open: rename(part.markup.open, part.id, id), middle: rename(part.markup.middle, part.sourceId, id), close: part.markup.close}}
    })
    document = parse(print({...assembled, parts}), parseOptions(options))
  }

  const counts = Object.fromEntries(matchClasses.map((name) => [name, 0])) as Record<MatchClass, number>
  const idMap: Record<string, string> = {}
  const units = document.segments.map((segment, index): UpdatedUnit => {
    const {match} = pending[index]!
    counts[match.class]++
    const unit: UpdatedUnit = {id: segment.id, class: match.class, source: segment.source, target: segment.target, needsWork: needsWork(match.class)}
    if (match.markupToReview) unit.markupToReview = true
    if (match.reused) {
      unit.oldId = match.reused.id
      idMap[match.reused.id] ??= segment.id
    }
    if (match.candidate) {
      const {segment: old, score} = match.candidate
      unit.candidate = {id: old.id, source: old.source, target: old.target, score}
    }
    return unit
  })
  const deleted = old.segments.filter((segment) => !memory.used.has(segment) && !memory.offered.has(segment)).map(({id, source, target}) => ({id, source, target}))
  const text = print(document)
  const hashLine = /^ms\.openlocfilehash:\s*(\S+)/m.exec(front.text)
  return {
    text,
    document,
    units,
    counts,
    deleted,
    idMap,
    blocks,
    frontMatter: {openlocfilehash: hashLine?.[1] ?? sha1(englishBytes), changed: front.changed, notCarried: front.notCarried},
    renumbered: !identity
  }
}

/** The English with the document's line ending, when it uses the other one throughout (mixed files stay as they are). */
function sameLineEndings(text: string, eol: '\n' | '\r\n'): string {
  const crlf = text.includes('\r\n')
  const loneLf = /(?<!\r)\n/.test(text)
  if (eol === '\n') return crlf && !loneLf ? text.replace(/\r\n/g, '\n') : text
  return !crlf && loneLf ? text.replace(/\n/g, '\r\n') : text
}

function parseOptions(options: UpdateOptions): {path?: string} {
  return options.path === undefined ? {} : {path: options.path}
}

/**
 * Image alt texts of the old document's skeleton (translated in place by the pipeline), by image source: a
 * changed block keeps the translated alt text of an image it still shows.
 */
function translatedAlts(old: BilingualDocument): Map<string, string> {
  const alts = new Map<string, string>()
  for (const part of old.parts) {
    if (typeof part !== 'string' || !part.includes('![')) continue
    for (const match of part.matchAll(/!\[([^\]\n]*)\]\(([^)\s]+)/g)) if (!alts.has(match[2]!)) alts.set(match[2]!, match[1]!)
  }
  return alts
}

function withOldAlts(skeleton: string, alts: ReadonlyMap<string, string>): string {
  if (alts.size === 0 || !skeleton.includes('![')) return skeleton
  return skeleton.replace(/!\[([^\]\n]*)\]\(([^)\s]+)/g, (whole, _alt: string, source: string) => {
    const alt = alts.get(source)
    return alt === undefined ? whole : `![${alt}](${source}`
  })
}

/** The id inside a span's attribute, replaced (the rest of the markup as written). */
function rename(markup: string, from: string, to: string): string {
  for (const quote of ['"', "'"]) {
    const at = markup.indexOf(`${quote}${from}${quote}`)
    if (at >= 0) return markup.slice(0, at + 1) + to + markup.slice(at + 1 + from.length)
  }
  return markup
}

/** A pair for a sentence: the old pair's markup when one is reused, a fresh one otherwise. */
function pairText(match: Match, source: string, id: string): string {
  if (match.reused) {
    return printSegment({...match.reused, source, target: match.target})
  }
  return `<span data-ttu-id="${id}">${match.target}</span><span class="sxs-lookup"><span data-stu-id="${id}">${source}</span></span>`
}

/**
 * Where the old document had to join blocks (a pair runs across them), join the same run of English
 * blocks when their text is the joined block's: so that an unchanged stretch is still one block on each side.
 */
function mirrorJoins(english: string, blocks: Block[], old: readonly OldBlock[]): Block[] {
  const joinedByFirst = new Map<string, OldBlock[]>()
  for (const block of old) {
    if (block.members < 2) continue
    const list = joinedByFirst.get(block.firstKey)
    if (list) list.push(block)
    else joinedByFirst.set(block.firstKey, [block])
  }
  if (joinedByFirst.size === 0) return blocks
  const result: Block[] = []
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!
    const joined = joinedByFirst.get(block.key)?.find((candidate) => {
      const last = blocks[index + candidate.members - 1]
      return last !== undefined && blockKey(english.slice(block.start, last.end)) === candidate.key
    })
    if (!joined) {
      result.push(block)
      continue
    }
    const members = blocks.slice(index, index + joined.members)
    result.push({start: block.start, end: members[members.length - 1]!.end, kind: block.kind, key: joined.key, ranges: members.flatMap((member) => member.ranges)})
    index += joined.members - 1
  }
  return result
}

/** Old segments by the first word of their source (what a sentence start is looked up by). */
function indexByFirstWord(segments: readonly Segment[]): Map<string, Segment[]> {
  const map = new Map<string, Segment[]>()
  for (const segment of segments) {
    const word = firstWord(segment.source, 0)
    if (word === '') continue
    const list = map.get(word)
    if (list) list.push(segment)
    else map.set(word, [segment])
  }
  return map
}

const wordsCache = new WeakMap<Segment, string>()

function wordsOf(segment: Segment): string {
  let words = wordsCache.get(segment)
  if (words === undefined) {
    words = wordsOnly(segment.source)
    wordsCache.set(segment, words)
  }
  return words
}

function firstWord(text: string, at: number): string {
  return /^\S{1,24}/.exec(text.slice(at, at + 24))?.[0] ?? ''
}

/**
 * The units of one prose range: at each sentence start, the longest old source that occurs there and ends
 * at a plausible boundary (before white space for a pair of the aligned old block; for any other, also at a
 * sentence end by the rules or after a stop) (old boundaries are kept where the text did not change), else the next sentence
 * by the SRX rules.
 */
export function unitsOf(text: string, range: TextRange, byFirstWord: Map<string, Segment[]>, local: ReadonlySet<Segment> = new Set()): TextRange[] {
  const sentences = splitSentences(text, range)
  const ends = new Set(sentences.map((sentence) => sentence.end))
  const gaps = separators(text, range)
  const units: TextRange[] = []
  let p = range.start
  while (p < range.end) {
    while (p < range.end && /\s/.test(text[p]!)) p++
    const gap = gaps.find((candidate) => candidate.start <= p && p < candidate.end)
    if (gap) {
      p = gap.end
      continue
    }
    if (p >= range.end) break
    let best = 0
    for (const segment of byFirstWord.get(firstWord(text, p)) ?? []) {
      const length = segment.source.length
      if (length <= best || p + length > range.end || !text.startsWith(segment.source, p)) continue
      const end = p + length
      // The aligned old block's own boundaries are the pipeline's for this text: trusted before white space.
      const plausible =
        end === range.end ||
        (local.has(segment) && /\s/.test(text[end]!)) || ends.has(end) || /\s$/.test(segment.source) || (/[.!?:;][)\]"'”’*_]*$/.test(segment.source) && /\s/.test(text[end]!))
      if (plausible) best = length
    }
    if (best > 0) {
      units.push({start: p, end: p + best})
      p += best
      continue
    }
    // The same words as an old source up to a sentence end (a URL or markup changed): its boundary too.
    let wordEnd = 0
    const starting = byFirstWord.get(firstWord(text, p)) ?? []
    if (starting.length > 0) {
      const wanted = new Set(starting.map(wordsOf))
      for (const end of [...ends, range.end]) {
        if (end > p && end > wordEnd && wanted.has(wordsOnly(text.slice(p, end)))) wordEnd = end
      }
    }
    if (wordEnd > 0) {
      units.push({start: p, end: wordEnd})
      p = wordEnd
      continue
    }
    const next = sentences.find((sentence) => sentence.end > p)
    let end = next ? next.end : range.end
    const nextGap = gaps.find((candidate) => candidate.start >= p)
    if (nextGap && nextGap.start < end) end = nextGap.start
    // A piece that is one link and nothing else (between list tags in a cell): the pair is its text.
    units.push(linkText(text, {start: p, end}))
    p = end
  }
  return units
}

