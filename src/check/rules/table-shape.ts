import type {Rule} from '../rule.js'
import type {BilingualDocument} from '../../document/types.js'
import {pair} from '../example.js'
import {toKey, toOriginal, type SideScan} from '../analysis.js'

interface Ragged {
  key: number
  end: number
  cells: number
  columns: number
  drops: boolean
}

/** Rows of the real (not broken) tables of one rendered document whose cell count differs from the delimiter row's. */
function raggedRows(document: BilingualDocument, side: SideScan): Ragged[] {
  const found: Ragged[] = []
  for (const table of side.tables) {
    if (table.broken) continue
    for (const row of table.rows) {
      if (row.cells === table.columns) continue
      found.push({key: toKey(document, side, row.start), end: toOriginal(side, row.end), cells: row.cells, columns: table.columns, drops: row.drops})
    }
  }
  return found
}

const header = `|${pair('90f5f-145', 'Land', 'Country')}|${pair('90f5f-146', 'Telefon', 'Phone')}|\n|---|---|\n`

const rule: Rule = {
  id: 'table-shape',
  severity: 'error',
  description:
    'A table row has more or fewer cells than the delimiter row in the localized document, and not the same number as in the source document: the translation caused it (an unescaped `|` or a line break in a target), and the localized page shows the row otherwise than the source page. Where the source document has the same row, GFM pads a short row with empty cells and drops empty extra cells, so the page is as its author wrote it: no finding. Only a row of the source document whose extra cells hold text (GFM drops them from the page) is a warning: the translation is not at fault.',
  bad: [
    {title: 'A `|` in a target adds a cell', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', 'Gebührenfrei | 0800', 'Toll-free 0800')}|\n`, line: 3},
    {title: 'A line break in a target splits a row', markdown: `${header}|${pair('90f5f-148', '\nBrasilien', 'Brazil')}|${pair('90f5f-149', '0800', '0800')}|\n`, line: 3},
    {title: 'Text in an extra cell of the source document (a warning)', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', '0800', '0800')}| ${pair('90f5f-150', 'gebührenfrei', 'toll-free')} |\n`, line: 3}
  ],
  good: [
    {title: 'Rows as wide as the delimiter row', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', 'Gebührenfrei \\| 0800', 'Toll-free \\| 0800')}|\n`},
    {title: 'A row of empty cells shorter than the delimiter row (GFM pads it)', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', '0800', '0800')}|\n|\n`},
    {title: 'A row whose last cell is empty after a trailing `|`, shorter than the delimiter row', markdown: `|${pair('90f5f-145', 'Land', 'Country')}|${pair('90f5f-146', 'Telefon', 'Phone')}|${pair('90f5f-147', 'Hinweis', 'Note')}|\n|---|---|---|\n|${pair('90f5f-148', 'Brasilien', 'Brazil')}| |\n`},
    {title: 'Empty extra cells (GFM drops them; the page is unchanged)', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', '0800', '0800')}| | |\n`}
  ],
  check(context) {
    const {facts, document} = context
    const target = raggedRows(document, facts.target)
    const source = raggedRows(document, facts.source)
    const sourceByKey = new Map(source.map((row) => [row.key, row]))
    const reported = new Set<number>()
    for (const row of target) {
      const same = sourceByKey.get(row.key)
      if (same && same.cells === row.cells) continue
      reported.add(row.key)
      context.report(`Table row has ${row.cells} cell(s) in the localized document, the delimiter row ${row.columns}${same ? ` (the source document has ${same.cells})` : ''}`, context.position(row.key, Math.max(row.key, row.end)))
    }
    for (const row of source) {
      if (reported.has(row.key) || !row.drops) continue
      context.report(`Table row has ${row.cells} cell(s) in the source document, the delimiter row ${row.columns}: GFM drops the text of the extra cells (the source already had this)`, context.position(row.key, Math.max(row.key, row.end)), {warning: true})
    }
    // A table of the source document that is no table at all in the localized one.
    const targetHeaders = new Set(facts.target.tables.filter((table) => !table.broken).map((table) => toKey(document, facts.target, table.header.start)))
    for (const table of facts.source.tables) {
      if (table.broken) continue
      const key = toKey(document, facts.source, table.header.start)
      if (targetHeaders.has(key)) continue
      context.report('This table of the source document is not a table in the localized document (its header or delimiter row broke)', context.position(key, toOriginal(facts.source, table.header.end)))
    }
  }
}
export default rule
