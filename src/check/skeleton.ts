/**
 * The skeleton of the bilingual file line by line: each line with the pairs on it blanked out by spaces
 * (offsets kept), what is left being markup and text outside pairs. Built per line from the pairs on it,
 * which costs far less than blanking the whole file and reading it back line by line.
 */
import type {Line} from './lines.js'
import {asciiCaseBit, charCodes} from '../inline/char-codes.js'

/**
 * For each line, the stretches of it the pairs cover, as start, end… offsets (none empty). Lines must be
 * asked for in order; the array returned is reused by the next call.
 */
export function pairsOnLines(pairs: ArrayLike<number>): (line: Line) => number[] {
  let next = 0
  const stretches: number[] = []
  return (line) => {
    while (next < pairs.length && pairs[next + 1]! <= line.start) next += 2
    stretches.length = 0
    for (let pair = next; pair < pairs.length && pairs[pair]! < line.end; pair += 2) {
      stretches.push(Math.max(pairs[pair]!, line.start), Math.min(pairs[pair + 1]!, line.end))
    }
    return stretches
  }
}

/**
 * The line with each stretch replaced by `fill(length)`. Joined, not concatenated: `+=` makes a rope,
 * and reading a rope character by character is slow.
 */
function replaceStretches(text: string, line: Line, stretches: number[], fill: (length: number) => string): string {
  if (stretches.length === 0) return line.text
  const pieces: string[] = []
  let at = line.start
  for (let index = 0; index < stretches.length; index += 2) {
    pieces.push(text.slice(at, stretches[index]!), fill(stretches[index + 1]! - stretches[index]!))
    at = stretches[index + 1]!
  }
  pieces.push(text.slice(at, line.end))
  return pieces.join('')
}

/** The line's skeleton: every pair on it blanked out by spaces, offsets kept. */
export function blankedLine(text: string, line: Line, stretches: number[]): string {
  return replaceStretches(text, line, stretches, (length) => ' '.repeat(length))
}

/**
 * The line's skeleton with each pair's blank shrunk to one space: short, and the same as `blankedLine`
 * for anything that does not count spaces — which substrings without a space it holds, how many letters.
 */
export function compactLine(text: string, line: Line, stretches: number[]): string {
  return replaceStretches(text, line, stretches, () => ' ')
}

/** What `skeletonFacts` tells of a line's compact skeleton. */
export const holdsCommentOpen = 1
export const holdsCommentClose = 2
export const holdsEightLetters = 4

/**
 * What a line's compact skeleton holds (`compactLine`, whose blanks are spaces), read in place without
 * making it: `<!--`, `-->` (neither has a space, so neither spans a blank), and eight characters that are
 * ASCII letters or non-ASCII (UTF-16 code units from 0x80). For lines with pairs: the characters outside
 * them are few (a list marker, pipes), where searching the whole line would read every span tag.
 */
export function skeletonFacts(text: string, line: Line, stretches: number[]): number {
  let facts = 0
  let letters = 0
  let at = line.start
  for (let index = 0; index <= stretches.length; index += 2) {
    const end = index < stretches.length ? stretches[index]! : line.end
    for (; at < end; at++) {
      const code = text.charCodeAt(at)
      if (code >= charCodes.nonAscii || ((code | asciiCaseBit) >= charCodes.lowercaseA && (code | asciiCaseBit) <= charCodes.lowercaseZ)) {
        if (++letters === 8) facts |= holdsEightLetters
      } else if (code === charCodes.lessThan) {
        if (at + 4 <= end && text.startsWith('<!--', at)) facts |= holdsCommentOpen
      } else if (code === charCodes.dash) {
        if (at + 3 <= end && text.startsWith('-->', at)) facts |= holdsCommentClose
      }
    }
    at = stretches[index + 1]!
  }
  return facts
}
