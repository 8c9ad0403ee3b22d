/**
 * XLIFF 1.2 writer. Validates against the strict schema (no extension elements): one `<file>` per document,
 * the front matter's localization metadata as header notes, one `<trans-unit>` per segment with inline codes
 * as `<bpt>/<ept>/<ph>` holding the native markdown, a `<context-group>` (machine-readable) and a `<note>`
 * (for people) with the segment's context.
 *
 * Lean, for the default outputs to stay small (issue 17) while a reader loses nothing: one space of
 * indentation per level; `resname` only where it is not the unit id (see `unitNameText`); the context
 * group without a `purpose` (its contexts only inform; no tool here reads the attribute); `x-sxs-block`
 * only where it is not the kind's usual block (`USUAL_BLOCK`).
 */
import type {BilingualDocument, Segment, SegmentContext} from '../document/types.js'
import {codeById} from '../inline/index.js'
import type {CodeKind, CodedContent, InlineCode} from '../inline/types.js'
import {documentMetadata, piecesOf, type TargetState, type WriteOptions} from './common.js'
import {contextNote, perContext, prepareDocument, unitIdText, unitNameText, type PreparedDocument, type PreparedSegment} from './prepare.js'
import {XML_DECLARATION, emptyTag, escapeAttribute, escapeText, isLanguageTag, startTag, textElement, visible, visibleText} from './xml.js'

export const XLIFF12_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2'

/** `ctype` of a paired code (`<bpt>`): the schema's words where they fit, `x-…` otherwise. */
const PAIRED_CTYPE: Partial<Record<CodeKind, string>> = {strong: 'bold', emphasis: 'italic', link: 'link'}
/** `ctype` of a standalone code (`<ph>`). */
const STANDALONE_CTYPE: Partial<Record<CodeKind, string>> = {image: 'image', break: 'lb'}

export function ctypeOf(code: InlineCode): string {
  const known = code.type === 'paired' ? PAIRED_CTYPE[code.kind] : STANDALONE_CTYPE[code.kind]
  return known ?? `x-sxs-${code.kind}`
}

/** `U+0001` (a `char` code's content: XML 1.0 cannot carry the character itself, even as a reference). */
export function charCodeText(char: string): string {
  return [...char].map((c) => 'U+' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' ')
}

/**
 * Coded content → XLIFF 1.2 inline content. With `plain` (see `PreparedSegment`) texts and code data are
 * copied without escaping.
 */
export function xliff12Content(coded: CodedContent, codes: readonly InlineCode[], plain: boolean): string {
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
    if (code.type === 'paired') {
      if (part.type === 'open') out += `<bpt id="${id}" ctype="${ctypeOf(code)}">${plain ? code.open : escapeText(code.open)}</bpt>`
      else out += `<ept id="${id}">${plain ? code.close : escapeText(code.close)}</ept>`
    } else {
      const content = code.kind === 'char' ? charCodeText(code.data) : code.data
      out += `<ph id="${id}" ctype="${ctypeOf(code)}">${plain ? content : escapeText(content)}</ph>`
    }
  }
  return out
}

/**
 * The `<context-group>` lines of a unit (four spaces deep), each ending with a newline: the line number,
 * the lines of its context (`contextLines`, made once per distinct context: `contextLinesOf`), and the
 * merged paragraph's. Numbers need no escaping.
 */
function contextGroup(segment: Segment, contextLines: (context: SegmentContext) => string): string {
  const line = segment.position.pair.start.line
  return (
    '    <context-group>\n     <context context-type="linenumber">' +
    (typeof line === 'number' ? '' + line : visibleText(String(line))) +
    '</context>\n' +
    contextLines(segment.context) +
    (segment.merged ? '     <context context-type="x-sxs-merged">yes</context>\n' : '')
  )
}

/** The `<context>` lines that the context alone gives (kind and block, heading depth, table, alert, link). */
function contextLinesOf(context: SegmentContext): string {
  let out = kindAndBlockLines(context.kind, context.block)
  const depth = context.headingDepth
  if (depth !== undefined) out += typeof depth === 'number' ? '     <context context-type="x-sxs-heading-depth">' + depth + '</context>\n' : contextLine('x-sxs-heading-depth', String(depth))
  const table = context.table
  if (table) {
    const {index, row, column} = table
    const value = `${table.html ? 'html' : 'gfm'} ${index} ${row} ${column}`
    out +=
      typeof index === 'number' && typeof row === 'number' && typeof column === 'number'
        ? '     <context context-type="x-sxs-table">' + value + '</context>\n'
        : contextLine('x-sxs-table', value)
  }
  if (context.alert !== undefined) out += contextLine('x-sxs-alert', context.alert)
  if (context.link) out += contextLine(context.link.image ? 'x-sxs-image' : 'x-sxs-link', context.link.url)
  return out
}

/** One `<context>`: the context types are ours (nothing to escape in them). */
function contextLine(type: string, value: string): string {
  return `     <context context-type="${type}">${visibleText(value)}</context>\n`
}

/**
 * The block that usually holds a segment of each kind. `x-sxs-block` is written only where the segment's
 * block is another (a link or code span in a table row, a link in a heading, a list item's pair in HTML):
 * a reader takes a unit without `x-sxs-block` to be in its kind's usual block. Most units are, and the
 * line was 5 MB of the dev corpus' 63 MB of XLIFF 1.2.
 */
export const USUAL_BLOCK: Readonly<Record<string, string>> = {
  heading: 'heading',
  paragraph: 'paragraph',
  listItem: 'paragraph',
  blockquote: 'paragraph',
  alert: 'paragraph',
  tableCell: 'tableRow',
  htmlTableCell: 'html',
  link: 'paragraph',
  image: 'paragraph',
  html: 'html',
  code: 'code'
}

/** The `x-sxs-kind` line, and the `x-sxs-block` line where the block is not the kind's usual one, by kind, then block (the parser's small vocabularies; at most 64 × 64 kept). */
const KIND_AND_BLOCK = new Map<string, Map<string, string>>()

function kindAndBlockLines(kind: string, block: string): string {
  if (typeof kind !== 'string' || typeof block !== 'string') return contextLine('x-sxs-kind', kind) + contextLine('x-sxs-block', block)
  let byBlock = KIND_AND_BLOCK.get(kind)
  if (byBlock === undefined) {
    byBlock = new Map()
    if (KIND_AND_BLOCK.size < 64) KIND_AND_BLOCK.set(kind, byBlock)
  }
  let lines = byBlock.get(block)
  if (lines === undefined) {
    lines = contextLine('x-sxs-kind', kind) + (Object.hasOwn(USUAL_BLOCK, kind) && USUAL_BLOCK[kind] === block ? '' : contextLine('x-sxs-block', block))
    if (byBlock.size < 64) byBlock.set(block, lines)
  }
  return lines
}

/** XLIFF 1.2 for one or more documents (one `<file>` each). */
export function writeXliff12(documents: BilingualDocument | readonly BilingualDocument[], options: WriteOptions = {}): string {
  const list = Array.isArray(documents) ? documents : [documents as BilingualDocument]
  return xliff12Of(list.map((document) => prepareDocument(document, options)))
}

/** XLIFF 1.2 for prepared documents. */
export function xliff12Of(documents: readonly PreparedDocument[]): string {
  return [...xliff12Pieces(documents)].join('')
}

/** The same text in pieces: a document's units in batches (`piecesOf`). */
export function* xliff12Pieces(documents: readonly PreparedDocument[]): Generator<string> {
  yield XML_DECLARATION + `<xliff version="1.2" xmlns="${XLIFF12_NAMESPACE}">\n`
  for (const document of documents) yield* file(document)
  yield '</xliff>\n'
}

/**
 * A `<file>`'s start tag and `<header>` (the tool, then `notes`) for `document`, in the layout of `extract`'s
 * XLIFF 1.2: shared by every XLIFF 1.2 sxs writes (update's translator file too).
 */
export function fileStart(document: BilingualDocument, notes: readonly string[]): string {
  const target = document.languages.target
  let out = ` ${startTag('file', {
    original: visible(document.path ?? ''),
    'source-language': isLanguageTag(document.languages.source) ? document.languages.source : 'und',
    'target-language': target !== undefined && isLanguageTag(target) ? target : undefined,
    datatype: 'x-markdown'
  })}\n`
  out += '  <header>\n'
  out += `   ${emptyTag('tool', {'tool-id': 'sxs', 'tool-name': 'sxs'})}\n`
  for (const note of notes) out += `   ${textElement('note', {from: 'sxs'}, visible(note))}\n`
  return out + '  </header>\n'
}

function* file(prepared: PreparedDocument): Generator<string> {
  const {document, options} = prepared
  const target = document.languages.target
  const headerNotes: string[] = []
  if (target !== undefined && !isLanguageTag(target)) headerNotes.push(`target language (not a valid language tag): ${target}`)
  if (!isLanguageTag(document.languages.source)) headerNotes.push(`source language (not a valid language tag): ${document.languages.source}`)
  for (const [key, value] of Object.entries(documentMetadata(document))) headerNotes.push(`${key}: ${value}`)
  if (options.copySource) headerNotes.push('sxs: targets are copies of the sources (--copy-source)')

  yield fileStart(document, headerNotes) + '  <body>\n'
  const contextLines = perContext(contextLinesOf)
  yield* piecesOf(prepared.segments, (segment) => unit(segment, prepared, contextLines))
  yield '  </body>\n </file>\n'
}

/**
 * One `<trans-unit>`; its attribute values other than the id and name are ours (nothing to escape). The
 * parts are computed in the order they are written (the first character XML refuses decides the error).
 */
function unit(prepared: PreparedSegment, document: PreparedDocument, contextLines: (context: SegmentContext) => string): string {
  const {segment, coded, state, plain} = prepared
  const idText = unitIdText(prepared)
  const nameText = unitNameText(prepared)
  return (
    '   <trans-unit id="' +
    idText +
    // The pair id, where the unit id is not it (a repeated id or one that is no NMTOKEN): a unit without resname is named by its id.
    (nameText === idText ? '' : '" resname="' + nameText) +
    (state.approved ? '" approved="yes' : '') +
    (segment.merged ? '" restype="x-sxs-merged-paragraph" xml:space="preserve">\n    <source>' : '" xml:space="preserve">\n    <source>') +
    xliff12Content(coded.source, coded.codes, plain) +
    targetStart(state) +
    xliff12Content(coded.target, coded.codes, plain) +
    '</target>\n' +
    contextGroup(segment, contextLines) +
    '    </context-group>\n    <note from="sxs">' +
    contextNote(prepared, document) +
    '</note>\n   </trans-unit>\n'
  )
}

/** `</source>` and the `<target>` start tag of a state (the states are shared objects: one text each). */
const TARGET_STARTS = new Map<TargetState, string>()

function targetStart(state: TargetState): string {
  let text = TARGET_STARTS.get(state)
  if (text === undefined) {
    text = `</source>\n    <target state="${state.state}"${state.qualifier === undefined ? '' : ` state-qualifier="${state.qualifier}"`}>`
    if (Object.isFrozen(state) && TARGET_STARTS.size < 16) TARGET_STARTS.set(state, text)
  }
  return text
}
