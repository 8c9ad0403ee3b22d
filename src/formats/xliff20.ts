/**
 * XLIFF 2.0 writer (core, plus the Metadata module for the front matter, which the core schema accepts as a
 * foreign element). One `<file>` per document, one `<unit>` per segment with one `<segment>`; inline codes as
 * `<pc>` (paired, well nested), `<sc>/<ec>` (paired codes that overlap another pair) and `<ph>`, the native
 * markdown in `<originalData>`. It also obeys what the schema cannot check: unit ids are unique NMTOKENs,
 * every `dataRef` resolves, each `<ec>` follows its `<sc>`, and every segment has a `<target>` (so a state
 * other than `initial` is always allowed).
 */
import type {BilingualDocument, Segment} from '../document/types.js'
import {codeSegment, codeTable} from '../inline/index.js'
import type {CodeKind, CodedContent, InlineCode} from '../inline/types.js'
import {describeContext, documentMetadata, segmentState, unitIds, type WriteOptions} from './common.js'
import {XML_DECLARATION, emptyTag, escapeText, isLanguageTag, startTag, textElement, visible} from './xml.js'

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

/** The kind a `subType` stands for (readers use it). */
export function kindOfSubType(subType: string | undefined): CodeKind | undefined {
  if (subType === undefined) return undefined
  for (const [kind, value] of Object.entries(TYPES)) if (value.subType === subType) return kind as CodeKind
  return undefined
}

/** Data ids: `d<id>` for a standalone code, `d<id>s` / `d<id>e` for the start and end of a pair. */
export function dataId(code: InlineCode, part: 'open' | 'close' | 'standalone'): string {
  return part === 'standalone' ? `d${code.id}` : part === 'open' ? `d${code.id}s` : `d${code.id}e`
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

function dataContent(value: string, kind: CodeKind): string {
  if (kind !== 'char') return escapeText(value)
  return [...value].map((char) => emptyTag('cp', {hex: char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})).join('')
}

/** Coded content → XLIFF 2.0 inline content. */
export function xliff20Content(coded: CodedContent, table: Map<string, InlineCode>, split: Set<string>): string {
  let out = ''
  for (const part of coded) {
    if (typeof part === 'string') {
      out += escapeText(part)
      continue
    }
    const code = table.get(part.id)!
    const {type, subType} = TYPES[code.kind]
    if (part.type === 'standalone') out += emptyTag('ph', {id: code.id, dataRef: dataId(code, 'standalone'), type, subType})
    else if (split.has(code.id)) {
      out +=
        part.type === 'open'
          ? emptyTag('sc', {id: code.id, dataRef: dataId(code, 'open'), type, subType})
          : emptyTag('ec', {startRef: code.id, dataRef: dataId(code, 'close'), type, subType})
    } else {
      out +=
        part.type === 'open'
          ? startTag('pc', {id: code.id, dataRefStart: dataId(code, 'open'), dataRefEnd: dataId(code, 'close'), type, subType})
          : '</pc>'
    }
  }
  return out
}

/** XLIFF 2.0 for one or more documents (one `<file>` each); all must share the source and target languages. */
export function writeXliff20(documents: BilingualDocument | readonly BilingualDocument[], options: WriteOptions = {}): string {
  const list = Array.isArray(documents) ? documents : [documents as BilingualDocument]
  const first = list[0]
  const source = first?.languages.source ?? 'en-US'
  const target = first?.languages.target
  for (const document of list) {
    if (document.languages.source !== source || document.languages.target !== target) {
      throw new Error(
        `XLIFF 2.0 holds one language pair per file: ${document.path ?? 'a document'} is ${document.languages.source} → ${document.languages.target ?? '?'}, not ${source} → ${target ?? '?'}`
      )
    }
  }
  let out =
    XML_DECLARATION +
    `${startTag('xliff', {
      xmlns: XLIFF20_NAMESPACE,
      'xmlns:mda': METADATA_NAMESPACE,
      version: '2.0',
      srcLang: isLanguageTag(source) ? source : 'und',
      trgLang: target !== undefined && isLanguageTag(target) ? target : undefined
    })}\n`
  list.forEach((document, index) => {
    out += file(document, `f${index + 1}`, options)
  })
  return out + '</xliff>\n'
}

function file(document: BilingualDocument, id: string, options: WriteOptions): string {
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
  const ids = unitIds(document)
  document.segments.forEach((segment, index) => {
    out += unit(document, segment, ids[index]!, options)
  })
  if (document.segments.length === 0) {
    // A <file> needs a unit or a group: a document without segments gets an empty group.
    out += '    <group id="sxs-no-segments"/>\n'
  }
  return out + '  </file>\n'
}

function unit(document: BilingualDocument, segment: Segment, id: string, options: WriteOptions): string {
  const targetText = options.copySource ? segment.source : segment.target
  const coded = codeSegment(segment.source, targetText)
  const table = codeTable(coded.codes)
  const split = overlapping([coded.source, coded.target])
  const {state, subState} = segmentState(document, segment, options)
  let out = `    ${startTag('unit', {
    id,
    name: visible(segment.id),
    type: segment.merged ? 'sxs:merged-paragraph' : undefined,
    'xml:space': 'preserve'
  })}\n`
  out += `      <notes>${textElement('note', {category: 'context'}, visible(describeContext(segment)))}</notes>\n`
  if (coded.codes.length > 0) {
    out += '      <originalData>\n'
    for (const code of coded.codes) {
      if (code.type === 'standalone') {
        out += `        ${startTag('data', {id: dataId(code, 'standalone')})}${dataContent(code.data, code.kind)}</data>\n`
      } else {
        out += `        ${startTag('data', {id: dataId(code, 'open')})}${dataContent(code.open, code.kind)}</data>\n`
        out += `        ${startTag('data', {id: dataId(code, 'close')})}${dataContent(code.close, code.kind)}</data>\n`
      }
    }
    out += '      </originalData>\n'
  }
  out += `      ${startTag('segment', {state, subState})}\n`
  out += `        <source>${xliff20Content(coded.source, table, split)}</source>\n`
  out += `        <target>${xliff20Content(coded.target, table, split)}</target>\n`
  out += '      </segment>\n'
  out += '    </unit>\n'
  return out
}
