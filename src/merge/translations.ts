/**
 * A translation file merged into a document: what `sxs merge` does for one document, as one library call, so
 * that the command and a program calling the library merge the same file the same way.
 *
 * The file is read in whatever format it is (readTranslations); codes a CAT tool returned without their native
 * data (`<x id="2"/>`) are resolved from the document's own segments; from a file holding several documents
 * (XLIFF with several `<file>`) the one named after the document is taken. Pure: texts in, the merge and every
 * message out, each message naming the file it is about.
 */
import path from 'node:path'
import type {VFileMessage} from 'vfile-message'
import type {BilingualDocument} from '../document/types.js'
import {createMessage} from '../document/messages.js'
import {unitIds} from '../document/unit-ids.js'
import {readTranslations} from '../formats/read.js'
import {codeSegment} from '../inline/index.js'
import type {InlineCode} from '../inline/types.js'
import {merge, type MergeOptions, type MergeResult} from './index.js'

export interface MergeTranslationsOptions extends MergeOptions {
  /** The document's path: names the merge's messages, and picks the document from a file of several. */
  documentPath?: string | undefined
  /** The translation file's path, named in the messages about it. */
  translationsPath?: string | undefined
}

export type MergeTranslationsResult =
  /** Merged (possibly with refused units, or nothing changed: see `merged.messages` and `merged.changed`). */
  | {ok: true; merged: MergeResult; messages: VFileMessage[]}
  /** Nothing merged: the file could not be read, or it does not hold this document. */
  | {ok: false; reason: 'unreadable' | 'document-not-in-file'; messages: VFileMessage[]}

/** `messages`: the translation file's (how it was read) followed by the merge's (about the document). */
export function mergeTranslations(document: BilingualDocument, translationText: string, options: MergeTranslationsOptions = {}): MergeTranslationsResult {
  const ids = unitIds(document)
  const segments = new Map(document.segments.map((segment, index) => [ids[index]!, segment]))
  const codes = (id: string): InlineCode[] | undefined => {
    const segment = segments.get(id)
    return segment && codeSegment(segment.source, segment.target).codes
  }
  const read = readTranslations(translationText, {...(options.translationsPath === undefined ? {} : {path: options.translationsPath}), codes})
  const messages = [...read.messages]
  if (messages.some((message) => message.fatal)) return {ok: false, reason: 'unreadable', messages}

  let units = read.units
  if (read.documents.length > 1) {
    const wanted = options.documentPath === undefined ? undefined : path.basename(options.documentPath)
    const found = wanted === undefined ? [] : read.documents.filter((entry) => entry.path !== undefined && path.basename(entry.path) === wanted)
    if (found.length !== 1) {
      const message = createMessage(
        `The translation file holds ${read.documents.length} documents and ${found.length === 0 ? 'none' : 'several'} named ${wanted ?? '(no document path given)'}`,
        {ruleId: 'document-not-in-translations', place: {line: 1, column: 1, offset: 0}}
      )
      if (options.translationsPath !== undefined) message.file = options.translationsPath
      return {ok: false, reason: 'document-not-in-file', messages: [...messages, message]}
    }
    units = found[0]!.units
  }
  const merged = merge(document, units, options)
  if (options.documentPath !== undefined) for (const message of merged.messages) message.file = options.documentPath
  return {ok: true, merged, messages: [...messages, ...merged.messages]}
}
