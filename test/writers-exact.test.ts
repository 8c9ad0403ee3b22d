/**
 * The writers' shortcuts against their references, byte for byte:
 * - `jsonOf` (the JSON text, written in pieces of `segmentsPerPiece` segments) equals the native serializer over `jsonDocumentOf(document)` (a segment a line) on every dev-corpus
 *   document and on generated segment-shaped documents with nasty strings (quotes, backslashes, control
 *   characters, lone surrogates, U+2028/2029, emoji) and front matter of every JSON type (dates, -0, NaN, nested);
 * - the scanner's jumps between the characters it acts on give what stepping through every character gives;
 * - `codeSegment`'s scan for a target code's source counterpart (a few codes) gives the ids lists by key give
 *   (many codes), as the specification says: the first source code of the same kind and data not taken yet.
 */
import {readFileSync} from 'node:fs'
import {isDeepStrictEqual} from 'node:util'
import {relative} from 'node:path'
import fc from 'fast-check'
import {beforeAll, describe, expect, it} from 'vitest'
import {parse} from '../src/index.js'
import type {BilingualDocument, Point, Segment, SegmentContext} from '../src/document/types.js'
import {jsonDocumentOf, jsonOf} from '../src/formats/json.js'
import {prepareDocument, type PreparedDocument} from '../src/formats/prepare.js'
import {segmentsPerPiece} from '../src/formats/common.js'
import {codeSegment, tokenize, type CodeToken, type InlineCode} from '../src/inline/index.js'
import {scanTokens} from '../src/inline/tokenize.js'
import {corpusDir, corpusFiles} from './helpers/corpus.js'

/**
 * The reference: the native serializer over the JSON object, whole: the document without its segments
 * indented by two spaces, and in its empty `segments` array each segment as one line of compact JSON.
 */
function reference(prepared: PreparedDocument): string {
  const {segments, ...head} = jsonDocumentOf(prepared)
  const text = JSON.stringify({...head, segments: []}, null, 2)
  if (segments.length === 0) return text + '\n'
  const lines = segments.map((segment) => '    ' + JSON.stringify(segment))
  return text.slice(0, -'[]\n}'.length) + '[\n' + lines.join(',\n') + '\n  ]\n}\n'
}

describe('the dev corpus', () => {
  const documents: BilingualDocument[] = []
  beforeAll(() => {
    for (const file of corpusFiles()) documents.push(parse(readFileSync(file, 'utf8'), {path: relative(corpusDir, file)}))
  })

  it('jsonOf is the native serializer of jsonDocumentOf (a segment a line), byte for byte (and with copySource), and parses back to it', () => {
    expect(documents.length).toBe(661)
    for (const document of documents) {
      for (const options of [{}, {copySource: true}]) {
        const prepared = prepareDocument(document, options)
        const text = jsonOf(prepared)
        if (text !== reference(prepared)) expect.fail(`${document.path} ${JSON.stringify(options)}: JSON text differs from the reference`)
        if (!isDeepStrictEqual(JSON.parse(text), JSON.parse(JSON.stringify(jsonDocumentOf(prepared))))) expect.fail(`${document.path}: JSON does not parse back to its object`)
      }
    }
  })

  it('the scanner jumping between the characters it acts on gives what it gives stepping through every character', () => {
    let texts = 0
    for (const document of documents) {
      for (const segment of document.segments) {
        for (const text of [segment.source, segment.target]) {
          if (JSON.stringify(scanTokens(text)) !== JSON.stringify(scanTokens(text, true))) expect.fail(`${document.path} ${segment.id}: ${JSON.stringify(text)}`)
          texts++
        }
      }
    }
    expect(texts).toBe(2 * 82_412)
  })
})

/** Strings that JSON and XML treat specially, or that are easy to get wrong. */
const nasty = fc.constantFrom(
  '"',
  '\\',
  '\\"',
  '/',
  '\u0000',
  '\u0001',
  '\u001F',
  '\u007F',
  '\b\f\n\r\t',
  '\u2028',
  '\u2029',
  '\uD83D',
  '\uDE00',
  '😀',
  '\uDE00\uD83D',
  '\uFEFF',
  '\uFFFE',
  '中文',
  'é',
  '&amp;',
  '<b>',
  '</b>',
  '**',
  '[a](b "c")',
  '`x`',
  ' ',
  'word'
)
const text = fc.oneof(
  {weight: 3, arbitrary: fc.array(nasty, {maxLength: 8}).map((parts) => parts.join(''))},
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 20})}
)
const number = fc.oneof(fc.integer(), fc.constantFrom(0, -0, 1e21, -1e-7, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER))
const point: fc.Arbitrary<Point> = fc.record({line: number, column: number, offset: number})
const position = fc.record({start: point, end: point})
const context: fc.Arbitrary<SegmentContext> = fc.record(
  {
    kind: fc.constantFrom('heading', 'paragraph', 'listItem', 'tableCell', 'link', 'image', 'html', 'code'),
    block: fc.oneof(fc.constantFrom('paragraph', 'heading', 'tableRow', 'html'), text),
    ancestors: fc.array(fc.oneof(fc.constantFrom('list', 'listItem', 'blockquote', 'table'), text), {maxLength: 4}),
    headingDepth: fc.integer({min: 1, max: 6}),
    table: fc.record({html: fc.boolean(), index: number, row: number, column: number}),
    alert: text,
    link: fc.record({url: text, image: fc.boolean()}),
    listDepth: fc.integer({min: 0, max: 5})
  },
  {requiredKeys: ['kind', 'block', 'ancestors']}
) as fc.Arbitrary<SegmentContext>
/** Front matter data: every JSON type, dates, undefined members, nesting. */
const frontValue = fc.letrec<{value: unknown}>((tie) => ({
  value: fc.oneof(
    {depthSize: 'small'},
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({noInvalidDate: true}),
    fc.array(tie('value'), {maxLength: 3}),
    fc.dictionary(fc.oneof(text, fc.constantFrom('0', '10', '__proto__', 'toString', 'ms.locfileid')), tie('value'), {maxKeys: 4})
  )
})).value
const frontMatter = fc.option(fc.dictionary(fc.oneof(text, fc.constantFrom('ms.openlocfilehash', 'ms.translationtype', 'ms.contentlocale', '2')), frontValue, {maxKeys: 5}))

const segment: fc.Arbitrary<Segment> = fc
  .record({
    id: text,
    prefix: text,
    number: number,
    merged: fc.boolean(),
    source: text,
    target: text,
    context,
    pair: position,
    targetPosition: position,
    sourcePosition: position
  })
  .map(({pair, targetPosition, sourcePosition, ...rest}) => ({
    ...rest,
    sourceId: rest.id,
    markup: {open: '', middle: '', close: ''},
    position: {pair, target: targetPosition, source: sourcePosition}
  }))

const document: fc.Arbitrary<BilingualDocument> = fc
  .record({
    path: fc.option(text, {nil: undefined}),
    source: fc.oneof(fc.constant('en-US'), text),
    target: fc.option(text, {nil: undefined}),
    frontMatter,
    segments: fc.array(segment, {maxLength: 6})
  })
  .map(({path, source, target, frontMatter, segments}) => ({
    path,
    frontMatter: frontMatter === null ? undefined : {raw: '', data: frontMatter, position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}},
    languages: {source, target},
    parts: segments,
    segments,
    messages: [],
    codeBlocks: [],
    blocks: [],
    multiLineCode: [],
    lineEnds: [],
    eol: '\n',
    bom: false
  }))

describe('generated documents (fast-check)', () => {
  it('jsonOf is the native serializer of jsonDocumentOf, byte for byte', () => {
    fc.assert(
      fc.property(document, fc.boolean(), (generated, copySource) => {
        const prepared = prepareDocument(generated, {copySource})
        expect(jsonOf(prepared)).toBe(reference(prepared))
      }),
      {numRuns: 2000}
    )
  })
})

describe('JSON in pieces', () => {
  it('gives the reference text around every batch boundary (`segmentsPerPiece` segments a piece), and with no segment', () => {
    const piece = segmentsPerPiece
    for (const count of [0, 1, piece - 1, piece, piece + 1, 2 * piece, 2 * piece + 1, 1000]) {
      const pairs = Array.from({length: count}, (_, index) => `- <span data-ttu-id="abcde-${index + 100}">Ziel ${index}</span><span class="sxs-lookup"><span data-stu-id="abcde-${index + 100}">Source ${index}</span></span>`)
      const prepared = prepareDocument(parse(`---\nms.contentlocale: de-DE\n---\n# Title\n\n${pairs.join('\n')}\n`), {})
      expect(prepared.segments).toHaveLength(count)
      expect(jsonOf(prepared), `${count} segments`).toBe(reference(prepared))
    }
  })
})

describe('the scanner and the coder (fast-check)', () => {
  const pieces = fc.constantFrom(
    '*', '**', '_', '__', '~', '~~', '`', '[', ']', '](', ')', '![', '<', '</', '<b>', '</b>', '<br/>', '&amp;', '&', '\\', '\\*', '\\\n',
    'https://x.y', 'HTTP://', 'www.a.b', 'WwW.', 'h', 'w', 'the', 'with', '://', ' ', '\n', '\r', '\t', 'a', '中', '😀', '\uD83D', '\uDE00',
    '\u0001', '\uFFFE', '!', '![a](b)', '[a](b "t")', '!![x](y)', '<https://a.b>', '<a@b.c>', '<!-- c -->', '&#123;', '*a*', '__b__', ' www.a.b/c) '
  )
  const markdownish = fc.array(pieces, {maxLength: 40}).map((parts) => parts.join(''))

  it('jumping between the characters the scanner acts on gives what stepping through every character gives', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({unit: 'binary', maxLength: 60})), (text) => {
        expect(scanTokens(text)).toEqual(scanTokens(text, true))
      }),
      {numRuns: 5000}
    )
  })

  /** The specification of the ids, with lists by key: each target code takes the first source code of its key not taken. */
  function expectedCodes(source: string, target: string): {codes: InlineCode[]; targetIds: string[]} {
    const key = (token: CodeToken, close: string | undefined): string => (close === undefined ? `${token.kind}\u0000${token.data}` : `${token.kind}\u0000${token.data}\u0000${close}`)
    const codesOf = (tokens: ReturnType<typeof tokenize>): Array<{kind: CodeToken['kind']; open: string; close: string | undefined; key: string}> => {
      const out: Array<{kind: CodeToken['kind']; open: string; close: string | undefined; key: string}> = []
      tokens.forEach((token) => {
        if (token.type === 'standalone') out.push({kind: token.kind, open: token.data, close: undefined, key: key(token, undefined)})
        else if (token.type === 'open') {
          const close = tokens.find((other) => other.type === 'close' && other.pair === token.pair) as CodeToken
          out.push({kind: token.kind, open: token.data, close: close.data, key: key(token, close.data)})
        }
      })
      return out
    }
    const codes: InlineCode[] = []
    const byKey = new Map<string, string[]>()
    let next = 1
    const toCode = (id: string, unit: {kind: CodeToken['kind']; open: string; close: string | undefined}): InlineCode =>
      unit.close === undefined ? {id, kind: unit.kind, type: 'standalone', data: unit.open} : {id, kind: unit.kind, type: 'paired', open: unit.open, close: unit.close}
    for (const unit of codesOf(tokenize(source))) {
      const id = String(next++)
      codes.push(toCode(id, unit))
      byKey.set(unit.key, [...(byKey.get(unit.key) ?? []), id])
    }
    const targetIds: string[] = []
    for (const unit of codesOf(tokenize(target))) {
      let id = byKey.get(unit.key)?.shift()
      if (id === undefined) {
        id = String(next++)
        codes.push(toCode(id, unit))
      }
      targetIds.push(id)
    }
    return {codes, targetIds}
  }

  it('code ids: a scan for a few source codes and lists by key for many give the same ids', () => {
    const code = fc.constantFrom('**a**', '*b*', '`c`', '[d](e)', '<br/>', '&amp;', '\\*', '<i>f</i>', '~~g~~', '![h](i)')
    const many = fc.array(fc.oneof(code, fc.constant(' x ')), {minLength: 0, maxLength: 60}).map((parts) => parts.join(' '))
    fc.assert(
      fc.property(many, many, (source, target) => {
        const coded = codeSegment(source, target)
        const expected = expectedCodes(source, target)
        expect(coded.codes).toEqual(expected.codes)
        // Each target code (a pair where it opens) has the id the matching gives it.
        const targetIds = coded.target.flatMap((part) => (typeof part !== 'string' && part.type !== 'close' ? [part.id] : []))
        expect(targetIds).toEqual(expected.targetIds)
      }),
      {numRuns: 1500}
    )
  })
})
