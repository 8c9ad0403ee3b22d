/** Problems as vfile messages: a reason, a place, a rule id and `source: 'sxs'`. */
import {VFileMessage} from 'vfile-message'
import type {Point, Position} from './types.js'

export interface MessageOptions {
  ruleId: string
  place: Point | Position
  fatal?: boolean
  note?: string
}

export function createMessage(reason: string, options: MessageOptions): VFileMessage {
  const message = new VFileMessage(reason, {place: options.place, ruleId: options.ruleId, source: 'sxs'})
  // `fatal: true` is an error, `false` a warning (vfile's convention).
  message.fatal = options.fatal ?? true
  if (options.note !== undefined) message.note = options.note
  return message
}
