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

/** Above this many cells the quadratic LCS gives way to matching unique keys in order. */
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
  // Common prefix and suffix first: most updates change a few blocks in the middle.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const pairs: Array<[number, number]> = []
  for (let index = 0; index < head; index++) pairs.push([index, index])
  const n = a.length - head - tail
  const m = b.length - head - tail
  if (n > 0 && m > 0) {
    const middle = (n + 1) * (m + 1) <= maxCells ? dynamic(a, b, head, n, m) : uniqueInOrder(a, b, head, n, m)
    pairs.push(...middle)
  }
  for (let index = tail; index > 0; index--) pairs.push([a.length - index, b.length - index])
  return pairs
}

function dynamic(a: readonly string[], b: readonly string[], head: number, n: number, m: number): Array<[number, number]> {
  const width = m + 1
  const table = new Int32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[head + i] === b[head + j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!)
    }
  }
  const pairs: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[head + i] === b[head + j]) {
      pairs.push([head + i, head + j])
      i++
      j++
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++
    else j++
  }
  return pairs
}

/** For very long stretches: keys that occur once on each side, kept while both indices increase. */
function uniqueInOrder(a: readonly string[], b: readonly string[], head: number, n: number, m: number): Array<[number, number]> {
  const count = (list: readonly string[], from: number, length: number): Map<string, number> => {
    const counts = new Map<string, number>()
    for (let index = from; index < from + length; index++) counts.set(list[index]!, (counts.get(list[index]!) ?? -1) === -1 ? index : -2)
    return counts
  }
  const inA = count(a, head, n)
  const inB = count(b, head, m)
  const pairs: Array<[number, number]> = []
  let lastA = -1
  for (const [key, indexB] of inB) {
    const indexA = inA.get(key)
    if (indexB < 0 || indexA === undefined || indexA < 0 || indexA <= lastA) continue
    pairs.push([indexA, indexB])
    lastA = indexA
  }
  return pairs.sort((x, y) => x[1] - y[1])
}
