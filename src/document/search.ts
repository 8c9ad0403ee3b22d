/**
 * The one binary search the model needs: over items sorted by their start offset, how many start at or
 * before `offset` (so the last of them is at index `count - 1`, and -1 means none does).
 */
export function countStartingAtOrBefore<T>(items: readonly T[], offset: number, start: (item: T) => number): number {
  // The loop written out rather than `countAtOrBefore` with a closure over `items`: an object per search
  // where the caller is not optimized (parse asks once or more per pair).
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (start(items[middle]!) <= offset) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The same over sorted numbers, or the starts of flattened ranges (`stride` 2: `[start, end, start, end, …]`,
 * counted in ranges): no function to call, nor to allocate where the caller is not optimized.
 */
export function countValuesAtOrBefore(values: readonly number[], offset: number, stride = 1): number {
  let low = 0
  let high = Math.floor(values.length / stride)
  while (low < high) {
    const middle = (low + high) >> 1
    if (values[middle * stride]! <= offset) low = middle + 1
    else high = middle
  }
  return low
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

/**
 * `text.indexOf(part, from)` for places asked in (mostly) growing order, remembered per part: a search that
 * found `part` at `at` from `from` answers every place between the two, and one that found none answers
 * every later place. Scans that ask from each of many places (an unclosed `<!--` repeated thousands of
 * times, thousands of HTML blocks) then read the text about once per part instead of once per place.
 */
export class Occurrences {
  private readonly last = new Map<string, {from: number; at: number}>()
  constructor(private readonly text: string) {}

  next(part: string, from: number): number {
    const last = this.last.get(part)
    if (last && from >= last.from && (last.at < 0 || from <= last.at)) return last.at
    const at = this.text.indexOf(part, from)
    this.last.set(part, {from, at})
    return at
  }
}
