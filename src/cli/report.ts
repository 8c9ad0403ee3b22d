/** One-line diagnostics and usage failures shared by the commands (`check` has full reporters of its own). */
import type {VFileMessage} from 'vfile-message'
import {exitCode, type Io} from './io.js'
import {DecodeError, UsageError} from './files.js'
import {parse} from '../document/parse.js'
import {createMessage, ParseError} from '../document/messages.js'
import {createLocator} from '../document/positions.js'
import type {BilingualDocument} from '../document/types.js'

/** `path:line:column: error|warning: reason  [rule]`, one line per message. */
export function formatMessage(file: string, message: VFileMessage): string {
  const place = message.line === undefined ? '' : `:${message.line}:${message.column ?? 1}`
  return `${file}${place}: ${message.fatal ? 'error' : 'warning'}: ${message.reason}${message.ruleId ? `  [${message.ruleId}]` : ''}\n`
}

/** A usage error (or a parseArgs one) becomes its message, the command's help and exit code 2. */
export function usageFailure(error: unknown, io: Io, help: string): number {
  if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    io.stderr(`sxs ${error.message}\n\n${help}`)
    return exitCode.usage
  }
  throw error
}

/** An I/O error as users read it: `ENOENT: no such file…` without Node's stack. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The message for a document that is not UTF-8 (`encoding`), at the first bad byte: the document's error (exit 1). */
export function decodeFailure(error: DecodeError): VFileMessage {
  return createMessage(describeError(error), {ruleId: 'encoding', place: {line: error.line, column: error.column, offset: 0}})
}

/**
 * The message for a document `parse` threw on (`parse-error`): at the place a ParseError names, else at
 * its start. Every command reports it and goes on; none shows a stack trace for a document.
 */
export function parseFailure(error: unknown, text: string): VFileMessage {
  const place = error instanceof ParseError ? createLocator(text).point(error.offset) : {line: 1, column: 1, offset: 0}
  return createMessage(`Cannot parse the document: ${describeError(error)}`, {ruleId: 'parse-error', place})
}

/** The message for a document that could not be decoded (`decodeFailure`) or parsed (`parseFailure`): extract and check. */
export function documentFailure(error: unknown, text: string | undefined): VFileMessage {
  return error instanceof DecodeError ? decodeFailure(error) : parseFailure(error, text ?? '')
}

/** `parse`, or undefined after printing `parseFailure` (for the commands that parse in the main thread: merge, render). */
export function parseOrReport(text: string, name: string, io: Io): BilingualDocument | undefined {
  try {
    return parse(text, {path: name})
  } catch (error) {
    io.stderr(formatMessage(name, parseFailure(error, text)))
    return undefined
  }
}
