import type {Rule} from '../rule.js'
import type {Table} from '../tables.js'
import {pair} from '../example.js'
import {toKey, toOriginal, type SideScan} from '../analysis.js'

const rule: Rule = {
  id: 'not-a-table',
  severity: 'error',
  description:
    'Rows that hold pairs look like a table, but the header row and the delimiter row have different numbers of cells, so GFM does not read them as a table at all: the page shows the pipes as text. An error where only the localized document breaks this way; a warning where the source document is already broken (the English page had the same fault).',
  bad: [
    {title: 'Header of two cells, delimiter of three', markdown: `|||\n|:---|:---|:---|\n| ${pair('0fcf2-115', '**Definition**', '**Definition**')} | ${pair('0fcf2-116', 'Nur in der Cloud.', 'Cloud only.')} | x |\n`, messages: ['1:1-1:4: warning: Not a table: the header row has 2 cell(s), the delimiter row 3 (in the source document too)']},
    {
      title: 'A backslash ending a header target escapes the `|` after it: no table in the localized document only',
      markdown: `|${pair('90f5f-145', 'Land \\', 'Country')}|${pair('90f5f-146', 'Telefon', 'Phone')}|\n|---|---|\n|${pair('90f5f-147', 'Brasilien', 'Brazil')}|${pair('90f5f-148', '0800', '0800')}|\n`,
      messages: ['1:1-1:241: error: Not a table: the header row has 1 cell(s), the delimiter row 2 (in the localized document only)']
    },
    {
      title: 'A header row without outer pipes whose first cell is the only one translated (a warning: the source document has it too)',
      markdown: `${pair('90f5f-160', 'Eigenschaft', 'Property')} | Get-Mailbox | Set-Mailbox\n---|---\nAlias | Ja | Ja\n`,
      messages: ['1:1-1:154: warning: Not a table: the header row has 3 cell(s), the delimiter row 2 (in the source document too)']
    },
    {
      title: 'An unescaped `|` in a header source that the target escapes: no table in the source document only (a warning)',
      markdown: `|${pair('90f5f-145', 'Name \\| Alias', 'Name | Alias')}|${pair('90f5f-146', 'Beschreibung', 'Description')}|\n|---|---|\n|${pair('90f5f-147', 'Postfach', 'Mailbox')}|${pair('90f5f-148', 'Ein Benutzerpostfach', 'A user mailbox')}|\n`,
      messages: ['1:1-1:264: warning: Not a table in the source document: the header row has 3 cell(s), the delimiter row 2']
    }
  ],
  good: [
    {title: 'Header and delimiter agree', markdown: `||||\n|:---|:---|:---|\n| ${pair('0fcf2-115', '**Definition**', '**Definition**')} | ${pair('0fcf2-116', 'Nur in der Cloud.', 'Cloud only.')} | x |\n`, messages: []},
    {
      title: 'A broken table that holds no pair (nothing in it was translated), between translated paragraphs',
      markdown: `${pair('0fcf2-117', 'Die Ausgabe sieht so aus:', 'The output looks like this:')}\n\n|||\n|:---|:---|:---|\n| Get-Mailbox | Name | Alias |\n\n${pair('0fcf2-118', 'Weitere Informationen finden Sie unter Get-Mailbox.', 'For more information, see Get-Mailbox.')}\n`,
      messages: []
    }
  ],
  check(context) {
    const analysis = context.facts
    const broken = (side: SideScan): Map<number, Table> =>
      new Map(side.tables.filter((table) => table.broken).map((table) => [toKey(context.document, side, table.header.start), table]))
    const target = broken(analysis.target)
    const source = broken(analysis.source)
    const holdsPairs = (side: SideScan, table: Table): boolean => {
      // The header's start as a pair's start where the row starts inside a target or source (`toKey`): with
      // the offset inside it, a header row whose first cell is its only pair held "no pair".
      const start = toKey(context.document, side, table.header.start)
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
