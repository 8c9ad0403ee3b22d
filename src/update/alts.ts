/**
 * Image alt texts, which the localization pipeline translates in place (no pair): a changed block keeps the
 * translated alt text of an image it still shows (same image source).
 */
import type {BilingualDocument} from '../document/types.js'

/**
 * Image alt texts of the old document's skeleton (translated in place by the pipeline), by image source: a
 * changed block keeps the translated alt text of an image it still shows.
 */
export function translatedAlts(old: BilingualDocument): Map<string, string> {
  const alts = new Map<string, string>()
  for (const part of old.parts) {
    if (typeof part !== 'string' || !part.includes('![')) continue
    for (const match of part.matchAll(/!\[([^\]\n]*)\]\(([^)\s]+)/g)) if (!alts.has(match[2]!)) alts.set(match[2]!, match[1]!)
  }
  return alts
}

export function withOldAlts(skeleton: string, alts: ReadonlyMap<string, string>): string {
  if (alts.size === 0 || !skeleton.includes('![')) return skeleton
  return skeleton.replace(/!\[([^\]\n]*)\]\(([^)\s]+)/g, (whole, _alt: string, source: string) => {
    const alt = alts.get(source)
    return alt === undefined ? whole : `![${alt}](${source}`
  })
}
