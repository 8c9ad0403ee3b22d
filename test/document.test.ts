/**
 * The document model on small real excerpts: one fixture folder per hard case, `input.md` copied from the
 * corpus file named in `SOURCE`, `expected.json` the whole parse (segments and messages) as the spec.
 * `UPDATE=1` regenerates the expected outputs; check them by hand before committing them.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {scanPairs} from '../src/document/pairs.js'
import {print} from '../src/document/print.js'
import {pairOffsets, skeletonStart, withTargets} from '../src/document/layout.js'
import {findReferencePairs} from '../src/document/reference.js'
import type {BilingualDocument, Point, Position, Segment} from '../src/document/types.js'
import {corpusDir} from './helpers/corpus.js'

const fixtures = new URL('./fixtures/document/', import.meta.url)
const update = process.env['UPDATE'] === '1'
const cases = readdirSync(fixtures, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

function point(place: Point): string {
  return `${place.line}:${place.column}`
}

/** `line:column-line:column (startOffset-endOffset)`: compact enough to check by hand. */
function place(position: Position): string {
  return `${point(position.start)}-${point(position.end)} (${position.start.offset}-${position.end.offset})`
}

/** The whole output of a parse, as the expected files hold it. */
function summarize(document: BilingualDocument) {
  return {
    languages: document.languages,
    frontMatter: document.frontMatter ? {data: document.frontMatter.data, position: place(document.frontMatter.position)} : null,
    segments: document.segments.map((segment) => ({
      id: segment.id,
      ...(segment.sourceId === segment.id ? {} : {sourceId: segment.sourceId}),
      target: segment.target,
      source: segment.source,
      context: segment.context,
      position: {pair: place(segment.position.pair), target: place(segment.position.target), source: place(segment.position.source)}
    })),
    messages: document.messages.map((message) => ({
      ruleId: message.ruleId,
      fatal: message.fatal,
      place: message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}-${message.place.end.line}:${message.place.end.column}` : `${message.line}:${message.column}`,
      reason: message.reason
    }))
  }
}

/** Offsets point at the texts, and line/column agree with the offsets. */
function expectPositionsAgree(text: string, document: BilingualDocument): void {
  const lineStarts = [0]
  for (const lineBreak of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(lineBreak.index + lineBreak[0].length)
  const check = (at: Point) => {
    expect(lineStarts[at.line - 1]! + at.column - 1, `point ${at.line}:${at.column}`).toBe(at.offset)
  }
  for (const segment of document.segments) {
    const {target, source, pair} = segment.position
    expect(text.slice(target.start.offset, target.end.offset)).toBe(segment.target)
    expect(text.slice(source.start.offset, source.end.offset)).toBe(segment.source)
    expect(text.slice(pair.start.offset, pair.end.offset)).toBe(print({...document, parts: [segment]}))
    for (const at of [target.start, target.end, source.start, source.end, pair.start, pair.end]) check(at)
  }
}

/** Pairs the reference cannot see (see corpus.test.ts): a pair that crosses table rows, unbalanced spans that parse5 repairs. */
const referenceCannotSee: Record<string, string[]> = {
  'line-break-in-table-row': ['ec821-126'],
  'stray-closing-span-in-target': ['28002-152'],
  'unclosed-span-in-target': ['4deff-234', '4deff-245']
}

describe('document fixtures', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(20)
  })

  for (const name of cases) {
    describe(name, () => {
      const folder = new URL(`${name}/`, fixtures)
      const input = readFileSync(new URL('input.md', folder), 'utf8')
      const document = parse(input)

      it('gives the expected segments and messages', () => {
        // The excerpt is the cited lines of the corpus file, byte for byte.
        const [, path, from, to] = /^(\S+\.md) lines (\d+)-(\d+)\n$/.exec(readFileSync(new URL('SOURCE', folder), 'utf8')) ?? []
        expect(path).toBeDefined()
        const lines = readFileSync(join(corpusDir, path!), 'utf8').split(/(?<=\n)/)
        expect(lines.slice(Number(from) - 1, Number(to)).join('')).toBe(input)
        const actual = summarize(document)
        const expectedFile = new URL('expected.json', folder)
        if (update) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`)
        // A new case has no expected output until someone regenerates it with UPDATE=1 and reviews it.
        expect(existsSync(expectedFile), `${expectedFile.pathname} is missing: run with UPDATE=1 and review it`).toBe(true)
        expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')))
      })

      it('round-trips byte for byte, with positions that point at the texts', () => {
        expect(print(document)).toBe(input)
        expectPositionsAgree(input, document)
      })

      it('agrees with the rehype reference (LF, CRLF + BOM, CR line endings)', () => {
        for (const text of [input, '\uFEFF' + input.replace(/\n/g, '\r\n'), input.replace(/\n/g, '\r')]) {
          const reference = new Map(findReferencePairs(text).pairs.map((pair) => [pair.pairStart, pair]))
          const scanned = scanPairs(text).pairs
          const fields = ['id', 'sourceId', 'targetStart', 'targetEnd', 'sourceStart', 'sourceEnd', 'pairEnd'] as const
          const differ = scanned.filter((pair) => {
            const other = reference.get(pair.pairStart)
            return !other || fields.some((field) => other[field] !== pair[field])
          })
          const only = [...reference.values()].filter((pair) => !scanned.some((other) => other.pairStart === pair.pairStart))
          expect([...differ, ...only].map((pair) => pair.id)).toEqual(referenceCannotSee[name] ?? [])
        }
      })

      for (const variant of [{name: 'CRLF line endings and a BOM', bom: true, eol: '\r\n'}, {name: 'CR line endings', bom: false, eol: '\r'}]) {
        it(`reads the same with ${variant.name}`, () => {
          const converted = (variant.bom ? '\uFEFF' : '') + input.replace(/\n/g, variant.eol)
          const other = parse(converted)
          expect(print(other)).toBe(converted)
          expect(other.bom).toBe(variant.bom)
          if (input.includes('\n') && variant.eol === '\r\n') expect(other.eol).toBe('\r\n')
          expectPositionsAgree(converted, other)
          // Same segments, contexts, messages and lines; columns move by one on line 1 (a BOM), offsets by the BOM and the CRs before.
          const shift = (at: Point) => ({
            line: at.line,
            column: at.column + (variant.bom && at.line === 1 ? 1 : 0),
            offset: at.offset + (variant.bom ? 1 : 0) + (at.line - 1) * (variant.eol.length - 1)
          })
          const convert = (value: string) => value.replace(/\n/g, variant.eol)
          expect(other.segments.map((segment) => ({
            id: segment.id,
            target: segment.target,
            source: segment.source,
            context: segment.context,
            target_: segment.position.target,
            source_: segment.position.source
          }))).toEqual(document.segments.map((segment) => ({
            id: segment.id,
            target: convert(segment.target),
            source: convert(segment.source),
            context: segment.context,
            target_: {start: shift(segment.position.target.start), end: shift(segment.position.target.end)},
            source_: {start: shift(segment.position.source.start), end: shift(segment.position.source.end)}
          })))
          expect(other.messages.map((message) => [message.ruleId, message.line])).toEqual(document.messages.map((message) => [message.ruleId, message.line]))
          expect(other.languages).toEqual(document.languages)
          expect(other.frontMatter && {...other.frontMatter, position: place(other.frontMatter.position)}).toEqual(
            document.frontMatter && {
              ...document.frontMatter,
              raw: convert(document.frontMatter.raw),
              position: place({start: shift(document.frontMatter.position.start), end: shift(document.frontMatter.position.end)})
            }
          )
          if (other.frontMatter) expect(converted.slice(other.frontMatter.position.start.offset, other.frontMatter.position.end.offset)).toBe(other.frontMatter.raw)
        })
      }
    })
  }
})

/** Real pair pieces (from help-and-support-for-eop.md, nl-NL) put together into broken inputs. */
/** The line table a document should hold for `text`: the offset after each line break, then the length + 1. */
function lineEndsOf(text: string): number[] {
  return [...[...text.matchAll(/\r\n|\r|\n/g)].map((lineBreak) => lineBreak.index + lineBreak[0].length), text.length + 1]
}

describe('the layout (document/layout.ts): computed once, read everywhere', () => {
  for (const name of cases) {
    const input = readFileSync(new URL(`${name}/input.md`, fixtures), 'utf8')

    it(`${name}: pair offsets and skeleton starts are where print puts them`, () => {
      for (const text of [input, '\uFEFF' + input.replace(/\n/g, '\r\n'), input.replace(/\n/g, '\r')]) {
        const document = parse(text)
        expect(document.lineEnds).toEqual(lineEndsOf(text))
        const pairs = pairOffsets(document)
        document.segments.forEach((segment, index) => {
          expect([pairs[2 * index], pairs[2 * index + 1]]).toEqual([segment.position.pair.start.offset, segment.position.pair.end.offset])
        })
        let offset = 0
        document.parts.forEach((part, index) => {
          if (typeof part === 'string') {
            // Parts alternate skeleton, segment, …, skeleton.
            expect(index % 2).toBe(0)
            expect(skeletonStart(document, index / 2)).toBe(offset)
          }
          offset += print({...document, parts: [part]}).length
        })
      }
    })

    it(`${name}: new targets give a new document laid out as its parse is, the old one untouched`, () => {
      const document = parse(input)
      const before = JSON.stringify(document)
      // Targets longer, shorter, over more lines: every later place moves.
      const targets = new Map<Segment, string>(document.segments.map((segment, index) => [segment, index % 2 === 0 ? `${segment.target}\nmehr Text` : segment.target.slice(1)]))
      const changed = withTargets(document, targets)
      expect(changed.text).toBe(print(changed.document))
      expectPositionsAgree(changed.text, changed.document)
      expect(changed.document.lineEnds).toEqual(lineEndsOf(changed.text))
      expect(changed.document.segments.map((segment) => segment.position)).toEqual(parse(changed.text).segments.map((segment) => segment.position))
      expect(JSON.stringify(document)).toBe(before)
    })
  }

  it('is read-only: editing a parsed document does not compile', () => {
    const document = parse(`<span data-ttu-id="90f5f-101">Hilfe</span><span class="sxs-lookup"><span data-stu-id="90f5f-101">Help</span></span>\n`)
    // Never called: tsc (`npx tsc --noEmit -p .`) checks that each edit below is an error.
    const edits = (): void => {
      // @ts-expect-error a segment's texts are read-only
      document.segments[0]!.target = 'Hilfe!'
      // @ts-expect-error so is its layout
      document.segments[0]!.position.pair.start.offset = 0
      // @ts-expect-error and the lists of the document
      document.parts.push('')
    }
    expect(edits).toBeTypeOf('function')
    expect(document.segments[0]!.target).toBe('Hilfe')
  })
})

describe('bad input', () => {
  const pair = '<span data-ttu-id="90f5f-103">Help en ondersteuning</span><span class="sxs-lookup"><span data-stu-id="90f5f-103">Help and support</span></span>'

  function messagesOf(text: string) {
    return parse(text).messages.map((message) => ({
      ruleId: message.ruleId,
      source: message.source,
      fatal: message.fatal,
      line: message.line,
      column: message.column,
      endLine: message.place && 'end' in message.place ? message.place.end.line : undefined,
      endColumn: message.place && 'end' in message.place ? message.place.end.column : undefined,
      reason: message.reason
    }))
  }

  it('reports a target span that the file ends inside', () => {
    const text = `# ${pair}\n\n<span data-ttu-id="90f5f-104">Help en ondersteuning voor EOP`
    expect(messagesOf(text)).toEqual([
      {ruleId: 'unclosed-span', source: 'sxs', fatal: true, line: 3, column: 1, endLine: 3, endColumn: 31, reason: 'Unclosed target span `90f5f-104`: the file ends before its `</span>`'}
    ])
    expect(parse(text).segments.map((segment) => segment.id)).toEqual(['90f5f-103'])
    expect(print(parse(text))).toBe(text)
  })

  it('reports a source span that the file ends inside', () => {
    const text = `${pair}\n<span data-ttu-id="90f5f-104">Help</span><span class="sxs-lookup"><span data-stu-id="90f5f-104">Help\n`
    expect(messagesOf(text)).toEqual([
      {ruleId: 'unclosed-span', source: 'sxs', fatal: true, line: 2, column: 1, endLine: 2, endColumn: 97, reason: 'Unclosed source span `90f5f-104`: the file ends before its `</span>`'}
    ])
  })

  it('reports a target with no lookup span after it', () => {
    const text = `<span data-ttu-id="90f5f-104">Help en ondersteuning</span> voor EOP\n\n${pair}\n`
    expect(messagesOf(text)).toEqual([
      {ruleId: 'target-without-source', source: 'sxs', fatal: true, line: 1, column: 1, endLine: 1, endColumn: 31, reason: 'Target span `90f5f-104` has no `sxs-lookup` source span after it'}
    ])
    expect(parse(text).segments.map((segment) => segment.id)).toEqual(['90f5f-103'])
  })

  it('reports a lookup span with no target before it', () => {
    const text = `${pair}\n\nHelp <span class="sxs-lookup"><span data-stu-id="90f5f-104">Help and support</span></span>\n`
    expect(messagesOf(text)).toEqual([
      {ruleId: 'source-without-target', source: 'sxs', fatal: true, line: 3, column: 6, endLine: 3, endColumn: 31, reason: 'Source span (`sxs-lookup`) has no target span before it'}
    ])
    expect(parse(text).segments.map((segment) => segment.id)).toEqual(['90f5f-103'])
  })

  it('reports front matter that is not YAML, where the YAML parser stops', () => {
    const text = `---\ntitle: Help: en ondersteuning voor EOP\nms.contentlocale: nl-NL\n---\n# ${pair}\n`
    expect(messagesOf(text)).toEqual([
      {ruleId: 'front-matter-yaml', source: 'sxs', fatal: true, line: 2, column: 8, endLine: undefined, endColumn: undefined, reason: 'Front matter is not valid YAML: Nested mappings are not allowed in compact mappings'}
    ])
    expect(parse(text).segments.map((segment) => segment.context.kind)).toEqual(['heading'])
  })

  it('parses an empty file and a file with no pairs', () => {
    for (const text of ['', '\uFEFF', '# Help\r\n', '\n\n']) {
      const document = parse(text)
      expect(document.segments).toEqual([])
      expect(document.messages).toEqual([])
      expect(print(document)).toBe(text)
    }
  })
})

/**
 * The he-IL pair with unclosed `<span> <span>` is followed by another pair in its cell; the same pair as the last
 * of its cell, of its list item or of the file must be recovered just the same (cut from the real excerpt).
 */
describe('unclosed spans in the last pair before text or the end of the file', () => {
  const input = readFileSync(new URL('unclosed-span-in-target/input.md', fixtures), 'utf8')
  const row = input.split('\n')[6]!
  const pair = row.slice(row.indexOf('<span data-ttu-id="4deff-234">'), row.indexOf(' <span data-ttu-id="4deff-235">'))
  const next = row.slice(row.indexOf('<span data-ttu-id="4deff-235">'), row.lastIndexOf('|'))

  it.each([
    ['the last pair of a table cell', `|${pair}|\n|${next}|\n`],
    ['the last pair of a list item', `- ${pair}\n- ${next}\n`],
    ['the last pair of the file', `${pair}\n`],
    ['the last pair of the file, no final newline', pair]
  ])('%s', (_, text) => {
    const document = parse(text)
    expect(document.segments.map((segment) => segment.id)).toEqual(text.includes('4deff-235') ? ['4deff-234', '4deff-235'] : ['4deff-234'])
    expect(document.segments[0]!.source.endsWith('*Alice<span><span>@contoso.com*.')).toBe(true)
    expect(document.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['unbalanced-span', false], ['unbalanced-span', false]])
    expect(print(document)).toBe(text)
  })
})

/** Shapes the corpus does not have but users' files may: built from the same real pair pieces. */
describe('contexts beyond the corpus', () => {
  const pair = (n: number) => `<span data-ttu-id="271d2-${n}">Mislukt</span><span class="sxs-lookup"><span data-stu-id="271d2-${n}">Failed</span></span>`

  it('places the cells of an HTML table that holds a table of its own', () => {
    const text = [
      '<table>',
      `<tr><td>${pair(1)}</td><td><table><tr><td>${pair(2)}</td></tr></table></td></tr>`,
      `<tr><td>${pair(3)}</td><td>${pair(4)}</td></tr>`,
      '</table>',
      '',
      `<table><tr><td>${pair(5)}</td></tr></table>`,
      ''
    ].join('\n')
    expect(parse(text).segments.map((segment) => [segment.id, segment.context.kind, segment.context.table])).toEqual([
      ['271d2-1', 'htmlTableCell', {html: true, index: 0, row: 0, column: 0}],
      ['271d2-2', 'htmlTableCell', {html: true, index: 1, row: 0, column: 0}],
      ['271d2-3', 'htmlTableCell', {html: true, index: 0, row: 1, column: 0}],
      ['271d2-4', 'htmlTableCell', {html: true, index: 0, row: 1, column: 1}],
      ['271d2-5', 'htmlTableCell', {html: true, index: 2, row: 0, column: 0}]
    ])
  })
})
