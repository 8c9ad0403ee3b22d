/** What every reporter formats: the messages of each checked file. Reporters only format; they never decide. */
import type {CheckMessage} from '../../check/index.js'

export interface FileResult {
  /** Path as the user gave or can find it (relative to the working folder when inside it). */
  path: string
  messages: CheckMessage[]
}

export interface ReportContext {
  /** Working folder: SARIF URIs are relative to it. */
  cwd: string
  /** Whether to colour the output (stylish only). */
  color: boolean
}

export type Reporter = (results: FileResult[], context: ReportContext) => string

export function severityOf(message: CheckMessage): 'error' | 'warning' {
  return message.fatal === true ? 'error' : 'warning'
}
