/**
 * The locator (src/document/positions.ts: a cursor over lazily found line ends) must give exactly the
 * points vfile-location gives, whatever order offsets are asked in: on every pair offset of the corpus,
 * in the order parse asks, and on random texts (LF, CR, CRLF) with random offsets.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {location} from 'vfile-location'
import {createLocator, lazyPoint} from '../src/document/positions.js'
import {scanPairs} from '../src/document/pairs.js'
import {corpusFiles} from './helpers/corpus.js'

function expectSame(text: string, offsets: readonly number[]): void {
  const locator = createLocator(text)
  const reference = location(text)
  // One assertion per text: an expect per point made the corpus test take 18 s.
  expect(offsets.map((offset) => locator.point(offset))).toEqual(offsets.map((offset) => reference.toPoint(offset)))
}

describe('locator', () => {
  it('gives vfile-location points for every pair offset of the corpus', () => {
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8')
      const {pairs, problems} = scanPairs(text)
      const offsets = problems.flatMap((problem) => [problem.start, problem.end])
      for (const pair of pairs) offsets.push(pair.pairStart, pair.targetStart, pair.targetEnd, pair.sourceStart, pair.sourceEnd, pair.pairEnd)
      offsets.push(0, text.length)
      expectSame(text, offsets)
    }
  })

  it('gives vfile-location points on random texts, in any order', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n', 'é'), {maxLength: 40}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(
        text.chain((value) => fc.tuple(fc.constant(value), fc.array(fc.integer({min: 0, max: value.length}), {maxLength: 12}))),
        ([value, offsets]) => expectSame(value, offsets)
      ),
      {numRuns: 2000}
    )
  })

  it('lazy points read as the points they stand for, in any order, also as JSON and when cloned', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', '\n', '\r\n', 'é'), {maxLength: 40}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(
        text.chain((value) => fc.tuple(fc.constant(value), fc.array(fc.integer({min: 0, max: value.length}), {maxLength: 12}))),
        ([value, offsets]) => {
          const reference = location(value)
          const locator = createLocator(value)
          const points = offsets.map((offset) => lazyPoint(locator, offset))
          // Read back to front, the way messages come after the places were made.
          for (let index = points.length - 1; index >= 0; index--) {
            const expected = reference.toPoint(offsets[index]!)
            expect({line: points[index]!.line, column: points[index]!.column, offset: points[index]!.offset}).toEqual(expected)
            expect(JSON.parse(JSON.stringify(points[index]))).toEqual(expected)
            expect(structuredClone(points[index])).toEqual(expected)
          }
        }
      ),
      {numRuns: 1000}
    )
  })
})
