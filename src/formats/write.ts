/**
 * Several formats of one document at once (XLIFF 1.2, XLIFF 2.0, JSON, PO): the document is prepared (unit ids, coded segments, states) once
 * and shared by the writers, instead of once per format.
 */
import type {BilingualDocument} from '../document/types.js'
import type {WriteOptions} from './common.js'
import {jsonPieces} from './json.js'
import {poPieces} from './po.js'
import {prepareDocument, type PreparedDocument} from './prepare.js'
import {xliff12Pieces} from './xliff12.js'
import {xliff20Pieces} from './xliff20.js'

/** Each writer gives its text in pieces (its segments in batches). */
const writers = {
  xliff12: (document: PreparedDocument): Iterable<string> => xliff12Pieces([document]),
  xliff20: (document: PreparedDocument): Iterable<string> => xliff20Pieces([document]),
  json: jsonPieces,
  po: poPieces
} as const

export type WriterName = keyof typeof writers

/** The text of each named format for one document, in the order of `names`; equal to `writeXliff12(document, options)`, …. */
export function writeFormats(document: BilingualDocument, names: readonly WriterName[], options?: WriteOptions): string[]
/**
 * Each format's text handed to `each` in pieces as it is written, and only what `each` returns kept: the
 * texts of a large document are tens of megabytes, and need not all be alive at once (extract encodes
 * each piece to bytes and lets it go).
 */
export function writeFormats<T>(document: BilingualDocument, names: readonly WriterName[], options: WriteOptions, each: (pieces: Iterable<string>) => T): T[]
export function writeFormats<T>(document: BilingualDocument, names: readonly WriterName[], options: WriteOptions = {}, each?: (pieces: Iterable<string>) => T): Array<T | string> {
  const prepared = prepareDocument(document, options)
  return names.map((name) => (each ? each(writers[name](prepared)) : [...writers[name](prepared)].join('')))
}
