/**
 * The one binary search the model needs: over items sorted by their start offset, how many start at or
 * before `offset` (so the last of them is at index `count - 1`, and -1 means none does).
 */
export function countStartingAtOrBefore<T>(items: readonly T[], offset: number, start: (item: T) => number): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (start(items[middle]!) <= offset) low = middle + 1
    else high = middle
  }
  return low
}
