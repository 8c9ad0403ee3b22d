/**
 * Placeholders machine translation puts for inline markup (`<b0>`, `</b0>`, `<x1/>`, `<g2>`…) and leaves in a
 * target: `mt-placeholder` reports them, and `inline-markup` leaves such a pair to it (one incident, one
 * finding: the markup the placeholder stood for is what the target lost).
 */
import type {Segment} from '../document/types.js'

const placeholder = /<\/?([a-z]{1,3})(\d+)\s*\/?>/gi

/** The first placeholder in the target that the source does not have, with its offset in the target. */
export function mtPlaceholder(segment: Segment): {tag: string; index: number} | undefined {
  if (!segment.target.includes('<')) return undefined
  placeholder.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = placeholder.exec(segment.target))) {
    const tag = match[0]
    // `<h1>`…`<h6>` are headings, not placeholders.
    if (/^h$/i.test(match[1]!) && Number(match[2]) <= 6) continue
    if (segment.source.includes(tag)) continue
    return {tag, index: match.index}
  }
  return undefined
}
