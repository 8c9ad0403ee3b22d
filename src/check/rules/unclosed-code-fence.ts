import type {Rule} from '../rule.js'
import {pair} from '../example.js'
import {analyse} from '../analysis.js'

const rule: Rule = {
  id: 'unclosed-code-fence',
  severity: 'error',
  description:
    'A fenced code block is never closed: it runs to the end of the file, or of the list item or quote it is in. Everything after the opening fence is shown as code, and prose and pairs there are hidden from readers (and from translators).',
  bad: [{title: 'The closing fence is missing', markdown: `1. ${pair('bfebf-124', 'Führen Sie Folgendes aus:', 'Run this:')}\n\n    \`\`\`powershell\n    Get-AzureADUser\n\n## Set a password to never expire\n`, line: 3}],
  good: [{title: 'The fence closed', markdown: `1. ${pair('bfebf-124', 'Führen Sie Folgendes aus:', 'Run this:')}\n\n    \`\`\`powershell\n    Get-AzureADUser\n    \`\`\`\n`}],
  check(context) {
    const {bilingual} = analyse(context.document)
    for (const fence of bilingual.fences) {
      if (fence.close) continue
      const ends = fence.last.index + 1 >= bilingual.lines.length ? 'the end of the file' : `line ${fence.last.index + 2}, where its container ends`
      context.report(`Code fence \`${fence.marker}\` is never closed: it runs to ${ends}`, context.position(fence.open.start, fence.open.end))
    }
  }
}
export default rule
