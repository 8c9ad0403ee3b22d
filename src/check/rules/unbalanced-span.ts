import {parseRule} from '../parse-rule.js'
import {pair} from '../example.js'

export default parseRule({
  id: 'unbalanced-span',
  severity: 'warning',
  description:
    'A target or source holds a stray `</span>` or an unclosed `<span>` (machine translation does this). The pair could still be recovered from its frame, so this is a warning, but the HTML of the page is broken there. When the pair cannot be recovered the problem is an `unclosed-span` error instead.',
  bad: [{title: 'A stray `<span>` in the target', markdown: `${pair('90f5f-103', 'Hilfe <span>hier', 'Help here')}\n`, messages: ['1:31-1:47: warning: Target of `90f5f-103` has unbalanced `<span>` tags']}],
  good: [{title: 'Nested spans balanced', markdown: `${pair('90f5f-103', 'Hilfe <span class="x">hier</span>', 'Help <span class="x">here</span>')}\n`, messages: []}]
})
