/** Usage failures and the messages for documents a command cannot read, shared by the commands (messages print with reporters/compact.ts's `formatMessage`). */
import type {VFileMessage} from 'vfile-message'
import {exitCode, type Io} from './io.js'
import {DecodeError, printable, UsageError} from './files.js'
import {createMessage, ParseError} from '../document/messages.js'
import {createLocator} from '../document/positions.js'

/**
 * A usage error in the one form every command uses: `sxs <command>: <what>`, then where its help is;
 * exit code 2. `command` is what users typed (`extract`, `cache prune`).
 */
export function usageError(command: string, what: string, io: Io): number {
  io.stderr(`sxs ${command}: ${what}\nRun 'sxs ${command.split(' ')[0]} --help' for usage.\n`)
  return exitCode.usage
}

/** A UsageError or a parseArgs error becomes `usageError` (parseArgs's wording cut to its first sentence); anything else is rethrown. */
export function usageFailure(command: string, error: unknown, io: Io): number {
  if (error instanceof UsageError) return usageError(command, error.message, io)
  if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    const missing = /^Option '(?:-\w, )?(-[\w-]+) <value>' argument missing/.exec(error.message)
    const first = error.message.split(/\.\s/)[0]!
    return usageError(command, missing ? `option '${missing[1]}' needs a value` : first.charAt(0).toLowerCase() + first.slice(1), io)
  }
  throw error
}

/** An I/O error as users read it: `ENOENT: no such file…` without Node's stack (on one line: the path in it may hold anything). */
export function describeError(error: unknown): string {
  return printable(error instanceof Error ? error.message : String(error))
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
