import type {Rule} from '../rule.js'
import {pair} from '../example.js'

const rule: Rule = {
  id: 'content-locale',
  severity: 'error',
  description:
    'The front matter of a localized document names its language in `ms.contentlocale`. Missing, the docs build cannot tell the page\'s language; different from the expected language (`--target-lang`, or `targetLanguage` in the config), the file is in the wrong docset.',
  bad: [
    {title: 'No `ms.contentlocale`', markdown: `---\ntitle: Hilfe\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`, messages: ['2:1-2:13: error: Front matter has no `ms.contentlocale`']},
    {title: 'Another language than expected', markdown: `---\ntitle: Hilfe\nms.contentlocale: de-DE\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`, messages: ['3:1-3:24: error: `ms.contentlocale` is `de-DE`, expected `nl-NL`'], options: {targetLanguage: 'nl-NL'}},
    {
      title: 'Another language, on the first line of the front matter',
      markdown: `---\nms.contentlocale: de-DE\ntitle: Hilfe\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`,
      messages: ['2:1-2:24: error: `ms.contentlocale` is `de-DE`, expected `nl-NL`'],
      options: {targetLanguage: 'nl-NL'}
    },
    {title: 'A locale of white space only', markdown: `---\ntitle: Hilfe\nms.contentlocale: " "\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`, messages: ['2:1-3:22: error: Front matter has no `ms.contentlocale`']},
    {title: 'A locale that is no string', markdown: `---\ntitle: Hilfe\nms.contentlocale: 1031\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`, messages: ['2:1-3:23: error: Front matter has no `ms.contentlocale`']}
  ],
  good: [
    {title: 'The locale named', markdown: `---\ntitle: Hilfe\nms.contentlocale: de-DE\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`, options: {targetLanguage: 'de-DE'}, messages: []},
    {title: 'The locale in another letter case', markdown: `---\ntitle: Hilfe\nms.contentlocale: de-de\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`, options: {targetLanguage: 'de-DE'}, messages: []}
  ],
  check(context) {
    const front = context.document.frontMatter
    if (!front) return
    const locale = front.data['ms.contentlocale']
    const expected = context.options.targetLanguage
    if (typeof locale !== 'string' || locale.trim() === '') {
      context.report('Front matter has no `ms.contentlocale`', front.position)
      return
    }
    if (expected && locale.toLowerCase() !== expected.toLowerCase()) {
      const line = front.raw.split('\n').findIndex((text) => /^ms\.contentlocale\s*:/.test(text))
      const start = front.position.start.offset + front.raw.split('\n').slice(0, Math.max(0, line)).join('\n').length + (line > 0 ? 1 : 0)
      context.report(`\`ms.contentlocale\` is \`${locale}\`, expected \`${expected}\``, context.position(start, start + (front.raw.split('\n')[line]?.length ?? 0)))
    }
  }
}
export default rule
