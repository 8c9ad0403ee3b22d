/**
 * A file with CR-only line endings (old Mac editors, some converters) is read as its lines, as extract
 * reads it (micromark and the layout's line table both end a line at a lone CR): `check` finds on it
 * exactly what it finds on the LF file, at the same places. It gave one `prose-outside-pair` warning over
 * the whole file, its rules splitting lines on LF only (issue 18).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {check} from '../src/check/index.js'
import {corpusDir} from './helpers/corpus.js'

/**
 * Corpus documents with findings of several rules (test/golden/check-dev-corpus.tsv): prose outside pairs,
 * unclosed fences, a table that is not one, line breaks in table pairs, inline markup, untranslated targets.
 */
const documents = [
  'OfficeDocs-O365SecComp-pr.zh-TW/SecurityCompliance/use-drive-shipping-to-import-pst-files-to-office-365.md',
  'microsoft-365-docs-pr.nl-NL/microsoft-365/commerce/billing-and-payments/pay-for-subscription-billing-profile.md',
  'OfficeDocs-O365SecComp-pr.zh-TW/SecurityCompliance/use-network-upload-to-import-pst-files.md',
  'OfficeDocs-Enterprise-pr.ja-JP/Enterprise/performance-troubleshooting-plan.md',
  'OfficeDocs-Enterprise-pr.ja-JP/Enterprise/about-office-365-identity.md',
  'OfficeDocs-O365SecComp-pr.de-DE/SecurityCompliance/alert-policies.md'
]

/** Each finding whole: place (start and end), severity, rule and reason. */
const findings = (text: string, fast = true): string[] =>
  check(parse(text, {fast})).map((message) => {
    const end = message.place && 'end' in message.place ? `-${message.place.end.line}:${message.place.end.column}` : ''
    return `${message.line}:${message.column}${end} ${message.fatal === true ? 'error' : 'warning'} ${message.ruleId} ${message.reason}`
  })

describe('check on CR-only line endings', () => {
  for (const name of documents) {
    it(`finds what it finds on the LF file, at the same places: ${name}`, () => {
      const lf = readFileSync(path.join(corpusDir, name), 'utf8')
      const expected = findings(lf)
      expect(expected.length).toBeGreaterThan(0)
      const cr = lf.replace(/\r?\n/g, '\r')
      expect(findings(cr)).toEqual(expected)
      // The same through remark's reading (leaves.ts), where the fast path declines a file.
      expect(findings(cr, false)).toEqual(expected)
    })
  }
})
