import {parseRule} from '../parse-rule.js'
import {pair} from '../example.js'

export default parseRule({
  id: 'target-without-source',
  severity: 'error',
  description:
    'A target span (`data-ttu-id`) is not followed by its `sxs-lookup` source span: the source sentence is lost, so the segment cannot be extracted, reviewed or updated.',
  bad: [{title: 'The `sxs-lookup` span was deleted', markdown: `<span data-ttu-id="90f5f-103">Hilfe</span>\n\n${pair('90f5f-104', 'Weiter', 'Next')}\n`, messages: ['1:1-1:31: error: Target span `90f5f-103` has no `sxs-lookup` source span after it']}],
  good: [{title: 'Target then source', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-104', 'Weiter', 'Next')}\n`, messages: []}]
})
