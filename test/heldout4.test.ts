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
})
