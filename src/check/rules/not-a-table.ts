import type {Rule} from '../rule.js'
import type {Table} from '../tables.js'
import {pair} from '../example.js'
import {toKey, toOriginal, type SideScan} from '../analysis.js'

const rule: Rule = {
  id: 'not-a-table',
  severity: 'error',
  description:
    'Rows that hold pairs look like a table, but the header row and the delimiter row have different numbers of cells, so GFM does not read them as a table at all: the page shows the pipes as text. An error where only the localized document breaks this way; a warning where the source document is already broken (the English page had the same fault).',
  bad: [{title: 'Header of two cells, delimiter of three', markdown: `|||\n|:---|:---|:---|\n| ${pair('0fcf2-115', '**Definition**', '**Definition**')} | ${pair('0fcf2-116', 'Nur in der Cloud.', 'Cloud only.')} | x |\n`, messages: ['1:1-1:4: warning: Not a table: the header row has 2 cell(s), the delimiter row 3 (in the source document too)']}],
  good: [{title: 'Header and delimiter agree', markdown: `||||\n|:---|:---|:---|\n| ${pair('0fcf2-115', '**Definition**', '**Definition**')} | ${pair('0fcf2-116', 'Nur in der Cloud.', 'Cloud only.')} | x |\n`, messages: []}],
  check(context) {
    const analysis = context.facts
    const broken = (side: SideScan): Map<number, Table> =>
      new Map(side.tables.filter((table) => table.broken).map((table) => [toKey(context.document, side, table.header.start), table]))
    const target = broken(analysis.target)
    const source = broken(analysis.source)
    const holdsPairs = (side: SideScan, table: Table): boolean => {
      const start = toOriginal(side, table.header.start)
      const end = toOriginal(side, table.end)
      return context.document.segments.some((segment) => segment.position.pair.start.offset >= start && segment.position.pair.start.offset <= end)
    }
    for (const [key, table] of target) {
      if (!holdsPairs(analysis.target, table)) continue
      const inSource = source.has(key)
      context.report(
        `Not a table: the header row has ${table.header.cells} cell(s), the delimiter row ${table.columns}${inSource ? ' (in the source document too)' : ' (in the localized document only)'}`,
        context.position(key, toOriginal(analysis.target, table.header.end)),
        inSource ? {warning: true} : {}
      )
    }
    for (const [key, table] of source) {
      if (target.has(key) || !holdsPairs(analysis.source, table)) continue
      context.report(`Not a table in the source document: the header row has ${table.header.cells} cell(s), the delimiter row ${table.columns}`, context.position(key, toOriginal(analysis.source, table.header.end)), {warning: true})
    }
  }
}
export default rule
