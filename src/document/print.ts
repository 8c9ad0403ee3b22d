/** BilingualDocument → bytes: the inverse of parse. */
import type {BilingualDocument, Segment} from './types.js'

export function printSegment(segment: Segment): string {
  return segment.markup.open + segment.target + segment.markup.middle + segment.source + segment.markup.close
}

/**
 * Joined, not concatenated with `+=`: that makes a rope of one piece per part, and whoever first scans the
 * text pays for flattening it, which cost more than the printing (check measured it).
 */
export function print(document: BilingualDocument): string {
  return document.parts.map((part) => (typeof part === 'string' ? part : printSegment(part))).join('')
}
