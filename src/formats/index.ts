/** Format writers (XLIFF 1.2, XLIFF 2.0, JSON) and the reader of translations for merge. */
export {writeXliff12} from './xliff12.js'
export {writeXliff20} from './xliff20.js'
export {writeJson, toJsonDocument, JSON_FORMAT_VERSION} from './json.js'
export type {JsonDocument, JsonSegment} from './json.js'
export {readTranslations} from './read.js'
export type {ReadOptions, ReadResult, ReadUnit, ReadDocument, TranslationFormat} from './read.js'
export {unitIds, documentMetadata, describeContext, type WriteOptions} from './common.js'
export {XmlCharError} from './xml.js'
