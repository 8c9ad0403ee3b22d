import type {Rule} from '../rule.js'
import type {BilingualDocument} from '../../document/types.js'
import {pair} from '../example.js'
import {toKey, toOriginal, type SideScan} from '../analysis.js'
import {unescapedPipes} from '../cells.js'

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

/**
 * Whether a pair on the row (its bilingual range) has a target that breaks the row by itself: a line break, or
 * more unescaped `|` than its source. line-break-in-table-pair and pair-split-across-cells report that pair,
 * which is where the fix goes: the row's own finding would be the same incident twice.
 */
function brokenByPair(document: BilingualDocument, text: string, start: number, end: number): boolean {
  // To the end of the row's last bilingual line: a target whose line break ends the row starts there, after the row's rendered end.
  // (A line ends at LF, CRLF or a lone CR.)
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++
  return document.segments.some(
    (segment) =>
      segment.position.pair.start.offset <= end &&
      segment.position.pair.end.offset >= start &&
      (/[\r\n]/.test(segment.target) || unescapedPipes(segment.target).length > unescapedPipes(segment.source).length)
  )
}

const header = `|${pair('90f5f-145', 'Land', 'Country')}|${pair('90f5f-146', 'Telefon', 'Phone')}|\n|---|---|\n`

const rule: Rule = {
  id: 'table-shape',
  severity: 'error',
  description:
    'A table row has more or fewer cells than the delimiter row in the localized document, and not the same number as in the source document: the translation changed the row, and the localized page shows it otherwise than the source page. Where a target on the row has a line break or an unescaped `|` of its own, `line-break-in-table-pair` or `pair-split-across-cells` reports that pair (one incident, one finding). Where the source document has the same row, GFM pads a short row with empty cells and drops empty extra cells, so the page is as its author wrote it: no finding. Only a row of the source document whose extra cells hold text (GFM drops them from the page) is a warning: the translation is not at fault.',
  bad: [
    {title: 'A backslash ending a target escapes the `|` after it: the row loses a cell', markdown: `${header}|${pair('90f5f-148', 'Ordner C:\\Daten\\', 'Folder C:\\Data')}|${pair('90f5f-149', '0800', '0800')}|\n`, messages: ['3:1-3:254: error: Table row has 1 cell(s) in the localized document, the delimiter row 2']},
    {title: 'Text in an extra cell of the source document (a warning)', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', '0800', '0800')}| ${pair('90f5f-150', 'gebührenfrei', 'toll-free')} |\n`, messages: ['3:1-3:369: warning: Table row has 3 cell(s) in the source document, the delimiter row 2: GFM drops the text of the extra cells (the source already had this)']},
    {
      title: 'A row broken in the localized document that the source document has with another count',
      markdown: `${header}|${pair('90f5f-147', 'Brasilien\\', 'Brazil')}|${pair('90f5f-148', '0800\\', '0800')}| ${pair('90f5f-149', 'gebührenfrei', 'toll-free')} |\n`,
      messages: ['3:1-3:371: error: Table row has 1 cell(s) in the localized document, the delimiter row 2 (the source document has 3)']
    },
    {
      title: 'A backslash ending a header target: the table is no table in the localized document (not-a-table reports its header too), and its rows are not reported one by one',
      markdown: `|${pair('90f5f-145', 'Land \\', 'Country')}|${pair('90f5f-146', 'Telefon', 'Phone')}|\n|---|---|\n|${pair('90f5f-147', 'Brasilien\\', 'Brazil')}|${pair('90f5f-148', '0800', '0800')}|\n`,
      messages: ['1:1-1:241: error: This table of the source document is not a table in the localized document (its header or delimiter row broke)']
    },
    {
      title: 'A row a backslash breaks between rows a `|` in a target splits: pair-split-across-cells reports those two, this rule the row between',
      markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', 'Gebührenfrei | 0800', 'Toll-free 0800')}|\n|${pair('90f5f-150', 'Ordner C:\\Daten\\', 'Folder C:\\Data')}|${pair('90f5f-151', '0800', '0800')}|\n|${pair('90f5f-152', 'Kanada', 'Canada')}|${pair('90f5f-153', 'Gebührenfrei | 1800', 'Toll-free 1800')}|\n`,
      messages: ['4:1-4:254: error: Table row has 1 cell(s) in the localized document, the delimiter row 2']
    }
  ],
  good: [
    {title: 'A `|` in a target: pair-split-across-cells reports the pair, the row is not reported again', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', 'Gebührenfrei | 0800', 'Toll-free 0800')}|\n`, messages: []},
    {title: 'A line break in a target: line-break-in-table-pair reports the pair, the split row is not reported again', markdown: `${header}|${pair('90f5f-148', '\nBrasilien', 'Brazil')}|${pair('90f5f-149', '0800', '0800')}|\n`, messages: []},
    {title: 'A line break ending a target: the rest of the row becomes a row of its own, not reported again', markdown: `${header}|${pair('90f5f-148', 'Brasilien\n', 'Brazil')}|${pair('90f5f-149', '0800', '0800')}|\n`, messages: []},
    {
      title: 'A line break starting a target after a space in its cell: the row ends before the pair, which line-break-in-table-pair reports',
      markdown: `${header}| ${pair('90f5f-148', '\nBrasilien', 'Brazil')} | ${pair('90f5f-149', '0800', '0800')} |\n`,
      messages: []
    },
    {
      title: 'A table the source document breaks too (header of two cells, delimiter of three): not-a-table warns, the table was never one',
      markdown: `|||\n|:---|:---|:---|\n| ${pair('0fcf2-115', '**Definition**', '**Definition**')} | ${pair('0fcf2-116', 'Nur in der Cloud.', 'Cloud only.')} | x |\n`,
      messages: []
    },
    {title: 'Rows as wide as the delimiter row', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', 'Gebührenfrei \\| 0800', 'Toll-free \\| 0800')}|\n`, messages: []},
    {title: 'A row of empty cells shorter than the delimiter row (GFM pads it)', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', '0800', '0800')}|\n|\n`, messages: []},
    {title: 'A row whose last cell is empty after a trailing `|`, shorter than the delimiter row', markdown: `|${pair('90f5f-145', 'Land', 'Country')}|${pair('90f5f-146', 'Telefon', 'Phone')}|${pair('90f5f-147', 'Hinweis', 'Note')}|\n|---|---|---|\n|${pair('90f5f-148', 'Brasilien', 'Brazil')}| |\n`, messages: []},
    {title: 'Empty extra cells (GFM drops them; the page is unchanged)', markdown: `${header}|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', '0800', '0800')}| | |\n`, messages: []}
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
      if (brokenByPair(document, context.text, row.key, row.end)) continue
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
