/** Helpers to write rule examples as readable bilingual markdown. */

/** One pair: `<span data-ttu-id="ID">TARGET</span><span class="sxs-lookup"><span data-stu-id="ID">SOURCE</span></span>`. */
export function pair(id: string, target: string, source: string, sourceId = id): string {
  return `<span data-ttu-id="${id}">${target}</span><span class="sxs-lookup"><span data-stu-id="${sourceId}">${source}</span></span>`
}

/** A document body with a front matter that names its locale. */
export function doc(body: string, locale = 'de-DE'): string {
  return `---\ntitle: Beispiel\nms.contentlocale: ${locale}\n---\n${body}`
}
