/**
 * The plain front matter reader (src/document/plain-yaml.ts) must give exactly what the `yaml` package
 * gives wherever it answers: on the front matter of every corpus file (where it must answer nearly
 * always, or it saves nothing) and on random front matter built from the pieces YAML gives a meaning to.
 */
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it, vi} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {readPlainYaml} from '../src/document/plain-yaml.js'
import {lastBreakIn, readFrontMatterAt} from '../src/document/front-matter.js'
import {corpusFiles} from './helpers/corpus.js'
import {parse} from '../src/index.js'

/** What `yaml` reads, as front-matter.ts asks it; `error` when it throws. */
function yamlData(raw: string): unknown {
  try {
    return parseYaml(raw, {uniqueKeys: false, prettyErrors: false})
  } catch {
    return 'error'
  }
}

/** The value with its keys' order made visible (toStrictEqual ignores it). */
function ordered(value: unknown): string {
  return JSON.stringify(value)
}

function expectSame(raw: string): boolean {
  const plain = readPlainYaml(raw)
  if (plain === undefined) return false
  const reference = yamlData(raw)
  expect(plain, raw).toStrictEqual(reference)
  expect(ordered(plain), raw).toBe(ordered(reference))
  return true
}

describe('plain front matter reader', () => {
  it('reads the front matter of every corpus file as yaml does', () => {
    let withFrontMatter = 0
    let answered = 0
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8')
      const close = text.indexOf('\n---', 3)
      if (!text.startsWith('---\n') || close < 0) continue
      withFrontMatter++
      const {raw} = readFrontMatterAt(text, 0, close + 4)
      if (expectSame(raw)) answered++
    }
    expect(withFrontMatter).toBeGreaterThan(600)
    // Every corpus file when this was written (658 of 658).
    expect(answered / withFrontMatter).toBeGreaterThan(0.99)
  })

  it('answers the shapes docs use, and declines what it is not sure of', () => {
    const answers = [
      "title: Übersicht:Office 365 (Vorschau)\nms.custom: ''\nms.locfileid: \"34070763\"\nms.lasthandoff: 05/15/2019",
      'search.appverid:\n- MET150\n- MOE150\nms.collection:\n  - M365-security-compliance\nf1.keywords:\nhideEdit: true',
      "description: 'It''s here: now'\ntitle: C# and [brackets], a:b {c} 'd' \"e\"\\f   ",
      'title: a\ntitle: b'
    ]
    for (const raw of answers) expect(expectSame(raw), raw).toBe(true)
    const declines = [
      'title: a: b',
      'title: a # comment',
      'ms.locfileid: 34070763',
      'ms.date: 5e3',
      'ms.date: -12',
      'title: null',
      'title: ~',
      'title: "a\\tb"',
      'title: |\n  text',
      'title: >-\n  text',
      'title: [a, b]',
      'title: &a x\nother: *a',
      'title: !!str x',
      'title: first\n  second',
      '# comment\ntitle: x',
      'title: x\n\nother: y',
      '  title: x',
      'title:\n- a\n  - b',
      'title:\n-',
      '__proto__: x',
      'true: x',
      'title:\tx',
      'title: x\r\nother: y',
      'title: \u2028x',
      '---\ntitle: x',
      ''
    ]
    for (const raw of declines) expect(readPlainYaml(raw), raw).toBeUndefined()
  })

  it('gives what yaml gives on random front matter, wherever it answers', () => {
    const keys = ['title', 'ms.author', 'f1_keywords', 'search.appverid', 'a-b', 'x', 'True', 'null', 'e1', 'key with space', ' indented', '1x', '-k', '__proto__', 'k:', '"quoted"']
    const key = fc.oneof({arbitrary: fc.constantFrom(...keys.slice(0, 6)), weight: 6}, {arbitrary: fc.constantFrom(...keys), weight: 1})
    // Mostly what docs write, with a few pieces YAML gives a meaning to (or that it reads as other than a string).
    const common = ['text', 'Übersicht', '説明', ' ', 'Office 365', '05/15/2019', 'https://a.b/c', 'x.y', '-', '(a)', "'", ':']
    const tricky = [
      '  ', ': ', '#', ' #', "''", '"', '\\', '[', ']', '{', '}', ',', '- ', '?', '&', '*', '!', '|', '>', '%', '@', '`', '\u00a0',
      '\u3000', '\u{1F600}', '0', '12', '.', '5e3', '0x1F', '0o17', '.inf', '.NaN', '~', 'null', 'True', 'FALSE', 'yes', '\t', '\r',
      '...', '---', '\u0085', '\ufeff'
    ]
    const piece = fc.oneof({arbitrary: fc.constantFrom(...common), weight: 6}, {arbitrary: fc.constantFrom(...tricky), weight: 1})
    const value = fc.array(piece, {maxLength: 4}).map((parts) => parts.join(''))
    const quoted = fc.oneof({arbitrary: value, weight: 4}, value.map((text) => `'${text}'`), value.map((text) => `"${text}"`))
    const line = fc.oneof(
      {arbitrary: fc.tuple(key, fc.constantFrom(': ', ': ', ':', ':  '), quoted).map(([name, separator, text]) => `${name}${separator}${text}`), weight: 6},
      {arbitrary: fc.tuple(fc.constantFrom('', '', '  ', ' '), quoted).map(([indent, text]) => `${indent}- ${text}`), weight: 2},
      {arbitrary: fc.constantFrom('', '# comment', '---', '...', 'key:', 'key:', '  more'), weight: 1}
    )
    let answered = 0
    fc.assert(
      fc.property(fc.array(line, {minLength: 1, maxLength: 6}), (lines) => {
        if (expectSame(lines.join('\n'))) answered++
      }),
      {numRuns: 10000, seed: 11}
    )
    expect(answered).toBeGreaterThan(600)
  })

  it('reads CRLF front matter (through its LF copy) as yaml reads the CRLF text', () => {
    const line = fc.oneof(
      {arbitrary: fc.tuple(fc.constantFrom('title', 'ms.author', 'f1_keywords', 'ms.date'), fc.constantFrom(': ', ':'), fc.constantFrom('text', 'Übersicht', ' a ', "'q'", '"d"', '', 'x: y', '05/15/2019', '\t')).map((parts) => parts.join('')), weight: 4},
      {arbitrary: fc.constantFrom('- item', '  - item', '', '# c', 'key:'), weight: 1}
    )
    let plain = 0
    fc.assert(
      fc.property(fc.array(line, {minLength: 1, maxLength: 6}), (lines) => {
        const raw = lines.join('\r\n')
        const text = `---\r\n${raw}\r\n---`
        const read = readFrontMatterAt(text, 0, text.length)
        expect(read.raw).toBe(raw)
        if (read.error) return
        if (readPlainYaml(raw.replaceAll('\r\n', '\n')) !== undefined) plain++
        const reference = yamlData(raw)
        // Front matter that is not a mapping (a list, a lone value) gives no data.
        expect(ordered(read.data), raw).toBe(ordered(reference !== null && typeof reference === 'object' && !Array.isArray(reference) ? reference : {}))
      }),
      {numRuns: 3000, seed: 12}
    )
    expect(plain).toBeGreaterThan(300)
  })
})

describe('the last line break of a front matter node', () => {
  it('is where the regex it replaced matches, with LF, CR and CRLF', () => {
    const text = fc.array(fc.constantFrom('a', '-', '\n', '\r', '\r\n', ' '), {maxLength: 12}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (value) => {
        expect(lastBreakIn(value)).toBe(/(?:\r\n|\r|\n)[^\r\n]*$/.exec(value)?.index ?? -1)
      }),
      {numRuns: 5000}
    )
  })
})

describe('YAML the yaml package warns about', () => {
  it('becomes the front-matter-yaml message only: nothing is printed to the console of the command', () => {
    // yaml reports an ambiguous alias through process.emitWarning, which a CLI prints as "(node:…) YAMLWarning".
    const emitted = vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
    try {
      const document = parse('---\nms.author: *a:\n---\n# <span data-ttu-id="a-1">T</span><span class="sxs-lookup"><span data-stu-id="a-1">T</span></span>\n')
      expect(document.messages.map((message) => [message.ruleId, message.line])).toEqual([['front-matter-yaml', 2]])
      expect(emitted).not.toHaveBeenCalled()
    } finally {
      emitted.mockRestore()
    }
  })
})
