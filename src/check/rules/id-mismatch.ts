import type {Rule} from '../rule.js'
import {pair} from '../example.js'

const rule: Rule = {
  id: 'id-mismatch',
  severity: 'error',
  description:
    'The `data-stu-id` of the `sxs-lookup` source span differs from the `data-ttu-id` of its target span: the target was paired with the wrong source sentence (or an id was edited by hand), so extraction and merge would align the wrong texts.',
  bad: [{title: 'The source span names another id', markdown: `${pair('90f5f-103', 'Hilfe', 'Help', '90f5f-104')}\n`, messages: ['1:87-1:96: error: Source span id `90f5f-104` differs from target span id `90f5f-103`']}],
  good: [{title: 'Both spans name the same id', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n`, messages: []}],
  check(context) {
    for (const segment of context.document.segments) {
      if (segment.sourceId === segment.id) continue
      const at = segment.position.target.end.offset + segment.markup.middle.indexOf(segment.sourceId)
      context.report(`Source span id \`${segment.sourceId}\` differs from target span id \`${segment.id}\``, context.position(at, at + segment.sourceId.length), {segment})
    }
  }
}
export default rule
