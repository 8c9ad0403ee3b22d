import type {Rule} from '../rule.js'
import type {BilingualDocument} from '../../document/types.js'
import {pair} from '../example.js'
import {analyse, toKey, toOriginal, type SideScan} from '../analysis.js'

interface Ragged {
  key: number
  end: number
  cells: number
  columns: number
}

/** Rows of the real (not broken) tables of one rendered document whose cell count differs from the delimiter row's. */
function raggedRows(document: BilingualDocument, side: SideScan): Ragged[] {
  const found: Ragged[] = []
  for (const table of side.tables) {
    if (table.broken) continue
    for (const row of table.rows) {
      if (row.cells === table.columns) continue
      found.push({key: toKey(document, side, row.contentStart), end: toOriginal(side, row.line.end), cells: row.cells, columns: table.columns})
    }
  }
  return found
}

const header = `|${pair('90f5f-145', 'Land', 'Country')}|${pair('90f5f-146', 'Telefon', 'Phone')}|\n|---|---|\n`

const rule: Rule = {
  id: 'table-shape',
  severity: 'error',
  description:
    'A table row has more or fewer cells than the delimiter row, judged in the two documents `render` makes from the pairs (each pair replaced by its target, or by its source). Where only the localized document is ragged, the translation caused it (an unescaped `|` or a line break in a target): an error. Where the source document already has the ragged row (the English page had it too), it is a warning: the translation is not at fault.',
  bad: [
    {title: 'A `|` in a target adds a cell', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', 'Gebührenfrei | 0800', 'Toll-free 0800')}|\n`, line: 3},
    {title: 'A line break in a target splits a row', markdown: `${header}|${pair('90f5f-148', '\nBrasilien', 'Brazil')}|${pair('90f5f-149', '0800', '0800')}|\n`, line: 3}
  ],
  good: [
    {title: 'Rows as wide as the delimiter row', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', 'Gebührenfrei \\| 0800', 'Toll-free \\| 0800')}|\n`},
    {title: 'A ragged row in the source document too (a warning, not an error)', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', '0800', '0800')}|\n|\n`}
  ],
  check(context) {
    const analysis = analyse(context.document)
    const target = raggedRows(context.document, analysis.target)
    const source = raggedRows(context.document, analysis.source)
    const sourceByKey = new Map(source.map((row) => [row.key, row]))
    const reported = new Set<number>()
    for (const row of target) {
      const same = sourceByKey.get(row.key)
      if (same && same.cells === row.cells) continue
      reported.add(row.key)
      context.report(`Table row has ${row.cells} cell(s) in the localized document, the delimiter row ${row.columns}${same ? ` (the source document has ${same.cells})` : ''}`, context.position(row.key, Math.max(row.key, row.end)))
    }
    for (const row of source) {
      if (reported.has(row.key)) continue
      context.report(`Table row has ${row.cells} cell(s) in the source document, the delimiter row ${row.columns}: the source already had this`, context.position(row.key, Math.max(row.key, row.end)), {warning: true})
    }
    // A table of the source document that is no table at all in the localized one.
    const targetHeaders = new Set(analysis.target.tables.filter((table) => !table.broken).map((table) => toKey(context.document, analysis.target, table.header.contentStart)))
    for (const table of analysis.source.tables) {
      if (table.broken) continue
      const key = toKey(context.document, analysis.source, table.header.contentStart)
      if (targetHeaders.has(key)) continue
      context.report('This table of the source document is not a table in the localized document (its header or delimiter row broke)', context.position(key, toOriginal(analysis.source, table.header.line.end)))
    }
  }
}
export default rule
