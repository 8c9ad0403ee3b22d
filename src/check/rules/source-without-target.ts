import {parseRule} from '../parse-rule.js'
import {pair} from '../example.js'

export default parseRule({
  id: 'source-without-target',
  severity: 'error',
  description:
    'An `sxs-lookup` source span stands without a target span before it: the translation of that sentence is missing (or its span was damaged), and readers of the localized page see nothing there.',
  bad: [{title: 'The target span was deleted', markdown: `<span class="sxs-lookup"><span data-stu-id="90f5f-103">Help</span></span>\n\n${pair('90f5f-104', 'Weiter', 'Next')}\n`, messages: ['1:1-1:26: error: Source span (`sxs-lookup`) has no target span before it']}],
  good: [{title: 'Target then source', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n`, messages: []}]
})
