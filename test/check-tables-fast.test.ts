/**
 * The cheaper ways the table rules read the rendered sides (src/check/analysis.ts, src/render/documents.ts)
 * give what the plain definitions give, on every document of the dev corpus: the rendered text without the
 * piece objects, and the offset map built from the document's parts without rendering.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {parse} from '../src/document/parse.js'
import {createOriginalOffset, originalOffset, renderSide, renderSideWithMap} from '../src/render/documents.js'
import {corpusFiles} from './helpers/corpus.js'

describe('the rendered sides, read cheaply, over the dev corpus', () => {
  it('the text and the map back to the bilingual file are renderSideWithMap’s', {timeout: 120_000}, () => {
    // Collected, not asserted one by one: a million `expect` calls would take most of the test's time.
    const disagreements: string[] = []
    let offsets = 0
    for (const file of corpusFiles()) {
      const document = parse(readFileSync(file, 'utf8'), {path: file})
      for (const side of ['target', 'source'] as const) {
        const rendered = renderSideWithMap(document, side)
        if (renderSide(document, side) !== rendered.text) disagreements.push(`${file} ${side}: text`)
        const original = createOriginalOffset(document, side)
        // Every piece's edges and the offsets around them (empty pieces, pieces sharing a start), and past the end.
        const asked = new Set<number>([0, rendered.text.length, rendered.text.length + 1])
        for (const piece of rendered.pieces) for (const at of [piece.start - 1, piece.start, piece.start + 1, piece.start + piece.length]) asked.add(Math.max(0, at))
        for (const offset of asked) {
          offsets++
          const want = originalOffset(rendered, offset)
          const got = original(offset)
          if ((got.offset !== want.offset || got.segment !== want.segment) && disagreements.length < 20) disagreements.push(`${file} ${side} ${offset}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`)
        }
      }
    }
    expect(disagreements).toEqual([])
    expect(offsets).toBeGreaterThan(500_000)
  })
})
