/**
 * `parseOrReport`, for the commands that parse in the main thread (merge, render, update): beside report.ts
 * rather than in it, so that what extract and check import of report.ts does not load the parser (their
 * cached runs never parse).
 */
import {parse} from '../document/parse.js'
import type {BilingualDocument} from '../document/types.js'
import type {Io} from './io.js'
import {parseFailure} from './report.js'
import {formatMessage} from './reporters/compact.js'

/** `parse`, or undefined after printing `parseFailure` (for the commands that parse in the main thread: merge, render). */
export function parseOrReport(text: string, name: string, io: Io): BilingualDocument | undefined {
  try {
    return parse(text, {path: name})
  } catch (error) {
    io.stderr(formatMessage(name, parseFailure(error, text)))
    return undefined
  }
}
