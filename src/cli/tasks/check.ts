/**
 * The work `sxs check` does on one file, as a pure function of its bytes and options (so that it can run
 * in a worker thread and be cached): decode, parse, run the rules; the messages come back as plain data.
 */
import {parse} from '../../document/parse.js'
import {createMessage} from '../../document/messages.js'
import {documentFailure} from '../report.js'
import {check, type CheckMessage, type CheckOptions} from '../../check/index.js'
import {decodeUtf8} from '../files.js'
import {isPlainMessages, toPlain, type PlainMessage} from './messages.js'

export interface CheckFileOptions extends CheckOptions {
  /** The path messages name (as the user gave it). */
  path: string
}

export interface CheckResult {
  segments: number
  messages: PlainMessage[]
}

export function checkFile(bytes: Uint8Array, options: CheckFileOptions): CheckResult {
  const {path, ...checkOptions} = options
  let text: string | undefined
  try {
    text = decodeUtf8(bytes)
    const document = parse(text, {path})
    return {segments: document.segments.length, messages: check(document, checkOptions).map(toPlain)}
  } catch (error) {
    // Not UTF-8, or not parseable: the document's error (exit 1, as in extract), not an I/O failure (2).
    const message = documentFailure(error, text) as CheckMessage
    message.file = path
    return {segments: 0, messages: [toPlain(message)]}
  }
}

/** A file that could not be read: one fatal message on it. */
export function readError(reason: string, path: string, place: {line: number; column: number}): PlainMessage {
  const message = createMessage(reason, {ruleId: 'read-error', place: {...place, offset: 0}}) as CheckMessage
  message.file = path
  return toPlain(message)
}

export function isCheckResult(value: unknown): value is CheckResult {
  if (typeof value !== 'object' || value === null) return false
  const result = value as Record<string, unknown>
  return Number.isSafeInteger(result['segments']) && isPlainMessages(result['messages'])
}
