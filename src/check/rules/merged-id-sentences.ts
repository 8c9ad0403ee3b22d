import type {Rule} from '../rule.js'
import {pair} from '../example.js'
import {countSentences} from '../ids.js'
import type {Segment} from '../../document/types.js'

const rule: Rule = {
  id: 'merged-id-sentences',
  severity: 'warning',
  description:
    'A merged paragraph id (`90f5f-p104`) stands for several source sentences, and takes their numbers from the plain ids: between the plain ids before and after it, the gap should equal the number of sentences of its source. When it does not, the paragraph may have lost or gained sentences since it was merged. Only a hint: sentence splitting differs between tools (abbreviations, code, colons).',
  bad: [
    {title: 'Three numbers skipped, two sentences', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-p101', 'Eins. Zwei.', 'One. Two.')}\n\n${pair('90f5f-107', 'Ende', 'End')}\n`, messages: ['3:1-3:129: warning: `90f5f-p101` takes 3 number(s) (`90f5f-103` to `90f5f-107`) but its source has 2 sentence(s)']},
    {
      title: 'Two merged ids between the same plain ids: one message at the first',
      markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-p101', 'Eins. Zwei.', 'One. Two.')}\n\n${pair('90f5f-p102', 'Drei.', 'Three.')}\n\n${pair('90f5f-108', 'Ende', 'End')}\n`,
      messages: ['3:1-3:129: warning: `90f5f-p101`, `90f5f-p102` take 4 number(s) (`90f5f-103` to `90f5f-108`) but their sources have 3 sentence(s)']
    }
  ],
  good: [
    {title: 'Two numbers skipped, two sentences', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-p101', 'Eins. Zwei.', 'One. Two.')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`, messages: []},
    {title: 'A sentence in bold, one in quotes', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-p101', '**Eins.** Zwei „drei.“', '**One.** Say “two.” Three.')}\n\n${pair('90f5f-107', 'Ende', 'End')}\n`, messages: []},
    {title: '`vs.`, `e.g.` and `i.e.` end no sentence', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-p101', 'Eins gegen zwei. Drei.', 'Tenant vs. guest accounts, e.g. old ones, differ. Three.')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`, messages: []},
    {
      title: 'Images before and between the plain ids take one number each',
      markdown: `![Logo](logo.png)\n\n${pair('90f5f-103', 'Hilfe', 'Help')}\n\n![Menü](menu.png)\n\n${pair('90f5f-p101', 'Eins. Zwei.', 'One. Two.')}\n\n${pair('90f5f-107', 'Ende', 'End')}\n`,
      messages: []
    },
    {
      title: 'Pairs of another file between (mixed-prefix reports them) neither bound the gap nor count',
      markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-p101', 'Eins. Zwei.', 'One. Two.')}\n\n${pair('2ca24-p105', 'Drei.', 'Three.')}\n\n${pair('2ca24-300', 'Vier', 'Four')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`,
      messages: []
    },
    {
      title: 'A repeated plain id after a merged id (duplicate-id reports it) bounds no gap',
      markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-p101', 'Eins. Zwei.', 'One. Two.')}\n\n${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`,
      messages: []
    },
    {title: 'A space after the last full stop', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-p101', 'Eins. Zwei. ', 'One. Two. ')}<br/>\n\n${pair('90f5f-106', 'Ende', 'End')}\n`, messages: []}
  ],
  check(context) {
    const {document} = context
    // `imagesBefore` (a scan of the whole skeleton) is read only where merged ids sit between two pairs.
    const {prefix, shaped} = context.facts.ids
    let previous: number | undefined
    document.segments.forEach((segment, index) => {
      if (segment.merged || segment.prefix !== prefix || !shaped[index]) return
      if (previous !== undefined && segment.number > document.segments[previous]!.number) {
        const merged: Segment[] = []
        for (let between = previous + 1; between < index; between++) {
          const candidate = document.segments[between]!
          if (candidate.merged && candidate.prefix === prefix) merged.push(candidate)
        }
        if (merged.length > 0) {
          const images = context.facts.ids.imagesBefore
          const gap = segment.number - document.segments[previous]!.number - 1 - (images[index]! - images[previous]!)
          const sentences = merged.reduce((sum, between) => sum + countSentences(between.source), 0)
          if (gap !== sentences) {
            const first = merged[0]!
            const ids = merged.map((between) => `\`${between.id}\``).join(', ')
            context.report(
              `${ids} ${merged.length === 1 ? 'takes' : 'take'} ${gap} number(s) (\`${document.segments[previous]!.id}\` to \`${segment.id}\`) but ${merged.length === 1 ? 'its source has' : 'their sources have'} ${sentences} sentence(s)`,
              first.position.pair,
              {segment: first}
            )
          }
        }
      }
      previous = index
    })
  }
}
export default rule
