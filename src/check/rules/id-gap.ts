import type {Rule} from '../rule.js'
import {pair} from '../example.js'
import {imagesBefore, plainRun} from '../ids.js'

const rule: Rule = {
  id: 'id-gap',
  severity: 'warning',
  description:
    'Plain ids number the source sentences without gaps, except where a merged paragraph id (`p…`) took several numbers, or an image alt text or the title of a link definition was translated outside a pair (each takes one per sentence). A gap nothing explains means pairs were deleted: their sentences are missing from the localized document. A warning, because a docs team may delete sentences on purpose.',
  bad: [{title: 'A pair deleted', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`, line: 3}],
  good: [
    {title: 'An image between the pairs explains one number', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n![Häkchen](check.png)\n\n${pair('90f5f-105', 'Ende', 'End')}\n`},
    {
      title: 'Link definitions with titles explain one number each',
      markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n[Bild]: media/a.png "Abbildung 1: das Menü"\n[Start]: ../open.md 'Öffnen'\n\n${pair('90f5f-106', 'Ende', 'End')}\n`
    },
    {title: 'A merged id explains the numbers of its sentences', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-p101', 'Eins. Zwei.', 'One. Two.')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`}
  ],
  check(context) {
    const {document} = context
    const images = imagesBefore(document)
    const {indices: plain, run} = plainRun(document)
    let previous: number | undefined
    plain.forEach((index, position) => {
      if (run[position] !== 1) return
      const segment = document.segments[index]!
      if (previous !== undefined) {
        const earlier = document.segments[previous]!
        const gap = segment.number - earlier.number - 1
        let merged = false
        for (let between = previous + 1; between < index && !merged; between++) merged = document.segments[between]!.merged
        const alts = images[index]! - images[previous]!
        if (gap > 0 && !merged && alts < gap) {
          const missing = gap === 1 ? `${earlier.prefix}-${earlier.number + 1}` : `${earlier.prefix}-${earlier.number + 1} to ${earlier.prefix}-${segment.number - 1}`
          context.report(`Ids jump from \`${earlier.id}\` to \`${segment.id}\`: ${missing} missing (no merged id, image alt text or link title explains it)`, segment.position.pair, {segment})
        }
      }
      previous = index
    })
  }
}
export default rule
