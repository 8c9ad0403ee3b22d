/**
 * TMX 1.4b writer: a docset's aligned pairs as one translation memory. Inline codes are written as
 * `<bpt>/<ept>/<ph>` holding the native markdown, with the ids of our XLIFF (`i` pairs `<bpt>` with
 * `<ept>`, `x` is the code's id), so that a CAT tool sees the same codes in the memory as in the job.
 * Identical pairs (same texts, same target language) are one `<tu>` with a `usagecount` and a group of
 * `<prop>`s per place it came from. With `tags: 'omegat'` the segments are OmegaT's view instead (see
 * `omegat.ts`): plain text with OmegaT's tag shortcuts, which OmegaT 3.6 matches with its default settings.
 */
import type {BilingualDocument} from '../document/types.js'
import {codeById, codeSegment} from '../inline/index.js'
import type {CodedContent, InlineCode} from '../inline/types.js'
import {translationType, untranslatedReason} from './common.js'
import {omegatPair} from './omegat.js'
import {charCodeText, ctypeOf} from './xliff12.js'
import {XML_DECLARATION, emptyTag, escapeAttribute, escapeText, isLanguageTag, visibleText} from './xml.js'

/**
 * Why a pair is left out of the memory: `broken`, `empty`, `untranslated` (without `includeAll`), `omegat`
 * (with `tags: 'omegat'`, a pair OmegaT could not give back: see `omegatPair`).
 */
export type TmxExclusion = 'broken' | 'empty' | 'untranslated' | 'omegat'

export interface TmxDocument {
  document: BilingualDocument
  /** Ids of the pairs `check` reports errors on: left out of the memory unless `includeAll`. */
  broken?: ReadonlySet<string>
}

export interface TmxOptions {
  /** The source language (`srclang`, each source `<tuv>`); the documents do not say. Default `en-US`. */
  sourceLanguage?: string
  /** Keep broken, empty and untranslated pairs too. */
  includeAll?: boolean
  /** Inline codes as TMX `<bpt>/<ept>/<ph>` (default), or as OmegaT's tag shortcuts in the text. */
  tags?: 'tmx' | 'omegat'
}

/** Where a pair came from. */
export interface TmxOrigin {
  document: string
  id: string
  translationType: string | undefined
}

/** One `<tu>`: a distinct pair, with every place it occurs. */
export interface TmxUnit {
  source: string
  target: string
  targetLanguage: string
  origins: TmxOrigin[]
  /** The `<seg>` contents (XML) of the source and target. */
  segments: {source: string; target: string}
}

export interface TmxMemory {
  sourceLanguage: string
  units: TmxUnit[]
  /** Pairs left out, by reason (a pair counts once, under its first reason). */
  excluded: Record<TmxExclusion, number>
  /** Pairs written (each occurrence; `units.length` counts distinct pairs). */
  pairs: number
}

/** The memory of some documents: every kept pair, identical pairs merged in order of first appearance. */
export function tmxMemory(documents: readonly TmxDocument[], options: TmxOptions = {}): TmxMemory {
  const sourceLanguage = options.sourceLanguage ?? 'en-US'
  const units = new Map<string, TmxUnit>()
  const excluded: Record<TmxExclusion, number> = {broken: 0, empty: 0, untranslated: 0, omegat: 0}
  /** Keys of pairs OmegaT could not give back. */
  const refused = new Set<string>()
  let pairs = 0
  for (const {document, broken} of documents) {
    const targetLanguage = document.languages.target !== undefined && isLanguageTag(document.languages.target) ? document.languages.target : 'und'
    const type = translationType(document)
    for (const segment of document.segments) {
      const reason = broken?.has(segment.id) ? 'broken' : untranslatedReason(segment)
      if (reason !== undefined && !options.includeAll) {
        excluded[reason]++
        continue
      }
      const key = `${targetLanguage}\u0000${segment.source}\u0000${segment.target}`
      let unit = units.get(key)
      if (unit === undefined && !refused.has(key)) {
        const segments = segmentsOf(segment.source, segment.target, options.tags ?? 'tmx')
        if (segments === undefined) refused.add(key)
        else {
          unit = {source: segment.source, target: segment.target, targetLanguage, origins: [], segments}
          units.set(key, unit)
        }
      }
      if (unit === undefined) {
        excluded.omegat++
        continue
      }
      pairs++
      unit.origins.push({document: document.path ?? '', id: segment.id, translationType: type})
    }
  }
  return {sourceLanguage, units: [...units.values()], excluded, pairs}
}

/** The `<seg>` contents of a pair, or undefined when OmegaT could not give it back. */
function segmentsOf(source: string, target: string, tags: 'tmx' | 'omegat'): {source: string; target: string} | undefined {
  const coded = codeSegment(source, target)
  if (tags === 'tmx') return {source: tmxContent(coded.source, coded.codes), target: tmxContent(coded.target, coded.codes)}
  const shown = omegatPair(coded.source, coded.target, coded.codes)
  return shown && {source: escapeText(shown.source), target: escapeText(shown.target)}
}

/** Coded content → TMX inline content (`<bpt i x type>`, `<ept i>`, `<ph x type>`, native data escaped). */
export function tmxContent(coded: CodedContent, codes: readonly InlineCode[]): string {
  let out = ''
  for (const part of coded) {
    if (typeof part === 'string') {
      out += escapeText(part)
      continue
    }
    const code = codeById(codes, part.id)!
    const id = escapeAttribute(code.id)
    if (code.type === 'paired') {
      if (part.type === 'open') out += `<bpt i="${id}" x="${id}" type="${ctypeOf(code)}">${escapeText(code.open)}</bpt>`
      else out += `<ept i="${id}">${escapeText(code.close)}</ept>`
    } else {
      const content = code.kind === 'char' ? charCodeText(code.data) : code.data
      out += `<ph x="${id}" type="${ctypeOf(code)}">${escapeText(content)}</ph>`
    }
  }
  return out
}

/** `<prop>` of a type of ours (nothing to escape in the type). */
function prop(type: string, value: string): string {
  return `      <prop type="x-sxs-${type}">${visibleText(value)}</prop>\n`
}

function tu(unit: TmxUnit, sourceLanguage: string): string {
  let out = `    <tu usagecount="${unit.origins.length}">\n`
  for (const origin of unit.origins) {
    out += prop('document', origin.document) + prop('id', origin.id)
    if (origin.translationType !== undefined) out += prop('translationtype', origin.translationType)
  }
  out += `      <tuv xml:lang="${sourceLanguage}"><seg>${unit.segments.source}</seg></tuv>\n`
  out += `      <tuv xml:lang="${unit.targetLanguage}"><seg>${unit.segments.target}</seg></tuv>\n`
  return out + '    </tu>\n'
}

/** The memory as TMX 1.4b text. */
export function writeTmx(memory: TmxMemory): string {
  const header = emptyTag('header', {
    creationtool: 'sxs',
    creationtoolversion: '0.1.0',
    segtype: 'paragraph',
    'o-tmf': 'sxs',
    adminlang: 'en-US',
    srclang: memory.sourceLanguage,
    datatype: 'x-markdown'
  })
  let out = XML_DECLARATION + '<tmx version="1.4">\n  ' + header + '\n  <body>\n'
  for (const unit of memory.units) out += tu(unit, memory.sourceLanguage)
  return out + '  </body>\n</tmx>\n'
}
