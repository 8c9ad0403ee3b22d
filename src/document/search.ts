/**
 * The one binary search the model needs: over items sorted by their start offset, how many start at or
 * before `offset` (so the last of them is at index `count - 1`, and -1 means none does).
 */
export function countStartingAtOrBefore<T>(items: readonly T[], offset: number, start: (item: T) => number): number {
  return countAtOrBefore(items.length, offset, (index) => start(items[index]!))
}

/** The same over `length` items known by index (flattened ranges, parallel arrays): how many start at or before `offset`. */
export function countAtOrBefore(length: number, offset: number, startAt: (index: number) => number): number {
  let low = 0
  let high = length
  while (low < high) {
    const middle = (low + high) >> 1
    if (startAt(middle) <= offset) low = middle + 1
    else high = middle
  }
  return low
}
