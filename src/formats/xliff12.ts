/**
 * XLIFF 1.2 writer. Validates against the strict schema (no extension elements): one `<file>` per document,
 * the front matter's localization metadata as header notes, one `<trans-unit>` per segment with inline codes
 * as `<bpt>/<ept>/<ph>` holding the native markdown, a `<context-group>` (machine-readable) and a `<note>`
 * (for people) with the segment's context.
 */
import type {BilingualDocument, Segment} from '../document/types.js'
import {codeSegment, codeTable} from '../inline/index.js'
import type {CodeKind, CodedContent, InlineCode} from '../inline/types.js'
import {describeContext, documentMetadata, targetState, unitIds, type WriteOptions} from './common.js'
import {XML_DECLARATION, emptyTag, escapeText, isLanguageTag, startTag, textElement, visible} from './xml.js'

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

/** Coded content → XLIFF 1.2 inline content. */
export function xliff12Content(coded: CodedContent, table: Map<string, InlineCode>): string {
  let out = ''
  for (const part of coded) {
    if (typeof part === 'string') {
      out += escapeText(part)
      continue
    }
    const code = table.get(part.id)!
    if (code.type === 'paired') {
      out +=
        part.type === 'open'
          ? `${startTag('bpt', {id: code.id, ctype: ctypeOf(code)})}${escapeText(code.open)}</bpt>`
          : `${startTag('ept', {id: code.id})}${escapeText(code.close)}</ept>`
    } else {
      const content = code.kind === 'char' ? charCodeText(code.data) : code.data
      out += `${startTag('ph', {id: code.id, ctype: ctypeOf(code)})}${escapeText(content)}</ph>`
    }
  }
  return out
}

function contextGroup(segment: Segment, indent: string): string {
  const context = segment.context
  const entries: Array<[string, string]> = [
    ['linenumber', String(segment.position.pair.start.line)],
    ['x-sxs-kind', context.kind],
    ['x-sxs-block', context.block]
  ]
  if (context.headingDepth !== undefined) entries.push(['x-sxs-heading-depth', String(context.headingDepth)])
  if (context.table) {
    entries.push(['x-sxs-table', `${context.table.html ? 'html' : 'gfm'} ${context.table.index} ${context.table.row} ${context.table.column}`])
  }
  if (context.alert !== undefined) entries.push(['x-sxs-alert', context.alert])
  if (context.link) entries.push([context.link.image ? 'x-sxs-image' : 'x-sxs-link', context.link.url])
  if (segment.merged) entries.push(['x-sxs-merged', 'yes'])
  const lines = entries.map(([type, value]) => `${indent}  ${textElement('context', {'context-type': type}, visible(value))}`)
  return `${indent}${startTag('context-group', {purpose: 'information'})}\n${lines.join('\n')}\n${indent}</context-group>`
}

/** XLIFF 1.2 for one or more documents (one `<file>` each). */
export function writeXliff12(documents: BilingualDocument | readonly BilingualDocument[], options: WriteOptions = {}): string {
  const list = Array.isArray(documents) ? documents : [documents as BilingualDocument]
  let out = XML_DECLARATION + `<xliff version="1.2" xmlns="${XLIFF12_NAMESPACE}">\n`
  for (const document of list) out += file(document, options)
  return out + '</xliff>\n'
}

function file(document: BilingualDocument, options: WriteOptions): string {
  const target = document.languages.target
  const headerNotes: string[] = []
  if (target !== undefined && !isLanguageTag(target)) headerNotes.push(`target language (not a valid language tag): ${target}`)
  if (!isLanguageTag(document.languages.source)) headerNotes.push(`source language (not a valid language tag): ${document.languages.source}`)
  for (const [key, value] of Object.entries(documentMetadata(document))) headerNotes.push(`${key}: ${value}`)
  if (options.copySource) headerNotes.push('sxs: targets are copies of the sources (--copy-source)')

  let out = `  ${startTag('file', {
    original: visible(document.path ?? ''),
    'source-language': isLanguageTag(document.languages.source) ? document.languages.source : 'und',
    'target-language': target !== undefined && isLanguageTag(target) ? target : undefined,
    datatype: 'x-markdown'
  })}\n`
  out += '    <header>\n'
  out += `      ${emptyTag('tool', {'tool-id': 'sxs', 'tool-name': 'sxs'})}\n`
  for (const note of headerNotes) out += `      ${textElement('note', {from: 'sxs'}, visible(note))}\n`
  out += '    </header>\n'
  out += '    <body>\n'
  const ids = unitIds(document)
  document.segments.forEach((segment, index) => {
    out += unit(document, segment, ids[index]!, options)
  })
  out += '    </body>\n'
  out += '  </file>\n'
  return out
}

function unit(document: BilingualDocument, segment: Segment, id: string, options: WriteOptions): string {
  const targetText = options.copySource ? segment.source : segment.target
  const coded = codeSegment(segment.source, targetText)
  const table = codeTable(coded.codes)
  const {state, qualifier} = targetState(document, segment, options)
  let out = `      ${startTag('trans-unit', {
    id,
    resname: visible(segment.id),
    restype: segment.merged ? 'x-sxs-merged-paragraph' : undefined,
    'xml:space': 'preserve'
  })}\n`
  out += `        <source>${xliff12Content(coded.source, table)}</source>\n`
  out += `        ${startTag('target', {state, 'state-qualifier': qualifier})}${xliff12Content(coded.target, table)}</target>\n`
  out += contextGroup(segment, '        ') + '\n'
  out += `        ${textElement('note', {from: 'sxs'}, visible(describeContext(segment)))}\n`
  out += '      </trans-unit>\n'
  return out
}

