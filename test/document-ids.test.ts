/**
 * parseId (src/document/pairs.ts) reads ids by hand: it must give what the regex it replaced gives, on
 * every id of the corpus and on random ids.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {parseId, scanPairs} from '../src/document/pairs.js'
import {corpusFiles} from './helpers/corpus.js'

const idShape = /^(.*?)-(p?)(\d+)$/

function reference(id: string): {prefix: string; number: number; merged: boolean} {
  const match = idShape.exec(id)
  if (!match) return {prefix: id, number: Number.NaN, merged: false}
  return {prefix: match[1]!, number: Number(match[3]), merged: match[2] === 'p'}
}

describe('parseId', () => {
  it('reads every id of the corpus as the regex does', () => {
    for (const file of corpusFiles()) {
      const ids = scanPairs(readFileSync(file, 'utf8')).pairs.flatMap((pair) => [pair.id, pair.sourceId])
      expect(ids.map(parseId)).toEqual(ids.map(reference))
    }
  })

  it('reads random ids as the regex does', () => {
    const id = fc.array(fc.constantFrom('a', '9', '0', '-', 'p', 'P', '\n', '\u2028', ' ', '١', '-p', 'x-1', '12345678', '99999999'), {maxLength: 10}).map((parts) => parts.join(''))
    fc.assert(fc.property(id, (value) => {
        expect(parseId(value)).toEqual(reference(value))
      }), {numRuns: 5000})
  })
})
