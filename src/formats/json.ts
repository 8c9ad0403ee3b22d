/**
 * JSON (version 2): one object per document, described by `schema/sxs-document.schema.json`. The document's
 * header (path, languages, front matter, metadata) is indented for reading; each segment is one line of
 * compact JSON inside `"segments": [...]`, so that a changed segment is one changed line and a tool can
 * stream the file line by line. A segment keeps its raw markdown (`source`, `target`: these are
 * authoritative when read back), its coded form (`sourceCoded`, `targetCoded` with the `codes` table, the
 * same ids as in XLIFF, where it has inline codes), its context and its place as six integers. What can be
 * derived is left out: the id's prefix, number and `p` (from `id`), the unit id where it equals `id`, the
 * end of each text (its start plus its length), and the coded forms of a segment without codes (its texts).
 */
import type {BilingualDocument, SegmentContext} from '../document/types.js'
import type {CodedContent, InlineCode} from '../inline/types.js'
import {documentMetadata, piecesOf, type WriteOptions} from './common.js'
import {perContext, prepareDocument, type PreparedDocument, type PreparedSegment} from './prepare.js'

export const JSON_FORMAT_VERSION = 2

/**
 * Where a segment is: `[line, column, pair, pairEnd, target, source]`, the 1-based line and column where
 * the pair starts and the 0-based offsets (UTF-16 code units) where the pair starts and ends and where its
 * target and source start. The texts end at their start plus their length; any other point follows from
 * these and the document's text.
 */
export type JsonPosition = [line: number, column: number, pair: number, pairEnd: number, target: number, source: number]

export interface JsonSegment {
  id: string
  /** The unit id, only where it is not `id` (the id repeats or is not an XML NMTOKEN; see `unitIds`). */
  unit?: string
  /** XLIFF 1.2 words: `translated`, `needs-review-translation`, `needs-translation`, `new`. */
  state: string
  source: string
  target: string
  context: SegmentContext
  position: JsonPosition
  /**
   * The coded forms and their code table, only where the segment has inline codes: without any, each coded
   * form is its text alone (`[text]`, or `[]` for an empty text), which a reader derives.
   */
  sourceCoded?: CodedContent
  targetCoded?: CodedContent
  codes?: InlineCode[]
}

export interface JsonDocument {
  version: typeof JSON_FORMAT_VERSION
  path: string | null
  languages: {source: string; target: string | null}
  /** The parsed front matter (`null` without one). */
  frontMatter: Record<string, unknown> | null
  /** Localization metadata from the front matter (`ms.openlocfilehash`, `ms.sourcegitcommit`, `ms.locfileid`, …). */
  metadata: Record<string, string>
  segments: JsonSegment[]
}

/** The JSON object for one document. */
export function toJsonDocument(document: BilingualDocument, options: WriteOptions = {}): JsonDocument {
  return jsonDocumentOf(prepareDocument(document, options))
}

/** The JSON object for a prepared document. */
export function jsonDocumentOf({document, segments}: PreparedDocument): JsonDocument {
  return {
    version: JSON_FORMAT_VERSION,
    path: document.path ?? null,
    languages: {source: document.languages.source, target: document.languages.target ?? null},
    frontMatter: document.frontMatter ? jsonSafe(document.frontMatter.data) : null,
    metadata: documentMetadata(document),
    segments: segments.map(jsonSegmentOf)
  }
}

/** The JSON object for a prepared segment. */
function jsonSegmentOf({segment, unit, target, coded, state}: PreparedSegment): JsonSegment {
  const {pair, target: targetAt, source: sourceAt} = segment.position
  return {
    id: segment.id,
    ...(unit === segment.id ? {} : {unit}),
    state: state.state,
    source: segment.source,
    target,
    context: segment.context,
    position: [pair.start.line, pair.start.column, pair.start.offset, pair.end.offset, targetAt.start.offset, sourceAt.start.offset],
    ...(coded.codes.length === 0 ? {} : {sourceCoded: coded.source, targetCoded: coded.target, codes: coded.codes})
  }
}

/**
 * A string's JSON where it is the string quoted (no `"`, `\\`, control character or surrogate, which
 * `JSON.stringify` escapes): then the string itself is kept, not copied by the serializer.
 */
const JSON_SPECIAL = /["\\\x00-\x1F\uD800-\uDFFF]/

function jsonString(value: string): string {
  return JSON_SPECIAL.test(value) ? JSON.stringify(value) : '"' + value + '"'
}

/**
 * `JSON.stringify(jsonSegmentOf(prepared))`, written key by key in `jsonSegmentOf`'s order: the serializer
 * copied every text (half of a JSON file), and the context's JSON is made once per distinct context
 * (`perContext`: `contextJson`), where the serializer wrote each pair's again. Each value is what the
 * serializer writes for it (`jsonString` for strings; arrays and objects through `JSON.stringify`).
 */
function jsonSegmentLine(prepared: PreparedSegment, contextJson: (context: SegmentContext) => string): string {
  const {segment, unit, target, coded, state, bare} = prepared
  const {pair, target: targetAt, source: sourceAt} = segment.position
  // An id that is its unit id is an NMTOKEN (`unitIds`), and the states are our words: nothing to escape.
  const line =
    (unit === segment.id ? '{"id":"' + unit + '"' : '{"id":' + jsonString(segment.id) + ',"unit":' + jsonString(unit)) +
    ',"state":"' +
    state.state +
    (bare ? '","source":"' + segment.source + '","target":"' + target + '"' : '","source":' + jsonString(segment.source) + ',"target":' + jsonString(target)) +
    ',"context":' +
    contextJson(segment.context) +
    ',"position":' +
    JSON.stringify([pair.start.line, pair.start.column, pair.start.offset, pair.end.offset, targetAt.start.offset, sourceAt.start.offset])
  if (coded.codes.length === 0) return line + '}'
  return line + ',"sourceCoded":' + JSON.stringify(coded.source) + ',"targetCoded":' + JSON.stringify(coded.target) + ',"codes":' + JSON.stringify(coded.codes) + '}'
}

const contextJsonOf = (context: SegmentContext): string => JSON.stringify(context)

/** YAML values (dates, …) as JSON would write them, so that the object equals its own serialization. */
function jsonSafe(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>
}

/** JSON text for one document (see `jsonPieces`). */
export function writeJson(document: BilingualDocument, options: WriteOptions = {}): string {
  return jsonOf(prepareDocument(document, options))
}

/** JSON text for a prepared document: `jsonPieces` joined. */
export function jsonOf(prepared: PreparedDocument): string {
  return [...jsonPieces(prepared)].join('')
}

/** Before each segment's line: the indentation of an item of `segments` in the header's layout. */
const segmentIndent = '    '

/**
 * The JSON text of a prepared document in pieces: the header (the document without its segments, indented
 * by two spaces as `JSON.stringify` indents), then its segments in batches (`piecesOf`), one line of
 * compact JSON each, then the close. Extract encodes each piece to bytes as it comes (`blobRef`), so the
 * text of a large document never exists whole. The header's front matter is the parsed data itself: the
 * serializer writes it exactly as it writes `jsonSafe`'s copy in `jsonDocumentOf`.
 */
export function* jsonPieces({document, segments}: PreparedDocument): Generator<string> {
  const head = JSON.stringify(
    {
      version: JSON_FORMAT_VERSION,
      path: document.path ?? null,
      languages: {source: document.languages.source, target: document.languages.target ?? null},
      frontMatter: document.frontMatter ? document.frontMatter.data : null,
      metadata: documentMetadata(document),
      segments: []
    } satisfies JsonDocument,
    null,
    2
  )
  if (segments.length === 0) {
    yield head + '\n'
    return
  }
  // `"segments": []\n}` at the end: the array opens here and its items follow, one a line.
  yield head.slice(0, -'[]\n}'.length) + '[\n'
  let separator = segmentIndent
  const contextJson = perContext(contextJsonOf)
  yield* piecesOf(segments, (segment) => {
    const line = separator + jsonSegmentLine(segment, contextJson)
    separator = ',\n' + segmentIndent
    return line
  })
  yield '\n  ]\n}\n'
}
