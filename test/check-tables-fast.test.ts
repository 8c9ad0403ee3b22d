/**
 * The cheaper ways the table rules read the rendered sides (src/check/analysis.ts, src/render/documents.ts)
 * give what the plain definitions give, on every document of the dev corpus: the rendered text without the
 * piece objects, the offset map built from the document's parts without rendering, and the delimiter
 * lines looked for only near a `|`.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {parse} from '../src/document/parse.js'
import {createOriginalOffset, originalOffset, renderSide, renderSideWithMap} from '../src/render/documents.js'
import {mayHoldTable, mayHoldTableEverywhere} from '../src/check/analysis.js'
import {corpusFiles} from './helpers/corpus.js'
import fc from 'fast-check'

describe('the rendered sides, read cheaply, over the dev corpus', () => {
  it('the text and the map back to the bilingual file are renderSideWithMap’s', {timeout: 120_000}, () => {
    // Collected, not asserted one by one: a million `expect` calls would take most of the test's time.
    const disagreements: string[] = []
    let offsets = 0
    const holding = {fast: 0, everywhere: 0}
    for (const file of corpusFiles()) {
      const document = parse(readFileSync(file, 'utf8'), {path: file})
      for (const side of ['target', 'source'] as const) {
        const rendered = renderSideWithMap(document, side)
        if (renderSide(document, side) !== rendered.text) disagreements.push(`${file} ${side}: text`)
        const fast = mayHoldTable(rendered.text)
        const everywhere = mayHoldTableEverywhere(rendered.text)
        holding.fast += Number(fast)
        holding.everywhere += Number(everywhere)
        if (fast !== everywhere) disagreements.push(`${file} ${side}: mayHoldTable ${fast}`)
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
    // The corpus has sides of both kinds.
    expect(holding.fast).toBe(holding.everywhere)
    expect(holding.fast).toBeGreaterThan(600)
  })
})

describe('mayHoldTable', () => {
  it('is the whole-text scan on random lines of table characters', () => {
    const character = fc.constantFrom('|', '-', '-', ':', ' ', '\t', '>', '\n', '\n', 'a', '\\')
    // Now and then a line end of another kind (the whole-text scan's case).
    const other = fc.constantFrom('|', '-', '\n', '\r', '\r\n', '\u2028', '\u2029')
    fc.assert(
      fc.property(fc.array(fc.oneof({weight: 20, arbitrary: character}, {weight: 1, arbitrary: other}), {maxLength: 60}), (characters) => {
        const text = characters.join('')
        expect(mayHoldTable(text)).toBe(mayHoldTableEverywhere(text))
      }),
      {numRuns: 20_000}
    )
  })

  it('finds a delimiter row with the `|` on the line before, after it, or on it', () => {
    expect(mayHoldTable('a | b\n--- | ---\n')).toBe(true)
    expect(mayHoldTable('| a\n---\n')).toBe(true)
    expect(mayHoldTable('> a | b\n> ---\n')).toBe(true)
    expect(mayHoldTable('---\n| a\n')).toBe(false)
    expect(mayHoldTable('a | b\n\n---\n')).toBe(false)
    expect(mayHoldTable('a | b\r\n---\r\n')).toBe(true)
  })
})
