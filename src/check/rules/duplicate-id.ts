import type {Rule} from '../rule.js'
import {pair} from '../example.js'

const rule: Rule = {
  id: 'duplicate-id',
  severity: 'error',
  description:
    'Two pairs carry the same id. An id names one segment: with two, an extracted translation would be written back into both places (or into the wrong one), and one of the pairs is usually a copy-paste of the other.',
  bad: [{title: 'A pair copied', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`, messages: ['3:1-3:116: error: Duplicate id `90f5f-103`; related 1:1-1:116: First used here']}],
  good: [{title: 'Distinct ids', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-104', 'Weiter', 'Next')}\n`, messages: []}],
  check(context) {
    const first = context.facts.ids.first
    const segments = context.document.segments
    for (let index = 0; index < segments.length; index++) {
      if (first[index] === index) continue
      const segment = segments[index]!
      const earlier = segments[first[index]!]!
      context.report(`Duplicate id \`${segment.id}\``, segment.position.pair, {segment, related: {reason: 'First used here', place: earlier.position.pair}})
    }
  }
}
export default rule
