/**
 * What every writer needs of one document, computed once: unit ids, each segment's coded source and target
 * (the inline tokenizer is the writers' largest cost), and target states. `writeFormats` prepares a document
 * once for all the formats it writes; each `write…` function prepares for itself.
 */
import type {BilingualDocument, Segment, SegmentContext} from '../document/types.js'
import {codeSegment} from '../inline/index.js'
import type {CodedSegment} from '../inline/types.js'
import {describeContextOf, describeOwnPlace, stateOfTarget, translationType, unitIds, type TargetState, type WriteOptions} from './common.js'
import {escapeAttribute, isPlainText, visibleAttribute, visibleText} from './xml.js'

export interface PreparedSegment {
  segment: Segment
  /** The unit id (see `unitIds`). */
  unit: string
  /** The target text written: the target as written, or a copy of the source with `copySource`. */
  target: string
  coded: CodedSegment
  state: TargetState
  /**
   * Neither text holds a character XML escapes or refuses: then no part of the coded content and no code's
   * data does either (they are substrings of the texts, and equal codes have equal data), so XML writers
   * copy them as they are.
   */
  plain: boolean
  /**
   * Neither text holds a character JSON or XML escapes or refuses (`plain`, and no `"` or `\\` either): the
   * JSON writer quotes them as they are. One test of each text for both (95 % of the dev corpus' texts).
   */
  bare: boolean
  /** `visibleText(describeContext(segment))`, written by both XLIFF writers: see `contextNote`. */
  note: string | undefined
  /** The unit id and name as attribute text, written by both XLIFF writers: see `unitIdText`, `unitNameText`. */
  idText: string | undefined
  nameText: string | undefined
}

export interface PreparedDocument {
  document: BilingualDocument
  options: WriteOptions
  segments: PreparedSegment[]
  /** `visibleText(describeContextOf(context))` per distinct context (`perContext`), for `contextNote`. */
  contextNotes: (context: SegmentContext) => string
}

/** What JSON escapes (`"`, `\\`, controls, surrogates) and what XML escapes or refuses (`isPlainText`), in one class. */
const ESCAPED_ANYWHERE = /["\\&<>\x00-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/

export function prepareDocument(document: BilingualDocument, options: WriteOptions = {}): PreparedDocument {
  const ids = unitIds(document)
  const type = translationType(document)
  const segments = document.segments.map((segment, index): PreparedSegment => {
    const target = options.copySource ? segment.source : segment.target
    const bare = !ESCAPED_ANYWHERE.test(segment.source) && !ESCAPED_ANYWHERE.test(target)
    return {
      segment,
      unit: ids[index]!,
      target,
      coded: codeSegment(segment.source, target),
      state: stateOfTarget(segment, options, type),
      plain: bare || (isPlainText(segment.source) && isPlainText(target)),
      bare,
      note: undefined,
      idText: undefined,
      nameText: undefined
    }
  })
  return {document, options, segments, contextNotes: perContext(contextNoteOf)}
}

const contextNoteOf = (context: SegmentContext): string => visibleText(describeContextOf(context))

/**
 * The segment's context note as XML text (`visibleText(describeContext(segment))`), computed once for both
 * XLIFF writers: the context's words once per distinct context of the document, then what is the
 * segment's own (plain text: nothing to escape).
 */
export function contextNote(prepared: PreparedSegment, document: PreparedDocument): string {
  return (prepared.note ??= document.contextNotes(prepared.segment.context) + describeOwnPlace(prepared.segment))
}

/** The unit id as attribute text (escaped), computed once for both XLIFF writers. */
export function unitIdText(prepared: PreparedSegment): string {
  return (prepared.idText ??= escapeAttribute(prepared.unit))
}

/**
 * The pair id as attribute text (the unit's name), computed once for both XLIFF writers: the unit id itself
 * but where the id repeats or is no NMTOKEN (then one test did for both).
 */
export function unitNameText(prepared: PreparedSegment): string {
  const id = prepared.unit
  return (prepared.nameText ??= prepared.segment.id === id && unitIdText(prepared) === id ? id : visibleAttribute(prepared.segment.id))
}

/**
 * `make(context)` once per distinct context object of a document, for a writer's text that depends on the
 * context alone (its JSON, its XLIFF lines). The parser gives pairs alike one shared context (a paragraph's
 * pairs, a list's items: 28,000 contexts for the dev corpus' 82,000 pairs), which are read-only, so the
 * object is the key. Make one per document and writer: nothing outlives the document.
 */
export function perContext(make: (context: SegmentContext) => string): (context: SegmentContext) => string {
  const made = new Map<SegmentContext, string>()
  return (context) => {
    let text = made.get(context)
    if (text === undefined) made.set(context, (text = make(context)))
    return text
  }
}
