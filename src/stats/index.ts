/**
 * Word counts of bilingual documents: per document, per language pair and in total, the segments, source and
 * target words and characters (see `words.ts`), how many segments come from machine (`MT`) and human (`HT`)
 * translation, how many are untranslated or empty, and check's errors and warnings (counted by the caller,
 * who runs `check`).
 */
import type {BilingualDocument} from '../document/types.js'
import {translationType, untranslatedReason} from '../formats/common.js'
import {countCharacters, countWords, translatableText} from './words.js'

export {countCharacters, countWords, isUnspaced, translatableText} from './words.js'

/** The counts, the same for a document, a language pair and the total. */
export interface Counts {
  segments: number
  sourceWords: number
  targetWords: number
  sourceCharacters: number
  targetCharacters: number
  /** Segments of machine-translated documents (`ms.translationtype: MT`). */
  mtSegments: number
  /** Segments of human-translated documents (`ms.translationtype: HT`). */
  htSegments: number
  /** Source words of those segments. */
  mtWords: number
  htWords: number
  /** Segments whose target is empty or the source unchanged. */
  untranslated: number
  /** Segments without source text. */
  empty: number
  errors: number
  warnings: number
}

export interface DocumentStats extends Counts {
  document: string
  sourceLanguage: string
  targetLanguage: string
  /** `MT`, `HT`, … or undefined when the front matter does not say. */
  translationType: string | undefined
}

export interface PairStats extends Counts {
  sourceLanguage: string
  targetLanguage: string
  documents: number
}

export interface Stats {
  documents: DocumentStats[]
  languagePairs: PairStats[]
  total: Counts & {documents: number}
}

function zero(): Counts {
  return {segments: 0, sourceWords: 0, targetWords: 0, sourceCharacters: 0, targetCharacters: 0, mtSegments: 0, htSegments: 0, mtWords: 0, htWords: 0, untranslated: 0, empty: 0, errors: 0, warnings: 0}
}

const COUNT_KEYS = Object.keys(zero()) as Array<keyof Counts>

function add(into: Counts, counts: Counts): void {
  for (const key of COUNT_KEYS) into[key] += counts[key]
}

/** The counts of one document; `findings` are check's errors and warnings on it. */
export function documentStats(document: BilingualDocument, findings: {errors: number; warnings: number} = {errors: 0, warnings: 0}): DocumentStats {
  const sourceLanguage = document.languages.source
  const targetLanguage = document.languages.target ?? 'und'
  const type = translationType(document)
  const stats: DocumentStats = {document: document.path ?? '', sourceLanguage, targetLanguage, translationType: type, ...zero(), errors: findings.errors, warnings: findings.warnings}
  for (const segment of document.segments) {
    const source = translatableText(segment.source)
    const target = translatableText(segment.target)
    const words = countWords(source, sourceLanguage)
    stats.segments++
    stats.sourceWords += words
    stats.targetWords += countWords(target, targetLanguage)
    stats.sourceCharacters += countCharacters(source, sourceLanguage)
    stats.targetCharacters += countCharacters(target, targetLanguage)
    if (type === 'MT') {
      stats.mtSegments++
      stats.mtWords += words
    } else if (type === 'HT') {
      stats.htSegments++
      stats.htWords += words
    }
    const reason = untranslatedReason(segment)
    if (reason === 'empty') stats.empty++
    else if (reason === 'untranslated') stats.untranslated++
  }
  return stats
}

/** Documents' counts with their sums per language pair (in order of first appearance) and in total. */
export function summarize(documents: readonly DocumentStats[]): Stats {
  const pairs = new Map<string, PairStats>()
  const total = {...zero(), documents: documents.length}
  for (const stats of documents) {
    const key = `${stats.sourceLanguage}\u0000${stats.targetLanguage}`
    let pair = pairs.get(key)
    if (pair === undefined) {
      pair = {sourceLanguage: stats.sourceLanguage, targetLanguage: stats.targetLanguage, documents: 0, ...zero()}
      pairs.set(key, pair)
    }
    pair.documents++
    add(pair, stats)
    add(total, stats)
  }
  return {documents: [...documents], languagePairs: [...pairs.values()], total}
}
