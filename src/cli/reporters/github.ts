/**
 * GitHub Actions workflow commands: one `::error …::` or `::warning …::` annotation per line.
 * Data escapes `%`, CR and LF; property values also `:` and `,`. GitHub shows only 10 errors and
 * 10 warnings per step, so a last `::notice` annotation gives the totals.
 */
import type {Reporter} from './types.js'
import {severityOf} from './types.js'
import {printable} from '../files.js'
import {reasonWithRelated, tally} from '../../document/messages.js'

export function escapeData(text: string): string {
  // Other control characters (ESC starts a terminal escape sequence in the log) as printable escapes.
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'))
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export const github: Reporter = (results) => {
  const lines: string[] = []
  for (const result of results) {
    for (const message of result.messages) {
      const severity = severityOf(message)
      const end = message.place && 'end' in message.place ? message.place.end : undefined
      const properties = [
        `file=${escapeProperty(result.path.split('\\').join('/'))}`,
        `line=${message.line ?? 1}`,
        `col=${message.column ?? 1}`,
        ...(end ? [`endLine=${end.line}`, ...(end.line === message.line ? [`endColumn=${end.column}`] : [])] : []),
        `title=${escapeProperty(message.ruleId ?? 'sxs')}`
      ]
      // An annotation has one place: a related place goes into its text.
      lines.push(`::${severity} ${properties.join(',')}::${escapeData(reasonWithRelated(message))}`)
    }
  }
  const {errors, warnings} = tally(results.flatMap((result) => result.messages))
  lines.push(`::notice title=sxs check::${escapeData(`${errors} error(s) and ${warnings} warning(s) in ${results.length} file(s)`)}`)
  return `${lines.join('\n')}\n`
}
