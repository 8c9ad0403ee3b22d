/** Helpers to write rule examples as readable bilingual markdown, and the one way their expected messages are written. */
import type {VFileMessage} from 'vfile-message'

/** One pair: `<span data-ttu-id="ID">TARGET</span><span class="sxs-lookup"><span data-stu-id="ID">SOURCE</span></span>`. */
export function pair(id: string, target: string, source: string, sourceId = id): string {
  return `<span data-ttu-id="${id}">${target}</span><span class="sxs-lookup"><span data-stu-id="${sourceId}">${source}</span></span>`
}

/** A document body with a front matter that names its locale. */
export function doc(body: string, locale = 'de-DE'): string {
  return `---\ntitle: Beispiel\nms.contentlocale: ${locale}\n---\n${body}`
}

/** A message as a rule example pins it: `line:column-line:column: severity: reason` (the end left out for a point). */
export function exampleMessage(message: VFileMessage): string {
  const place = message.place
  const end = place && 'end' in place ? `-${place.end.line}:${place.end.column}` : ''
  return `${message.line ?? 1}:${message.column ?? 1}${end}: ${message.fatal === true ? 'error' : 'warning'}: ${message.reason}`
}
