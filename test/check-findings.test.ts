/** The real defects of the dev corpus that the check issue names: each reported by a fitting rule, near its line. */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from '../src/document/parse.js'
import {check} from '../src/check/index.js'
import {corpusDir} from './helpers/corpus.js'

interface Finding {
  file: string
  what: string
  rules: string[]
  line: number
  severity?: 'error' | 'warning'
}

const findings: Finding[] = [
  {file: 'OfficeDocs-O365SecComp-pr.de-DE/SecurityCompliance/alert-policies.md', what: 'a target that starts with a newline splits a table row', rules: ['line-break-in-table-pair', 'table-shape'], line: 181, severity: 'error'},
  {file: 'OfficeDocs-O365SecComp-pr.de-DE/SecurityCompliance/use-network-upload-to-import-pst-files.md', what: 'a stale translation adds a table cell', rules: ['table-shape', 'pair-split-across-cells'], line: 229, severity: 'error'},
  {file: 'OfficeDocs-O365SecComp-pr.de-DE/SecurityCompliance/use-network-upload-to-import-pst-files.md', what: 'its unclosed fence', rules: ['unclosed-code-fence'], line: 357, severity: 'error'},
  {file: 'OfficeDocs-O365SecComp-pr.zh-TW/SecurityCompliance/eu-driver-s-license-number.md', what: 'a table header captured as a pair: only pipes, empty source', rules: ['pipe-only-target', 'empty-source'], line: 59, severity: 'error'},
  {file: 'OfficeDocs-O365SecComp-pr.zh-TW/SecurityCompliance/data-spillage-scenariosearch-and-purge.md', what: 'leaked <b0> tags', rules: ['mt-placeholder'], line: 71, severity: 'error'},
  {file: 'OfficeDocs-Enterprise-pr.ja-JP/Enterprise/protect-your-global-administrator-accounts.md', what: 'lost link', rules: ['inline-markup'], line: 70, severity: 'error'},
  {file: 'microsoft-365-docs-pr.nl-NL/microsoft-365/admin/add-users/set-password-to-never-expire.md', what: 'unclosed fence', rules: ['unclosed-code-fence'], line: 89, severity: 'error'},
  {file: 'microsoft-365-docs-pr.nl-NL/microsoft-365/admin/add-users/set-password-to-never-expire.md', what: 'English text the fence hid', rules: ['prose-outside-pair'], line: 94},
  {file: 'OfficeDocs-Enterprise-pr.ja-JP/Enterprise/about-office-365-identity.md', what: 'not a GFM table', rules: ['not-a-table'], line: 47}
]

describe('real findings of the dev corpus', () => {
  const cache = new Map<string, ReturnType<typeof check>>()
  const messagesOf = (file: string) => {
    let messages = cache.get(file)
    if (!messages) {
      messages = check(parse(readFileSync(path.join(corpusDir, file), 'utf8'), {path: file}))
      cache.set(file, messages)
    }
    return messages
  }
  for (const finding of findings) {
    it(`${path.basename(finding.file)}:${finding.line}: ${finding.what}`, () => {
      const messages = messagesOf(finding.file)
      const hits = messages.filter(
        (message) => finding.rules.includes(message.ruleId ?? '') && Math.abs((message.line ?? 0) - finding.line) <= 2 && (finding.severity === undefined || (message.fatal === true) === (finding.severity === 'error'))
      )
      expect(hits, JSON.stringify(messages.map((m) => [m.ruleId, m.line, m.fatal]))).not.toEqual([])
    })
  }
})
