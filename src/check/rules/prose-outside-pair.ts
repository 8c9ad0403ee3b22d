import type {Rule} from '../rule.js'
import {pair} from '../example.js'
import {analyse, pairOffsets} from '../analysis.js'
import {blankedLine, holdsCommentClose, holdsCommentOpen, holdsEightLetters, pairRanges, pairsOnLines, skeletonFacts} from '../skeleton.js'

/**
 * What is not prose on a markdown line: markup, code, URLs, directives, anchors. Each pattern comes with
 * a substring every one of its matches contains: a line without it is left as it is (the pattern would
 * replace nothing), so most lines skip most patterns.
 */
const notProse: Array<[pattern: RegExp, needs: string]> = [
  [/<!--[\s\S]*?-->/g, '<!--'],
  [/`[^`]*`/g, '`'],
  [/!\[(?:[^[\]]|\[[^[\]]*\])*\](?:\([^)]*\)|\[[^\]]*\])/g, '!['],
  [/\[!(?:INCLUDE|VIDEO|div|NOTE|TIP|IMPORTANT|CAUTION|WARNING)[^\]]*\](?:\([^)]*\))?\]?/gi, '[!'],
  [/\]\([^)]*\)/g, ']('],
  [/\]\[[^\]]*\]/g, ']['],
  [/^\s*\[[^\]]+\]:\s*\S+.*$/g, ']:'],
  [/<[^>]+>/g, '<'],
  [/https?:\/\/\S+/g, '://'],
  [/&[#\w]+;/g, '&'],
  [/^\s*:::.*$/g, ':::'],
  [/\{[^}]*\}/g, '{']
]

export function prose(line: string): string {
  let text = line
  for (const [pattern, needs] of notProse) {
    if (text.includes(needs)) text = text.replace(pattern, ' ')
  }
  return text
}

const cjkScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const cjkScripts = new RegExp(cjkScript.source, 'gu')

/** Latin words of two letters or more, or runs of CJK characters (each counts as a word). */
export function words(text: string): number {
  // ASCII text (most lines): `\p{L}` is `[A-Za-z]` there and no character is CJK; the plain class is much faster.
  if (!nonAscii.test(text)) return text.match(asciiWords)?.length ?? 0
  return unicodeWords(text)
}

const nonAscii = /[^\0-\x7f]/
const asciiWords = /[A-Za-z]{2,}/g

function unicodeWords(text: string): number {
  const latin = text.match(/\p{L}{2,}/gu) ?? []
  const cjk = text.match(cjkScripts) ?? []
  return latin.filter((word) => !cjkScript.test(word)).length + Math.floor(cjk.length / 2)
}

/**
 * Whether a line has the eight characters that are ASCII letters or non-ASCII that four words need in
 * what `prose` leaves of it: a word takes two letters, a CJK word two CJK characters (all non-ASCII), and
 * `prose` only replaces text with spaces. Anchored, and each repetition can only go forward: linear.
 */
const enoughLetters = /^(?:[^A-Za-z\x80-\uFFFF]*[A-Za-z\x80-\uFFFF]){8}/

function noEmptyPair(offsets: Int32Array): boolean {
  for (let index = 0; index < offsets.length; index += 2) if (offsets[index] === offsets[index + 1]) return false
  return true
}

const rule: Rule = {
  id: 'prose-outside-pair',
  severity: 'warning',
  description:
    'A line of prose (four words or more, outside code blocks and spans, links, images, HTML tags and directives) stands outside any pair: it was not extracted for translation, or its pair spans were lost. Readers of the localized page see it untranslated (or translated with no source to review it against). Image alt text (inline or reference images) and link definitions are translated outside pairs by design and are not reported.',
  bad: [{title: 'A heading hidden from the pair scan', markdown: `${pair('bfebf-124', 'Kennwort festlegen', 'Set a password')}\n\n## Set a password to never expire\n`, line: 3}],
  good: [
    {title: 'Only markup outside the pairs', markdown: `## <a name="set"></a>${pair('bfebf-125', 'Kennwort festlegen', 'Set a password')}\n\n[!INCLUDE [Microsoft 365 Defender rebranding](../includes/microsoft-defender-for-office.md)]\n\n![Häkchen](media/check.png)\n`},
    {
      title: 'Translated alt texts of reference images and link definitions',
      markdown: `${pair('bfebf-127', 'Das Menü öffnen', 'Open the menu')}\n\n![Auswählen von "JavaScript deaktivieren" im Befehlsmenü][ImageDisableJS]\n\n[ImageDisableJS]: media/disable.png "Abbildung 2: Auswählen von JavaScript deaktivieren im Befehlsmenü"\n`
    },
    {title: 'A comment in a code sample (an indented code block in a list item)', markdown: `1. ${pair('bfebf-126', 'Legen Sie die Variable fest:', 'Set the variable:')}\n\n        # Provide the name of the cluster that runs the job.\n        $clusterName = "<ClusterName>"\n`}
  ],
  check(context) {
    const {document} = context
    const {bilingual, text} = analyse(document)
    // The pair offsets `analyse` made with the text, unless a pair is empty (never from parse): empty pairs blank nothing.
    const offsets = pairOffsets(document)
    const pairs = offsets && noEmptyPair(offsets) ? offsets : pairRanges(document, text.length)
    if (!pairs) return
    const stretchesOn = pairsOnLines(pairs)
    let inComment = false
    const frontEnd = document.frontMatter ? document.frontMatter.position.end.offset + 4 : -1
    // Code blocks as the block parse found them (indented code too, which the line scan does not know):
    // a comment in a code sample is no prose to translate.
    const codeBlocks = document.codeBlocks
    let code = 0
    for (const line of bilingual.lines) {
      if (bilingual.inFence[line.index]) continue
      while (code < codeBlocks.length && codeBlocks[code]!.endLine <= line.index) code++
      if (code < codeBlocks.length && codeBlocks[code]!.startLine <= line.index + 1) continue
      const stretches = stretchesOn(line)
      // What the compact skeleton holds of the comment markers and letters, read in place: a line without
      // pairs is its own compact skeleton (native searches), a line with pairs has few characters besides.
      const facts = stretches.length === 0 ? -1 : skeletonFacts(text, line, stretches)
      if (inComment) {
        if (facts < 0 ? line.text.includes('-->') : (facts & holdsCommentClose) !== 0) inComment = false
        continue
      }
      if (facts < 0 ? line.text.includes('<!--') && !line.text.includes('-->') : (facts & (holdsCommentOpen | holdsCommentClose)) === holdsCommentOpen) {
        inComment = true
        continue
      }
      if (line.end <= frontEnd) continue
      if (facts < 0 ? !enoughLetters.test(line.text) : (facts & holdsEightLetters) === 0) continue
      const raw = blankedLine(text, line, stretches)
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
