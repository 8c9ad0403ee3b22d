import type {Rule} from '../rule.js'
import {pair} from '../example.js'
import {checkOrder} from '../ids.js'

const rule: Rule = {
  id: 'id-order',
  severity: 'error',
  description:
    'Plain ids (`90f5f-103`) number the sentences of the source document in order, so they increase through the file. An id out of order means pairs were swapped, moved or pasted: the targets may now stand beside the wrong source sentences. Ids are judged against the longest run of ids in order, so one misplaced pair is reported once.',
  bad: [{title: 'Two pairs swapped', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-105', 'Zurück', 'Back')}\n\n${pair('90f5f-104', 'Weiter', 'Next')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`, messages: ['3:1-3:117: error: Id `90f5f-105` is out of order between `90f5f-103` and `90f5f-104`']}],
  good: [{title: 'Increasing ids', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-104', 'Weiter', 'Next')}\n`, messages: []}],
  check(context) {
    checkOrder(context, false)
  }
}
export default rule
