/**
 * The options and result of `sxs check`'s per-file task (check.ts), the shape check a cached result must pass,
 * and the message of a file that could not be read: what the command and the engine need on a run whose
 * results all come from the cache, without loading the parser and the rules.
 */
import {createMessage} from '../../document/messages.js'
import type {CheckMessage, CheckOptions} from '../../check/rule.js'
import {isPlainMessages, toPlain, type PlainMessage} from './messages.js'

export interface CheckFileOptions extends CheckOptions {
  /** The path messages name (as the user gave it). */
  path: string
}

export interface CheckResult {
  segments: number
  messages: PlainMessage[]
}

/** A file that could not be read: one fatal message on it. */
export function readError(reason: string, path: string, place: {line: number; column: number}): PlainMessage {
  const message = createMessage(reason, {ruleId: 'read-error', place: {...place, offset: 0}}) as CheckMessage
  message.file = path
  return toPlain(message)
}

export function isCheckResult(value: unknown): value is CheckResult {
  if (typeof value !== 'object' || value === null) return false
  const result = value as Record<string, unknown>
  return Number.isSafeInteger(result['segments']) && isPlainMessages(result['messages'])
}
