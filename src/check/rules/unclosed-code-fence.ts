import type {Rule} from '../rule.js'
import {pair} from '../example.js'

const rule: Rule = {
  id: 'unclosed-code-fence',
  severity: 'error',
  description:
    'A fenced code block is never closed: it runs to the end of the file, or of the list item or quote it is in. Everything after the opening fence is shown as code, and prose and pairs there are hidden from readers (and from translators).',
  bad: [
    {title: 'The closing fence is missing', markdown: `1. ${pair('bfebf-124', 'Führen Sie Folgendes aus:', 'Run this:')}\n\n    \`\`\`powershell\n    Get-AzureADUser\n\n## Set a password to never expire\n`, messages: ['3:5-3:18: error: Code fence ````` is never closed: it runs to line 6, where its container ends']},
    {title: 'A `~~~` fence never closed', markdown: `${pair('bfebf-124', 'Führen Sie Folgendes aus:', 'Run this:')}\n\n~~~powershell\nGet-AzureADUser\n`, messages: ['3:1-3:14: error: Code fence `~~~` is never closed: it runs to the end of the file']},
    {title: 'A file cut short after an opening fence (no line break after it)', markdown: `${pair('bfebf-124', 'Führen Sie Folgendes aus:', 'Run this:')}\n\n\`\`\`powershell`, messages: ['3:1-3:14: error: Code fence ````` is never closed: it runs to the end of the file']}
  ],
  good: [
    {title: 'The fence closed', markdown: `1. ${pair('bfebf-124', 'Führen Sie Folgendes aus:', 'Run this:')}\n\n    \`\`\`powershell\n    Get-AzureADUser\n    \`\`\`\n`, messages: []},
    {title: 'Code lines that begin with `>` (a quoted reply shown as code) in a list item', markdown: `1. ${pair('bfebf-125', 'Die Antwort sieht so aus:', 'The reply looks like this:')}\n\n   \`\`\`text\n   > On Monday, Ann wrote:\n   > Thanks!\n   \`\`\`\n`, messages: []}
  ],
  check(context) {
    const {text} = context
    for (const block of context.document.blocks) {
      // Only fenced code blocks have a `fence`.
      if (!block.fence || block.fence.closed) continue
      // The opening line ends at its line break: LF, CRLF or a lone CR (a CR-only file's lines end there).
      let openEnd = block.start
      while (openEnd < text.length && text[openEnd] !== '\n' && text[openEnd] !== '\r') openEnd++
      const marker = /^(`{3,}|~{3,})/.exec(text.slice(block.start, openEnd))?.[1] ?? '```'
      // The line that ended it: the next one with text.
      const next = text.slice(block.end).search(/\S/)
      const ends = next < 0 ? 'the end of the file' : `line ${context.point(block.end + next).line}, where its container ends`
      context.report(`Code fence \`${marker}\` is never closed: it runs to ${ends}`, context.position(block.start, openEnd))
    }
  }
}
export default rule
