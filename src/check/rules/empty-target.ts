import type {Rule} from '../rule.js'
import {pair} from '../example.js'

const rule: Rule = {
  id: 'empty-target',
  severity: 'error',
  description: 'A pair whose source has text has an empty (or white-space only) target: the sentence is missing from the localized page.',
  bad: [{title: 'Nothing translated', markdown: `${pair('90f5f-103', '', 'Help and support')}\n`, messages: ['1:1-1:123: error: Empty target for `90f5f-103` (source: “Help and support”)']}],
  good: [
    {title: 'Translated', markdown: `${pair('90f5f-103', 'Hilfe und Support', 'Help and support')}\n`, messages: []},
    {title: 'An empty source: nothing to translate', markdown: `|${pair('78aa8-119', '', ' ')}|${pair('78aa8-120', 'Schlüsselwörter', 'Keywords')}|\n|:---|:---|\n`, messages: []}
  ],
  check(context) {
    for (const segment of context.document.segments) {
      if (segment.target.trim() !== '' || segment.source.trim() === '') continue
      context.report(`Empty target for \`${segment.id}\` (source: “${excerpt(segment.source)}”)`, segment.position.pair, {segment})
    }
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat
}
export default rule
