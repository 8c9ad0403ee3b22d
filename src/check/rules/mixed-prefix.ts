import type {Rule} from '../rule.js'
import {pair} from '../example.js'
import type {Segment} from '../../document/types.js'

function countWithPrefix(segments: readonly Segment[], prefix: string): number {
  let count = 0
  for (const segment of segments) if (segment.prefix === prefix) count++
  return count
}

const rule: Rule = {
  id: 'mixed-prefix',
  severity: 'error',
  description:
    'The ids of one file share one prefix (the five hex digits before the hyphen): it identifies the file in the localization handoff. A pair with another prefix was pasted from another file, and its translation belongs to that file.',
  bad: [{title: 'A pair pasted from another file', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('2ca24-104', 'Weiter', 'Next')}\n`, messages: ['3:1-3:117: error: Id `2ca24-104` has prefix `2ca24`, the file\'s is `90f5f`']}],
  good: [{title: 'One prefix', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-104', 'Weiter', 'Next')}\n`, messages: []}],
  check(context) {
    const {prefix, shaped} = context.facts.ids
    const reported = new Set<string>()
    context.document.segments.forEach((segment, index) => {
      if (!shaped[index] || segment.prefix === prefix) return
      const note = reported.has(segment.prefix) ? undefined : `${countWithPrefix(context.document.segments, segment.prefix)} pair(s) with prefix \`${segment.prefix}\``
      reported.add(segment.prefix)
      context.report(`Id \`${segment.id}\` has prefix \`${segment.prefix}\`, the file's is \`${prefix}\``, segment.position.pair, note ? {segment, note} : {segment})
    })
  }
}
export default rule
