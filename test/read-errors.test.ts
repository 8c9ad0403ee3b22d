/**
 * Translation files that read as nothing are errors with a place, not an empty read that merge takes for
 * "0 merged" with exit 0 (issue 18): XLIFF 2.0 without its namespace or under 1.2's, 2.0 elements in a 1.2
 * file, a JSON empty array, a segment that is not an object, fields of the wrong type. Built from the
 * reference document's own files, edited as a careless tool or hand would.
 */
import {reasonWithRelated} from '../src/document/messages.js'
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {parse} from '../src/document/parse.js'
import {readTranslations, writeJson, writeXliff12, writeXliff20} from '../src/formats/index.js'
import {recordingIo} from './helpers/io.js'

const referencePath = fileURLToPath(new URL('../source-docs/help-and-support-for-eop.md', import.meta.url))
const referenceText = readFileSync(referencePath, 'utf8')
const reference = parse(referenceText, {path: 'help-and-support-for-eop.md'})
const xliff12 = writeXliff12(reference)
const xliff20 = writeXliff20(reference)
const json = writeJson(reference)
const work = mkdtempSync(join(tmpdir(), 'sxs-read-errors-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

function edit(text: string, from: string | RegExp, to: string): string {
  const edited = text.replace(from, to)
  expect(edited).not.toBe(text)
  return edited
}

/**
 * The messages as `line:column rule severity: reason`, and how many units were read. An XML element's
 * place is where the XML reader puts it (the end of its start tag, today): `element` writes it `line:*`.
 */
function read(text: string, {element = false} = {}): {messages: string[]; units: number} {
  const result = readTranslations(text, {path: 't'})
  return {messages: result.messages.map((message) => `${message.line}:${element ? '*' : message.column} ${message.ruleId} ${message.fatal ? 'error' : 'warning'}: ${message.reason}`), units: result.units.size}
}

describe('XLIFF whose namespace and version disagree', () => {
  it('2.0 without its namespace', () => {
    expect(read(edit(xliff20, ' xmlns="urn:oasis:names:tc:xliff:document:2.0"', ''), {element: true})).toEqual({
      messages: ['2:* translations-format error: XLIFF 2.0 needs the namespace urn:oasis:names:tc:xliff:document:2.0, and this <xliff> has no namespace: no unit could be read'],
      units: 0
    })
  })

  it('2.0 content under the 1.2 namespace', () => {
    expect(read(edit(xliff20, 'xmlns="urn:oasis:names:tc:xliff:document:2.0"', 'xmlns="urn:oasis:names:tc:xliff:document:1.2"'), {element: true})).toEqual({
      messages: [
        '2:* translations-format error: XLIFF 2.0 needs the namespace urn:oasis:names:tc:xliff:document:2.0, and this <xliff> has the namespace urn:oasis:names:tc:xliff:document:1.2: no unit could be read'
      ],
      units: 0
    })
    const labelled12 = read(edit(edit(xliff20, 'xmlns="urn:oasis:names:tc:xliff:document:2.0"', 'xmlns="urn:oasis:names:tc:xliff:document:1.2"'), 'version="2.0"', 'version="1.2"'))
    expect(labelled12.units).toBe(0)
    expect(labelled12.messages[0]).toMatch(/^\d+:\d+ translations-format error: <unit> is XLIFF 2\.0, in an XLIFF 1\.2 file: its units are not read$/)
    expect(labelled12.messages).toHaveLength(76)
  })

  it('the 2.0 namespace on a 1.2 file', () => {
    expect(read(edit(xliff12, 'xmlns="urn:oasis:names:tc:xliff:document:1.2"', 'xmlns="urn:oasis:names:tc:xliff:document:2.0"'), {element: true}).messages).toEqual([
      '2:* translations-format error: <xliff version="1.2"> in the XLIFF 2.0 namespace: give version="2.0", or the XLIFF 1.2 namespace urn:oasis:names:tc:xliff:document:1.2'
    ])
  })

  it('what extract writes still reads in full', () => {
    expect(read(xliff12)).toEqual({messages: [], units: 76})
    expect(read(xliff20)).toEqual({messages: [], units: 76})
    expect(read(json)).toEqual({messages: [], units: 76})
  })
})

describe('JSON that reads as nothing, or as something else', () => {
  it('an empty array, a segment that is null or a number', () => {
    expect(read('[]\n')).toEqual({messages: ['1:1 translations-format error: The JSON holds no document (an empty array): nothing to merge'], units: 0})
    expect(read('{"version": 2, "segments": [null, 42]}')).toEqual({
      messages: ['1:29 json-type error: Segment 1 is null, not an object: it is not read', '1:35 json-type error: Segment 2 is a number, not an object: it is not read'],
      units: 0
    })
  })

  it('a target that is a number, an array or an object; a source that is a number; an id that is a number', () => {
    const lines = json.split('\n')
    const first = lines.findIndex((line) => line.includes('"id":"90f5f-103"'))
    const at = (line: number, text: string): number => lines[line]!.indexOf(text) + 1
    const edited = [...lines]
    edited[first] = edit(lines[first]!, '"target":"EOP 的說明和支援"', '"target":3')
    edited[first + 1] = edit(lines[first + 1]!, /"target":"[^"]*"/, '"target":["a"]')
    edited[first + 2] = edit(lines[first + 2]!, /"target":"[^"]*"/, '"target":{"text":"a"}')
    edited[first + 3] = edit(lines[first + 3]!, /"source":"[^"]*"/, '"source":7')
    edited[first + 4] = edit(lines[first + 4]!, /"id":"[^"]*"/, '"id":106')
    expect(read(edited.join('\n'))).toEqual({
      messages: [
        `${first + 1}:${at(first, '"target"')} json-type error: Unit \`90f5f-103\`: \`target\` is a number, not a string: the unit is not read`,
        `${first + 2}:${at(first + 1, '"target"')} json-type error: Unit \`90f5f-104\`: \`target\` is an array, not a string: the unit is not read`,
        `${first + 3}:${at(first + 2, '"target"')} json-type error: Unit \`90f5f-105\`: \`target\` is an object, not a string: the unit is not read`,
        `${first + 4}:${at(first + 3, '"source"')} json-type error: Unit \`90f5f-106\`: \`source\` is a number, not a string: the unit is not read`,
        // The place is searched by the id, which is not there: the previous unit's.
        `${first + 4}:${at(first + 3, '"90f5f-106"') + 1} json-type error: Segment 5: its \`id\` is a number, not a string: it is not read`
      ],
      units: 71
    })
  })
})

describe('merge', () => {
  it('refuses such a file with its place, exit 1, the document untouched', async () => {
    const doc = join(work, 'help-and-support-for-eop.md')
    copyFileSync(referencePath, doc)
    const translations = join(work, 'help.xlf')
    writeFileSync(translations, edit(xliff20, ' xmlns="urn:oasis:names:tc:xliff:document:2.0"', ''))
    const io = recordingIo(work)
    expect(await main(['merge', '--doc', doc, '--translations', translations], io)).toBe(1)
    expect(io.err.replace(/^help\.xlf:2:\d+:/, 'help.xlf:2:*:')).toBe(
      'help.xlf:2:*: error: XLIFF 2.0 needs the namespace urn:oasis:names:tc:xliff:document:2.0, and this <xliff> has no namespace: no unit could be read  [translations-format]\n' +
        'help-and-support-for-eop.md: not written: the translations could not be read\n'
    )
    expect(readFileSync(doc, 'utf8')).toBe(referenceText)
  })
})

describe('every message of the reader in full: place, rule, severity, reason', () => {
  const full = (text: string): string[] => readTranslations(text, {path: 't'}).messages.map((message) => `${message.file} ${message.line}:${message.column} ${message.ruleId} ${message.fatal ? 'error' : 'warning'}: ${reasonWithRelated(message)}`)

  it('a file that is empty, blank or only a BOM, or in no format it knows', () => {
    for (const text of ['', ' \n\t', '\uFEFF']) expect(full(text), JSON.stringify(text)).toEqual(['t 1:1 translations-empty error: The translation file is empty'])
    expect(full('  hello')).toEqual(['t 1:3 translations-format error: Not a translation file: expected XLIFF 1.2, XLIFF 2.0, sxs JSON or gettext PO'])
    // After a BOM, at the same character of the file (the BOM is its first column).
    expect(full('\uFEFF  hello')).toEqual(['t 1:4 translations-format error: Not a translation file: expected XLIFF 1.2, XLIFF 2.0, sxs JSON or gettext PO'])
    expect(readTranslations('  hello').messages[0]!.file).toBe('')
  })

  it('XML that is not XLIFF, or XLIFF of a version it does not read; 1.1 reads as 1.2', () => {
    expect(full('<html/>')).toEqual(['t 1:8 translations-format error: Not XLIFF: the root element is <html>'])
    expect(full('<xliff version="3.0"/>')).toEqual(['t 1:23 translations-format error: Unsupported XLIFF version `3.0`'])
    expect(full('<xliff/>')).toEqual(['t 1:9 translations-format error: Unsupported XLIFF version `?`'])
    const v11 = readTranslations(edit(edit(xliff12, 'version="1.2"', 'version="1.1"'), ' xmlns="urn:oasis:names:tc:xliff:document:1.2"', ''))
    expect([v11.format, v11.units.size, v11.messages]).toEqual(['xliff12', 76, []])
  })

  it('units without an id, and a repeated id (the first wins)', () => {
    expect(full(edit(xliff12, '<trans-unit id="90f5f-103"', '<trans-unit'))).toEqual(['t 14:37 unit-id error: A <trans-unit> without an id is ignored'])
    expect(full(edit(xliff20, '<unit id="90f5f-103"', '<unit'))).toEqual(['t 14:49 unit-id error: A <unit> without an id is ignored'])
    const repeated = edit(xliff12, '<trans-unit id="90f5f-104"', '<trans-unit id="90f5f-103"')
    expect(full(repeated)).toEqual(['t 24:52 duplicate-unit error: Duplicate unit id `90f5f-103`: the first one is used (the unit used: line 14, column 52)'])
    expect(readTranslations(repeated).units.get('90f5f-103')!.source).toBe('Help and support for EOP')
  })

  it('PO told by a first `msg` keyword as well as by a comment', () => {
    const po = readTranslations('msgctxt "a-1"\nmsgid "A"\nmsgstr "B"\n')
    expect([po.format, [...po.units.entries()].map(([id, unit]) => [id, unit.source, unit.target])]).toEqual(['po', [['a-1', 'A', 'B']]])
  })

  it('JSON: no segments, segments without an id or of the wrong type, fields of the wrong type, a version it does not read', () => {
    expect(full('{"version": 2, "segment": []}')).toEqual(['t 1:1 translations-format error: Not an sxs JSON document: no `segments` array'])
    expect(full('{"version": 2, "segments": {}}')).toEqual(['t 1:16 translations-format error: Not an sxs JSON document: no `segments` array'])
    expect(full('{"version": "2", "segments": []}')).toEqual(['t 1:2 translations-format error: Unsupported sxs JSON version `"2"`: this sxs reads versions 1 and 2'])
    expect(full('{"version": 2, "segments": [{"source": "a", "target": "b"}]}')).toEqual(['t 1:16 unit-id error: A segment without `id` is ignored'])
    expect(full('{"version": 2, "segments": [{"id": 5, "source": "a", "target": "b"}]}')).toEqual(['t 1:16 json-type error: Segment 1: its `id` is a number, not a string: it is not read'])
    expect(full('{"version": 2, "segments": [{"id": "x", "unit": 5, "source": "a", "target": "b"}]}')).toEqual(['t 1:16 json-type error: Segment 1: its `unit` is a number, not a string: it is not read'])
    expect(full('{"version": 2, "segments": [{"id": "x", "source": 1, "target": ["b"], "state": true, "codes": {}, "sourceCoded": "s"}]}')).toEqual([
      't 1:41 json-type error: Unit `x`: `source` is a number, not a string: the unit is not read',
      't 1:54 json-type error: Unit `x`: `target` is an array, not a string: the unit is not read',
      't 1:71 json-type error: Unit `x`: `state` is a boolean, not a string: the unit is not read',
      't 1:99 json-type error: Unit `x`: `sourceCoded` is a string, not an array: the unit is not read',
      't 1:86 json-type error: Unit `x`: `codes` is an object, not an array: the unit is not read'
    ])
    expect(full('{"version": 2, "segments": [{"id": "x", "target": "b"}, {"id": "x", "target": "c"}]}')).toEqual(['t 1:64 duplicate-unit error: Duplicate unit id `x`: the first one is used (the unit used: line 1, column 36)'])
  })

  it('JSON as a hand or another tool writes it: no version, null fields, a path that is no string, codes holding a null, coded fields of the wrong type', () => {
    const units = (text: string): unknown => readTranslations(text).documents.map((document) => [document.path, [...document.units].map(([id, unit]) => [id, unit.source, unit.target, unit.state])])
    expect(units('{"segments": [{"id": "x", "source": "a", "target": "b", "state": "translated"}]}')).toEqual([[undefined, [['x', 'a', 'b', 'translated']]]])
    expect(units('{"version": 2, "path": 5, "segments": [{"id": "x", "source": "a", "target": null, "state": null}]}')).toEqual([[undefined, [['x', 'a', undefined, undefined]]]])
    expect(units('{"version": 2, "segments": [{"id": "x", "sourceCoded": ["a", {"type": "standalone", "id": "1"}], "codes": [null, {"id": "1", "kind": "html", "type": "standalone", "data": "<br/>"}]}]}')).toEqual([
      [undefined, [['x', 'a<br/>', undefined, undefined]]]
    ])
    expect(full('{"version": 2, "segments": [{"id": "x", "source": "a", "targetCoded": "t"}]}')).toEqual(['t 1:56 json-type error: Unit `x`: `targetCoded` is a string, not an array: the unit is not read'])
  })

  it('JSON: each segment that is no object at its own place, one not found where the search stands; a non-document before a document at the start', () => {
    // `1e2` is written otherwise than JSON.stringify gives it: not found, it is placed after the segment before it.
    expect(full('{"version": 2, "segments": [null, null, 1e2, null]}')).toEqual([
      't 1:29 json-type error: Segment 1 is null, not an object: it is not read',
      't 1:35 json-type error: Segment 2 is null, not an object: it is not read',
      't 1:36 json-type error: Segment 3 is a number, not an object: it is not read',
      't 1:46 json-type error: Segment 4 is null, not an object: it is not read'
    ])
    expect(full('[5, {"version": 2, "segments": []}]')).toEqual(['t 1:1 translations-format error: Not an sxs JSON document: no `segments` array'])
    expect(full('\n[]\n')).toEqual(['t 2:1 translations-format error: The JSON holds no document (an empty array): nothing to merge'])
  })

  it('JSON of several documents: each read with its path, a non-document among them reported', () => {
    const read = readTranslations('[{"version": 2, "path": "a.md", "segments": [{"id": "x", "target": "b"}]}, {"version": 1, "path": "b.md", "segments": [{"id": "x", "target": "c"}]}, 5]', {path: 't'})
    expect(read.documents.map((document) => [document.path, [...document.units.values()].map((unit) => unit.target)])).toEqual([['a.md', ['b']], ['b.md', ['c']]])
    expect(read.units.get('x')!.target).toBe('b')
    expect(read.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual(['1:128 Not an sxs JSON document: no `segments` array'])
  })

  it('JSON that ends early or is malformed, at the place JSON.parse names (after a BOM too)', () => {
    expect(full('{"version": 2, "segments": [')).toEqual(['t 1:29 json-truncated error: The JSON ends early: is it truncated? (Unexpected end of JSON input)'])
    // The rest of the reason is V8's own wording.
    expect(full('{"version": 2, "segments": [}]}')).toEqual([expect.stringMatching(/^t 1:29 json-malformed error: Malformed JSON: Unexpected token '}'/)])
    expect(full('{"version": 2 "segments": []}')).toEqual([expect.stringMatching(/^t 1:15 json-malformed error: Malformed JSON: .*position 14/)])
    expect(full('\uFEFF{"version": 2 "segments": []}')).toEqual([expect.stringMatching(/^t 1:16 json-malformed error: Malformed JSON: .*position 14/)])
    // A text short enough for V8 to quote whole (no `...`), the token at its second character.
    expect(full('[}]')).toEqual(['t 1:2 json-malformed error: Malformed JSON: Unexpected token \'}\', "[}]" is not valid JSON'])
    // A no-break space (pasted by hand) is no JSON white space: V8 names it as the token.
    expect(full('[\u00A0]')).toEqual(['t 1:2 json-malformed error: Malformed JSON: Unexpected token \'\u00A0\', "[\u00A0]" is not valid JSON'])
  })
})
