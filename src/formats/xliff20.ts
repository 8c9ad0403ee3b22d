/**
 * XLIFF 2.0 writer (core, plus the Metadata module for the front matter, which the core schema accepts as a
 * foreign element). One `<file>` per document, one `<unit>` per segment with one `<segment>`; inline codes as
 * `<pc>` (paired, well nested), `<sc>/<ec>` (paired codes that overlap another pair) and `<ph>`, the native
 * markdown in `<originalData>`. It also obeys what the schema cannot check: unit ids are unique NMTOKENs,
 * every `dataRef` resolves, each `<ec>` follows its `<sc>`, and every segment has a `<target>` (so a state
 * other than `initial` is always allowed).
 */
import type {BilingualDocument} from '../document/types.js'
import {codeById} from '../inline/index.js'
import type {CodeKind, CodedContent, InlineCode} from '../inline/types.js'
import {documentMetadata, piecesOf, xliff20State, type WriteOptions} from './common.js'
import {contextNote, prepareDocument, unitIdText, unitNameText, type PreparedDocument, type PreparedSegment} from './prepare.js'
import {XML_DECLARATION, escapeAttribute, escapeText, isLanguageTag, isPlainAttribute, startTag, textElement, visible} from './xml.js'

export const XLIFF20_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0'
export const METADATA_NAMESPACE = 'urn:oasis:names:tc:xliff:metadata:2.0'

/** `type` and `subType` of a code: the XLIFF 2.0 names where they exist (`xlf:b`, `xlf:i`, `xlf:lb`), `sxs:<kind>` else. */
const TYPES: Record<CodeKind, {type: string; subType: string}> = {
  strong: {type: 'fmt', subType: 'xlf:b'},
  emphasis: {type: 'fmt', subType: 'xlf:i'},
  delete: {type: 'fmt', subType: 'sxs:delete'},
  break: {type: 'fmt', subType: 'xlf:lb'},
  html: {type: 'fmt', subType: 'sxs:html'},
  link: {type: 'link', subType: 'sxs:link'},
  autolink: {type: 'link', subType: 'sxs:autolink'},
  url: {type: 'link', subType: 'sxs:url'},
  image: {type: 'image', subType: 'sxs:image'},
  inlineCode: {type: 'other', subType: 'sxs:inlineCode'},
  entity: {type: 'other', subType: 'sxs:entity'},
  escape: {type: 'other', subType: 'sxs:escape'},
  char: {type: 'other', subType: 'sxs:char'}
}

/** Data ids: `d<id>` for a standalone code, `d<id>s` / `d<id>e` for the start and end of a pair. */
export function dataId(code: InlineCode, part: 'open' | 'close' | 'standalone'): string {
  return part === 'standalone' ? `d${code.id}` : part === 'open' ? `d${code.id}s` : `d${code.id}e`
}

/**
 * `dataId` as attribute text: as it is when the code id has nothing to escape (`d`, `s` and `e` add
 * nothing to escape either), escaped otherwise.
 */
function dataRefText(code: InlineCode, part: 'open' | 'close' | 'standalone', plainId: boolean): string {
  return plainId ? dataId(code, part) : escapeAttribute(dataId(code, part))
}

/** Ids of paired codes that cannot be `<pc>` because they overlap another pair (in source or target). */
function overlapping(contents: CodedContent[]): Set<string> {
  const result = new Set<string>()
  for (const coded of contents) {
    const stack: string[] = []
    for (const part of coded) {
      if (typeof part === 'string' || part.type === 'standalone') continue
      if (part.type === 'open') {
        stack.push(part.id)
        continue
      }
      const at = stack.lastIndexOf(part.id)
      if (at === stack.length - 1) stack.pop()
      else if (at < 0) result.add(part.id)
      else {
        for (const id of stack.slice(at)) result.add(id)
        stack.splice(at, 1)
      }
    }
    for (const id of stack) result.add(id)
  }
  return result
}

/** ` type="…" subType="…"` of each kind (our own names: nothing to escape). */
const TYPE_ATTRIBUTES = Object.fromEntries(
  Object.entries(TYPES).map(([kind, {type, subType}]) => [kind, ` type="${type}" subType="${subType}"`])
) as Record<CodeKind, string>

/** No split codes: the common case, without a set per unit. */
const NONE: ReadonlySet<string> = new Set()

function dataContent(value: string, kind: CodeKind, plain: boolean): string {
  if (kind !== 'char') return plain ? value : escapeText(value)
  return [...value].map((char) => `<cp hex="${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}"/>`).join('')
}

/**
 * Coded content → XLIFF 2.0 inline content. With `plain` (see `PreparedSegment`) texts are copied without
 * escaping.
 */
export function xliff20Content(coded: CodedContent, codes: readonly InlineCode[], split: ReadonlySet<string>, plain: boolean): string {
  // One text (most contents): itself.
  if (coded.length === 1 && typeof coded[0] === 'string') return plain ? coded[0] : escapeText(coded[0])
  let out = ''
  for (const part of coded) {
    if (typeof part === 'string') {
      out += plain ? part : escapeText(part)
      continue
    }
    const code = codeById(codes, part.id)!
    const id = escapeAttribute(code.id)
    const plainId = id === code.id
    const types = TYPE_ATTRIBUTES[code.kind]
    if (part.type === 'standalone') out += `<ph id="${id}" dataRef="${dataRefText(code, 'standalone', plainId)}"${types}/>`
    else if (split.has(code.id)) {
      out +=
        part.type === 'open'
          ? `<sc id="${id}" dataRef="${dataRefText(code, 'open', plainId)}"${types}/>`
          : `<ec startRef="${id}" dataRef="${dataRefText(code, 'close', plainId)}"${types}/>`
    } else {
      out +=
        part.type === 'open'
          ? `<pc id="${id}" dataRefStart="${dataRefText(code, 'open', plainId)}" dataRefEnd="${dataRefText(code, 'close', plainId)}"${types}>`
          : '</pc>'
    }
  }
  return out
}

/** XLIFF 2.0 for one or more documents (one `<file>` each); all must share the source and target languages. */
export function writeXliff20(documents: BilingualDocument | readonly BilingualDocument[], options: WriteOptions = {}): string {
  const list = Array.isArray(documents) ? documents : [documents as BilingualDocument]
  return xliff20Of(list.map((document) => prepareDocument(document, options)))
}

/** XLIFF 2.0 for prepared documents. */
export function xliff20Of(documents: readonly PreparedDocument[]): string {
  return [...xliff20Pieces(documents)].join('')
}

/** The same text in pieces: a document's units in batches (`piecesOf`). */
export function* xliff20Pieces(documents: readonly PreparedDocument[]): Generator<string> {
  const first = documents[0]?.document
  const source = first?.languages.source ?? 'en-US'
  const target = first?.languages.target
  for (const {document} of documents) {
    if (document.languages.source !== source || document.languages.target !== target) {
      throw new Error(
        `XLIFF 2.0 holds one language pair per file: ${document.path ?? 'a document'} is ${document.languages.source} → ${document.languages.target ?? '?'}, not ${source} → ${target ?? '?'}`
      )
    }
  }
  yield XML_DECLARATION +
    `${startTag('xliff', {
      xmlns: XLIFF20_NAMESPACE,
      'xmlns:mda': METADATA_NAMESPACE,
      version: '2.0',
      srcLang: isLanguageTag(source) ? source : 'und',
      // Required with <target> elements (which every unit has): `und` (undetermined) when the documents do not say.
      trgLang: target !== undefined && isLanguageTag(target) ? target : 'und'
    })}\n`
  for (const [index, document] of documents.entries()) yield* file(document, `f${index + 1}`)
  yield '</xliff>\n'
}

function* file(prepared: PreparedDocument, id: string): Generator<string> {
  const {document, options} = prepared
  let out = `  ${startTag('file', {id, canResegment: 'no', original: document.path === undefined ? undefined : visible(document.path)})}\n`
  const metadata = documentMetadata(document)
  if (Object.keys(metadata).length > 0) {
    out += '    <mda:metadata>\n'
    out += '      <mda:metaGroup category="front-matter">\n'
    for (const [key, value] of Object.entries(metadata)) out += `        ${textElement('mda:meta', {type: key}, visible(value))}\n`
    out += '      </mda:metaGroup>\n'
    out += '    </mda:metadata>\n'
  }
  const notes: string[] = []
  const {target} = document.languages
  if (target !== undefined && !isLanguageTag(target)) notes.push(`target language (not a valid language tag): ${target}`)
  if (options.copySource) notes.push('targets are copies of the sources (--copy-source)')
  if (notes.length > 0) {
    out += '    <notes>\n'
    for (const note of notes) out += `      ${textElement('note', {category: 'sxs'}, visible(note))}\n`
    out += '    </notes>\n'
  }
  yield out
  yield* piecesOf(prepared.segments, (segment) => unit(segment, prepared))
  // A <file> needs a unit or a group: a document without segments gets an empty group.
  yield prepared.segments.length === 0 ? '    <group id="sxs-no-segments"/>\n  </file>\n' : '  </file>\n'
}

/**
 * One `<unit>`; its attribute values other than the id, the name and code ids are ours (nothing to escape).
 * The parts are computed in the order they are written (the first character XML refuses decides the error).
 */
function unit(prepared: PreparedSegment, document: PreparedDocument): string {
  const {segment, coded, plain} = prepared
  const codes = coded.codes
  const split = codes.length === 0 ? NONE : overlapping([coded.source, coded.target])
  const idText = unitIdText(prepared)
  const nameText = unitNameText(prepared)
  let out =
    '    <unit id="' +
    idText +
    '" name="' +
    nameText +
    (segment.merged ? '" type="sxs:merged-paragraph" xml:space="preserve">\n      <notes><note category="context">' : '" xml:space="preserve">\n      <notes><note category="context">') +
    contextNote(prepared, document) +
    '</note></notes>\n'
  if (codes.length > 0) {
    out += '      <originalData>\n'
    for (const code of codes) {
      const plainId = isPlainAttribute(code.id)
      if (code.type === 'standalone') {
        out += `        <data id="${dataRefText(code, 'standalone', plainId)}">${dataContent(code.data, code.kind, plain)}</data>\n`
      } else {
        out += `        <data id="${dataRefText(code, 'open', plainId)}">${dataContent(code.open, code.kind, plain)}</data>\n`
        out += `        <data id="${dataRefText(code, 'close', plainId)}">${dataContent(code.close, code.kind, plain)}</data>\n`
      }
    }
    out += '      </originalData>\n'
  }
  return (
    out +
    segmentStart(xliff20State(prepared.state)) +
    xliff20Content(coded.source, codes, split, plain) +
    '</source>\n        <target>' +
    xliff20Content(coded.target, codes, split, plain) +
    '</target>\n      </segment>\n    </unit>\n'
  )
}

/** The `<segment>` and `<source>` start tags of a state (the states are shared objects: one text each). */
const SEGMENT_STARTS = new Map<object, string>()

function segmentStart(target: {readonly state: string; readonly subState?: string}): string {
  let text = SEGMENT_STARTS.get(target)
  if (text === undefined) {
    const {state, subState} = target
    text = `      <segment state="${state}"${subState === undefined ? '' : ` subState="${subState}"`}>\n        <source>`
    if (Object.isFrozen(target) && SEGMENT_STARTS.size < 16) SEGMENT_STARTS.set(target, text)
  }
  return text
}
