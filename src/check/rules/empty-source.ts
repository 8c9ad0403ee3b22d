import type {Rule} from '../rule.js'
import {pair} from '../example.js'
import {isBlank} from '../../inline/char-codes.js'

const rule: Rule = {
  id: 'empty-source',
  severity: 'error',
  description:
    'A pair has an empty source but a non-empty target: the target translates nothing. Usually markup (a table header, a line of pipes) was captured as a segment, and its "translation" now replaces real content of the page.',
  bad: [{title: 'A table header captured as a pair', markdown: `${pair('78aa8-119', '| |', '')}\n`, messages: ['1:1-1:110: error: Empty source for `78aa8-119` but the target has text']},
    {title: 'A source of white space only', markdown: `${pair('78aa8-119', 'Schlüsselwörter', ' ')}\n`, messages: ['1:1-1:123: error: Empty source for `78aa8-119` but the target has text']}
  ],
  good: [
    {title: 'Source and target both hold text', markdown: `${pair('78aa8-119', 'Schlüsselwörter', 'Keywords')}\n`, messages: []},
    {title: 'An anchor around a space: no visible text', markdown: `${pair('78aa8-119', '<a name="keywords"> </a>', ' ')}\n`, messages: []},
    {title: 'An anchor and non-breaking spaces: no visible text', markdown: `${pair('78aa8-119', '<a name="keywords"></a>&nbsp;&#160;', ' ')}\n`, messages: []}
  ],
  check(context) {
    for (const segment of context.document.segments) {
      // An anchor captured as a pair (`<a name="x"> </a>` with an empty source) is harmless: only visible text counts.
      if (!isBlank(segment.source) || visible(segment.target) === '') continue
      context.report(`Empty source for \`${segment.id}\` but the target has text`, segment.position.pair, {segment})
    }
  }
}
function visible(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;/g, '').trim()
}
export default rule
