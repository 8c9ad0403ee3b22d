import type {Rule} from '../rule.js'
import {pair} from '../example.js'

const rule: Rule = {
  id: 'mixed-prefix',
  severity: 'error',
  description:
    'The ids of one file share one prefix (the five hex digits before the hyphen): it identifies the file in the localization handoff. A pair with another prefix was pasted from another file, and its translation belongs to that file.',
  bad: [
    {title: 'A pair pasted from another file', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('2ca24-104', 'Weiter', 'Next')}\n`, messages: ['3:1-3:117: error: Id `2ca24-104` has prefix `2ca24`, the file\'s is `90f5f`; related 1:1-1:116: The file\'s prefix `90f5f`, first used here']},
    {
      title: 'The pasted pair first: the related place is the first pair with the file\'s prefix',
      markdown: `${pair('2ca24-102', 'Weiter', 'Next')}\n\n${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-104', 'Ende', 'End')}\n`,
      messages: ['1:1-1:117: error: Id `2ca24-102` has prefix `2ca24`, the file\'s is `90f5f`; related 3:1-3:116: The file\'s prefix `90f5f`, first used here']
    }
  ],
  good: [{title: 'One prefix', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-104', 'Weiter', 'Next')}\n`, messages: []}],
  check(context) {
    const {prefix, shaped} = context.facts.ids
    const segments = context.document.segments
    // The file's prefix where it is first used: the place to compare the pasted pair with.
    const home = segments.find((segment, index) => shaped[index] && segment.prefix === prefix)
    segments.forEach((segment, index) => {
      if (!shaped[index] || segment.prefix === prefix) return
      const related = home && {reason: `The file's prefix \`${prefix}\`, first used here`, place: home.position.pair}
      context.report(`Id \`${segment.id}\` has prefix \`${segment.prefix}\`, the file's is \`${prefix}\``, segment.position.pair, related ? {segment, related} : {segment})
    })
  }
}
export default rule
