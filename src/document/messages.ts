/** Problems as vfile messages: a reason, a place, a rule id and `source: 'sxs'`. */
import {VFileMessage, type Options as VFileMessageOptions} from 'vfile-message'
import {statistics} from 'vfile-statistics'
import type {Point, Position} from './types.js'
import type {MessageId} from './message-ids.js'
import {charCodes} from '../inline/char-codes.js'

export interface MessageOptions {
  /** One of the registered ids (src/document/message-ids.ts): what the message is, for reporters and docs. */
  ruleId: MessageId
  place: Point | Position
  fatal?: boolean
  /** Another place the problem involves (where a duplicated id was first used): the message's `cause`. */
  related?: RelatedPlace
  /** What caused it: the error behind an `internal-error`. */
  cause?: Error
}

/** A second place a message points at, with what is there: reporters show it (SARIF `relatedLocations`). */
export interface RelatedPlace {
  reason: string
  place: Point | Position
}

/**
 * A vfile message made without the stack trace an `Error` (which a vfile message is) records when made: vfile
 * sets `stack` to '' right after, and recording it was most of what a message cost (check measured it; a warm
 * run rebuilds thousands of cached messages). Every message sxs makes is made here.
 */
export function newMessage(reason: string, options: VFileMessageOptions): VFileMessage {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return new VFileMessage(reason, options)
  } finally {
    Error.stackTraceLimit = limit
  }
}

export function createMessage(reason: string, options: MessageOptions): VFileMessage {
  const cause = options.related === undefined ? options.cause : relatedCause(options.related)
  const message = newMessage(capReason(reason), {place: options.place, ruleId: options.ruleId, source: 'sxs', ...(cause === undefined ? {} : {cause})})
  // `fatal: true` is an error, `false` a warning (vfile's convention).
  message.fatal = options.fatal ?? true
  return message
}

/**
 * A related place as vfile carries it: the message's `cause`, itself a message with a place and no severity
 * (`fatal: undefined`, vfile's "info"), as vfile-reporter prints causes.
 */
export function relatedCause(related: RelatedPlace): VFileMessage {
  const message = newMessage(capReason(related.reason), {place: related.place, source: 'sxs'})
  message.fatal = undefined
  return message
}

/** A related place with its start and end read off (a point has no end): what reporters print. */
export interface RelatedSpan extends RelatedPlace {
  start: Point
  end: Point | undefined
}

/** The related place of a message (a `cause` that is a message with a place), if it has one; an `internal-error`'s cause is an Error and has none. */
export function relatedOf(message: VFileMessage): RelatedSpan | undefined {
  const cause = message.cause
  if (!(cause instanceof VFileMessage) || !cause.place) return undefined
  const place = cause.place as Point | Position
  return {reason: cause.reason, place, start: 'start' in place ? place.start : place, end: 'end' in place ? place.end : undefined}
}

/** `reason`, then its related place for one-line formats: `Duplicate id `x` (first used here: line 3, column 1)`. */
export function reasonWithRelated(message: VFileMessage): string {
  const related = relatedOf(message)
  if (related === undefined) return message.reason
  return `${message.reason} (${related.reason.charAt(0).toLowerCase()}${related.reason.slice(1)}: line ${related.start.line}, column ${related.start.column})`
}

/**
 * Errors and warnings among messages, the one count every command and reporter gives: vfile-statistics'
 * `fatal` (errors) and `nonfatal` (warnings, and infos, which sxs does not emit).
 */
export function tally(messages: readonly VFileMessage[]): {errors: number; warnings: number} {
  // vfile-statistics takes a mutable array type but only reads it.
  const counts = statistics(messages as VFileMessage[])
  return {errors: counts.fatal, warnings: counts.nonfatal}
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
