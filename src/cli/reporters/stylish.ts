/**
 * Stylish, as remark-lint and ESLint print: a header per file, then one row per problem
 * (`file:line:column  severity  message  rule-id`), a related place on an indented line under its row
 * (as vfile-reporter prints a cause), then a summary line.
 */
import type {Reporter} from './types.js'
import {severityOf} from './types.js'
import {printable} from '../files.js'
import {relatedOf, tally} from '../../document/messages.js'

const paint = (code: number, text: string, color: boolean): string => (color ? `\u001B[${code}m${text}\u001B[39m` : text)

export const stylish: Reporter = (results, {color}) => {
  const blocks: string[] = []
  for (const result of results) {
    if (result.messages.length === 0) continue
    const rows = result.messages.map((message) => [`${printable(result.path)}:${message.line ?? 1}:${message.column ?? 1}`, severityOf(message), message.reason.replace(/\r?\n/g, ' '), message.ruleId ?? ''])
    const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]!.length)))
    const lines = rows.map(([place, severity, reason, rule], index) => {
      const row = `  ${place!.padEnd(widths[0]!)}  ${paint(severity === 'error' ? 31 : 33, severity!.padEnd(widths[1]!), color)}  ${reason}  ${paint(90, rule!, color)}`.trimEnd()
      const related = relatedOf(result.messages[index]!)
      if (related === undefined) return row
      return `${row}\n  ${' '.repeat(widths[0]! + widths[1]! + 2)}  ${paint(90, `↳ ${related.start.line}:${related.start.column}`, color)} ${related.reason.replace(/\r?\n/g, ' ')}`
    })
    blocks.push(`${paint(4, printable(result.path), color)}\n${lines.join('\n')}\n`)
  }
  const {errors, warnings} = tally(results.flatMap((result) => result.messages))
  const total = errors + warnings
  const files = results.length
  const summary =
    total === 0
      ? `${files} file(s) checked, no problems\n`
      : `${paint(errors > 0 ? 31 : 33, `✖ ${total} problem(s) (${errors} error(s), ${warnings} warning(s))`, color)} in ${files} file(s)\n`
  return blocks.length > 0 ? `${blocks.join('\n')}\n${summary}` : summary
}
