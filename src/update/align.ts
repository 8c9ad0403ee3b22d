/**
 * Block alignment of the old document (its source side) with the new English: a longest common
 * subsequence over block keys keeps unchanged blocks in order; an unchanged block found elsewhere is a
 * moved block; what is left is paired, inside each stretch between kept blocks, with the most similar old
 * block (token score), which the match cascade treats as the new block's "place".
 */
import {fuzzyScore} from './score.js'

export type BlockMatch =
  /** Same key, in order: the old block is reused verbatim. */
  | {kind: 'same'; old: number}
  /** Same key, elsewhere in the old document: reused verbatim. */
  | {kind: 'moved'; old: number}
  /** Changed: the old block it most resembles, if any (its sentences are "in place"). */
  | {kind: 'changed'; old: number | undefined}

/** Above this many cells the quadratic LCS gives way to anchoring on unique keys (see lcsRange). */
const maxCells = 4_000_000
/** Changed blocks are paired with an old block only from this similarity up. */
const minSimilarity = 40

export function alignBlocks(oldKeys: readonly string[], newKeys: readonly string[]): BlockMatch[] {
  const pairs = lcs(oldKeys, newKeys)
  const matches: Array<BlockMatch | undefined> = new Array(newKeys.length).fill(undefined)
  const usedOld = new Uint8Array(oldKeys.length)
  for (const [oldIndex, newIndex] of pairs) {
    matches[newIndex] = {kind: 'same', old: oldIndex}
    usedOld[oldIndex] = 1
  }
  // Moved: an old block with the same key that the LCS left unused.
  const unusedByKey = new Map<string, number[]>()
  oldKeys.forEach((key, index) => {
    if (usedOld[index]) return
    const list = unusedByKey.get(key)
    if (list) list.push(index)
    else unusedByKey.set(key, [index])
  })
  newKeys.forEach((key, index) => {
    if (matches[index]) return
    const old = unusedByKey.get(key)?.shift()
    if (old === undefined) return
    matches[index] = {kind: 'moved', old}
    usedOld[old] = 1
  })
  // Changed: within each stretch between blocks kept in order, the most similar unused old block.
  const anchors: Array<[number, number]> = [[-1, -1], ...pairs, [oldKeys.length, newKeys.length]]
  for (let a = 0; a + 1 < anchors.length; a++) {
    const [oldFrom, newFrom] = anchors[a]!
    const [oldTo, newTo] = anchors[a + 1]!
    for (let newIndex = newFrom + 1; newIndex < newTo; newIndex++) {
      if (matches[newIndex]) continue
      let best: number | undefined
      let bestScore = minSimilarity - 1
      for (let oldIndex = oldFrom + 1; oldIndex < oldTo; oldIndex++) {
        if (usedOld[oldIndex]) continue
        const score = fuzzyScore(oldKeys[oldIndex]!, newKeys[newIndex]!)
        if (score > bestScore) {
          bestScore = score
          best = oldIndex
        }
      }
      if (best !== undefined) usedOld[best] = 1
      matches[newIndex] = {kind: 'changed', old: best}
    }
  }
  return matches.map((match) => match ?? {kind: 'changed', old: undefined})
}

/** Index pairs [old, new] of a longest common subsequence, in order. */
export function lcs(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = []
  lcsRange(a, b, 0, a.length, 0, b.length, pairs)
  return pairs
}

/**
 * The LCS of a[aFrom, aTo) and b[bFrom, bTo), appended to `pairs` in order: common head and tail first
 * (most updates change a few blocks in the middle), the quadratic table when it is small enough, else
 * patience-style: keys found once on each side anchor the alignment and each stretch between anchors is
 * aligned the same way (a long document with repeated blocks, `### Format` 500 times, still aligns in order).
 */
function lcsRange(a: readonly string[], b: readonly string[], aFrom: number, aTo: number, bFrom: number, bTo: number, pairs: Array<[number, number]>): void {
  while (aFrom < aTo && bFrom < bTo && a[aFrom] === b[bFrom]) pairs.push([aFrom++, bFrom++])
  const tail: Array<[number, number]> = []
  while (aTo > aFrom && bTo > bFrom && a[aTo - 1] === b[bTo - 1]) tail.push([--aTo, --bTo])
  const n = aTo - aFrom
  const m = bTo - bFrom
  if (n > 0 && m > 0) {
    if ((n + 1) * (m + 1) <= maxCells) pairs.push(...dynamic(a, b, aFrom, bFrom, n, m))
    else {
      const anchors = uniqueAnchors(a, b, aFrom, aTo, bFrom, bTo)
      if (anchors.length === 0) pairs.push(...greedy(a, b, aFrom, aTo, bFrom, bTo))
      else {
        let aAt = aFrom
        let bAt = bFrom
        for (const [x, y] of anchors) {
          lcsRange(a, b, aAt, x, bAt, y, pairs)
          pairs.push([x, y])
          aAt = x + 1
          bAt = y + 1
        }
        lcsRange(a, b, aAt, aTo, bAt, bTo, pairs)
      }
    }
  }
  pairs.push(...tail.reverse())
}

function dynamic(a: readonly string[], b: readonly string[], aFrom: number, bFrom: number, n: number, m: number): Array<[number, number]> {
  const width = m + 1
  const table = new Int32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[aFrom + i] === b[bFrom + j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!)
    }
  }
  const pairs: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[aFrom + i] === b[bFrom + j]) {
      pairs.push([aFrom + i, bFrom + j])
      i++
      j++
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++
    else j++
  }
  return pairs
}

/** Keys that occur once in each range, as [a, b] pairs, reduced to the longest run increasing on both sides. */
function uniqueAnchors(a: readonly string[], b: readonly string[], aFrom: number, aTo: number, bFrom: number, bTo: number): Array<[number, number]> {
  const once = (list: readonly string[], from: number, to: number): Map<string, number> => {
    const seen = new Map<string, number>()
    for (let index = from; index < to; index++) seen.set(list[index]!, seen.has(list[index]!) ? -1 : index)
    return seen
  }
  const inA = once(a, aFrom, aTo)
  const inB = once(b, bFrom, bTo)
  const candidates: Array<[number, number]> = []
  for (let y = bFrom; y < bTo; y++) {
    const x = inA.get(b[y]!)
    if (x !== undefined && x >= 0 && inB.get(b[y]!) === y) candidates.push([x, y])
  }
  // Longest increasing subsequence of the a-indices (patience sorting), in b order.
  const tails: number[] = []
  const previous = new Array<number>(candidates.length).fill(-1)
  candidates.forEach(([x], index) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (candidates[tails[middle]!]![0] < x) low = middle + 1
      else high = middle
    }
    if (low > 0) previous[index] = tails[low - 1]!
    tails[low] = index
  })
  const result: Array<[number, number]> = []
  for (let index = tails.length > 0 ? tails[tails.length - 1]! : -1; index >= 0; index = previous[index]!) result.push(candidates[index]!)
  return result.reverse()
}

/** Without an anchor and too long for the table: equal keys taken in order, each as early as it comes. */
function greedy(a: readonly string[], b: readonly string[], aFrom: number, aTo: number, bFrom: number, bTo: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = []
  let i = aFrom
  for (let j = bFrom; j < bTo && i < aTo; j++) {
    let k = i
    while (k < aTo && k - i < 64 && a[k] !== b[j]) k++
    if (k < aTo && a[k] === b[j]) {
      pairs.push([k, j])
      i = k + 1
    }
  }
  return pairs
}
