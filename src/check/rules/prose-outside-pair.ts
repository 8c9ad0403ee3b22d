import type {Rule} from '../rule.js'
import {pair} from '../example.js'
import {analyse} from '../analysis.js'

/** What is not prose on a markdown line: markup, code, URLs, directives, anchors. */
const notProse: RegExp[] = [
  /<!--[\s\S]*?-->/g,
  /`[^`]*`/g,
  /!\[(?:[^[\]]|\[[^[\]]*\])*\]\([^)]*\)/g,
  /\[!(?:INCLUDE|VIDEO|div|NOTE|TIP|IMPORTANT|CAUTION|WARNING)[^\]]*\](?:\([^)]*\))?\]?/gi,
  /\]\([^)]*\)/g,
  /\]\[[^\]]*\]/g,
  /^\s*\[[^\]]+\]:\s*\S+.*$/g,
  /<[^>]+>/g,
  /https?:\/\/\S+/g,
  /&[#\w]+;/g,
  /^\s*:::.*$/g,
  /\{[^}]*\}/g
]

function prose(line: string): string {
  let text = line
  for (const pattern of notProse) text = text.replace(pattern, ' ')
  return text
}

/** Latin words of two letters or more, or runs of CJK characters (each counts as a word). */
function words(text: string): number {
  const latin = text.match(/\p{L}{2,}/gu) ?? []
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? []
  return latin.filter((word) => !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(word)).length + Math.floor(cjk.length / 2)
}

const rule: Rule = {
  id: 'prose-outside-pair',
  severity: 'warning',
  description:
    'A line of prose (four words or more, outside code, links, images, HTML tags and directives) stands outside any pair: it was not extracted for translation, or its pair spans were lost. Readers of the localized page see it untranslated (or translated with no source to review it against). Image alt text is translated outside pairs by design and is not reported.',
  bad: [{title: 'A heading hidden from the pair scan', markdown: `${pair('bfebf-124', 'Kennwort festlegen', 'Set a password')}\n\n## Set a password to never expire\n`, line: 3}],
  good: [{title: 'Only markup outside the pairs', markdown: `## <a name="set"></a>${pair('bfebf-125', 'Kennwort festlegen', 'Set a password')}\n\n[!INCLUDE [Microsoft 365 Defender rebranding](../includes/microsoft-defender-for-office.md)]\n\n![Häkchen](media/check.png)\n`}],
  check(context) {
    const {document} = context
    const {bilingual, text} = analyse(document)
    // The file with every pair blanked out (offsets kept): what is left is skeleton.
    let skeleton = ''
    for (const part of document.parts) skeleton += typeof part === 'string' ? part : ' '.repeat(part.markup.open.length + part.target.length + part.markup.middle.length + part.source.length + part.markup.close.length)
    if (skeleton.length !== text.length) return
    let inComment = false
    for (const line of bilingual.lines) {
      const raw = skeleton.slice(line.start, line.end)
      if (bilingual.inFence[line.index]) continue
      if (inComment) {
        if (raw.includes('-->')) inComment = false
        continue
      }
      if (raw.includes('<!--') && !raw.includes('-->')) {
        inComment = true
        continue
      }
      if (document.frontMatter && line.end <= document.frontMatter.position.end.offset + 4) continue
      // Pipes, colons and dashes only (a delimiter row, a rule): never prose. Written without nested
      // quantifiers: `(?:\|?\s*:?-+:?\s*)+` backtracks exponentially on a long run of dashes.
      if (/^[\s|:-]*$/.test(raw) && raw.includes('-')) continue
      const rest = prose(raw)
      if (words(rest) < 4) continue
      const first = rest.search(/\p{L}/u)
      context.report(`Prose outside any pair: “${rest.replace(/[\s|#>*_]+/g, ' ').trim().slice(0, 60)}”`, context.position(line.start + Math.max(0, first), line.end))
    }
  }
}
export default rule
