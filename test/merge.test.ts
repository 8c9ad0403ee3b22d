/**
 * merge on fixtures: each `test/fixtures/merge/<case>/` holds `case.json` (the units, options, and the
 * input document when it is shared), and the expected `output.md` and `messages.txt` beside it.
 * `UPDATE=1 npx vitest run test/merge.test.ts` regenerates the expected outputs.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {parse} from '../src/document/parse.js'
import {print} from '../src/document/print.js'
import {merge, type MergeOptions, type TranslationUnit} from '../src/merge/index.js'
import {structureProblems} from '../src/merge/structure.js'
import type {Segment} from '../src/document/types.js'
import {expectGolden} from './helpers/golden.js'

const fixtures = fileURLToPath(new URL('fixtures/merge', import.meta.url))

interface Case {
  description: string
  input?: string
  options?: MergeOptions
  /** A unit without `source` gets the document's source (the usual case: the translation is current). */
  units: Record<string, TranslationUnit>
}

export function formatMessages(messages: VFileMessage[]): string {
  return messages
    .map((message) => `${message.line}:${message.column}  ${message.fatal ? 'error' : 'warning'}  ${message.reason}  ${message.ruleId}\n`)
    .join('')
}

function unitsFor(text: string, units: Record<string, TranslationUnit>): Map<string, TranslationUnit> {
  const document = parse(text)
  const sources = new Map(document.segments.map((segment) => [segment.id, segment.source]))
  return new Map(Object.entries(units).map(([id, unit]) => [id, 'source' in unit ? unit : {...unit, source: sources.get(id)}]))
}


/** The fixture cases, named here so that a lost or renamed folder fails instead of running fewer cases. */
const fixtureCases = ['allow-stale', 'codes', 'reference-excerpt', 'stale-source', 'structure-guards', 'units']

describe('merge fixtures', () => {
  it('has every case folder, each with its case.json', () => {
    expect(readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'case.json'))).sort()).toEqual(fixtureCases)
  })

  for (const name of fixtureCases) {
    const folder = join(fixtures, name)
    if (!existsSync(join(folder, 'case.json'))) continue
    const spec = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as Case
    it(`${name}: ${spec.description}`, () => {
      const input = readFileSync(join(folder, spec.input ?? 'input.md'), 'utf8')
      const document = parse(input, {path: 'input.md'})
      const result = merge(document, unitsFor(input, spec.units), spec.options)
      expect(print(result.document)).toBe(result.text)
      expectGolden(join(folder, 'output.md'), result.text)
      // The tallies and `changed` too: a unit refused, kept or merged shows in them when no message does.
      expectGolden(join(folder, 'messages.txt'), formatMessages(result.messages) + `changed: ${result.changed}, ${JSON.stringify(result.statistics)}\n`)
    })
  }
})

describe('merge keeps the bytes around the targets', () => {
  const folder = join(fixtures, 'reference-excerpt')
  const input = readFileSync(join(folder, 'input.md'), 'utf8')
  const spec = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as Case
  const edits = {...spec.units, '90f5f-137': {target: '登入\nMicrosoft 365 系統管理中心。'}}

  it('gives the identical file back when every unit carries the document’s own target', () => {
    const reference = readFileSync(fileURLToPath(new URL('../source-docs/help-and-support-for-eop.md', import.meta.url)), 'utf8')
    const document = parse(reference)
    const units = new Map(document.segments.map((segment) => [segment.id, {source: segment.source, target: segment.target}]))
    const result = merge(document, units)
    expect(result.text).toBe(reference)
    expect(result.messages).toEqual([])
    expect(result.changed).toBe(false)
    expect(result.statistics).toMatchObject({merged: 0, unchanged: document.segments.length, refused: 0})
  })

  it('keeps mixed line endings of targets that did not change, even when the translation file lost its CRs', () => {
    const mixed = input.replace(/\n/g, '\r\n').replace('登入 Microsoft 365 系統管理中心。', '登入\nMicrosoft 365\r\n系統管理中心。')
    const lf = mixed.replace(/\r\n/g, '\n')
    const document = parse(mixed)
    const units = new Map(parse(lf).segments.map((segment) => [segment.id, {source: segment.source, target: segment.target}]))
    const result = merge(document, units)
    expect(result.messages).toEqual([])
    expect(result.text).toBe(mixed)
    expect(result.changed).toBe(false)
  })

  it('keeps CRLF line endings, a BOM and a missing final newline (and writes line breaks of targets as CRLF)', () => {
    const lf = merge(parse(input), unitsFor(input, edits)).text
    const crlfInput = '\uFEFF' + input.replace(/\n/g, '\r\n').replace(/\r\n$/, '')
    // The translation file came through XML: its sources and targets have LF only.
    const result = merge(parse(crlfInput), unitsFor(input, edits))
    expect(result.messages).toEqual([])
    expect(result.text).toBe('\uFEFF' + lf.replace(/\n/g, '\r\n').replace(/\r\n$/, ''))
  })
})

describe('structure guards judge the new target against the one the document has', () => {
  // Segments of the reference excerpt: a paragraph (90f5f-104, `**適用於**`) and a table cell (90f5f-146).
  const excerpt = parse(readFileSync(join(fixtures, 'reference-excerpt', 'input.md'), 'utf8'))
  const segment = (id: string, target?: string): Segment => {
    const found = excerpt.segments.find((candidate) => candidate.id === id)!
    return target === undefined ? found : {...found, target}
  }
  const problems = (of: Segment, target: string): string[] => structureProblems(of, target).map((problem) => `${problem.ruleId}: ${problem.reason}`)
  const closesEarly = 'unbalanced-span: the target has a `</span>` without its `<span>`: it would close the pair early'
  const swallows = 'unbalanced-span: the target has a `<span>` without its `</span>`: it would swallow the rest of the pair'
  const blank = 'blank-line: an empty line would end the paragraph (and the pair) in the middle'
  const pipe = 'pair-split-across-cells: an unescaped `|` in a table cell would split the cell (write `\\|`)'
  const backslash = 'trailing-backslash: a backslash at the end would escape the `<` of the closing `</span>`'

  it('counts <span> tags, quoted attributes and all, and not a self-closing one', () => {
    const paragraph = segment('90f5f-104')
    expect(problems(paragraph, '**適用於** <span class="x">a</span>')).toEqual([])
    expect(problems(paragraph, '**適用於** <span/> <span />')).toEqual([])
    expect(problems(paragraph, '**適用於** <span title="a>b">')).toEqual([swallows])
    expect(problems(paragraph, "**適用於** <span title='a>b'>")).toEqual([swallows])
    expect(problems(paragraph, '**適用於** </span><span>')).toEqual([closesEarly])
  })

  it('reports an imbalance only when the target changes it', () => {
    expect(problems(segment('90f5f-104', 'a <span>'), 'b <span>')).toEqual([])
    expect(problems(segment('90f5f-104', 'a <span>'), 'b')).toEqual([])
    expect(problems(segment('90f5f-104', 'a </span>'), 'b </span><span>')).toEqual([closesEarly])
    expect(problems(segment('90f5f-104', 'a <span>'), 'b </span><span><span>')).toEqual([closesEarly])
  })

  it('finds an empty line however it is written, and only a new one', () => {
    const paragraph = segment('90f5f-104')
    for (const target of ['a\n\nb', 'a\n \t \nb', 'a\r\rb', 'a\r\n\r\nb', 'a\r\n \r\nb']) expect(problems(paragraph, target), JSON.stringify(target)).toEqual([blank])
    for (const target of ['a\nb', 'a\r\nb', 'a\rb', 'a\n \tb']) expect(problems(paragraph, target), JSON.stringify(target)).toEqual([])
    expect(problems(segment('90f5f-104', 'a\n\nb'), 'c\n\nd')).toEqual([])
  })

  it('takes a `|` after an odd number of backslashes as escaped, after an even number as a cell border', () => {
    const cell = segment('90f5f-146')
    expect(problems(cell, '購買前 \\| 帳務問題')).toEqual([])
    expect(problems(cell, '購買前 \\\\\\| 帳務問題')).toEqual([])
    expect(problems(cell, '購買前 \\\\| 帳務問題')).toEqual([pipe])
    expect(problems(cell, '購買前 | 帳務問題')).toEqual([pipe])
  })

  it('refuses an odd number of backslashes at the very end only', () => {
    const paragraph = segment('90f5f-104')
    expect(problems(paragraph, '**適用於** \\')).toEqual([backslash])
    expect(problems(paragraph, '**適用於** \\\\\\')).toEqual([backslash])
    expect(problems(paragraph, '**適用於** \\\\')).toEqual([])
    expect(problems(paragraph, '**適用於** \\ 等')).toEqual([])
    expect(problems(segment('90f5f-104', 'a \\'), 'b \\')).toEqual([])
  })

  it('refuses text in the target of a pair with no source unless its target already has text; tags and &nbsp; are no text', () => {
    const anchorText = '## <span data-ttu-id="1ce8c-107"><a name="steps"> </a></span><span class="sxs-lookup"><span data-stu-id="1ce8c-107"></span></span>Steps\n'
    const anchor = parse(anchorText).segments[0]!
    const emptySource = 'empty-source: the source is empty: a target with text would translate nothing'
    expect(problems(anchor, '<a name="steps">&nbsp;&#160;</a>')).toEqual([])
    expect(problems(anchor, '<a name="steps">步驟</a>')).toEqual([emptySource])
    expect(problems({...anchor, source: ' '}, '<a name="steps">步驟</a>')).toEqual([emptySource])
    expect(problems({...anchor, target: '<a name="steps">Steps</a>'}, '<a name="steps">步驟</a>')).toEqual([])
  })
})
