/**
 * The pair scanner (src/document/pairs.ts) finds span tags a step at a time, and reads the ids of tags
 * written as the tools write them without a regex: it must find exactly the pairs and problems the one-regex
 * scanner it replaced finds (test/helpers/pairs-reference.ts), on every corpus file and on random markup.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {scanPairs} from '../src/document/pairs.js'
import {scanPairs as referenceScan} from './helpers/pairs-reference.js'
import {corpusFiles} from './helpers/corpus.js'

describe('pair scanner', () => {
  it('finds the pairs and problems of the reference on every corpus file', () => {
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8')
      expect(scanPairs(text), file).toEqual(referenceScan(text))
    }
  })

  it('finds the pairs and problems of the reference on random markup', () => {
    const piece = fc.constantFrom(
      '<span data-ttu-id="a-1">', '<span data-ttu-id="a-2" >', '<span data-ttu-id=\'a-3\'>', '<SPAN data-ttu-id="a-4">', '<span DATA-TTU-ID="a-5">',
      '<span data-ttu-id="a"b">', '<span data-ttu-id="a>b">', '<span data-ttu-id="x-1"/>', '<span title="data-ttu-id=\'q\'" data-ttu-id="a-6">',
      '<span class="sxs-lookup">', '<span class=\'sxs-lookup\'>', '<span class="x sxs-lookup">', '<SPAN class="sxs-lookup">', '<span class="sxs-lookup" >',
      '<span data-stu-id="a-1">', '<span data-stu-id="a-2" x>', '<span data-stu-id=a-3>', '<span data-stu-id="a"x">', '<span data-stu-id="b>">',
      '</span>', '</span >', '</SPAN>', '<span>', '<span/>', '<span', '"', "'", '>', ' ', '\n', '\u00a0', 'text', '<b>', '|'
    )
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 24}), (pieces) => {
        const text = pieces.join('')
        expect(scanPairs(text)).toEqual(referenceScan(text))
      }),
      {numRuns: 20000}
    )
  })
})
