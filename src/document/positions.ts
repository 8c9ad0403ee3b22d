/** Offsets to line/column points for one file, with vfile-location. */
import {location} from 'vfile-location'
import type {Point, Position} from './types.js'

export interface Locator {
  point(offset: number): Point
  position(start: number, end: number): Position
}

export function createLocator(text: string): Locator {
  const place = location(text)
  function point(offset: number): Point {
    const found = place.toPoint(offset)
    // vfile-location answers `undefined` only for offsets past the end, which callers never pass;
    // the end of the file is a valid point.
    // A fresh object of the same shape, {line, column, offset}: taken as it is rather than copied.
    if (found && found.line !== undefined && found.column !== undefined) return found as Point
    const lines = text.slice(0, offset).split('\n')
    return {line: lines.length, column: lines[lines.length - 1]!.length + 1, offset}
  }
  return {point, position: (start, end) => ({start: point(start), end: point(end)})}
}
