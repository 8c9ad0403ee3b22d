/**
 * Compact: one line per problem, `path:line:column: error|warning: reason  [rule]`, the form every command
 * prints its messages in (extract, merge, render, update, pseudo on stderr) and `check --format compact`
 * prints its findings in, so that one grep or one editor's error format reads them all.
 */
import type {VFileMessage} from 'vfile-message'
import type {Reporter} from './types.js'
import {printable} from '../files.js'
import {reasonWithRelated, tally} from '../../document/messages.js'

/** One message on one line (a related place in the reason's words). */
export function formatMessage(file: string, message: VFileMessage): string {
  const place = message.line === undefined ? '' : `:${message.line}:${message.column ?? 1}`
  // A file name or reason with a line break would split the line (and could start one with `::error`).
  return `${printable(file)}${place}: ${message.fatal ? 'error' : 'warning'}: ${printable(reasonWithRelated(message))}${message.ruleId ? `  [${message.ruleId}]` : ''}\n`
}

export const compact: Reporter = (results) => {
  const lines = results.flatMap((result) => result.messages.map((message) => formatMessage(result.path, message)))
  const {errors, warnings} = tally(results.flatMap((result) => result.messages))
  return `${lines.join('')}${errors} error(s), ${warnings} warning(s) in ${results.length} file(s)\n`
}
