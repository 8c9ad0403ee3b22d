/**
 * The work `sxs check` does on one file, as a pure function of its bytes and options (so that it can run
 * in a worker thread and be cached): decode, parse, run the rules; the messages come back as plain data.
 */
import {parse} from '../../document/parse.js'
import {documentFailure} from '../report.js'
import {check, type CheckMessage} from '../../check/index.js'
import {decodeUtf8} from '../files.js'
import {toPlain} from './messages.js'
import type {CheckFileOptions, CheckResult} from './check-result.js'

export {isCheckResult, readError, type CheckFileOptions, type CheckResult} from './check-result.js'

export function checkFile(bytes: Uint8Array, options: CheckFileOptions): CheckResult {
  const {path, ...checkOptions} = options
  let text: string | undefined
  try {
    text = decodeUtf8(bytes)
    const document = parse(text, {path})
    return {segments: document.segments.length, messages: check(document, checkOptions, text).map(toPlain)}
  } catch (error) {
    // Not UTF-8, or not parseable: the document's error (exit 1, as in extract), not an I/O failure (2).
    const message = documentFailure(error, text) as CheckMessage
    message.file = path
    return {segments: 0, messages: [toPlain(message)]}
  }
}
