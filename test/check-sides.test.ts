/**
 * The two documents `render` makes are read as the bilingual file is (src/check/analysis.ts): their leaf
 * blocks from the fast path where it answers, from remark where it declines. The fast path's answer is
 * remark's on the rendered sides of the corpus (every fourth file, both sides: remark is slow), and the
 * tables the rules read from them are what remark's blocks give.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse, parseBlockReading, parseLeafBlocks} from '../src/document/parse.js'
import {renderSide} from '../src/render/documents.js'
import {tablesOf} from '../src/check/tables.js'
import {cellTexts, countCells} from '../src/check/cells.js'
import {corpusDir, corpusFiles} from './helpers/corpus.js'
import fc from 'fast-check'

describe('rendered sides', () => {
  it('have the leaf blocks and tables remark gives, over the corpus', {timeout: 600_000}, () => {
    const different: string[] = []
    let tables = 0
    corpusFiles().forEach((file, index) => {
      if (index % 4 !== 0) return
      const document = parse(readFileSync(file, 'utf8'), {path: file})
      for (const side of ['target', 'source'] as const) {
        const text = renderSide(document, side)
        if (!text.includes('|')) continue
        const fast = parseLeafBlocks(text)
        const full = parseLeafBlocks(text, {fast: false})
        if (JSON.stringify(fast) !== JSON.stringify(full)) different.push(`${file} ${side}`)
        const read = tablesOf(text, fast)
        expect(read).toEqual(tablesOf(text, full))
        tables += read.length
      }
    })
    expect(different).toEqual([])
    expect(tables).toBeGreaterThan(100)
  })

  it('splits a row into the cells the block parse counts (which cells GFM drops), over the corpus and random rows', () => {
    // The row texts table-shape reads a dropped cell's text from; their count is the model's (remark's).
    let rows = 0
    const wrong: string[] = []
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8')
      if (!text.includes('|')) continue
      for (const block of parse(text).blocks) {
        if (!block.table) continue
        rows++
        const row = text.slice(block.start, block.end)
        if (cellTexts(row).length !== block.table.cells) wrong.push(`${file}: ${row.slice(0, 80)}`)
      }
    }
    expect(wrong).toEqual([])
    expect(rows).toBeGreaterThan(10_000)
    fc.assert(
      fc.property(fc.array(fc.constantFrom('|', '\\', ' ', 'a', '`'), {maxLength: 12}), (characters) => {
        const row = characters.join('')
        expect(cellTexts(row)).toHaveLength(countCells(row))
      }),
      {numRuns: 3000}
    )
  })

  it('reads the rendered sides it sent to remark for a tab after a list marker or an item starting blank, as remark does', {timeout: 120_000}, () => {
    // Word's `- \tText` lists, `- ` items with their link on the next line, and empty items in a nested
    // list: every rendered side of the corpus the fast path declined on 2026-12-07 (check reads the first two).
    const sides: Array<[string, 'target' | 'source']> = [
      ['OfficeDocs-Enterprise-pr.ja-JP/Enterprise/expressroute-for-microsoft-cloud-connectivity.md', 'target'],
      ['OfficeDocs-Enterprise-pr.ja-JP/Enterprise/use-the-centralized-deployment-powershell-cmdlets-to-manage-add-ins.md', 'source'],
      ['OfficeDocs-Enterprise-pr.ja-JP/Enterprise/diagnosing-performance-issues-with-sharepoint-online.md', 'target'],
      ['OfficeDocs-Enterprise-pr.ja-JP/Enterprise/introduction-to-performance-tuning-for-sharepoint-online.md', 'target'],
      ['OfficeDocs-O365SecComp-pr.de-DE/SecurityCompliance/what-the-sensitive-information-types-look-for.md', 'target']
    ]
    for (const [file, side] of sides) {
      const text = renderSide(parse(readFileSync(join(corpusDir, file), 'utf8'), {path: file}), side)
      const reading = parseBlockReading(text)
      expect(reading.fast, file).toBe(true)
      expect(reading.leaves, file).toEqual(parseLeafBlocks(text, {fast: false}))
    }
  })

  it('reads a table in a block quote and a broken one in a list item', () => {
    const text = '> | a | b |\n> |---|---|\n> | 1 | 2 | 3 |\n\n- x | y\n  |---|---|---|\n  | 1 |\n'
    const tables = tablesOf(text, parseLeafBlocks(text))
    expect(tables.map((table) => [table.broken, table.header.cells, table.columns, table.rows.map((row) => [row.cells, row.drops, text.slice(row.start, row.end)])])).toEqual([
      [false, 2, 2, [[3, true, '| 1 | 2 | 3 |']]],
      [true, 2, 3, [[1, false, '| 1 |']]]
    ])
    expect(parseLeafBlocks(text)).toEqual(parseLeafBlocks(text, {fast: false}))
  })
})
