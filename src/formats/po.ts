/**
 * gettext PO, through `gettext-parser` (the PO library most used on npm, kept up to date, and close to GNU
 * gettext: it folds lines as msgcat does and escapes what msgfmt expects; what it lacks, positions, is
 * added here). One PO file per document: the header names the document and its target language, and each
 * segment is one entry whose `msgctxt` is the unit id, so that the id survives every PO tool (msgmerge,
 * msgcat, Poedit, Weblate key entries by context and msgid). `msgid` and `msgstr` carry the native markdown,
 * as translators of PO projects see it; merge compares inline codes through the inline tokenizer. For
 * translators: the context in an extracted comment (`#.`), the document and line as a reference (`#:`);
 * machine translations are `#, fuzzy` (the PO word for "needs review"); untranslated entries (and every
 * entry with `--copy-source`: PO tools show the msgid to translate) have an empty `msgstr`.
 */
import {po, type PoEntry, type PoSyntaxError, type PoTable} from 'gettext-parser'
import {createMessage} from '../document/messages.js'
import {createLocator} from '../document/positions.js'
import type {Point} from '../document/types.js'
import type {VFileMessage} from 'vfile-message'
import type {BilingualDocument} from '../document/types.js'
import {describeContext, documentMetadata, segmentsPerPiece, type WriteOptions} from './common.js'
import {prepareDocument, type PreparedDocument, type PreparedSegment} from './prepare.js'
import {isLanguageTag, XmlCharError} from './xml.js'

/** A character a PO file cannot carry: NUL ends a C string in msgfmt, and a lone surrogate is no UTF-8. */
export class PoCharError extends XmlCharError {
  constructor(codePoint: number, index: number) {
    super(codePoint, index)
    this.message = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} at index ${index} cannot be written in a PO file`
  }
}

const PO_INVALID = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function refuse(value: string): string {
  const found = PO_INVALID.exec(value)
  if (found) throw new PoCharError(value.charCodeAt(found.index), found.index)
  return value
}

/**
 * The gettext form of a language tag (`zh-TW` → `zh_TW`, what msginit writes and Poedit shows) where the
 * tag is a plain language and region; other tags as they are (gettext has no general mapping).
 */
export function gettextLanguage(tag: string): string {
  const match = /^([a-zA-Z]{2,3})-([a-zA-Z]{2})$/.exec(tag)
  return match ? `${match[1]!.toLowerCase()}_${match[2]!.toUpperCase()}` : tag
}

/** `ms.lasthandoff` (`MM/DD/YYYY`) as a PO date, so that the header has a real revision date; else undefined. */
function revisionDate(metadata: Record<string, string>): string | undefined {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(metadata['ms.lasthandoff'] ?? '')
  return match ? `${match[3]}-${match[1]}-${match[2]} 00:00+0000` : undefined
}

function headerOf({document, options}: PreparedDocument): {headers: Record<string, string>; comment: string} {
  const metadata = documentMetadata(document)
  const target = document.languages.target
  const headers: Record<string, string> = {'Project-Id-Version': refuse(document.path ?? 'sxs')}
  const date = revisionDate(metadata)
  if (date !== undefined) headers['PO-Revision-Date'] = date
  headers['Last-Translator'] = ''
  headers['Language-Team'] = ''
  if (target !== undefined && isLanguageTag(target)) headers['Language'] = gettextLanguage(target)
  headers['MIME-Version'] = '1.0'
  headers['Content-Type'] = 'text/plain; charset=UTF-8'
  headers['Content-Transfer-Encoding'] = '8bit'
  headers['X-Generator'] = 'sxs'
  headers['X-Source-Language'] = document.languages.source
  const lines = [`sxs: ${document.path ?? '(no path)'}, ${document.languages.source} → ${target ?? 'und'}`]
  for (const [key, value] of Object.entries(metadata)) lines.push(`${key}: ${value}`)
  if (options.copySource) lines.push('sxs: written with --copy-source: every msgstr is empty')
  return {headers, comment: refuse(lines.join('\n'))}
}

/** An entry with its place in the document, which orders the compiler's output (it sorts by key otherwise). */
type OrderedEntry = PoEntry & {order: number}

/** msgfmt refuses a translated entry whose msgid and msgstr do not both start (or end) with a line feed. */
function newlineMismatch(source: string, target: string): boolean {
  return source.startsWith('\n') !== target.startsWith('\n') || source.endsWith('\n') !== target.endsWith('\n')
}

function entryOf(prepared: PreparedSegment, path: string | undefined, order: number): OrderedEntry {
  const {segment, unit, target, state} = prepared
  const translated = state.state === 'new' || state.state === 'needs-translation' ? '' : refuse(target)
  const flags: string[] = []
  // Machine translation, and a target msgfmt would refuse as translated: both need a translator's look.
  if (translated !== '' && (state.state === 'needs-review-translation' || newlineMismatch(segment.source, translated))) flags.push('fuzzy')
  const line = segment.position.pair.start.line
  return {
    msgctxt: unit,
    msgid: refuse(segment.source),
    msgstr: [translated],
    comments: {
      extracted: describeContext(segment),
      // gettext separates references by spaces: a path holding white space would read as two.
      ...(path !== undefined && !/\s/.test(path) ? {reference: `${path}:${line}`} : {}),
      ...(flags.length > 0 ? {flag: flags.join(', ')} : {})
    },
    order
  }
}

const byOrder = (left: PoEntry, right: PoEntry): number => (left as OrderedEntry).order - (right as OrderedEntry).order

function compile(header: {headers: Record<string, string>; comment: string}, entries: OrderedEntry[]): string {
  const table: PoTable = {charset: 'utf-8', headers: header.headers, translations: {'': {'': {msgid: '', msgstr: [''], comments: {translator: header.comment}}}}}
  for (const entry of entries) (table.translations[entry.msgctxt!] ??= {})[entry.msgid] = entry
  return Buffer.from(po.compile(table, {sort: byOrder})).toString('utf8')
}

/**
 * The PO text of a prepared document in pieces of `segmentsPerPiece` entries (extract encodes each as it
 * comes): the first with the header, each next one without it (the compiler always writes one: its block
 * ends at the first empty line, which no header has inside).
 */
export function* poPieces(prepared: PreparedDocument): Generator<string> {
  const header = headerOf(prepared)
  const path = prepared.document.path
  const {segments} = prepared
  if (segments.length === 0) {
    yield compile(header, [])
    return
  }
  for (let start = 0; start < segments.length; start += segmentsPerPiece) {
    const entries = segments.slice(start, start + segmentsPerPiece).map((segment, index) => entryOf(segment, path, start + index))
    const text = compile(header, entries)
    yield start === 0 ? text : text.slice(text.indexOf('\n\n') + 1)
  }
}

/** PO text for one document. */
export function writePo(document: BilingualDocument, options: WriteOptions = {}): string {
  return [...poPieces(prepareDocument(document, options))].join('')
}

// ————————————————————————————————————————————— reading

/** One entry of a PO file as merge needs it. */
export interface PoUnit {
  /** `msgctxt`: the unit id (undefined: an entry without one). */
  context: string | undefined
  msgid: string
  /** `msgstr` (the first form of a plural entry). */
  msgstr: string
  fuzzy: boolean
  /** Where the entry's `msgctxt` (or `msgid`) keyword is. */
  place: Point
}

export interface PoReading {
  units: PoUnit[]
  messages: VFileMessage[]
}

/** gettext-parser's reading of a quoted string's escapes (`\n`, `\t`, `\r`, backslash-newline, else the character). */
function unquote(body: string): string {
  return body.replace(/\\([\s\S])/g, (_, char: string) => (char === 'n' ? '\n' : char === 't' ? '\t' : char === 'r' ? '\r' : char === '\n' ? '' : char))
}

/**
 * Where each entry starts: every `msgctxt` line, and every `msgid` line that no `msgctxt` precedes (obsolete
 * `#~` entries are not lines that start so), with the context as the parser decodes it. gettext-parser
 * keeps no positions; this scan gives each unit its line and column.
 */
function entryPlaces(text: string): Array<{context: string | undefined; offset: number}> {
  const places: Array<{context: string | undefined; offset: number}> = []
  const keyword = /^[ \t]*(msgctxt|msgid)\b[ \t]*/gm
  let afterContext = false
  for (let match = keyword.exec(text); match; match = keyword.exec(text)) {
    if (match[1] === 'msgid') {
      if (!afterContext) places.push({context: undefined, offset: match.index + match[0].indexOf('msgid')})
      afterContext = false
      continue
    }
    // The context's strings: this line's and the quoted lines that follow.
    const strings = /^(?:(["'])((?:\\[\s\S]|(?!\1)[^\\\n])*)\1[ \t]*(?:\r?\n[ \t]*|$))+/.exec(text.slice(keyword.lastIndex))
    let context = ''
    if (strings) for (const part of strings[0].matchAll(/(["'])((?:\\[\s\S]|(?!\1)[^\\\n])*)\1/g)) context += unquote(part[2]!)
    places.push({context, offset: match.index + match[0].indexOf('msgctxt')})
    afterContext = true
  }
  return places
}

/** The offset where a 1-based line starts (gettext-parser names the line of an error, not its column). */
function lineStart(text: string, line: number): number {
  let offset = 0
  for (let at = 1; at < line; at++) {
    const next = text.indexOf('\n', offset)
    if (next < 0) break
    offset = next + 1
  }
  return offset
}

/**
 * Read a PO file: its entries with places, or the parser's error at its line. Entries without a context
 * (but the header), and a context given twice, are reported here; merge reports what the document lacks.
 */
export function readPo(text: string): PoReading {
  const messages: VFileMessage[] = []
  const locator = createLocator(text)
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  const places = entryPlaces(text)
  let table: PoTable
  try {
    // Validating: a string that runs past its line, or an entry without msgstr, is an error, not a guess.
    table = po.parse(body, {validation: true})
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Error parsing PO data: /, '').replace(/ at line \d+/, '') : String(error)
    const line = (error as PoSyntaxError).lineNumber
    const named = /in "((?:[^"\\]|\\.)*)" context/.exec(reason)?.[1]
    if (line === undefined && /^Duplicate msgid/.test(reason)) {
      // Reported below with both places.
      table = po.parse(body)
    } else {
      const context = named === undefined ? undefined : places.find((place) => place.context === named)
      // The parser counts a line feed before it looks at it: a string that runs past its line ends at it.
      const offset = context?.offset ?? (/^End-of-line/.test(reason) && line !== undefined ? lineStart(text, line) - 1 : lineStart(text, line ?? 1))
      messages.push(createMessage(`Malformed PO: ${reason}`, {ruleId: 'po-malformed', place: locator.point(Math.max(0, offset))}))
      return {units: [], messages}
    }
  }
  const units: PoUnit[] = []
  const seen = new Map<string, Point>()
  let header = true
  for (const {context, offset} of places) {
    const place = locator.point(offset)
    if (context === undefined) {
      // The first entry without a context is the header when its msgid is empty.
      const entry = header ? table.translations['']?.[''] : undefined
      header = false
      if (entry === undefined) messages.push(createMessage('A PO entry without `msgctxt` (the unit id) is ignored', {ruleId: 'unit-id', place}))
      continue
    }
    header = false
    const first = seen.get(context)
    if (first) {
      messages.push(createMessage(`Duplicate unit id \`${context}\` (msgctxt): the first one is used`, {ruleId: 'duplicate-unit', place, related: {reason: 'The entry used', place: first}}))
      continue
    }
    seen.set(context, place)
    // Several msgids under one context are duplicates too: the second place reports it, the first entry is used.
    const entries = Object.values(table.translations[context] ?? {})
    if (entries.length === 0) {
      messages.push(createMessage(`The PO entry with msgctxt \`${context}\` could not be read`, {ruleId: 'po-malformed', place}))
      continue
    }
    const entry = entries[0]!
    units.push({
      context,
      msgid: entry.msgid,
      msgstr: entry.msgstr[0] ?? '',
      fuzzy: (entry.comments?.flag ?? '').split(/[\s,]+/).includes('fuzzy'),
      place
    })
  }
  return {units, messages}
}
