/**
 * Held-out set 5 (/work/coord/heldout5/REVIEW.md): what its run over real documents of new docsets found.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {renderSide} from '../src/render/documents.js'
import {update} from '../src/update/update.js'
import {updateFrontMatter} from '../src/update/front-matter.js'

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
