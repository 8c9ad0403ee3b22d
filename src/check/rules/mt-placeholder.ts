import type {Rule} from '../rule.js'
import {pair} from '../example.js'
import {mtPlaceholder} from '../mt-placeholders.js'

const rule: Rule = {
  id: 'mt-placeholder',
  severity: 'error',
  description:
    'Machine translation replaces inline markup (links, bold, code) with numbered placeholder tags such as `<b0>`…`</b0>` and should put the markup back. A target that still holds them shows the raw tags on the page, and the markup they stood for (usually a link) is lost.',
  bad: [{title: 'A link came back as `<b0>`', markdown: `${pair('ac8fe-156', '請參閱 < <b0>eDiscovery 案例</b0>中的 「 建立新的案例 」。', 'See "Create a new case" in [eDiscovery cases](ediscovery-cases.md#step-2-create-a-new-case).')}\n`, messages: ['1:37-1:41: error: Machine-translation placeholder `<b0>` left in the target of `ac8fe-156`']}],
  good: [{title: 'The link restored', markdown: `${pair('ac8fe-156', '請參閱 [eDiscovery 案例](ediscovery-cases.md#step-2-create-a-new-case)中的「建立新的案例」。', 'See "Create a new case" in [eDiscovery cases](ediscovery-cases.md#step-2-create-a-new-case).')}\n`, messages: []}],
  check(context) {
    for (const segment of context.document.segments) {
      const found = mtPlaceholder(segment)
      if (!found) continue
      const at = segment.position.target.start.offset + found.index
      context.report(`Machine-translation placeholder \`${found.tag}\` left in the target of \`${segment.id}\``, context.position(at, at + found.tag.length), {segment})
    }
  }
}
export default rule
