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
    {
      title: 'Another language, in front matter that is not valid YAML',
      markdown: `---\ntitle: "Hilfe\nms.contentlocale: 'de-DE' # Sprache\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`,
      messages: ['3:1-3:36: error: `ms.contentlocale` is `de-DE`, expected `nl-NL`'],
      options: {targetLanguage: 'nl-NL'}
    },
    {
      title: 'Another language, with CR line endings',
      markdown: `---\rtitle: Hilfe\rms.contentlocale: de-DE\r---\r${pair('90f5f-103', 'Hilfe', 'Help')}\r`,
      messages: ['3:1-3:24: error: `ms.contentlocale` is `de-DE`, expected `nl-NL`'],
      options: {targetLanguage: 'nl-NL'}
    },
    {
      title: 'Another language, on the third line of front matter with CRLF line endings',
      markdown: `---\r\ntitle: Hilfe\r\ndescription: Hilfe\r\nms.contentlocale: de-DE\r\n---\r\n${pair('90f5f-103', 'Hilfe', 'Help')}\r\n`,
      messages: ['4:1-4:24: error: `ms.contentlocale` is `de-DE`, expected `nl-NL`'],
      options: {targetLanguage: 'nl-NL'}
    },
    {
      title: 'Another language, under a quoted key: the place is the front matter',
      markdown: `---\ntitle: Hilfe\n"ms.contentlocale": de-DE\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`,
      messages: ['2:1-3:26: error: `ms.contentlocale` is `de-DE`, expected `nl-NL`'],
      options: {targetLanguage: 'nl-NL'}
    },
    {title: 'A locale of white space only', markdown: `---\ntitle: Hilfe\nms.contentlocale: " "\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`, messages: ['2:1-3:22: error: Front matter has no `ms.contentlocale`']},
    {title: 'A locale that is no string', markdown: `---\ntitle: Hilfe\nms.contentlocale: 1031\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`, messages: ['2:1-3:23: error: Front matter has no `ms.contentlocale`']}
  ],
  good: [
    {title: 'The locale named', markdown: `---\ntitle: Hilfe\nms.contentlocale: de-DE\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`, options: {targetLanguage: 'de-DE'}, messages: []},
    {
      title: 'Front matter that is not valid YAML still names its locale (front-matter-yaml reports the YAML)',
      markdown: `---\ntitle: "Hilfe\nms.contentlocale: de-DE\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`,
      options: {targetLanguage: 'de-DE'},
      messages: []
    },
    {title: 'The locale in another letter case', markdown: `---\ntitle: Hilfe\nms.contentlocale: de-de\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`, options: {targetLanguage: 'de-DE'}, messages: []}
  ],
  check(context) {
    const front = context.document.frontMatter
    if (!front) return
    const lines = front.raw.split(/\r\n|\r|\n/)
    const line = lines.findIndex((text) => localeLine.test(text))
    const locale = localeOf(front.data, lines[line])
    const expected = context.options.targetLanguage
    if (typeof locale !== 'string' || locale.trim() === '') {
      context.report('Front matter has no `ms.contentlocale`', front.position)
      return
    }
    if (expected && locale.toLowerCase() !== expected.toLowerCase()) {
      // Where the key is written as a top-level line: the line (its start: the lines before it and their line
      // breaks, LF, CRLF or CR, as written); else (a quoted key, a flow mapping) the front matter.
      let place = front.position
      if (line >= 0) {
        let at = front.position.start.offset
        for (let before = 0; before < line; before++) {
          at += lines[before]!.length
          at += front.raw.startsWith('\r\n', at - front.position.start.offset) ? 2 : 1
        }
        place = context.position(at, at + lines[line]!.length)
      }
      context.report(`\`ms.contentlocale\` is \`${locale}\`, expected \`${expected}\``, place)
    }
  }
}

/** A top-level `ms.contentlocale:` line (at column 0: in valid YAML nothing else can start one there). */
const localeLine = /^ms\.contentlocale[ \t]*:/

/**
 * The locale the front matter names: its parsed value, else, when the YAML did not parse (front-matter-yaml
 * reports that), the plain or quoted scalar on its `ms.contentlocale:` line; one broken line elsewhere does not
 * make the locale missing too.
 */
function localeOf(data: Readonly<Record<string, unknown>>, line: string | undefined): unknown {
  if ('ms.contentlocale' in data || line === undefined) return data['ms.contentlocale']
  const value = line.slice(line.indexOf(':') + 1).replace(/[ \t]+#.*$/, '').trim()
  return /^(["'])(.*)\1$/.exec(value)?.[2] ?? value
}
export default rule
