/**
 * The public API of sxs: pure functions over strings and plain data (no file system, no exit codes).
 *
 *     parse(text) → BilingualDocument        print(document) → text (byte-identical)
 *     writeXliff12 / writeXliff20 / writeJson / writePo(document) → text      readTranslations(text) → units
 *     check(document) → messages             merge(document, units) → {text, messages}
 *     mergeTranslations(document, translationFileText, {documentPath}) → what `sxs merge` does for one document
 *     renderSide(document, 'target' | 'source') → markdown
 *     writeTmx(tmxMemory([{document}])) → TMX text      documentStats(document) → word counts
 *     pseudoDocument(document) → merge result with pseudo-translated targets
 */
export {parse} from './document/parse.js'
export type {ParseOptions} from './document/parse.js'
export {print} from './document/print.js'
export type * from './document/types.js'
export {unitIds} from './document/unit-ids.js'

export {writeXliff12, writeXliff20, writeJson, writePo, toJsonDocument, readTranslations, XmlCharError} from './formats/index.js'
export type {WriteOptions, JsonDocument, JsonSegment, ReadOptions, ReadResult, ReadUnit, ReadDocument, TranslationFormat} from './formats/index.js'

export {tmxMemory, writeTmx} from './formats/tmx.js'
export type {TmxDocument, TmxMemory, TmxOptions, TmxUnit, TmxOrigin} from './formats/tmx.js'

export {documentStats, summarize, countWords} from './stats/index.js'
export type {Counts, DocumentStats, PairStats, Stats} from './stats/index.js'

export {check, rules} from './check/index.js'
export type {CheckMessage, CheckOptions, Rule, RuleSetting, Severity} from './check/index.js'

export {merge} from './merge/index.js'
export {mergeTranslations} from './merge/translations.js'
export type {MergeTranslationsOptions, MergeTranslationsResult} from './merge/translations.js'
export type {MergeOptions, MergeResult, MergeStatistics, TranslationUnit} from './merge/index.js'

export {pseudoDocument, pseudoTranslate, pseudoUnits} from './pseudo/index.js'
export type {PseudoOptions} from './pseudo/index.js'

export {renderSide} from './render/documents.js'
export type {Side} from './render/documents.js'
