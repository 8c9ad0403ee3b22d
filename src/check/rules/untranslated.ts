import type {Rule} from '../rule.js'
import {doc, pair} from '../example.js'
import {isTranslatableProse, maySearchEqual, proseOf, searchable} from '../text-tokens.js'
import {isBlank} from '../../inline/char-codes.js'

/** The language of a BCP 47 tag (`de` of `de-DE`): `en-GB` is not a translation of `en-US`. */
function language(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase()
}

const rule: Rule = {
  id: 'untranslated',
  severity: 'warning',
  description:
    'A target identical to its source, in a document whose language (`ms.contentlocale`) is not the source\'s, where the source is a sentence a translation must change: words, not only names, numbers, code, URLs, placeholders or a keyword list (at least three common words, and in an English source a word such as *the*, *to*, *you*). The page shows the source language. A warning: some text stays in the source language on purpose.',
  bad: [
    {title: 'A sentence left in English', markdown: doc(`${pair('ab12c-105', 'In the EAC, go to **Mail flow** \\> **Rules**.', 'In the EAC, go to **Mail flow** \\> **Rules**.')}\n`, 'zh-TW'), messages: ['5:31-5:76: warning: Target of `ab12c-105` is its source, untranslated (the document is `zh-TW`)']},
    {title: 'The language from `--target-lang` when the front matter names none', markdown: `${pair('ab12c-105', 'In the EAC, go to **Mail flow**.', 'In the EAC, go to **Mail flow**.')}\n`, messages: ['1:31-1:63: warning: Target of `ab12c-105` is its source, untranslated (the document is `de-DE`)'], options: {targetLanguage: 'de-DE'}},
    {title: 'Three common words, one a function word: the fewest that make a sentence', markdown: doc(`${pair('ab12c-105', 'Select the check box.', 'Select the check box.')}\n`), messages: ['5:31-5:52: warning: Target of `ab12c-105` is its source, untranslated (the document is `de-DE`)']},
    {
      title: 'White space after the target or the source changes nothing',
      markdown: doc(`${pair('ab12c-105', 'Select the check box. ', 'Select the check box.')}\n\n${pair('ab12c-106', 'Clear the check box.', 'Clear the check box. ')}\n`),
      messages: ['5:31-5:53: warning: Target of `ab12c-105` is its source, untranslated (the document is `de-DE`)', '7:31-7:51: warning: Target of `ab12c-106` is its source, untranslated (the document is `de-DE`)']
    }
  ],
  good: [
    {
      title: 'A pair read as code (pair-in-code reports it): the page shows its tags, not a sentence',
      markdown: doc(`\`\`\`text\n${pair('ab12c-105', 'Select the check box.', 'Select the check box.')}\n\`\`\`\n`),
      messages: []
    },
    {title: 'Translated', markdown: doc(`${pair('ab12c-105', '在 EAC 中，移至 [**郵件流程**] \\> [**規則**]。', 'In the EAC, go to **Mail flow** \\> **Rules**.')}\n`, 'zh-TW'), messages: []},
    {title: 'A name, a command, a keyword list: the same in every language', markdown: doc(`${pair('ab12c-106', 'Microsoft 365 Defender', 'Microsoft 365 Defender')}\n\n${pair('ab12c-107', '`Get-Mailbox -Identity $user`', '`Get-Mailbox -Identity $user`')}\n\n${pair('ab12c-108', 'permis de conduire', 'permis de conduire')}\n`, 'zh-TW'), messages: []},
    {title: 'A document in the source language', markdown: doc(`${pair('ab12c-105', 'In the EAC, go to **Mail flow**.', 'In the EAC, go to **Mail flow**.')}\n`, 'en-GB'), messages: []},
    {title: 'No language named (no `ms.contentlocale`, no `--target-lang`): nothing to compare with', markdown: `${pair('ab12c-105', 'In the EAC, go to **Mail flow**.', 'In the EAC, go to **Mail flow**.')}\n`, messages: []},
    {title: 'Two common words: too few to tell', markdown: doc(`${pair('ab12c-105', 'Open the portal.', 'Open the portal.')}\n`), messages: []}
  ],
  check(context) {
    // The document's language, else the one the run expects (`--target-lang`).
    const {source} = context.document.languages
    const target = context.document.languages.target ?? context.options.targetLanguage
    if (target === undefined || language(target) === language(source)) return
    for (const segment of context.document.segments) {
      if (segment.context.kind === 'code' || isBlank(segment.source)) continue
      // A target that is its source (half of the pairs that get here) needs no comparing.
      if (segment.target !== segment.source && (!maySearchEqual(segment.source, segment.target) || searchable(segment.target).trim() !== searchable(segment.source).trim())) continue
      if (!isTranslatableProse(proseOf(segment.source, context.facts.tokens), source)) continue
      context.report(`Target of \`${segment.id}\` is its source, untranslated (the document is \`${target}\`)`, segment.position.target, {segment})
    }
  }
}
export default rule
