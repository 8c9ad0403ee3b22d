/**
 * Messages as plain data, so that they can cross a worker boundary and live in the cache: the fields
 * sxs sets on a vfile message (reason, place, rule, severity, related place, url, file, segment) and back.
 */
import type {CheckMessage} from '../../check/index.js'
import {newMessage, relatedCause, relatedOf, type RelatedPlace} from '../../document/messages.js'
import type {Point, Position} from '../../document/types.js'

export interface PlainMessage {
  reason: string
  place: Point | Position | null
  ruleId: string | null
  /** `true` error, `false` warning, `null` info (vfile's convention). */
  fatal: boolean | null
  /** The message's related place (its `cause`), if any. */
  related: RelatedPlace | null
  url: string | null
  file: string | null
  segmentId: string | null
}

export function toPlain(message: CheckMessage): PlainMessage {
  return {
    reason: message.reason,
    place: (message.place as Point | Position | undefined) ?? null,
    ruleId: message.ruleId ?? null,
    fatal: message.fatal ?? null,
    related: plainRelated(relatedOf(message)),
    url: message.url ?? null,
    file: message.file || null,
    segmentId: message.segmentId ?? null
  }
}

/** Only the place and reason cross: the start and end `relatedOf` reads off are derived again on the other side. */
function plainRelated(related: RelatedPlace | undefined): RelatedPlace | null {
  return related === undefined ? null : {reason: related.reason, place: related.place}
}

export function fromPlain(plain: PlainMessage): CheckMessage {
  const message: CheckMessage = newMessage(plain.reason, {
    ...(plain.place ? {place: plain.place} : {}),
    ...(plain.ruleId === null ? {} : {ruleId: plain.ruleId}),
    source: 'sxs',
    ...(plain.related === null ? {} : {cause: relatedCause(plain.related)})
  })
  message.fatal = plain.fatal
  if (plain.url !== null) message.url = plain.url
  if (plain.file !== null) message.file = plain.file
  if (plain.segmentId !== null) message.segmentId = plain.segmentId
  return message
}

function isRelatedPlace(value: unknown): value is RelatedPlace {
  if (typeof value !== 'object' || value === null) return false
  const related = value as Record<string, unknown>
  return typeof related['reason'] === 'string' && typeof related['place'] === 'object' && related['place'] !== null
}

const optionalString = (value: unknown): boolean => value === null || typeof value === 'string'

/** The shape check a cached message must pass. */
export function isPlainMessage(value: unknown): value is PlainMessage {
  if (typeof value !== 'object' || value === null) return false
  const message = value as Record<string, unknown>
  return (
    typeof message['reason'] === 'string' &&
    (message['place'] === null || (typeof message['place'] === 'object' && message['place'] !== null)) &&
    (message['fatal'] === null || typeof message['fatal'] === 'boolean') &&
    (message['related'] === null || isRelatedPlace(message['related'])) &&
    ['ruleId', 'url', 'file', 'segmentId'].every((field) => optionalString(message[field]))
  )
}

export const isPlainMessages = (value: unknown): value is PlainMessage[] => Array.isArray(value) && value.every(isPlainMessage)
