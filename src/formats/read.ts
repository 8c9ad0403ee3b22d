/**
 * Read translations back: XLIFF 1.2, XLIFF 2.0, JSON or gettext PO (detected from the content) → units by id, with the
 * markdown of source and target rebuilt from the inline codes. A CAT tool may return our `<bpt>/<ept>/<ph>`
 * with their native data, or `<g>/<x>/<bx>/<ex>` (or empty codes) without it: those are resolved by id from
 * the unit's own source codes, or from `options.codes` (merge passes the document's code table). Problems
 * are vfile messages with line and column; nothing here throws at the user.
 */
import type {VFileMessage} from 'vfile-message'
import {createMessage} from '../document/messages.js'
import {createLocator, lazyPoint} from '../document/positions.js'
import type {Point} from '../document/types.js'
import {codeData, codeTable, rebuild} from '../inline/index.js'
import type {CodeRef, CodedContent, InlineCode} from '../inline/types.js'
import {elements, parseXml, textContent, traverse, type XmlElement, type XmlNode} from './xml-tree.js'
import {XLIFF12_NAMESPACE} from './xliff12.js'
import {XLIFF20_NAMESPACE} from './xliff20.js'
import {readPo} from './po.js'

export type TranslationFormat = 'xliff12' | 'xliff20' | 'json' | 'po'

export interface ReadUnit {
  /** Markdown of the source as the file has it (`undefined` when the unit has none). */
  source: string | undefined
  /** Markdown of the target; `undefined` when the unit has no target. */
  target: string | undefined
  /** `state` as written (XLIFF 1.2 target state, XLIFF 2.0 segment state, JSON state). */
  state: string | undefined
  /** Where the unit starts in the translation file. */
  place: Point
}

export interface ReadDocument {
  /** `original` (XLIFF) or `path` (JSON). */
  path: string | undefined
  units: Map<string, ReadUnit>
}

export interface ReadResult {
  format: TranslationFormat | undefined
  /** Every unit of the file by unit id (see `unitIds`); with several documents, the first of a repeated id. */
  units: Map<string, ReadUnit>
  /** The same units per `<file>` / JSON document. */
  documents: ReadDocument[]
  messages: VFileMessage[]
}

export interface ReadOptions {
  /** Path of the translation file, set on messages. */
  path?: string
  /**
   * Code tables by unit id, to resolve codes a tool returned without their native data; `document` is the
   * `original` (XLIFF) or `path` (JSON) of the unit's document in the file, when it names one (a file of several
   * documents repeats unit ids: update's `--memory` resolves each from the document it came from).
   */
  codes?: (unitId: string, document: string | undefined) => Iterable<InlineCode> | undefined
}

/** Read a translation file, detecting its format from the content. */
export function readTranslations(text: string, options: ReadOptions = {}): ReadResult {
  const result: ReadResult = {format: undefined, units: new Map(), documents: [], messages: []}
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  const first = /\S/.exec(body)
  if (!first) {
    result.messages.push(createMessage('The translation file is empty', {ruleId: 'translations-empty', place: {line: 1, column: 1, offset: 0}}))
  } else if (first[0] === '{' || first[0] === '[') {
    result.format = 'json'
    readJson(text, options, result)
  } else if (first[0] === '<') {
    readXml(text, options, result)
  } else if (first[0] === '#' || body.startsWith('msg', first.index)) {
    result.format = 'po'
    readPoFile(text, result)
  } else {
    result.messages.push(
      createMessage('Not a translation file: expected XLIFF 1.2, XLIFF 2.0, sxs JSON or gettext PO', {
        ruleId: 'translations-format',
        place: createLocator(text).point(first.index + (body === text ? 0 : 1))
      })
    )
  }
  if (options.path !== undefined) for (const message of result.messages) message.file = options.path
  return result
}

function addUnit(result: ReadResult, document: ReadDocument, id: string, unit: ReadUnit): void {
  if (document.units.has(id)) {
    result.messages.push(
      createMessage(`Duplicate unit id \`${id}\`: the first one is used`, {
        ruleId: 'duplicate-unit',
        place: unit.place,
        related: {reason: 'The unit used', place: document.units.get(id)!.place}
      })
    )
    return
  }
  document.units.set(id, unit)
  if (!result.units.has(id)) result.units.set(id, unit)
}

// ————————————————————————————————————————————— XML

function readXml(text: string, options: ReadOptions, result: ReadResult): void {
  const {root, messages} = parseXml(text)
  result.messages.push(...messages)
  if (!root) return
  const version = root.attributes['version']
  if (root.name !== 'xliff') {
    result.messages.push(createMessage(`Not XLIFF: the root element is <${root.name}>`, {ruleId: 'translations-format', place: root.place}))
    return
  }
  const wrong = namespaceProblem(root.ns, version)
  if (wrong !== undefined) {
    result.messages.push(createMessage(wrong, {ruleId: 'translations-format', place: root.place}))
    return
  }
  if (root.ns === XLIFF12_NAMESPACE || version === '1.2' || version === '1.1') {
    result.format = 'xliff12'
    for (const file of elements(root, 'file')) readFile12(file, options, result)
  } else if (root.ns === XLIFF20_NAMESPACE || version?.startsWith('2.')) {
    result.format = 'xliff20'
    for (const file of elements(root, 'file')) readFile20(file, options, result)
  } else {
    result.messages.push(createMessage(`Unsupported XLIFF version \`${version ?? '?'}\``, {ruleId: 'translations-format', place: root.place}))
  }
}

/**
 * A root whose namespace and version disagree: XLIFF 2.0 read as 1.2 (or the other way round) finds no
 * unit, and merge would say nothing happened with exit 0. XLIFF 1.2 without a namespace (or in 1.1's) is
 * read, as its elements are the same; XLIFF 2.0's are told by their namespace, which it needs.
 */
function namespaceProblem(ns: string, version: string | undefined): string | undefined {
  const shown = ns === '' ? 'no namespace' : `the namespace ${ns}`
  if (version?.startsWith('2.') && ns !== XLIFF20_NAMESPACE) {
    return `XLIFF ${version} needs the namespace ${XLIFF20_NAMESPACE}, and this <xliff> has ${shown}: no unit could be read`
  }
  if (ns === XLIFF20_NAMESPACE && version !== undefined && !version.startsWith('2.')) {
    return `<xliff version="${version}"> in the XLIFF 2.0 namespace: give version="2.0", or the XLIFF 1.2 namespace ${XLIFF12_NAMESPACE}`
  }
  return undefined
}

/** The native data a unit knows for one half of a paired code, or for a standalone code, by the code's id. */
type KnownData = (type: CodeRef['type'], id: string) => string | undefined

/**
 * What a unit knows of its codes: the caller's table first; for an id the caller does not give, the native
 * data the unit's source carries for that same half (or standalone code). A half the source does not carry
 * stays unknown, reported and left out: a source holding only `<it pos="close">**</it>` says nothing of an
 * open half (it once stood for `''`, so a target's extra open code vanished without a word).
 */
function unitCodes(id: string, options: ReadOptions, sourceRefs: CodedContent, document: ReadDocument): KnownData {
  const given = options.codes?.(id, document.path)
  const table = given ? codeTable(given) : new Map<string, InlineCode>()
  const fromSource = new Map<string, string>()
  for (const part of sourceRefs) if (typeof part !== 'string' && part.data !== undefined) fromSource.set(`${part.type} ${part.id}`, part.data)
  return (type, codeId) => (table.has(codeId) ? codeData({type, id: codeId}, table) : fromSource.get(`${type} ${codeId}`))
}

const noTable = new Map<string, InlineCode>()

function markdown(coded: CodedContent, known: KnownData, place: Point, unitId: string, result: ReadResult): string {
  const resolved = coded.map((part) => {
    if (typeof part === 'string' || part.data !== undefined) return part
    const data = known(part.type, part.id)
    return data === undefined ? part : {...part, data}
  })
  const {text, unknown} = rebuild(resolved, noTable)
  for (const ref of unknown) {
    result.messages.push(
      createMessage(`Unit \`${unitId}\`: inline code \`${ref.id}\` (${ref.type}) has no native data and is not in the source; it is left out`, {
        ruleId: 'unknown-code',
        place
      })
    )
  }
  return text
}

/**
 * A target's codes are protected: where a tool returned a code whose id the source knows but whose native
 * data it changed (translate-toolkit's `podebug` accents the link URL inside `<ept>`), the original data is
 * put back, with a warning, rather than letting a CAT tool rewrite a URL. Sources are never restored: a
 * changed source is a stale translation, which merge must see.
 */
function restoreTargetCodes(coded: CodedContent, knownData: KnownData, place: Point, unitId: string, result: ReadResult): CodedContent {
  return coded.map((part) => {
    if (typeof part === 'string' || part.data === undefined) return part
    const known = knownData(part.type, part.id)
    if (known === undefined || known === part.data) return part
    result.messages.push(
      createMessage(`Unit \`${unitId}\`: the tool changed inline code \`${part.id}\` from \`${known}\` to \`${part.data}\`; the original is kept`, {
        ruleId: 'code-restored',
        place,
        fatal: false
      })
    )
    return {type: part.type, id: part.id, data: known}
  })
}

/** `U+0001 U+0002` → the characters. */
function decodeChars(value: string): string | undefined {
  const parts = value.trim().split(/\s+/)
  let out = ''
  for (const part of parts) {
    const m = /^U\+([0-9A-Fa-f]{1,6})$/.exec(part)
    if (!m) return undefined
    const code = Number.parseInt(m[1]!, 16)
    if (code > 0x10ffff) return undefined
    out += code <= 0xffff ? String.fromCharCode(code) : String.fromCodePoint(code)
  }
  return out
}

// XLIFF 1.2

function readFile12(file: XmlElement, options: ReadOptions, result: ReadResult): void {
  const document: ReadDocument = {path: file.attributes['original'], units: new Map()}
  result.documents.push(document)
  const visit = (element: XmlElement): void => {
    for (const child of elements(element)) {
      if (child.name === 'trans-unit') readUnit12(child, options, result, document)
      else if (child.name === 'body' || child.name === 'group') visit(child)
      else if (child.name === 'unit' || child.name === 'segment') {
        result.messages.push(createMessage(`<${child.name}> is XLIFF 2.0, in an XLIFF 1.2 file: its units are not read`, {ruleId: 'translations-format', place: child.place}))
      }
    }
  }
  visit(file)
}

function readUnit12(unit: XmlElement, options: ReadOptions, result: ReadResult, document: ReadDocument): void {
  const id = unit.attributes['id']
  if (id === undefined) {
    result.messages.push(createMessage('A <trans-unit> without an id is ignored', {ruleId: 'unit-id', place: unit.place}))
    return
  }
  const sourceElement = elements(unit, 'source')[0]
  const targetElement = elements(unit, 'target')[0]
  const sourceCoded = sourceElement ? inline12(sourceElement, result) : []
  const targetCoded = targetElement ? inline12(targetElement, result) : undefined
  const known = unitCodes(id, options, sourceCoded, document)
  addUnit(result, document, id, {
    source: sourceElement ? markdown(sourceCoded, known, sourceElement.place, id, result) : undefined,
    target: targetElement && targetCoded ? markdown(restoreTargetCodes(targetCoded, known, targetElement.place, id, result), known, targetElement.place, id, result) : undefined,
    state: targetElement?.attributes['state'],
    place: unit.place
  })
}

/** XLIFF 1.2 inline content → coded content (native data where the element carries it). */
/** An element inline content may not hold: reported, and its text kept (the walk goes into it). */
function unexpectedElement(node: XmlElement, parent: XmlElement, result: ReadResult): true {
  result.messages.push(createMessage(`Unexpected <${node.name}> in <${parent.name}>: its text is kept`, {ruleId: 'unknown-element', place: node.place, fatal: false}))
  return true
}

function inline12(element: XmlElement, result: ReadResult): CodedContent {
  const out: CodedContent = []
  const enter = (node: XmlNode): boolean => {
    if (typeof node === 'string') {
      out.push(node)
      return false
    }
    const id = node.attributes['id'] ?? ''
    const withData = (type: CodeRef['type'], data: string): CodeRef => (data === '' ? {type, id} : {type, id, data})
    switch (node.name) {
      case 'bpt':
        out.push(withData('open', textContent(node)))
        return false
      case 'ept':
        out.push(withData('close', textContent(node)))
        return false
      case 'ph': {
        const content = textContent(node)
        if (node.attributes['ctype'] === 'x-sxs-char') {
          const decoded = decodeChars(content)
          out.push(decoded === undefined ? {type: 'standalone', id} : {type: 'standalone', id, data: decoded})
        } else out.push(withData('standalone', content))
        return false
      }
      case 'it':
        out.push(withData(node.attributes['pos'] === 'close' ? 'close' : 'open', textContent(node)))
        return false
      case 'g':
        out.push({type: 'open', id})
        return true
      case 'x':
        out.push({type: 'standalone', id})
        return false
      case 'bx':
        out.push({type: 'open', id: node.attributes['rid'] ?? id})
        return false
      case 'ex':
        out.push({type: 'close', id: node.attributes['rid'] ?? id})
        return false
      case 'mrk':
        return true
      default:
        return unexpectedElement(node, element, result)
    }
  }
  // A <g> closes after its content.
  traverse(element.children, enter, (left) => {
    if (left.name === 'g') out.push({type: 'close', id: left.attributes['id'] ?? ''})
  })
  return out
}

// XLIFF 2.0

function readFile20(file: XmlElement, options: ReadOptions, result: ReadResult): void {
  const document: ReadDocument = {path: file.attributes['original'], units: new Map()}
  result.documents.push(document)
  const visit = (element: XmlElement): void => {
    for (const child of elements(element)) {
      if (child.name === 'unit' && child.ns === XLIFF20_NAMESPACE) readUnit20(child, options, result, document)
      else if (child.name === 'group' && child.ns === XLIFF20_NAMESPACE) visit(child)
    }
  }
  visit(file)
}

/** `<data>` content, with `<cp hex>` decoded. */
function data20(element: XmlElement): string {
  let out = ''
  for (const child of element.children) {
    if (typeof child === 'string') out += child
    else if (child.name === 'cp') out += cpChar(child)
  }
  return out
}

function cpChar(element: XmlElement): string {
  const code = Number.parseInt(element.attributes['hex'] ?? '', 16)
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? (code <= 0xffff ? String.fromCharCode(code) : String.fromCodePoint(code)) : ''
}

function readUnit20(unit: XmlElement, options: ReadOptions, result: ReadResult, document: ReadDocument): void {
  const id = unit.attributes['id']
  if (id === undefined) {
    result.messages.push(createMessage('A <unit> without an id is ignored', {ruleId: 'unit-id', place: unit.place}))
    return
  }
  const data = new Map<string, string>()
  for (const original of elements(unit, 'originalData')) for (const item of elements(original, 'data')) data.set(item.attributes['id'] ?? '', data20(item))
  const source: CodedContent = []
  let state: string | undefined
  let sourcePlace = unit.place
  let targetPlace: XmlElement['place'] | undefined
  // Each part's target (an ignorable without one stands for itself); a segment without one is untranslated.
  const targets: CodedContent[] = []
  let translated = 0
  let untranslated: XmlElement | undefined
  for (const part of elements(unit)) {
    if (part.name !== 'segment' && part.name !== 'ignorable') continue
    const partSource = elements(part, 'source')[0]
    const partTarget = elements(part, 'target')[0]
    if (part.name === 'segment' && state === undefined) state = part.attributes['state'] ?? 'initial'
    const sourceContent = partSource ? inline20(partSource, data, result) : []
    if (partSource) {
      if (source.length === 0) sourcePlace = partSource.place
      source.push(...sourceContent)
    }
    if (partTarget) {
      targetPlace ??= partTarget.place
      targets.push(inline20(partTarget, data, result))
      if (part.name === 'segment') translated++
    } else {
      targets.push(sourceContent)
      if (part.name === 'segment') untranslated ??= part
    }
  }
  // A unit some of whose segments have a target and others not (a CAT tool split the sentence and the
  // translator did one half) is not translated: merging the halves done would drop the rest of the sentence.
  if (translated > 0 && untranslated !== undefined) {
    result.messages.push(
      createMessage(`Unit \`${id}\` has a segment without a target: its translation is incomplete and not used`, {ruleId: 'partial-translation', place: untranslated.place, fatal: false})
    )
  }
  const target = translated > 0 && untranslated === undefined ? targets.flat() : undefined
  const known = unitCodes(id, options, source, document)
  // A unit with a target has seen a `<target>`: `unit.place` only satisfies the type.
  const targetAt = targetPlace ?? unit.place
  addUnit(result, document, id, {
    source: markdown(source, known, sourcePlace, id, result),
    target: target === undefined ? undefined : markdown(restoreTargetCodes(target, known, targetAt, id, result), known, targetAt, id, result),
    state,
    place: unit.place
  })
}

function inline20(element: XmlElement, data: Map<string, string>, result: ReadResult): CodedContent {
  const out: CodedContent = []
  const ref = (type: CodeRef['type'], id: string, dataRef: string | undefined): CodeRef => {
    const value = dataRef === undefined ? undefined : data.get(dataRef)
    if (dataRef !== undefined && value === undefined) {
      result.messages.push(createMessage(`dataRef \`${dataRef}\` does not resolve to a <data> of the unit`, {ruleId: 'unknown-code', place: element.place, fatal: false}))
    }
    return value === undefined ? {type, id} : {type, id, data: value}
  }
  const enter = (node: XmlNode): boolean => {
    if (typeof node === 'string') {
      out.push(node)
      return false
    }
    const id = node.attributes['id'] ?? ''
    switch (node.name) {
      case 'pc':
        out.push(ref('open', id, node.attributes['dataRefStart']))
        return true
      case 'sc':
        out.push(ref('open', id, node.attributes['dataRef']))
        return false
      case 'ec':
        out.push(ref('close', node.attributes['startRef'] ?? id, node.attributes['dataRef']))
        return false
      case 'ph':
        out.push(ref('standalone', id, node.attributes['dataRef']))
        return false
      case 'cp':
        out.push(cpChar(node))
        return false
      case 'mrk':
        return true
      case 'sm':
      case 'em':
        return false
      default:
        return unexpectedElement(node, element, result)
    }
  }
  // A <pc> closes after its content.
  traverse(element.children, enter, (left) => {
    if (left.name === 'pc') out.push(ref('close', left.attributes['id'] ?? '', left.attributes['dataRefEnd']))
  })
  return out
}

// ————————————————————————————————————————————— PO

/**
 * PO carries native markdown in `msgid`/`msgstr`: no codes to resolve. An empty `msgstr` is gettext's
 * "untranslated" (the unit has no target, and the document keeps its own); a fuzzy one is merged like an
 * XLIFF target that needs review (sxs writes machine translations fuzzy).
 */
function readPoFile(text: string, result: ReadResult): void {
  const {units, messages} = readPo(text)
  result.messages.push(...messages)
  if (messages.some((message) => message.fatal) && units.length === 0) return
  const document: ReadDocument = {path: undefined, units: new Map()}
  result.documents.push(document)
  for (const unit of units) {
    addUnit(result, document, unit.context!, {
      source: unit.msgid,
      target: unit.msgstr === '' ? undefined : unit.msgstr,
      state: unit.msgstr === '' ? 'needs-translation' : unit.fuzzy ? 'fuzzy' : 'translated',
      place: unit.place
    })
  }
}

// ————————————————————————————————————————————— JSON

/**
 * The JSON versions read: 1 (pretty-printed, every field) and 2 (a segment a line, derivable fields left
 * out). Both name a segment's unit `unit` (v2: only where it is not `id`), its markdown `source` and
 * `target`, its coded forms `sourceCoded`/`targetCoded` with `codes` (v2: only with inline codes, where the
 * markdown is there anyway) and its `state`: one reading serves both.
 */
const readableJsonVersions = new Set<unknown>([1, 2])

function readJson(text: string, options: ReadOptions, result: ReadResult): void {
  const locator = createLocator(text)
  let value: unknown
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const offset = jsonErrorOffset(reason, text)
    const truncated = /end of JSON input|Unterminated/i.test(reason)
    result.messages.push(
      createMessage(truncated ? `The JSON ends early: is it truncated? (${reason})` : `Malformed JSON: ${reason}`, {
        ruleId: truncated ? 'json-truncated' : 'json-malformed',
        place: locator.point(offset)
      })
    )
    return
  }
  const list = Array.isArray(value) ? value : [value]
  const at = (offset: number): Point => lazyPoint(locator, Math.max(0, offset))
  // Places: where a key or value is written, searched forward (JSON.parse keeps no positions).
  const find = (needle: string, from: number): number => text.indexOf(needle, from)
  if (list.length === 0) {
    result.messages.push(createMessage('The JSON holds no document (an empty array): nothing to merge', {ruleId: 'translations-format', place: at(find('[', 0))}))
    return
  }
  let searchFrom = 0
  for (const item of list) {
    if (!isRecord(item) || !Array.isArray(item['segments'])) {
      const found = isRecord(item) && 'segments' in item ? find('"segments"', searchFrom) : -1
      result.messages.push(createMessage('Not an sxs JSON document: no `segments` array', {ruleId: 'translations-format', place: at(found >= 0 ? found : searchFrom)}))
      continue
    }
    if (item['version'] !== undefined && !readableJsonVersions.has(item['version'])) {
      result.messages.push(
        createMessage(`Unsupported sxs JSON version \`${JSON.stringify(item['version'])}\`: this sxs reads versions 1 and 2`, {ruleId: 'translations-format', place: at(find('"version"', searchFrom))})
      )
      continue
    }
    const document: ReadDocument = {path: typeof item['path'] === 'string' ? item['path'] : undefined, units: new Map()}
    result.documents.push(document)
    const segmentsAt = find('"segments"', searchFrom)
    if (segmentsAt >= 0) searchFrom = segmentsAt
    for (const [index, segment] of (item['segments'] as unknown[]).entries()) {
      if (!isRecord(segment)) {
        const found = find(JSON.stringify(segment) ?? 'null', searchFrom)
        result.messages.push(createMessage(`Segment ${index + 1} is ${typeName(segment)}, not an object: it is not read`, {ruleId: 'json-type', place: at(found >= 0 ? found : searchFrom)}))
        if (found >= 0) searchFrom = found + 1
        continue
      }
      const rawId = segment['unit'] !== undefined ? segment['unit'] : segment['id']
      const id = typeof rawId === 'string' ? rawId : undefined
      // Place: where this unit's id is written.
      const found = id === undefined ? -1 : find(JSON.stringify(id), searchFrom)
      if (found >= 0) searchFrom = found + 1
      // Computed only if a message needs it: locating each unit's line in a large file took most of
      // merge's reading time (0.4 s for the corpus' 141 MB of JSON), and merging a clean file needs none.
      const place = at(found >= 0 ? found : searchFrom)
      if (id === undefined) {
        if (rawId === undefined) result.messages.push(createMessage('A segment without `id` is ignored', {ruleId: 'unit-id', place}))
        else result.messages.push(createMessage(`Segment ${index + 1}: its \`${segment['unit'] !== undefined ? 'unit' : 'id'}\` is ${typeName(rawId)}, not a string: it is not read`, {ruleId: 'json-type', place}))
        continue
      }
      // A field of the wrong type is not a missing one: a number as the target would keep the old target
      // without a word, and a source that is no string would skip the stale check.
      const wrongType = [
        ...['source', 'target', 'state'].filter((key) => segment[key] !== undefined && segment[key] !== null && typeof segment[key] !== 'string'),
        ...['sourceCoded', 'targetCoded', 'codes'].filter((key) => segment[key] !== undefined && !Array.isArray(segment[key]))
      ]
      if (wrongType.length > 0) {
        for (const key of wrongType) {
          const keyAt = find(`"${key}"`, found >= 0 ? found : searchFrom)
          const expected = key === 'source' || key === 'target' || key === 'state' ? 'a string' : 'an array'
          result.messages.push(createMessage(`Unit \`${id}\`: \`${key}\` is ${typeName(segment[key])}, not ${expected}: the unit is not read`, {ruleId: 'json-type', place: at(keyAt >= 0 ? keyAt : found)}))
        }
        continue
      }
      // The code table is needed only for a side given in coded form alone (the raw markdown wins).
      let table: Map<string, InlineCode> | undefined
      const codeTableOf = (): Map<string, InlineCode> => {
        const codes = Array.isArray(segment['codes']) ? (segment['codes'] as InlineCode[]).filter(isRecord) : []
        return (table ??= codeTable([...(options.codes?.(id, document.path) ?? []), ...codes]))
      }
      const side = (raw: unknown, coded: unknown): string | undefined => {
        if (typeof raw === 'string') return raw
        if (Array.isArray(coded)) return markdown(coded.filter((part) => typeof part === 'string' || isRecord(part)) as CodedContent, (type, codeId) => codeData({type, id: codeId}, codeTableOf()), place, id, result)
        return undefined
      }
      addUnit(result, document, id, {
        source: side(segment['source'], segment['sourceCoded']),
        target: side(segment['target'], segment['targetCoded']),
        state: typeof segment['state'] === 'string' ? segment['state'] : undefined,
        place
      })
    }
  }
}

/** `a number`, `null`, `an array`, … for messages. */
function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  const type = typeof value
  return type === 'object' ? 'an object' : `a ${type === 'bigint' ? 'number' : type}`
}

/** Where JSON.parse failed: its `position N`, else (Node 20's newer messages) where its quoted excerpt sits. */
function jsonErrorOffset(reason: string, text: string): number {
  const at = /position (\d+)/.exec(reason)
  if (at) return Math.min(Number(at[1]) + (text.startsWith('\uFEFF') ? 1 : 0), text.length)
  const excerpt = /Unexpected token '([\s\S])', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(reason)
  if (excerpt) {
    const found = text.indexOf(excerpt[2]!)
    const within = excerpt[2]!.indexOf(excerpt[1]!)
    if (found >= 0 && within >= 0) return found + within
  }
  return text.length
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

