import type {Rule} from '../rule.js'
import {pair} from '../example.js'
import {checkOrder} from '../ids.js'

const rule: Rule = {
  id: 'merged-id-order',
  severity: 'error',
  description:
    'Merged-paragraph ids (`90f5f-p104`) have their own numbering, which also increases through the file. One out of order means a merged paragraph was moved or pasted.',
  bad: [{title: 'Merged paragraphs swapped', markdown: `${pair('90f5f-p102', 'Zwei. Sätze.', 'Two. Sentences.')}\n\n${pair('90f5f-p101', 'Noch. Zwei.', 'Two. More.')}\n\n${pair('90f5f-p103', 'Und. Zwei.', 'And. Two.')}\n`, messages: ['1:1-1:136: error: Merged id `90f5f-p102` is out of order before `90f5f-p101`']}],
  good: [{title: 'Increasing merged ids', markdown: `${pair('90f5f-p101', 'Zwei. Sätze.', 'Two. Sentences.')}\n\n${pair('90f5f-p102', 'Noch. Zwei.', 'Two. More.')}\n`, messages: []}],
  check(context) {
    checkOrder(context, true)
  }
}
export default rule
