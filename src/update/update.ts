/**
 * `update(old, english)`: the old bilingual document brought to a new English revision. The skeleton comes
 * from the new English; blocks the English did not change are copied from the old document verbatim
 * (pairs, targets, merged units, heading anchors); changed and new blocks are cut into sentences (old
 * boundaries first, SRX rules for the rest) and each sentence goes through the match cascade (cascade.ts).
 * Ids are then renumbered positionally (ids.ts), unless every pair is the old one in its old place.
 * Pure: strings and the parsed document in, strings and records out.
 */
import type {BilingualDocument, LineEnding} from '../document/types.js'
import {withLineEnding} from '../document/line-ending.js'
import {parse} from '../document/parse.js'
import {ParseError} from '../document/messages.js'
import {print, printSegment} from '../document/print.js'
import {readFrontMatterAt} from '../document/front-matter.js'
import {mainPrefix} from '../check/ids.js'
import {readBlocks} from './read-blocks.js'
import {readOldDocument, type OldBlock} from './old-blocks.js'
import {alignBlocks} from './align.js'
import {createMemory, matchClasses, matchSentence, needsWork, type Match, type MatchClass} from './cascade.js'
import {frontMatterBlock, sha1, updateFrontMatter, type FrontMatterResult} from './front-matter.js'
import {positionalIds} from './ids.js'
import {joinWrappedLines} from './wrap.js'
import {headingSlug, usesHeadingAnchors} from './anchors.js'
import {translatedAlts, withOldAlts} from './alts.js'
import {mirrorJoins} from './joins.js'
import {indexByFirstWord, unitsOf} from './units.js'
import {applyMemory, indexMemory, memoryLookup, type MemoryIndex, type MemoryUnit} from './memory.js'

export interface UpdateOptions {
  /** Lowest fuzzy score (0-100) offered as a candidate; default 75. */
  threshold?: number
  /** `ms.sourcegitcommit` of the new English. */
  sourceCommit?: string | undefined
  /** `ms.lasthandoff` to write. */
  handoffDate?: string | undefined
  /** Path of the new document, for its messages. */
  path?: string | undefined
  /**
   * The English the old document was made from (`--old-english`): tells whether the translated front-matter
   * keys (`title`, `description`, `keywords`) changed, which the bilingual document cannot.
   */
  oldEnglish?: string | undefined
  /** Translated units of extra memory files (`--memory`, memory.ts), matched by source; indexed once for a batch. */
  memory?: readonly MemoryUnit[] | MemoryIndex | undefined
  /** Whether a memory unit's document (its file's `original`/`path`) is the one updated: it wins a tie of unit ids. */
  memoryDocument?: ((document: string | undefined) => boolean) | undefined
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
  /** The target came from an extra memory file: its unit (reused old pairs whose target it gave, and `memory`). */
  memory?: {file: string; unit: string}
}

/**
 * The new English is too complex for remark where the fast path declines it (document/complexity.ts): the
 * ParseError with the text its offset is in (the English with the old document's line endings: the same lines
 * and columns as the file).
 */
export class EnglishParseError extends Error {
  constructor(
    readonly error: ParseError,
    readonly text: string
  ) {
    super(error.message)
    this.name = 'EnglishParseError'
  }
}

function readEnglish(english: string): ReturnType<typeof readBlocks> {
  try {
    return readBlocks(english)
  } catch (error) {
    if (error instanceof ParseError) throw new EnglishParseError(error, english)
    throw error
  }
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
  frontMatter: Omit<FrontMatterResult, 'text'> & {openlocfilehash: string}
  /** False when every pair is the old one in its old place: the old ids still describe the document. */
  renumbered: boolean
  /** The old document the update worked from: the given one with the extra memory's targets (memory.ts). */
  base: BilingualDocument
  /** Old pairs whose target the extra memory gave (by old id). */
  memoryApplied: Array<{id: string; file: string; unit: string}>
}

interface Pending {
  match: Match
  source: string
}

export function update(given: BilingualDocument, englishBytes: string, options: UpdateOptions = {}): UpdateResult {
  const threshold = options.threshold ?? 75
  const extra = indexMemory(options.memory ?? [])
  const {document: old, applied} = applyMemory(given, extra, options.memoryDocument)
  const fromMemory = new Map(applied.map((entry) => [entry.id, {file: entry.file, unit: entry.unit}]))
  // The new document keeps the old one's line endings (the pipeline writes LF whatever the English has);
  // the hash is still of the English as given.
  const english = sameLineEndings(englishBytes, old.eol)
  const oldReading = readOldDocument(old)
  const newReading = readEnglish(english)
  newReading.blocks = mirrorJoins(english, newReading.blocks, oldReading.blocks)
  const matches = alignBlocks(
    oldReading.blocks.map((block) => block.key),
    newReading.blocks.map((block) => block.key)
  )
  const memory = createMemory(old.segments, memoryLookup(extra, old.eol))
  const byFirstWord = indexByFirstWord(old.segments)
  const prefix = mainPrefix(old) ?? sha1(english).slice(0, 5)
  const pieces: string[] = []
  const pending: Pending[] = []
  const blocks = {same: 0, moved: 0, changed: 0, added: 0}

  const englishFront = newReading.frontMatterEnd > 0 ? english.slice(0, newReading.frontMatterEnd) : ''
  const front = updateFrontMatter(oldReading.frontMatter, englishFront, englishBytes, {
    sourceCommit: options.sourceCommit,
    handoffDate: options.handoffDate,
    oldEnglish: options.oldEnglish === undefined ? undefined : frontMatterBlock(options.oldEnglish)
  })
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
    const memoryUnit = match.memoryUnit
    if (memoryUnit) unit.memory = {file: memoryUnit.file, unit: memoryUnit.id}
    else if (match.reused && fromMemory.has(match.reused.id)) unit.memory = fromMemory.get(match.reused.id)!
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
    frontMatter: {
      openlocfilehash: hashLine?.[1] ?? sha1(englishBytes),
      changed: front.changed,
      notCarried: front.notCarried,
      translate: front.translate,
      kept: front.kept,
      unverified: front.unverified,
      removed: front.removed
    },
    renumbered: !identity,
    base: old,
    memoryApplied: applied.map(({id, file, unit}) => ({id, file, unit}))
  }
}

/** The English with the document's line ending, when it uses the other one throughout (mixed files stay as they are). */
function sameLineEndings(text: string, eol: LineEnding): string {
  const crlf = text.includes('\r\n')
  const loneLf = /(?<!\r)\n/.test(text)
  if (eol === '\n') return crlf && !loneLf ? text.replace(/\r\n/g, '\n') : text
  return !crlf && loneLf ? withLineEnding(text, eol) : text
}

function parseOptions(options: UpdateOptions): {path?: string} {
  return options.path === undefined ? {} : {path: options.path}
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
