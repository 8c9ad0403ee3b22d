/**
 * The rendered documents as check reads them without making them (src/check/sides.ts) agree with
 * `renderSideWithMap` + `scanTables`: the same tables (line objects and all) and the same offset map, on
 * every corpus file and on real files whose targets and sources were mutated with what moves table rows
 * (pipes, a `\r`, indentation, quote markers, backticks, emptied texts).
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {readFileSync, statSync} from 'node:fs'
import {parse} from '../src/document/parse.js'
import {print} from '../src/document/print.js'
import type {BilingualDocument} from '../src/document/types.js'
import {originalOffset, renderSideWithMap} from '../src/render/documents.js'
import {scanBlocks, splitLines} from '../src/check/blocks.js'
import {pairLayout, sideMap, sideOf} from '../src/check/sides.js'
import {pairOffsets} from '../src/check/analysis.js'
import {corpusFiles} from './helpers/corpus.js'

/** Differences between the fast sides and the reference for one document (none: `[]`); whether the fast path applied. */
function compare(document: BilingualDocument): {differences: string[]; fast: boolean} {
  const text = print(document)
  const pairs = pairOffsets(document)
  const layout = pairs && pairLayout(pairs, text, splitLines(text))
  const differences: string[] = []
  if (!layout) return {differences, fast: false}
  for (const side of ['target', 'source'] as const) {
    const rendered = renderSideWithMap(document, side)
    const expected = scanBlocks(rendered.text).tables
    const {tables, original} = sideOf(document, layout, side)
    if (JSON.stringify(tables) !== JSON.stringify(expected)) differences.push(`${side} tables`)
    const map = sideMap(document, side)
    const offsets = new Set<number>([0, rendered.text.length])
    for (const table of expected) for (const row of [table.header, table.delimiter, ...table.rows]) offsets.add(row.line.start).add(row.line.end).add(row.contentStart)
    for (let offset = 0; offset < rendered.text.length; offset += 61) offsets.add(offset)
    for (const offset of offsets) {
      const expected = JSON.stringify(originalOffset(rendered, offset))
      if (JSON.stringify(map(offset)) !== expected || JSON.stringify(original(offset)) !== expected) {
        differences.push(`${side} offset ${offset}`)
        break
      }
    }
  }
  return {differences, fast: true}
}

describe('rendered sides without rendering', () => {
  it('agree with renderSideWithMap and scanTables on every corpus file', () => {
    const found: string[] = []
    let fast = 0
    for (const file of corpusFiles()) {
      const result = compare(parse(readFileSync(file, 'utf8'), {path: file}))
      if (result.fast) fast++
      for (const difference of result.differences) found.push(`${file}: ${difference}`)
    }
    expect(found).toEqual([])
    expect(fast).toBeGreaterThan(600)
  }, 300_000)

  const files = corpusFiles()
    .filter((file) => readFileSync(file, 'utf8').includes('|') && statSync(file).size < 20_000)
    .slice(0, 40)
  const originals = files.map((file) => readFileSync(file, 'utf8'))

  it('agree on real files with mutated targets and sources', () => {
    const piece = fc.constantFrom('|', '\\|', '\\', '\r', ' ', '    ', '> ', '`', '```', '-', ':---', 'text', '')
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.boolean(), fc.array(piece, {maxLength: 4}), fc.boolean()), {minLength: 1, maxLength: 6}), (fileIndex, edits) => {
        const original = originals[fileIndex % originals.length]!
        const document = parse(original)
        fc.pre(document.segments.length > 0)
        // Replace (or extend) some targets or sources, cut some lines short, from the end of the file so that offsets stay good.
        const chosen = new Map<number, [boolean, boolean, string, boolean]>()
        for (const [index, target, replace, pieces, cut] of edits) chosen.set(index % document.segments.length, [target, replace, pieces.join(''), cut])
        let text = original
        for (const index of [...chosen.keys()].sort((a, b) => b - a)) {
          const segment = document.segments[index]!
          const [target, replace, inserted, cut] = chosen.get(index)!
          // Or make the pair the last thing on its line (a `\r` at the end of its text then ends the line).
          if (cut) {
            const end = segment.position.pair.end.offset
            const lineBreak = text.indexOf('\n', end)
            text = text.slice(0, end) + (lineBreak < 0 ? '' : text.slice(lineBreak))
          }
          const place = target ? segment.position.target : segment.position.source
          const start = replace ? place.start.offset : place.end.offset
          text = text.slice(0, start) + inserted + text.slice(place.end.offset)
        }
        const mutated = parse(text)
        const {differences} = compare(mutated)
        expect(differences).toEqual([])
      }),
      {numRuns: 150, seed: Number(process.env['SEED'] ?? 20261126)}
    )
  }, 300_000)
})
