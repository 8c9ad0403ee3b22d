import type {Rule} from '../rule.js'
import {pair} from '../example.js'

const rule: Rule = {
  id: 'id-shape',
  severity: 'error',
  description:
    'A pair id is not of the shape the localization system writes: five lowercase hex digits, a hyphen, and a number, optionally prefixed by `p` for a merged paragraph (`90f5f-103`, `90f5f-p104`). Other ids are typos or hand edits, and tools cannot order or merge them.',
  bad: [{title: 'A typo in the id', markdown: `${pair('90f5f-10x3', 'Hilfe', 'Help')}\n`, messages: ['1:20-1:30: error: Id `90f5f-10x3` is not of the shape `xxxxx-N` or `xxxxx-pN` (five hex digits, a number)']}],
  good: [{title: 'A plain and a merged id', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-p104', 'Eins. Zwei.', 'One. Two.')}\n`, messages: []}],
  check(context) {
    const shaped = context.facts.ids.shaped
    context.document.segments.forEach((segment, index) => {
      if (shaped[index]) return
      const at = segment.position.pair.start.offset + Math.max(0, segment.markup.open.indexOf(segment.id))
      context.report(`Id \`${segment.id}\` is not of the shape \`xxxxx-N\` or \`xxxxx-pN\` (five hex digits, a number)`, context.position(at, at + segment.id.length), {segment})
    })
  }
}
export default rule
