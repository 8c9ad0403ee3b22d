/** What every format writer shares: unit ids, document metadata, target state, context notes. */
import type {BilingualDocument, Segment, SegmentContext} from '../document/types.js'
export {unitIds} from '../document/unit-ids.js'

export interface WriteOptions {
  /**
   * Write each source as its target (state `new` / `initial`), as Okapi Tikal does: OmegaT translates the
   * text of `<target>`.
   */
  copySource?: boolean
}

/** Front matter keys kept as document metadata (strings as written). */
export const METADATA_KEYS = [
  'ms.openlocfilehash',
  'ms.sourcegitcommit',
  'ms.locfileid',
  'ms.translationtype',
  'ms.contentlocale',
  'ms.lasthandoff'
] as const

/** The document's localization metadata from its front matter (only keys that are present). */
export function documentMetadata(document: BilingualDocument): Record<string, string> {
  const data = document.frontMatter?.data ?? {}
  const out: Record<string, string> = {}
  for (const key of METADATA_KEYS) {
    const value = data[key]
    if (value === undefined || value === null) continue
    out[key] = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value)
  }
  return out
}

/** `MT`, `HT`, … from `ms.translationtype`, upper-cased; `undefined` when absent. */
export function translationType(document: BilingualDocument): string | undefined {
  const value = document.frontMatter?.data['ms.translationtype']
  return typeof value === 'string' && value.trim() !== '' ? value.trim().toUpperCase() : undefined
}

/**
 * Why a pair is left out of a translation memory and counted as not translated, or undefined: `empty` (no
 * source text), `untranslated` (no target text, or the target is the source unchanged). `tmx` and `stats`
 * share this definition.
 */
export function untranslatedReason(segment: Segment): 'empty' | 'untranslated' | undefined {
  if (segment.source.trim() === '') return 'empty'
  if (segment.target.trim() === '' || segment.target === segment.source) return 'untranslated'
  return undefined
}

/** A target's state in XLIFF 1.2 vocabulary (JSON uses the same words). */
export interface TargetState {
  state: string
  qualifier?: string
  /** Human translation: XLIFF 1.2 `approved="yes"` (XLIFF 2.0 `final`), which CAT tools count as translated. */
  approved?: boolean
}

/** The five states `stateOfTarget` returns, shared (no object per segment). */
const NEW: TargetState = Object.freeze({state: 'new'})
const NEEDS_TRANSLATION: TargetState = Object.freeze({state: 'needs-translation'})
const NEEDS_REVIEW: TargetState = Object.freeze({state: 'needs-review-translation', qualifier: 'mt-suggestion'})
const TRANSLATED: TargetState = Object.freeze({state: 'translated'})
const APPROVED: TargetState = Object.freeze({state: 'translated', approved: true})

/**
 * The target state in XLIFF 1.2 vocabulary (JSON uses the same words): machine translation needs review,
 * human translation is translated and approved (translate-toolkit and CAT tools count only approved
 * units as translated), no statement is translated; an empty target for a non-empty source needs
 * translation; `copySource` makes every target `new`. `type` is the document's `translationType(document)`,
 * looked up once per document by the caller. The result is shared (frozen).
 */
export function stateOfTarget(segment: Segment, options: WriteOptions, type: string | undefined): TargetState {
  if (options.copySource) return NEW
  if (segment.target === '' && segment.source !== '') return NEEDS_TRANSLATION
  if (type === 'MT') return NEEDS_REVIEW
  if (type === 'HT') return APPROVED
  return TRANSLATED
}

const INITIAL_20 = Object.freeze({state: 'initial'} as const)
const MACHINE_20 = Object.freeze({state: 'translated', subState: 'sxs:machine-translation'} as const)
const TRANSLATED_20 = Object.freeze({state: 'translated'} as const)
const FINAL_20 = Object.freeze({state: 'final'} as const)

/**
 * A `TargetState` in XLIFF 2.0 vocabulary (`initial`, `translated`, `final` for an approved human
 * translation) with a `subState` for machine translation (shared, frozen).
 */
export function xliff20State({state, approved}: TargetState): {readonly state: 'initial' | 'translated' | 'final'; readonly subState?: string} {
  if (state === 'new' || state === 'needs-translation') return INITIAL_20
  if (state === 'needs-review-translation') return MACHINE_20
  return approved ? FINAL_20 : TRANSLATED_20
}

/** One line for translators: `tableCell (table 1, row 2, column 3) · merged paragraph · line 40`. */
export function describeContext(segment: Segment): string {
  return describeContextOf(segment.context) + describeOwnPlace(segment)
}

/**
 * What `describeContext` says of the segment itself after its context's words: a merged paragraph, its line.
 * Plain text (nothing XML escapes): the XLIFF writers append it to the context's words, made once per context.
 */
export function describeOwnPlace(segment: Segment): string {
  return (segment.merged ? ' · merged paragraph (p id: several source sentences)' : '') + ` · line ${segment.position.pair.start.line}`
}

/** The part of `describeContext` that the context alone says (`tableCell (table 1, row 2, column 3)`). */
export function describeContextOf(context: SegmentContext): string {
  // Built by concatenation (no array of parts): it runs for every distinct context of both XLIFF writers.
  let out: string = context.kind
  if (context.headingDepth !== undefined) out += ` (depth ${context.headingDepth})`
  if (context.alert !== undefined) out += ` (${context.alert})`
  if (context.table) {
    out += ` · ${context.table.html ? 'HTML table' : 'table'} ${context.table.index + 1}, ${context.table.row === 0 ? 'header row' : `row ${context.table.row}`}, column ${context.table.column + 1}`
  }
  if (context.link) out += ` · ${context.link.image ? 'image' : 'link'} to ${context.link.url}`
  if (context.listDepth !== undefined) out += ` · list depth ${context.listDepth}`
  return out
}

/**
 * Segments per piece of a writer's text (see `piecesOf`). Small enough that a piece, once V8 flattens it
 * to encode it (two bytes a character where a target is CJK or Hebrew), stays under V8's 128 KB limit
 * for young objects: larger strings go to the large-object space, which only a full GC frees. 256 (pieces
 * of 200-400 KB) took 15-25 % more time to write and encode XLIFF 1.2 than 32 or 64 (same result from 24).
 */
export const segmentsPerPiece = 32

/**
 * A writer's text for `items` in pieces of `segmentsPerPiece` items each (`write` per item, concatenated):
 * extract encodes each piece to bytes as it comes, so the text of a large document never exists whole, and
 * V8 never flattens one rope of tens of megabytes to encode it.
 */
export function* piecesOf<T>(items: readonly T[], write: (item: T) => string): Generator<string> {
  for (let start = 0; start < items.length; start += segmentsPerPiece) {
    let piece = ''
    for (let index = start; index < Math.min(items.length, start + segmentsPerPiece); index++) piece += write(items[index]!)
    yield piece
  }
}
