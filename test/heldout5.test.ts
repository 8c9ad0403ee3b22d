/**
 * Held-out set 5 (/work/coord/heldout5/REVIEW.md): what its run over real documents of new docsets found.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {renderSide} from '../src/render/documents.js'
import {update} from '../src/update/update.js'
import {updateFrontMatter} from '../src/update/front-matter.js'
import {check} from '../src/check/index.js'

const mixed = readFileSync(new URL('./fixtures/update/mixed-eol-front-matter/input.md', import.meta.url), 'utf8')

describe('update keeps a mixed CRLF/LF front matter as written', () => {
  it('gives the document back byte for byte from its own English (CRLF field lines, LF fences)', () => {
    expect(mixed.startsWith('---\ntitle:')).toBe(true)
    expect(mixed).toContain('ms.lasthandoff: 07/11/2017\r\n---\n')
    const document = parse(mixed)
    const result = update(document, renderSide(document, 'source'))
    expect(result.text).toBe(mixed)
  })

  it('edits a key in place with its own line ending; a key it adds takes the block’s CRLF', () => {
    const old = '---\ntitle: Titolo\r\nms.date: 05/18/2016\r\nms.openlocfilehash: aaa\r\n---\n'
    const english = '---\ntitle: Title\nms.date: 06/01/2017\nauthor: someone\n---\n'
    const result = updateFrontMatter(old, english, 'new English', {})
    expect(result.changed).toEqual(['ms.date', 'author', 'ms.openlocfilehash'])
    expect(result.text).toBe(
      '---\ntitle: Titolo\r\nms.date: 06/01/2017\r\nauthor: someone\r\nms.openlocfilehash: 39164d5305fcab6504b38f071efaddc99b5e9b51\r\n---\n'
    )
  })
})

describe('check on held-out set 5', () => {
  it('protects a configuration file name (`.conf`) as it does other file names: MT wrote `redis.conf` as `redis`', () => {
    // test/fixtures/check/conf-file-name: an ASP.NET SignalR page, ja-JP (SOURCE), whole; -131 and -132 were
    // reported before (NuGet package names shortened), -162 was not.
    const page = readFileSync(new URL('./fixtures/check/conf-file-name/input.md', import.meta.url), 'utf8')
    const findings = check(parse(page)).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)
    expect(findings).toEqual([
      '67:38 protected-token-changed Target of `35ca4-131` does not keep what must not be translated: identifier `Microsoft.AspNet.SignalR` missing',
      '68:38 protected-token-changed Target of `35ca4-132` does not keep what must not be translated: identifier `Microsoft.AspNet.SignalR.StackExchangeRedis` missing',
      '126:33 protected-token-changed Target of `35ca4-162` does not keep what must not be translated: file `redis.conf` missing'
    ])
  })
})
