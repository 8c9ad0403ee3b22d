import type {Rule, RuleContext} from '../rule.js'
import type {Segment} from '../../document/types.js'
import type {ParityProblem} from '../../inline/index.js'
import {pair} from '../example.js'
import {codeParity} from '../../inline/index.js'
import {mtPlaceholder} from '../mt-placeholders.js'
import {isBlank} from '../../inline/char-codes.js'

/**
 * Code parity of each pair, as `merge` judges it (src/inline/parity.ts): what merge would refuse to write,
 * check reports. One finding per pair, an error when the page loses a link, an image, inline code or an HTML
 * element (or one points elsewhere, is left open, or a link's text is emptied), a warning when only emphasis, line breaks,
 * placeholders or markup the target adds differ. A target holding a machine-translation placeholder (`<b0>`)
 * is left to `mt-placeholder`: one incident, one finding.
 */
const rule: Rule = {
  id: 'inline-markup',
  severity: 'error',
  description:
    'The inline markup of a target differs from its source, judged as `merge` judges a translation (code parity): a link or image lost or pointing elsewhere, inline code lost or changed, an HTML element lost, changed or left open are errors (the page loses them; `merge` would refuse such a target); bold, italics or a line break lost, a placeholder changed and markup the target adds are warnings (translators may drop emphasis on purpose). Links are compared by destination, images by source, code by its text, and a link whose text the target empties (`[](url)`) is lost to the reader (an error); translated link text and alt text, a localized locale in a URL (`/en-us/` → `/de-de/`), and a bare URL written as `[url](url)` are the same markup; escapes and entities are characters, not markup, but escaped emphasis markers the source does not have (`\\*\\*\\*\\*`, machine translation\'s debris, raw `**` on the page) are reported.',
  bad: [
    {title: 'A link lost', markdown: `${pair('ac8fe-156', 'Siehe eDiscovery-Fälle.', 'See [eDiscovery cases](ediscovery-cases.md).')}\n`, messages: ['1:31-1:54: error: Inline markup of `ac8fe-156` differs from its source: link to `ediscovery-cases.md` lost']},
    {title: 'Bold escaped by machine translation (a warning)', markdown: `${pair('90f5f-134', 'Wechseln Sie zu \\*\\*Support\\*\\*', 'Go to **Support**')}\n`, messages: ['1:31-1:62: warning: Inline markup of `90f5f-134` differs from its source: bold lost']},
    {
      title: 'Bold escaped and a link lost in one target: one message, an error as the link is',
      markdown: `${pair('ac8fe-157', 'Wechseln Sie zu \\*\\*Support\\*\\*, siehe eDiscovery-Fälle.', 'Go to **Support**, see [eDiscovery cases](ediscovery-cases.md).')}\n`,
      messages: ['1:31-1:87: error: Inline markup of `ac8fe-157` differs from its source: bold lost; link to `ediscovery-cases.md` lost']
    },
    {title: "A link's text emptied: machine translation moved the words out of the brackets", markdown: `${pair('aa966-108', 'Aktualisieren Sie [](https://aka.ms/spo-module) das Modul neu.', 'Try to [re-import the module](https://aka.ms/spo-module).')}\n`, messages: ['1:31-1:93: error: Inline markup of `aa966-108` differs from its source: text of link to `https://aka.ms/spo-module` emptied (`[](…)`)']},
    {title: 'An escaped backtick is not code: the code span is lost', markdown: `${pair('7cf4e-120', 'Führen Sie \\`Get-Mailbox\\` aus.', 'Run `Get-Mailbox`.')}\n`, messages: ['1:31-1:62: error: Inline markup of `7cf4e-120` differs from its source: inline code `Get-Mailbox` lost']}
  ],
  good: [
    {title: 'Same link, same bold, link text translated', markdown: `${pair('90f5f-134', 'Wechseln Sie zu **Support** ([Hilfe](help.md))', 'Go to **Support** ([Help](help.md))')}\n`, messages: []},
    {title: 'A bare URL written as a link to the same URL', markdown: `${pair('90f5f-140', 'Siehe [https://aka.ms/eop](https://aka.ms/eop).', 'See https://aka.ms/eop.')}\n`, messages: []},
    {title: 'The locale of a docs URL localized', markdown: `${pair('a1eda-121', 'Siehe [Multi-Geo](https://docs.microsoft.com/de-de/office365/enterprise/multi-geo).', 'See [Multi-Geo](https://docs.microsoft.com/en-us/office365/enterprise/multi-geo).')}\n`, messages: []},
    {title: 'A link came back as `<b0>`: mt-placeholder reports the pair (one incident, one finding)', markdown: `${pair('ac8fe-156', '請參閱 < <b0>eDiscovery 案例</b0>中的 「 建立新的案例 」。', 'See "Create a new case" in [eDiscovery cases](ediscovery-cases.md#step-2-create-a-new-case).')}\n`, messages: []},
    {title: 'Inline code in a target whose source is blank: empty-source reports the pair, not the code added', markdown: `${pair('ff31a-144', '" `user@contoso.com` "', ' ')}\n`, messages: []},
    {title: 'An empty target: empty-target reports the pair, not the link lost', markdown: `${pair('ac8fe-156', ' ', 'See [eDiscovery cases](ediscovery-cases.md).')}\n`, messages: []}
  ],
  check(context) {
    for (const segment of context.document.segments) {
      if (segment.source === segment.target || isBlank(segment.source) || isBlank(segment.target)) continue
      // Markup machine translation left as `<b0>`…: `mt-placeholder`'s error says so.
      if (mtPlaceholder(segment)) continue
      const problems = codeParity(segment.source, segment.target, context.facts.tokens)
      if (problems.length > 0) report(context, segment, problems)
    }
  }
}

/** The one finding of a pair whose markup differs (apart from the loop over every pair, which compiles small). */
function report(context: RuleContext, segment: Segment, problems: readonly ParityProblem[]): void {
  const major = problems.some((problem) => problem.major)
  context.report(`Inline markup of \`${segment.id}\` differs from its source: ${problems.map((problem) => problem.reason).join('; ')}`, segment.position.target, {segment, warning: !major})
}
export default rule
