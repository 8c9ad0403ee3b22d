/** BilingualDocument → bytes: the inverse of parse. */
import type {BilingualDocument, Segment} from './types.js'

export function printSegment(segment: Segment): string {
  return segment.markup.open + segment.target + segment.markup.middle + segment.source + segment.markup.close
}

export function print(document: BilingualDocument): string {
  let text = ''
  for (const part of document.parts) text += typeof part === 'string' ? part : printSegment(part)
  return text
}
