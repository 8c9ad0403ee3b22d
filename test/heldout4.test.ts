/**
 * What held-out set 4 (/work/coord/heldout4, REVIEW.md there) taught check, on documents copied from it.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {check} from '../src/check/index.js'

const findings = (markdown: string) =>
  check(parse(markdown)).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)

describe('held-out set 4', () => {
  it('protects a schema file name (`.xsd`) as it does other file names: MT split `Messages.xsd` into `Messages. xsd`', () => {
    // test/fixtures/check/xsd-file-name: an Exchange Web Services reference page, fr-FR (SOURCE), whole.
    const page = readFileSync(new URL('./fixtures/check/xsd-file-name/input.md', import.meta.url), 'utf8')
    expect(findings(page)).toEqual([
      '58:183 protected-token-changed Target of `b76cb-122` does not keep what must not be translated: file `Messages.xsd` written `Messages. xsd`'
    ])
  })

  it('reads no identifier in a lower-case word, a dot and a capitalized word: a source that lost the space after a sentence', () => {
    // test/fixtures/check/sentence-glued-by-a-dot: a Lync Server 2013 page, zh-CN (SOURCE), whole. Pair 81f69-127's
    // English reads "if it is needed.Check SQL database response times"; the Chinese rightly has no `needed.Check`.
    // The dev corpus had the same false warning (`content.Not`, O365SecComp zh-TW 00d6a-134).
    const page = readFileSync(new URL('./fixtures/check/sentence-glued-by-a-dot/input.md', import.meta.url), 'utf8')
    expect(findings(page)).toEqual([])
  })

  it('still reads an identifier with a capital before the dot, or a capital inside the word after it', () => {
    const pair = (target: string, source: string) =>
      `---\nms.contentlocale: de-DE\n---\n<span data-ttu-id="abcde-101">${target}</span><span class="sxs-lookup"><span data-stu-id="abcde-101">${source}</span></span>\n`
    expect(findings(pair('Der Typ ist System. String.', 'The type is System.String.'))).toEqual([
      '4:31 protected-token-changed Target of `abcde-101` does not keep what must not be translated: identifier `System.String` written `System. String`'
    ])
    expect(findings(pair('Rufen Sie App. UseRouting auf.', 'Call app.UseRouting first.'))).toEqual([
      '4:31 protected-token-changed Target of `abcde-101` does not keep what must not be translated: identifier `app.UseRouting` written `App. UseRouting`'
    ])
  })
})
