import {parseRule} from '../parse-rule.js'
import {pair} from '../example.js'

export default parseRule({
  id: 'unclosed-span',
  severity: 'error',
  description:
    'A target or source span of a pair is never closed before the next pair starts (or the file ends). Everything up to there would be read as one segment, and the pairs after it lose their alignment.',
  bad: [{title: 'The target span has no `</span>`', markdown: `<span data-ttu-id="90f5f-103">Hilfe\n\n${pair('90f5f-104', 'Weiter', 'Next')}\n`, messages: ['1:1-1:31: error: Unclosed target span `90f5f-103`: no `</span>` before the next pair starts']}],
  good: [{title: 'Every span closed', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-104', 'Weiter', 'Next')}\n`, messages: []}]
})
