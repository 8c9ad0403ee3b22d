import type {Rule} from '../rule.js'
import {pair} from '../example.js'

const rule: Rule = {
  id: 'empty-source',
  severity: 'error',
  description:
    'A pair has an empty source but a non-empty target: the target translates nothing. Usually markup (a table header, a line of pipes) was captured as a segment, and its "translation" now replaces real content of the page.',
  bad: [{title: 'A table header captured as a pair', markdown: `${pair('78aa8-119', '| |', '')}\n`, line: 1}],
  good: [{title: 'Source and target both hold text', markdown: `${pair('78aa8-119', 'Schlüsselwörter', 'Keywords')}\n`}],
  check(context) {
    for (const segment of context.document.segments) {
      if (segment.source.trim() !== '' || segment.target.trim() === '') continue
      context.report(`Empty source for \`${segment.id}\` but the target has text`, segment.position.pair, {segment})
    }
  }
}
export default rule
