import type {Rule} from '../rule.js'
import {pair} from '../example.js'
import {unescapedPipes} from '../cells.js'

const header = `|${pair('16f47-272', '**Parameter**', '**Parameter**')}|${pair('16f47-273', '**Beschreibung**', '**Description**')}|\n|:---|:---|\n`

const rule: Rule = {
  id: 'pair-split-across-cells',
  severity: 'error',
  description:
    'In a GFM table every unescaped `|` starts a new cell, even inside inline code. A pair in a table row whose target holds an unescaped `|` is cut in two by the table: the localized row gains a cell and the pair\'s spans are torn apart. Escape it as `\\|`. A `|` in the source only (the English page had it) is a warning.',
  bad: [
    {title: 'Inline code with a pipe in a stale target', markdown: `${header}| \`Mailbox\` |${pair('16f47-295', 'Führen Sie `Get-Mailbox | FL` aus.', 'Run the following command.')}|\n`, messages: ['3:68-3:69: error: Unescaped `|` in the target of `16f47-295` splits it across table cells (escape it as `\\|`)']},
    {title: 'The same pipe in the source: the English page is split too (a warning)', markdown: `${header}| \`Mailbox\` |${pair('16f47-295', 'Führen Sie `Get-Mailbox | FL` aus.', 'Run `Get-Mailbox | FL`.')}|\n`, messages: ['3:157-3:158: warning: Unescaped `|` in the source of `16f47-295` splits it across table cells (the source document has it too)']}
  ],
  good: [{title: 'The pipe escaped', markdown: `${header}| \`Mailbox\` |${pair('16f47-295', 'Führen Sie `Get-Mailbox \\| FL` aus.', 'Run `Get-Mailbox \\| FL`.')}|\n`, messages: []}],
  check(context) {
    const {tableSegments} = context.facts
    for (const segment of tableSegments) {
      const inTarget = unescapedPipes(segment.target)
      const inSource = unescapedPipes(segment.source)
      if (inTarget.length > inSource.length) {
        const at = segment.position.target.start.offset + inTarget[0]!
        context.report(`Unescaped \`|\` in the target of \`${segment.id}\` splits it across table cells (escape it as \`\\|\`)`, context.position(at, at + 1), {segment})
      } else if (inSource.length > 0) {
        const at = segment.position.source.start.offset + inSource[0]!
        context.report(`Unescaped \`|\` in the source of \`${segment.id}\` splits it across table cells (the source document has it too)`, context.position(at, at + 1), {segment, warning: true})
      }
    }
  }
}
export default rule
