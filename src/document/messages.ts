/** Problems as vfile messages: a reason, a place, a rule id and `source: 'sxs'`. */
import {VFileMessage} from 'vfile-message'
import type {Point, Position} from './types.js'
import type {MessageId} from './message-ids.js'
import {charCodes} from '../inline/char-codes.js'

export interface MessageOptions {
  /** One of the registered ids (src/document/message-ids.ts): what the message is, for reporters and docs. */
  ruleId: MessageId
  place: Point | Position
  fatal?: boolean
  note?: string
  /** What caused it: the error behind an `internal-error`. */
  cause?: Error
}

/**
 * Made without the stack trace an `Error` (which a vfile message is) records when made: vfile sets `stack`
 * to '' right after, and recording it was most of what a message cost (check measured it).
 */
export function createMessage(reason: string, options: MessageOptions): VFileMessage {
  reason = capReason(reason)
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: VFileMessage
  try {
    message = new VFileMessage(reason, {place: options.place, ruleId: options.ruleId, source: 'sxs', ...(options.cause === undefined ? {} : {cause: options.cause})})
  } finally {
    Error.stackTraceLimit = limit
  }
  // `fatal: true` is an error, `false` a warning (vfile's convention).
  message.fatal = options.fatal ?? true
  if (options.note !== undefined) message.note = options.note
  return message
}

/** The longest reason a message keeps: what it quotes from a document (a list of tags, a text) is cut there. */
export const maxReasonLength = 1000

/** `reason`, cut to `maxReasonLength` characters (never inside a surrogate pair) with how much was left out: 100,000 nested `<span>` made a reason of 1.6 million characters. */
export function capReason(reason: string): string {
  if (reason.length <= maxReasonLength) return reason
  let end = maxReasonLength
  const last = reason.charCodeAt(end - 1)
  if (last >= charCodes.highSurrogateFirst && last <= charCodes.highSurrogateLast) end--
  return `${reason.slice(0, end)}… (${reason.length - end} more characters)`
}

/**
 * A document sxs cannot read at all, at a file offset: thrown by `parse` (every command reports it as
 * `file:line:column: error: … [parse-error]` and goes on with the other files). Only for what no
 * message can describe while keeping the document: markup nested deeper than the HTML reader can follow.
 */
export class ParseError extends Error {
  readonly offset: number

  constructor(reason: string, offset: number) {
    super(reason)
    this.name = 'ParseError'
    this.offset = offset
  }
}
