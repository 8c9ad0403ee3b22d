import type {Rule} from '../rule.js'
import {pair} from '../example.js'

const rule: Rule = {
  id: 'pair-in-code',
  severity: 'error',
  description:
    'A pair sits where markdown reads code: inside inline code opened by a stray backtick of an earlier target, or in an indented code block made by broken indentation. The page shows the raw `<span>` tags instead of the translation.',
  bad: [
    {title: 'A stray backtick opens inline code over the next pair', markdown: `${pair('90f5f-103', 'Führen Sie `Get-Mailbox aus.', 'Run `Get-Mailbox`.')} ${pair('90f5f-104', 'Fertig`', 'Done')}\n`, messages: ['1:154-1:271: error: Pair `90f5f-104` is read as inline code (a stray backtick): the page shows its raw tags']},
    {title: 'A pair indented four spaces after a blank line (an indented code block)', markdown: `${pair('90f5f-103', 'Führen Sie Folgendes aus:', 'Run the following:')}\n\n    ${pair('90f5f-104', 'Get-Mailbox ausführen', 'Run Get-Mailbox')}\n`, messages: ['3:5-3:147: error: Pair `90f5f-104` is read as a code block (indentation or an unclosed fence): the page shows its raw tags']}
  ],
  good: [{title: 'Backticks balanced', markdown: `${pair('90f5f-103', 'Führen Sie `Get-Mailbox` aus.', 'Run `Get-Mailbox`.')} ${pair('90f5f-104', 'Fertig', 'Done')}\n`, messages: []}],
  check(context) {
    for (const segment of context.document.segments) {
      if (segment.context.kind !== 'code') continue
      const where = segment.context.block === 'code' ? 'a code block (indentation or an unclosed fence)' : 'inline code (a stray backtick)'
      context.report(`Pair \`${segment.id}\` is read as ${where}: the page shows its raw tags`, segment.position.pair, {segment})
    }
  }
}
export default rule
