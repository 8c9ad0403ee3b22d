import type {Rule} from '../rule.js'
import {pair} from '../example.js'
import {isBlank} from '../../inline/char-codes.js'

const rule: Rule = {
  id: 'empty-target',
  severity: 'error',
  description: 'A pair whose source has text has an empty (or white-space only) target: the sentence is missing from the localized page.',
  bad: [
    {title: 'Nothing translated', markdown: `${pair('90f5f-103', '', 'Help and support')}\n`, messages: ['1:1-1:123: error: Empty target for `90f5f-103` (source: “Help and support”)']},
    {
      title: 'A target of one space; a long source is quoted on one line, cut after 40 characters',
      markdown: `${pair('90f5f-104', ' ', ' Sign in to the  Microsoft 365\n  admin center with your work account. ')}\n`,
      messages: ['1:1-2:54: error: Empty target for `90f5f-104` (source: “Sign in to the Microsoft 365 admin cente…”)']
    },
    {
      title: 'A source of exactly 40 characters is quoted whole',
      markdown: `${pair('90f5f-105', '', 'Help and support for the Contoso portal.')}\n`,
      messages: ['1:1-1:147: error: Empty target for `90f5f-105` (source: “Help and support for the Contoso portal.”)']
    }
  ],
  good: [
    {title: 'Translated', markdown: `${pair('90f5f-103', 'Hilfe und Support', 'Help and support')}\n`, messages: []},
    {title: 'An empty source: nothing to translate', markdown: `|${pair('78aa8-119', '', ' ')}|${pair('78aa8-120', 'Schlüsselwörter', 'Keywords')}|\n|:---|:---|\n`, messages: []}
  ],
  check(context) {
    for (const segment of context.document.segments) {
      if (!isBlank(segment.target) || isBlank(segment.source)) continue
      context.report(`Empty target for \`${segment.id}\` (source: “${excerpt(segment.source)}”)`, segment.position.pair, {segment})
    }
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat
}
export default rule
