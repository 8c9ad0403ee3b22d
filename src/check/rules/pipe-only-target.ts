import type {Rule} from '../rule.js'
import {pair} from '../example.js'

const rule: Rule = {
  id: 'pipe-only-target',
  severity: 'error',
  description:
    'A target is made only of table pipes and white space: a table header or delimiter was captured as a segment. In the localized document the pipes land in the wrong place and break the table.',
  bad: [
    {title: 'A captured table header', markdown: `${pair('78aa8-119', '| |', '')}\n|${pair('78aa8-120', '**Schlüsselwörter**', '**Keywords**')}|\n|:-----|\n`, messages: ['1:31-1:34: error: Target of `78aa8-119` is only table pipes (`| |`)']},
    {
      title: 'The pipes are quoted without the white space around them',
      markdown: `${pair('78aa8-119', ' | | ', '')}\n|${pair('78aa8-120', '**Schlüsselwörter**', '**Keywords**')}|\n|:-----|\n`,
      messages: ['1:31-1:36: error: Target of `78aa8-119` is only table pipes (`| |`)']
    }
  ],
  good: [
    {title: 'The header outside the pairs', markdown: `| |\n|${pair('78aa8-120', '**Schlüsselwörter**', '**Keywords**')}|\n|:-----|\n`, messages: []},
    {title: 'A target of white space only, without a pipe: empty-target reports it', markdown: `${pair('78aa8-119', ' ', 'Keywords')}\n`, messages: []}
  ],
  check(context) {
    for (const segment of context.document.segments) {
      if (!segment.target.includes('|') || !/^[\s|]*$/.test(segment.target)) continue
      context.report(`Target of \`${segment.id}\` is only table pipes (\`${segment.target.trim()}\`)`, segment.position.target, {segment})
    }
  }
}
export default rule
