/** A word diff of two sources for the translator's note: `[-old-]{+new+}` around the words that changed. */
import {lcs} from './align.js'

export function wordDiff(before: string, after: string): string {
  const a = before.match(/\s+|[^\s]+/g) ?? []
  const b = after.match(/\s+|[^\s]+/g) ?? []
  const pairs = lcs(a, b)
  let out = ''
  let i = 0
  let j = 0
  const flush = (toA: number, toB: number): void => {
    const removed = a.slice(i, toA).join('')
    const added = b.slice(j, toB).join('')
    if (removed.trim() !== '') out += `[-${removed}-]`
    if (added.trim() !== '') out += `{+${added}+}`
    else if (removed.trim() === '' ) out += added
    i = toA
    j = toB
  }
  for (const [x, y] of pairs) {
    flush(x, y)
    out += a[x]
    i = x + 1
    j = y + 1
  }
  flush(a.length, b.length)
  return out
}
