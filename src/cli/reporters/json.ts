/** JSON: one array of every problem, flat, for scripts. */
import type {Reporter} from './types.js'
import {severityOf} from './types.js'
import {relatedOf} from '../../document/messages.js'

export interface JsonProblem {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  severity: 'error' | 'warning'
  ruleId: string
  message: string
  segmentId: string | null
  /** Another place the problem involves (where a duplicated id was first used), or null. */
  related: {line: number; column: number; endLine: number; endColumn: number; message: string} | null
}

export const json: Reporter = (results) => {
  const problems: JsonProblem[] = []
  for (const result of results) {
    for (const message of result.messages) {
      problems.push({
        file: result.path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        endLine: message.place && 'end' in message.place ? message.place.end.line : (message.line ?? 1),
        endColumn: message.place && 'end' in message.place ? message.place.end.column : (message.column ?? 1),
        severity: severityOf(message),
        ruleId: message.ruleId ?? '',
        message: message.reason,
        segmentId: message.segmentId ?? null,
        related: relatedProblem(message)
      })
    }
  }
  return `${JSON.stringify(problems, null, 2)}\n`
}

function relatedProblem(message: Parameters<typeof relatedOf>[0]): JsonProblem['related'] {
  const related = relatedOf(message)
  if (related === undefined) return null
  const end = related.end ?? related.start
  return {line: related.start.line, column: related.start.column, endLine: end.line, endColumn: end.column, message: related.reason}
}
