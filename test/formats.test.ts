/**
 * Formats: the reference document's XLIFF 1.2, XLIFF 2.0 and JSON equal the fixtures in test/fixtures/formats/
 * (regenerate with UPDATE=1), validate, and read back exactly; what CAT tools return (inline codes in every
 * form, versions, structures) reads exactly. Untrusted input (DOCTYPE, truncation, duplicates, malformed
 * XML/JSON) becomes messages. The same over the whole dev corpus: test/formats-corpus.test.ts.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from '../src/index.js'
import {readTranslations, toJsonDocument, unitIds, writeFormats, writeJson, writeXliff12, writeXliff20} from '../src/formats/index.js'
import type {InlineCode} from '../src/inline/types.js'
import {expectGolden} from './helpers/golden.js'
import {expectRoundTrip, validate} from './helpers/read-back.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const fixtures = here('fixtures/formats/')
const referencePath = here('../source-docs/help-and-support-for-eop.md')
const reference = parse(readFileSync(referencePath, 'utf8'), {path: 'help-and-support-for-eop.md'})

let temp: string
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'sxs-formats-'))
})
afterAll(() => {
  rmSync(temp, {recursive: true, force: true})
})

function expectFixture(name: string, actual: string): void {
  expectGolden(fixtures + name, actual)
}

describe('the reference document', () => {
  it('XLIFF 1.2, XLIFF 2.0 and JSON equal the fixtures', () => {
    expectFixture('help-and-support-for-eop.xliff12.xlf', writeXliff12(reference))
    expectFixture('help-and-support-for-eop.copy-source.xliff12.xlf', writeXliff12(reference, {copySource: true}))
    expectFixture('help-and-support-for-eop.xliff20.xlf', writeXliff20(reference))
    expectFixture('help-and-support-for-eop.json', writeJson(reference))
  })

  it('writeFormats (one coding shared by the writers) writes what each writer writes alone', () => {
    for (const options of [{}, {copySource: true}]) {
      expect(writeFormats(reference, ['json', 'xliff12', 'xliff20'], options)).toEqual([
        writeJson(reference, options),
        writeXliff12(reference, options),
        writeXliff20(reference, options)
      ])
    }
  })

  it('76 units in order, p104 merged, table cells with row and column, bold and links as codes', () => {
    const json = toJsonDocument(reference)
    expect(json.segments).toHaveLength(76)
    expect(json.segments[0]!.id).toBe('90f5f-103')
    expect(json.segments.at(-1)!.id).toBe('90f5f-181')
    expect(json.segments.filter((segment) => /-p\d+$/.test(segment.id)).map((segment) => segment.id)).toEqual(['90f5f-p104'])
    expect(json.segments.some((segment) => segment.context.table && segment.context.table.row > 0)).toBe(true)
    expect(json.segments.find((segment) => segment.id === '90f5f-104')!.codes).toEqual([{id: '1', kind: 'strong', type: 'paired', open: '**', close: '**'}])
    expect(json.metadata).toMatchObject({
      'ms.openlocfilehash': '0b48c9fadb53fbb7b392c7d4711efc6136509444',
      'ms.sourcegitcommit': '27b2b2e5c41934b918cac2c171556c45e36661bf',
      'ms.locfileid': '50910735'
    })
    const xliff12 = writeXliff12(reference)
    expect(xliff12).toContain('<trans-unit id="90f5f-p104" restype="x-sxs-merged-paragraph" xml:space="preserve">')
    expect(xliff12).toContain('state="needs-review-translation" state-qualifier="mt-suggestion"')
    expect(xliff12).toContain('<note from="sxs">ms.openlocfilehash: 0b48c9fadb53fbb7b392c7d4711efc6136509444</note>')
  })

  it('validates (strict 1.2, 2.0 core), and the copy-source variant too', () => {
    const files = [
      ['ref.12.xlf', writeXliff12(reference)],
      ['ref.copy.12.xlf', writeXliff12(reference, {copySource: true})],
      ['ref.20.xlf', writeXliff20(reference)],
      ['ref.copy.20.xlf', writeXliff20(reference, {copySource: true})]
    ].map(([name, text]) => {
      writeFileSync(join(temp, name!), text!)
      return join(temp, name!)
    })
    expect(validate(files)).toEqual({status: 0, output: ''})
  })

  it('round-trips through each format', () => {
    expectRoundTrip(reference, writeXliff12(reference))
    expectRoundTrip(reference, writeXliff20(reference))
    expectRoundTrip(reference, writeJson(reference))
  })

  it('pocount reads 76 units', () => {
    const file = join(temp, 'pocount-ref.xlf')
    writeFileSync(file, writeXliff12(reference))
    const csv = execFileSync('pocount', ['--csv', file], {encoding: 'utf8'})
    expect(Number(csv.trim().split('\n')[1]!.split(',')[8])).toBe(76)
  })
})

describe('hard inputs', () => {
  const text = [
    '---',
    'ms.contentlocale: de-DE',
    'ms.translationtype: HT',
    '---',
    '<span data-ttu-id="a-1">Ziel &amp; <b>fett</b> ]]> "q" \u0001 \uFFFE a\r\nb</span><span class="sxs-lookup"><span data-stu-id="a-1">Source &amp; <b>bold</b> ]]> "q" \u0001 \uFFFE a\r\nb</span></span>',
    '',
    '<span data-ttu-id="a-2">`x\u0002y` **<i>a**</i> \uD800</span><span class="sxs-lookup"><span data-stu-id="a-2">`x\u0002y` **<i>a**</i> \uD800</span></span>',
    '',
    '<span data-ttu-id="a-3"></span><span class="sxs-lookup"><span data-stu-id="a-3"></span></span>',
    ''
  ].join('\n')
  const document = parse(text, {path: 'hard.md'})

  it('control characters, CR, ]]>, quotes and overlapping codes survive every format, and the XLIFF validates', () => {
    expect(document.segments).toHaveLength(3)
    const x12 = writeXliff12(document)
    const x20 = writeXliff20(document)
    expect(x12).toContain('<ph id="3" ctype="x-sxs-char">U+0001</ph>')
    expect(x12).toContain('&#13;')
    expect(x12).not.toContain(']]>')
    expect(x20).toContain('<cp hex="0001"/>')
    expect(x20).toContain('<sc id="')
    for (const output of [x12, x20, writeJson(document)]) expectRoundTrip(document, output)
    writeFileSync(join(temp, 'hard.12.xlf'), x12)
    writeFileSync(join(temp, 'hard.20.xlf'), x20)
    expect(validate([join(temp, 'hard.12.xlf'), join(temp, 'hard.20.xlf')])).toEqual({status: 0, output: ''})
  })

  it('metadata holding an emoji beside a control character is written visibly, the pair kept whole', () => {
    // A surrogate pair next to a character XML refuses: the pair must stay one character (it was once
    // split, and the writers then refused their own lone surrogate).
    const withEmoji = parse(
      ['---', 'ms.contentlocale: de-DE', 'ms.locfileid: "a\u{1F600}\\u0001b\\uD800"', '---', '# <span data-ttu-id="e-1">Hallo \u{1F600}</span><span class="sxs-lookup"><span data-stu-id="e-1">Hello \u{1F600}</span></span>', ''].join('\n'),
      {path: 'emoji\u0002\u{1F600}.md'}
    )
    const x12 = writeXliff12(withEmoji)
    const x20 = writeXliff20(withEmoji)
    expect(x12).toContain('<note from="sxs">ms.locfileid: a\u{1F600}\\u{1}b\\u{d800}</note>')
    expect(x12).toContain('original="emoji\\u{2}\u{1F600}.md"')
    expect(x20).toContain('<mda:meta type="ms.locfileid">a\u{1F600}\\u{1}b\\u{d800}</mda:meta>')
    writeFileSync(join(temp, 'emoji.12.xlf'), x12)
    writeFileSync(join(temp, 'emoji.20.xlf'), x20)
    expect(validate([join(temp, 'emoji.12.xlf'), join(temp, 'emoji.20.xlf')])).toEqual({status: 0, output: ''})
  })
})

describe('reading what CAT tools return', () => {
  it('JSON whose segments with codes keep only the coded form (a tool that edits sourceCoded/targetCoded) reads back the markdown', () => {
    const json = JSON.parse(writeJson(reference)) as {segments: Array<Record<string, unknown>>}
    let coded = 0
    for (const segment of json.segments) {
      if (segment['codes'] === undefined) continue
      delete segment['source']
      delete segment['target']
      coded++
    }
    // Codes among them, so the code tables were used.
    expect(coded).toBe(6)
    const read = readTranslations(JSON.stringify(json), {path: 'x.json'})
    expect(read.messages.map(String)).toEqual([])
    const units = [...read.units.values()]
    expect(units.map((unit) => [unit.source, unit.target])).toEqual(reference.segments.map((segment) => [segment.source, segment.target]))
  })

  it('reads JSON version 1 (pretty-printed, every field: what sxs wrote before) as version 2', () => {
    const v1 = readFileSync(fixtures + 'help-and-support-for-eop.v1.json', 'utf8')
    expect(JSON.parse(v1)).toMatchObject({version: 1})
    const read = readTranslations(v1, {path: 'v1.json'})
    expect(read.messages.map(String)).toEqual([])
    const units = (result: ReturnType<typeof readTranslations>): unknown[] => [...result.units].map(([id, unit]) => [id, unit.source, unit.target, unit.state])
    expect(read.format).toBe('json')
    expect(units(read)).toEqual(units(readTranslations(writeJson(reference))))
    expectRoundTrip(reference, v1)
    // Its units' places are where each id is written (line 41 holds the first).
    expect(read.units.get('90f5f-103')!.place.line).toBe(41)
  })

  it('JSON v2 writes `unit` only where it is not the id (a repeated id, an id that is no XML name), and reads them back by it', () => {
    const pair = (id: string, text: string): string => `<span data-ttu-id="${id}">${text}</span><span class="sxs-lookup"><span data-stu-id="${id}">${text}</span></span>`
    const document = parse(['# ' + pair('a-1', 'Eins'), '', '- ' + pair('a-1', 'Zwei'), '- ' + pair('a b', 'Drei'), ''].join('\n'))
    const json = writeJson(document)
    const lines = json.split('\n').filter((line) => line.startsWith('    {'))
    expect(lines.map((line) => (JSON.parse(line.replace(/,$/, '')) as {unit?: string}).unit)).toEqual([undefined, 'a-1:2', '_61.20.62'])
    expect(unitIds(document)).toEqual(['a-1', 'a-1:2', '_61.20.62'])
    expectRoundTrip(document, json)
  })

  it('refuses a JSON version it does not know, with a message', () => {
    const future = writeJson(reference).replace('"version": 2', '"version": 3')
    const read = readTranslations(future, {path: 'x.json'})
    expect(read.units.size).toBe(0)
    expect(read.messages.map((message) => [message.ruleId, message.reason])).toEqual([['translations-format', 'Unsupported sxs JSON version `3`: this sxs reads versions 1 and 2']])
  })

  const unit = (source: string, target: string): string =>
    `<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.md" source-language="en-US" datatype="x-markdown"><body>\n<trans-unit id="u1"><source>${source}</source><target state="translated">${target}</target></trans-unit>\n</body></file></xliff>`

  it('resolves <g>/<x>/<bx>/<ex> and empty codes by id from the source', () => {
    const read = readTranslations(
      unit(
        'Run <ph id="1" ctype="x-sxs-inlineCode">`x`</ph> in <bpt id="2" ctype="bold">**</bpt>A<ept id="2">**</ept>',
        '<g id="2">A</g> <x id="1"/> <bx id="2"/>B<ex id="3" rid="2"/> <bpt id="2"/>C<ept id="2"/>'
      )
    )
    expect(read.messages).toEqual([])
    expect(read.format).toBe('xliff12')
    expect(read.units.get('u1')).toMatchObject({source: 'Run `x` in **A**', target: '**A** `x` **B** **C**', state: 'translated'})
  })

  it('takes code tables from the caller (the document) when the file has none', () => {
    const read = readTranslations(unit('<x id="1"/>a', 'b<x id="1"/>'), {codes: () => [{id: '1', kind: 'html', type: 'standalone', data: '<br/>'}]})
    expect(read.units.get('u1')).toMatchObject({source: '<br/>a', target: 'b<br/>'})
  })

  it('keeps the text of an element inline content may not hold, and says so (XLIFF 1.2 and 2.0)', () => {
    const read12 = readTranslations(unit('a b', 'a <foo>b</foo>'))
    expect(read12.messages.map((message) => [message.ruleId, message.reason])).toEqual([['unknown-element', 'Unexpected <foo> in <target>: its text is kept']])
    expect(read12.units.get('u1')!.target).toBe('a b')
    const xliff20 = `<?xml version="1.0"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en-US" trgLang="de-DE"><file id="f1"><unit id="u1"><segment><source>a b</source><target>a <bar>b</bar></target></segment></unit></file></xliff>`
    const read20 = readTranslations(xliff20)
    expect(read20.messages.map((message) => [message.ruleId, message.line])).toEqual([['unknown-element', 2]])
    expect(read20.units.get('u1')!.target).toBe('a b')
  })

  it('reports a code it cannot resolve', () => {
    const read = readTranslations(unit('a', 'a<x id="9"/>'))
    expect(read.messages.map((message) => message.ruleId)).toEqual(['unknown-code'])
    expect(read.units.get('u1')!.target).toBe('a')
  })

  it('reads inline markup nested 8,000 deep in each format (a recursive walk overflowed the stack at 5,000)', () => {
    const nested = (text: string): string => `${'<b>'.repeat(8_000)}${text}${'</b>'.repeat(8_000)}`
    const text = `# <span data-ttu-id="a-1">${nested('Titel')}</span><span class="sxs-lookup"><span data-stu-id="a-1">${nested('Title')}</span></span>\n`
    const document = parse(text)
    for (const write of [writeXliff12, writeXliff20, writeJson]) {
      const read = readTranslations(write(document), {path: 'x'})
      expect(read.messages).toEqual([])
      expect(read.units.get('a-1')).toMatchObject({source: nested('Title'), target: nested('Titel')})
    }
  })

  it('refuses a DOCTYPE (XXE, entity expansion) with a message, no exception', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa">]>\n<xliff version="1.2"><file><body><trans-unit id="u1"><source>&xxe;&a;</source></trans-unit></body></file></xliff>`
    const read = readTranslations(xxe, {path: 'evil.xlf'})
    expect(read.units.size).toBe(0)
    expect(read.messages.map((message) => [message.ruleId, message.line, message.file])).toEqual([['xml-doctype', 2, 'evil.xlf']])
  })

  it('reads elements nested 80,000 deep (saxes resolved namespaces in depth² time: over 120 s)', () => {
    const depth = 80_000
    const deep = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sxs="urn:x"><file original="x.md" source-language="en-US" target-language="ja-JP" datatype="markdown"><body><trans-unit id="a" sxs:k="v"><source>x</source><target>${'<mrk mtype="x">'.repeat(depth)}y${'</mrk>'.repeat(depth)}</target></trans-unit></body></file></xliff>`
    const read = readTranslations(deep, {path: 'deep.xlf'})
    expect(read.messages.filter((message) => message.fatal)).toEqual([])
    expect(read.units.get('a')?.target).toBe('y')
  })

  it('resolves namespaces as XML says: declared on the element or above, unbound prefixes refused', () => {
    const unit = '<trans-unit id="a"><source>x</source><target>y</target></trans-unit>'
    const declaredBelow = `<x:xliff version="1.2" xmlns:x="urn:oasis:names:tc:xliff:document:1.2"><x:file original="x.md" source-language="en-US" target-language="ja-JP" datatype="markdown"><body xmlns="urn:oasis:names:tc:xliff:document:1.2">${unit}</body></x:file></x:xliff>`
    expect(readTranslations(declaredBelow).units.get('a')?.target).toBe('y')
    const unboundPrefix = readTranslations(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body><q:trans-unit id="a"/></body></file></xliff>`)
    expect(unboundPrefix.messages.map((message) => [message.ruleId, message.reason])).toEqual([['xml-malformed', 'Malformed XML: unbound namespace prefix: "q".']])
  })

  it('reports a truncated file, malformed XML and duplicate ids with line and column', () => {
    const full = writeXliff12(reference)
    const truncated = readTranslations(full.slice(0, Math.floor(full.length / 2)))
    expect(truncated.messages.map((message) => message.ruleId)).toEqual(['xml-truncated'])
    expect(truncated.messages[0]!.line).toBeGreaterThan(100)

    const malformed = readTranslations('<xliff version="1.2">\n<file><body><trans-unit id="a"><source>x</target></trans-unit></body></file></xliff>')
    expect(malformed.messages.map((message) => [message.ruleId, message.line])).toEqual([['xml-malformed', 2]])

    const undefinedEntity = readTranslations('<xliff version="1.2"><file><body><trans-unit id="a"><source>&nbsp;</source></trans-unit></body></file></xliff>')
    expect(undefinedEntity.messages.map((message) => message.ruleId)).toEqual(['xml-malformed'])

    const duplicated = full.replace('id="90f5f-104"', 'id="90f5f-103"')
    const read = readTranslations(duplicated)
    expect(read.messages.map((message) => [message.ruleId, message.line])).toEqual([['duplicate-unit', 24]])
    expect(read.units.get('90f5f-103')!.source).toBe('Help and support for EOP')
  })

  it('reports malformed and truncated JSON, and files that are not translations', () => {
    const json = writeJson(reference)
    expect(readTranslations(json.slice(0, 500)).messages.map((message) => message.ruleId)).toEqual(['json-truncated'])
    const bad = readTranslations('{\n  "segments": [,]\n}')
    expect(bad.messages.map((message) => [message.ruleId, message.line])).toEqual([['json-malformed', 2]])
    expect(readTranslations('hello').messages.map((message) => message.ruleId)).toEqual(['translations-format'])
    expect(readTranslations('').messages.map((message) => message.ruleId)).toEqual(['translations-empty'])
    expect(readTranslations('<html/>').messages.map((message) => message.ruleId)).toEqual(['translations-format'])
  })
})

describe('inline codes as CAT tools return them, read exactly', () => {
  const unit12 = (source: string, target: string): string =>
    `<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.md" source-language="en-US" datatype="x-markdown"><body>\n<trans-unit id="u1"><source>${source}</source><target state="translated">${target}</target></trans-unit>\n</body></file></xliff>`
  const unit20 = (body: string, data = ''): string =>
    `<?xml version="1.0"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en-US" trgLang="de-DE"><file id="f1" original="a.md"><unit id="u1">${data ? `<originalData>${data}</originalData>` : ''}${body}</unit></file></xliff>`
  /** [source, target, state] of the one unit, and the messages as `line:column rule severity: reason`. */
  const read = (text: string, codes?: InlineCode[]): {unit: unknown[]; messages: string[]} => {
    const result = readTranslations(text, codes ? {codes: () => codes} : {})
    const unit = result.units.get('u1')!
    return {unit: [unit.source, unit.target, unit.state], messages: result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.fatal ? 'error' : 'warning'}: ${message.reason}`)}
  }
  const bold = '<bpt id="2" ctype="bold">**</bpt>A<ept id="2">**</ept>'
  const left = (id: string, type: string, column: number): string => `3:${column} unknown-code error: Unit \`u1\`: inline code \`${id}\` (${type}) has no native data and is not in the source; it is left out`

  it('XLIFF 1.2: <it pos>, <bx rid>/<ex rid>, <bx>/<ex> by id, <mrk> text', () => {
    expect(read(unit12(bold, '<it id="2" pos="open">**</it>B<it id="2" pos="close">**</it> <it id="2">**</it>C<ept id="2"/>'))).toEqual({unit: ['**A**', '**B** **C**', 'translated'], messages: []})
    expect(read(unit12(bold, '<bx id="7" rid="2"/>B<ex id="8" rid="2"/>'))).toEqual({unit: ['**A**', '**B**', 'translated'], messages: []})
    expect(read(unit12(bold, '<bx id="2"/>B<ex id="2"/>'))).toEqual({unit: ['**A**', '**B**', 'translated'], messages: []})
    // A link's halves differ: a <bx> read as a close (or an <ex> as an open) would show.
    const link = '<bpt id="1" ctype="link">[</bpt>A<ept id="1">](https://a.example)</ept>'
    expect(read(unit12(link, '<bx id="7" rid="1"/>B<ex id="8" rid="1"/>'))).toEqual({unit: ['[A](https://a.example)', '[B](https://a.example)', 'translated'], messages: []})
    expect(read(unit12('a <mrk mtype="seg">b</mrk>', 'c <mrk mtype="seg">d</mrk>'))).toEqual({unit: ['a b', 'c d', 'translated'], messages: []})
  })

  it('XLIFF 1.2: characters as U+ code points, and what is not one', () => {
    expect(read(unit12('a<ph id="1" ctype="x-sxs-char">U+0001 U+1F600</ph>', 'b<ph id="1" ctype="x-sxs-char">U+0001 U+1F600</ph>'))).toEqual({unit: ['a\u0001😀', 'b\u0001😀', 'translated'], messages: []})
    expect(read(unit12('a<ph id="1" ctype="x-sxs-char">U+ZZ</ph>', 'b<ph id="1" ctype="x-sxs-char">U+110000</ph>'))).toEqual({
      unit: ['a', 'b', 'translated'],
      messages: [left('1', 'standalone', 29), left('1', 'standalone', 105)]
    })
  })

  it('XLIFF 1.2: codes without data from the source, the caller\'s table before the source\'s, an empty <ph> as no data', () => {
    expect(read(unit12('a<ph id="3">&lt;br/&gt;</ph>', 'b<x id="3"/>'))).toEqual({unit: ['a<br/>', 'b<br/>', 'translated'], messages: []})
    expect(read(unit12('<bpt id="1">**</bpt>a<ept id="1">**</ept>', '<g id="1">b</g>'), [{id: '1', kind: 'emphasis', type: 'paired', open: '_', close: '_'}])).toEqual({unit: ['**a**', '_b_', 'translated'], messages: []})
    expect(read(unit12('a<ph id="3"></ph>', 'b<x id="3"/>'))).toEqual({unit: ['a', 'b', 'translated'], messages: [left('3', 'standalone', 29), left('3', 'standalone', 82)]})
    expect(read(unit12('a', 'a<x id="9"/><g id="8">b</g>'))).toEqual({unit: ['a', 'ab', 'translated'], messages: [left('9', 'standalone', 66), left('8', 'open', 66), left('8', 'close', 66)]})
    // A source in <g> codes alone (a tool that converted every code) gives no data to resolve them by.
    expect(read(unit12('<g id="1">a</g>', '<g id="1">b</g>'))).toEqual({unit: ['a', 'b', 'translated'], messages: [left('1', 'open', 29), left('1', 'close', 29), left('1', 'open', 80), left('1', 'close', 80)]})
    // The source carries one half of code 1 (an isolated close): a target's open half of it is not resolved
    // by it (it was once read as nothing, without a word), its close half is.
    expect(read(unit12('a<it id="1" pos="close">**</it>', '<it id="1" pos="open"/>b<it id="1" pos="close"/>'))).toEqual({unit: ['a**', 'b**', 'translated'], messages: [left('1', 'open', 96)]})
    // Codes without an id are named by the empty id, both halves of a <g> alike.
    expect(read(unit12('a', 'b<x/><g>c</g>'))).toEqual({unit: ['a', 'bc', 'translated'], messages: [left('', 'standalone', 66), left('', 'open', 66), left('', 'close', 66)]})
  })

  it('XLIFF 1.2: a code whose data the tool changed is put back, with a warning', () => {
    expect(read(unit12('<bpt id="1" ctype="link">[</bpt>x<ept id="1">](https://good.example)</ept>', '<bpt id="1" ctype="link">[</bpt>y<ept id="1">](https://evil.example)</ept>'))).toEqual({
      unit: ['[x](https://good.example)', '[y](https://good.example)', 'translated'],
      messages: ['3:139 code-restored warning: Unit `u1`: the tool changed inline code `1` from `](https://good.example)` to `](https://evil.example)`; the original is kept']
    })
  })

  it('XLIFF 2.0: <pc>, <sc>/<ec> (by startRef or id), <ph>, <cp> in text and in <data>, markers and <mrk>', () => {
    const data = '<data id="d1">**</data><data id="d2">**</data>'
    expect(read(unit20('<segment state="translated"><source><pc id="1" dataRefStart="d1" dataRefEnd="d2">A</pc></source><target><pc id="1" dataRefStart="d1" dataRefEnd="d2">B</pc></target></segment>', data))).toEqual({unit: ['**A**', '**B**', 'translated'], messages: []})
    expect(
      read(unit20('<segment><source><sc id="1" dataRef="d1"/>A<ec startRef="1" dataRef="d2"/> <ph id="2" dataRef="d3"/></source><target><sc id="1" dataRef="d1"/>B<ec startRef="1" dataRef="d2"/> <ph id="2" dataRef="d3"/><cp hex="0001"/><cp hex="ZZ"/><cp hex="110000"/></target></segment>', `${data}<data id="d3">&lt;br/&gt;<cp hex="0002"/></data>`))
    ).toEqual({unit: ['**A** <br/>\u0002', '**B** <br/>\u0002\u0001', 'initial'], messages: []})
    expect(read(unit20('<segment><source><sc id="1" dataRef="d1"/>A<ec id="1" dataRef="d2"/></source><target><sc id="1"/>B<ec id="1"/></target></segment>', data))).toEqual({unit: ['**A**', '**B**', 'initial'], messages: []})
    expect(read(unit20('<segment><source>A<ph id="2" dataRef="nope"/></source><target>B<sm id="m" type="x"/>C<em startRef="m"/><mrk id="k">D</mrk></target></segment>'))).toEqual({
      unit: ['A', 'BCD', 'initial'],
      messages: ['2:161 unknown-code warning: dataRef `nope` does not resolve to a <data> of the unit', '2:161 unknown-code error: Unit `u1`: inline code `2` (standalone) has no native data and is not in the source; it is left out']
    })
  })

  it('XLIFF 2.0: segments and ignorables joined, an ignorable without a target standing for itself, the first segment\'s state', () => {
    expect(read(unit20('<segment state="final"><source>A.</source><target>B.</target></segment><ignorable><source> </source></ignorable><segment state="reviewed"><source>C.</source><target>D.</target></segment><ignorable><source>  </source><target>\t</target></ignorable>'))).toEqual({
      unit: ['A. C.  ', 'B. D.\t', 'final'],
      messages: []
    })
    expect(read(unit20('<ignorable><source> </source></ignorable><segment><source>A.</source></segment>'))).toEqual({unit: [' A.', undefined, 'initial'], messages: []})
  })

  it('XLIFF 2.0: the state of the first <segment> (not of an ignorable before it), a segment without a source or a target, messages at the first source and target', () => {
    const ph = (id: string): string => `<ph id="${id}"/>`
    const segments = `<ignorable><source> </source><target> </target></ignorable><segment state="translated"><source>A${ph('1')}.</source><target>B${ph('2')}.</target></segment><segment><source>C${ph('3')}.</source><target>D${ph('4')}.</target></segment><segment><target>F.</target></segment>`
    const unknown = (id: string, column: number): string => `2:${column} unknown-code error: Unit \`u1\`: inline code \`${id}\` (standalone) has no native data and is not in the source; it is left out`
    // A segment without a source (a tool dropped it) adds nothing to the source.
    expect(read(unit20(segments))).toEqual({unit: [' A.C.', ' B.D.F.', 'translated'], messages: [unknown('1', 163), unknown('3', 163), unknown('2', 181), unknown('4', 181)]})
    // An ignorable without a target stands for itself in the target, before the first target too.
    expect(read(unit20('<ignorable><source> </source></ignorable><segment><source>A.</source><target>B.</target></segment>'))).toEqual({unit: [' A.', ' B.', 'initial'], messages: []})
    // A segment without a target beside one with a target: the sentence half translated (a CAT tool split it) is
    // no translation of the unit; merging "B." alone would drop the rest of the sentence.
    // An ignorable with a target does not make the unit translated; an empty ignorable adds nothing; a first
    // segment without a source (a tool dropped it) is read as the others; a unit without a segment has no target.
    expect(read(unit20('<ignorable><source> </source><target> </target></ignorable><segment><source>A.</source></segment>'))).toEqual({unit: [' A.', undefined, 'initial'], messages: []})
    expect(read(unit20('<segment><source>A.</source><target>B.</target></segment><ignorable/>'))).toEqual({unit: ['A.', 'B.', 'initial'], messages: []})
    expect(read(unit20('<segment><target>F.</target></segment><segment><source>A.</source><target>B.</target></segment>'))).toEqual({unit: ['A.', 'F.B.', 'initial'], messages: []})
    expect(read(unit20('<ignorable><source> </source></ignorable>'))).toEqual({unit: [' ', undefined, undefined], messages: []})
    const partial = '<segment state="translated"><source>A.</source><target>B.</target></segment><ignorable><source> </source></ignorable><segment><source>C.</source></segment>'
    expect(read(unit20(partial))).toEqual({
      unit: ['A. C.', undefined, 'translated'],
      messages: ['2:270 partial-translation warning: Unit `u1` has a segment without a target: its translation is incomplete and not used']
    })
  })

  it('XLIFF 2.0: codes a tool returned without data resolved from the caller\'s table by their kind (<pc>, <sc>/<ec>), codes without an id named by the empty id', () => {
    const codes: InlineCode[] = [
      {id: '1', kind: 'link', type: 'paired', open: '[', close: '](https://a.example)'},
      {id: '2', kind: 'html', type: 'paired', open: '<b>', close: '</b>'}
    ]
    expect(read(unit20('<segment><source><pc id="1">A</pc> <sc id="2"/>B<ec startRef="2"/></source><target><pc id="1">C</pc> <sc id="2"/>D<ec startRef="2"/></target></segment>'), codes)).toEqual({
      unit: ['[A](https://a.example) <b>B</b>', '[C](https://a.example) <b>D</b>', 'initial'],
      messages: []
    })
    const unknown = (type: string): string => `2:161 unknown-code error: Unit \`u1\`: inline code \`\` (${type}) has no native data and is not in the source; it is left out`
    expect(read(unit20('<segment><source>A<ph/><pc>B</pc></source></segment>'))).toEqual({unit: ['AB', undefined, 'initial'], messages: [unknown('standalone'), unknown('open'), unknown('close')]})
  })
})

describe('the reader tells the versions and the structures of XLIFF apart', () => {
  const bare12 = (body: string, attributes = ' xmlns="urn:oasis:names:tc:xliff:document:1.2"'): string => `<xliff version="1.2"${attributes}><file original="a.md"><body>${body}</body></file></xliff>`
  const bare20 = (body: string): string => `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en-US"><file id="f1">${body}</file></xliff>`
  const targets = (text: string): unknown => {
    const read = readTranslations(text)
    return [read.format, [...read.units.entries()].map(([id, unit]) => [id, unit.source, unit.target]), read.messages.map((message) => message.reason)]
  }
  const link = '<bpt id="1" ctype="link">[</bpt>x<ept id="1">](https://a.example)</ept>'

  it('XLIFF 1.2: <it> without data takes its side from pos; units inside <group>; 1.2 without a namespace', () => {
    expect(targets(bare12(`<trans-unit id="u1"><source>${link}</source><target><it id="1" pos="open"/>y<it id="1" pos="close"/></target></trans-unit>`))).toEqual(['xliff12', [['u1', '[x](https://a.example)', '[y](https://a.example)']], []])
    expect(targets(bare12('<group><group><trans-unit id="u1"><source>a</source><target>b</target></trans-unit></group></group>', ''))).toEqual(['xliff12', [['u1', 'a', 'b']], []])
    expect(targets(bare12('<segment><source>a</source></segment>'))).toEqual(['xliff12', [], ['<segment> is XLIFF 2.0, in an XLIFF 1.2 file: its units are not read']])
    // The 1.2 namespace without a version says what it is, as 2.0's does.
    expect(targets('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.md"><body><trans-unit id="u1"><source>a</source><target>b</target></trans-unit></body></file></xliff>')).toEqual(['xliff12', [['u1', 'a', 'b']], []])
  })

  it('XLIFF 1.2: U+ characters separated by any white space, whole tokens only, up to U+10FFFF', () => {
    const char = (value: string): unknown => targets(bare12(`<trans-unit id="u1"><source>a<ph id="1" ctype="x-sxs-char">${value}</ph></source></trans-unit>`))
    expect(char('U+0041 \n U+10FFFF')).toEqual(['xliff12', [['u1', 'aA\u{10FFFF}', undefined]], []])
    // White space around the code points too (a tool that pretty-prints the content).
    expect(char(' U+0041 ')).toEqual(['xliff12', [['u1', 'aA', undefined]], []])
    const unknown = 'Unit `u1`: inline code `1` (standalone) has no native data and is not in the source; it is left out'
    expect(char('xU+0041')).toEqual(['xliff12', [['u1', 'a', undefined]], [unknown]])
    expect(char('U+0041x')).toEqual(['xliff12', [['u1', 'a', undefined]], [unknown]])
  })

  it('XLIFF 2.0: the format named, units inside <group>, elements of other namespaces skipped, <cp> in <data> from U+0000 to U+10FFFF', () => {
    expect(targets(bare20('<group id="g"><unit id="u1"><segment><source>a</source><target>b</target></segment></unit></group><x:unit xmlns:x="urn:other" id="u2"/><x:group xmlns:x="urn:other"><unit id="u3"><segment><source>c</source></segment></unit></x:group>'))).toEqual([
      'xliff20',
      [['u1', 'a', 'b']],
      []
    ])
    // Without a version, the 2.0 namespace says what it is; a file's `original` is the document's path.
    const unversioned = readTranslations('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"><file id="f1" original="docs/a.md"><unit id="u1"><segment><source>a</source></segment></unit></file></xliff>')
    expect([unversioned.format, unversioned.documents.map((document) => document.path), unversioned.messages]).toEqual(['xliff20', ['docs/a.md'], []])
    // An element inline content may not hold is a warning: its text is kept.
    expect(readTranslations(bare20('<unit id="u1"><segment><source>a <b>c</b></source></segment></unit>')).messages.map((message) => [message.ruleId, message.fatal, message.reason])).toEqual([['unknown-element', false, 'Unexpected <b> in <source>: its text is kept']])
    // U+0000 is what the writer gives a NUL (`<cp hex="0000"/>`); a negative code point is none.
    const data = '<originalData><data id="d1"><cp hex="0000"/><cp hex="10FFFF"/><cp hex="-1"/>x</data></originalData>'
    expect(targets(bare20(`<unit id="u1">${data}<segment><source>a<ph id="1" dataRef="d1"/></source></segment></unit>`))).toEqual(['xliff20', [['u1', 'a\u0000\u{10FFFF}x', undefined]], []])
  })
})
