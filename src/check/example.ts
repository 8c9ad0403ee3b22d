/** Helpers to write rule examples as readable bilingual markdown, and the one way their expected messages are written. */
import type {VFileMessage} from 'vfile-message'
import {relatedOf} from '../document/messages.js'
import type {Point, Position} from '../document/types.js'

/** One pair: `<span data-ttu-id="ID">TARGET</span><span class="sxs-lookup"><span data-stu-id="ID">SOURCE</span></span>`. */
export function pair(id: string, target: string, source: string, sourceId = id): string {
  return `<span data-ttu-id="${id}">${target}</span><span class="sxs-lookup"><span data-stu-id="${sourceId}">${source}</span></span>`
}

/** A document body with a front matter that names its locale. */
export function doc(body: string, locale = 'de-DE'): string {
  return `---\ntitle: Beispiel\nms.contentlocale: ${locale}\n---\n${body}`
}

/**
 * A message as a rule example pins it: `line:column-line:column: severity: reason` (the end left out for a
 * point), then its related place if it has one: `; related line:column-line:column: reason`.
 */
export function exampleMessage(message: VFileMessage): string {
  const related = relatedOf(message)
  const also = related ? `; related ${span(related.place)}: ${related.reason}` : ''
  return `${span(message.place as Point | Position | undefined)}: ${message.fatal === true ? 'error' : 'warning'}: ${message.reason}${also}`
}

function span(place: Point | Position | undefined): string {
  if (place === undefined) return '1:1'
  return 'start' in place ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}` : `${place.line}:${place.column}`
}
