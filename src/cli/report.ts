/** One-line diagnostics and usage failures shared by the commands (`check` has full reporters of its own). */
import type {VFileMessage} from 'vfile-message'
import {exitCode, type Io} from './io.js'
import {UsageError} from './files.js'

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
