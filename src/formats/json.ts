/**
 * JSON: one object per document, described by `schema/sxs-document.schema.json`. Each segment keeps its raw
 * markdown (`source`, `target`: these are authoritative when read back) and its coded form (`sourceCoded`,
 * `targetCoded` with the `codes` table, the same ids as in XLIFF).
 */
import type {BilingualDocument, Position, SegmentContext} from '../document/types.js'
import type {CodedContent, InlineCode} from '../inline/types.js'
import {documentMetadata, segmentsPerPiece, type WriteOptions} from './common.js'
import {prepareDocument, type PreparedDocument, type PreparedSegment} from './prepare.js'

export const JSON_FORMAT_VERSION = 1

export interface JsonSegment {
  id: string
  /** The unit id (equal to `id` unless the id repeats or is not an XML NMTOKEN; see `unitIds`). */
  unit: string
  prefix: string
  number: number | null
  merged: boolean
  source: string
  target: string
  sourceCoded: CodedContent
  targetCoded: CodedContent
  codes: InlineCode[]
  context: SegmentContext
  position: {pair: Position; target: Position; source: Position}
  /** XLIFF 1.2 words: `translated`, `needs-review-translation`, `needs-translation`, `new`. */
  state: string
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
  return {
    id: segment.id,
    unit,
    prefix: segment.prefix,
    number: Number.isFinite(segment.number) ? segment.number : null,
    merged: segment.merged,
    source: segment.source,
    target,
    sourceCoded: coded.source,
    targetCoded: coded.target,
    codes: coded.codes,
    context: segment.context,
    position: segment.position,
    state: state.state
  }
}

/** YAML values (dates, …) as JSON would write them, so that the object equals its own serialization. */
function jsonSafe(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(data)) as Record<string, unknown>
}

/** JSON text for one document (two-space indentation, final newline). */
export function writeJson(document: BilingualDocument, options: WriteOptions = {}): string {
  return jsonOf(prepareDocument(document, options))
}

/** JSON text for a prepared document: `jsonPieces` joined. */
export function jsonOf(prepared: PreparedDocument): string {
  return [...jsonPieces(prepared)].join('')
}

const wrapperOpen = '{\n  "segments": [\n'
const wrapperClose = '\n  ]\n}'

/**
 * The JSON text of a prepared document in pieces: the document without its segments, then its segments in
 * batches, each written by V8's serializer (with the indentation, faster than JavaScript can) inside a
 * `{"segments": [...]}` wrapper, whose indentation is exactly theirs in the document. Extract encodes each
 * piece to bytes as it comes (`blobRef`), so the text of a large document never exists whole: a document of
 * 59,000 segments peaked at 590 MB writing its 74 MB of JSON as one string, 390 MB in pieces, and the corpus is
 * written as fast. Measured before over the dev corpus, and slower (20-140 %, mostly in garbage collection of
 * their ropes): a template per segment, flattened per segment or per chunk, or joined from parts. The object
 * is `jsonDocumentOf`'s but for the front matter, which needs no copy here: the serializer writes its data
 * exactly as it writes `jsonSafe`'s copy (test/writers-exact.test.ts holds the two texts equal).
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
  // `"segments": []\n}` at the end: the array opens here and its items follow.
  yield head.slice(0, -'[]\n}'.length) + '[\n'
  for (let start = 0; start < segments.length; start += segmentsPerPiece) {
    const batch = JSON.stringify({segments: segments.slice(start, start + segmentsPerPiece).map(jsonSegmentOf)}, null, 2)
    yield (start === 0 ? '' : ',\n') + batch.slice(wrapperOpen.length, -wrapperClose.length)
  }
  yield wrapperClose + '\n'
}
