/**
 * The options and result of `sxs extract`'s per-file task (extract.ts) and the shape check a cached result
 * must pass: what the command and the engine need on a run whose results all come from the cache, without
 * loading the parser and the writers (the bundled CLI loads those on a cache miss only).
 */
import {isPlainMessages, type PlainMessage} from './messages.js'
import {isBlobRef, type BlobRef} from '../blob.js'

/** Where each format's outputs go; `writeFormats` writes them (the document prepared once for all). */
export const formats = {
  xliff12: {folder: 'xliff-1.2', extension: '.xlf'},
  xliff20: {folder: 'xliff-2.0', extension: '.xlf'},
  json: {folder: 'json', extension: '.json'},
  po: {folder: 'po', extension: '.po'}
} satisfies Record<string, {folder: string; extension: string}>

export type FormatName = keyof typeof formats

export interface ExtractOptions {
  /** Path relative to the input folder: the documents' name in the outputs. */
  relative: string
  sourceLanguage: string
  /** Target language where a document's front matter has no `ms.contentlocale`. */
  targetLanguage?: string
  formats: FormatName[]
  copySource: boolean
  /**
   * `false`: leave the outputs' SHA-256 out (`''`). Only the cache and its output ledger read it, and a run
   * without a cache would hash its 100 MB of outputs for nothing.
   */
  hash?: boolean
}

export interface ExtractResult {
  messages: PlainMessage[]
  segments: number
  /**
   * One output per selected format, in order (its text and SHA-256; from the cache, the text is fetched
   * by hash when it must be written); null when the file failed (a fatal message or `error`).
   */
  outputs: BlobRef[] | null
  /** A serializer refused the document (a character XML cannot carry). */
  error: string | null
  /**
   * The file holds no pair at all (no `data-ttu-id`, no `sxs-lookup`): a human-translated or untranslated
   * page, which localized docsets mix with the bilingual ones. Nothing to extract; warned, not failed.
   */
  skipped: boolean
}

export function isExtractResult(value: unknown, options: ExtractOptions): value is ExtractResult {
  if (typeof value !== 'object' || value === null) return false
  const result = value as Record<string, unknown>
  const outputs = result['outputs']
  return (
    isPlainMessages(result['messages']) &&
    Number.isSafeInteger(result['segments']) &&
    (result['error'] === null || typeof result['error'] === 'string') &&
    typeof result['skipped'] === 'boolean' &&
    (outputs === null || (Array.isArray(outputs) && outputs.length === options.formats.length && outputs.every(isBlobRef)))
  )
}
