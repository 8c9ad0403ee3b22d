/**
 * Documents read, parsed and checked one after another in the main thread, for the commands that need the
 * whole set together (`tmx`, `stats`). A file that cannot be read, decoded or parsed is reported on one
 * line and counted as failed; a file without any pair (not bilingual) is warned about and passed over.
 */
import {check, type CheckMessage} from '../check/index.js'
import {createMessage} from '../document/messages.js'
import {parse} from '../document/parse.js'
import type {BilingualDocument} from '../document/types.js'
import {decodeUtf8, printable, readRegularFile, type InputFile} from './files.js'
import type {Io} from './io.js'
import {describeError, documentFailure} from './report.js'
import {formatMessage} from './reporters/compact.js'

export interface CheckedDocument {
  file: InputFile
  document: BilingualDocument
  /** `check`'s messages (errors: `fatal === true`). */
  messages: CheckMessage[]
}

export interface CheckedOptions {
  sourceLanguage: string
  /** Target language of documents without `ms.contentlocale`. */
  targetLanguage?: string | undefined
}

/** Each readable bilingual document of `files`, checked; `failed` counts the others that were errors. */
export async function* checkedDocuments(files: readonly InputFile[], io: Io, options: CheckedOptions, tally: {failed: number}): AsyncGenerator<CheckedDocument> {
  for (const file of files) {
    let text: string | undefined
    let document: BilingualDocument
    try {
      text = decodeUtf8(readRegularFile(file.absolute))
      if (!text.includes('data-ttu-id') && !text.includes('sxs-lookup')) {
        io.stderr(formatMessage(file.path, createMessage('Not a bilingual document (no `data-ttu-id` pair): skipped', {ruleId: 'not-bilingual', place: {line: 1, column: 1, offset: 0}, fatal: false})))
        continue
      }
      document = parse(text, {path: file.relative, sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage})
    } catch (error) {
      tally.failed++
      const code = (error as NodeJS.ErrnoException).code
      if (typeof code === 'string') io.stderr(`${printable(file.path)}: error: cannot read: ${describeError(error)}\n`)
      else io.stderr(formatMessage(file.path, documentFailure(error, text)))
      continue
    }
    yield {file, document, messages: check(document)}
  }
}

/** Ids of the pairs `check` reports an error on. */
export function brokenPairs(messages: readonly CheckMessage[]): Set<string> {
  const broken = new Set<string>()
  for (const message of messages) if (message.fatal === true && message.segmentId !== undefined) broken.add(message.segmentId)
  return broken
}
