/**
 * Unit ids: the one id each segment has in every format (XLIFF 1.2 and 2.0 units, JSON segments), so that
 * readers return units keyed by it and merge maps them back to segments with this same function. It lives
 * with the document model because formats and merge both need it and must not import each other.
 */
import type {BilingualDocument} from './types.js'

/** XML `NMTOKEN` (ASCII subset plus any non-ASCII letter, which is what our ids can hold). */
export function isNmtoken(value: string): boolean {
  // Its ASCII characters first: the Unicode-property class took 1.2-2 µs a test on ids sliced from a
  // two-byte (CJK, Hebrew) document, the ASCII class a fraction of it, and every pair id of the corpus is ASCII.
  return ASCII_NMTOKEN.test(value) || NMTOKEN.test(value)
}

const ASCII_NMTOKEN = /^[A-Za-z0-9._:-]+$/
const NMTOKEN = /^[\p{L}\p{Nd}\p{Mn}\p{Mc}._:\-\u00B7]+$/u

/**
 * The unit id of each segment, in document order: the pair id itself when it is an XML NMTOKEN seen for
 * the first time in the document (every id of the dev corpus); the k-th repeat of an id is `<id>:<k>`
 * (k ≥ 2); an id that is not an NMTOKEN (empty, spaces…) is `_` + its UTF-16 units in hex. All formats use
 * these ids, and readers return units keyed by them, so merge can map them back with this same function.
 */
export function unitIds(document: BilingualDocument): string[] {
  const seen = new Map<string, number>()
  const used = new Set<string>()
  const ids: string[] = []
  for (const segment of document.segments) {
    const base = isNmtoken(segment.id) ? segment.id : '_' + [...segment.id].map((char) => char.codePointAt(0)!.toString(16)).join('.')
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    let id = count === 1 ? base : `${base}:${count}`
    while (used.has(id)) id += ':'
    used.add(id)
    ids.push(id)
  }
  return ids
}

