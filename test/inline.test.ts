/**
 * Inline codes: real segments (test/fixtures/inline/cases.json, each citing its corpus file and pair id) give
 * the tokens and coded pairs in test/fixtures/inline/expected.json (regenerate with UPDATE=1); the byte-exact
 * invariant holds on every segment of the dev corpus and on generated texts; ids agree between source and
 * target; `rebuild` inverts the coding; `verifyCodes` finds missing, extra, duplicated and unbalanced codes.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {scanPairs} from '../src/document/pairs.js'
import {isBlank, isWhiteSpaceCode} from '../src/inline/char-codes.js'
import {
  checkCodedContent,
  codeSegment,
  codeText,
  hasInvalidXmlChar,
  rebuild,
  tokenize,
  untokenize,
  verifyCodes,
  type InlineToken
} from '../src/inline/index.js'
import {scanTokens} from '../src/inline/tokenize.js'
import {corpusFiles} from './helpers/corpus.js'

const fixtures = fileURLToPath(new URL('fixtures/inline/', import.meta.url))
const cases = JSON.parse(readFileSync(fixtures + 'cases.json', 'utf8')) as Array<{name: string; from: string; source: string; target: string}>

/** A token as one short readable string: text quoted, codes as [type:kind data]. */
function show(tokens: InlineToken[]): string[] {
  return tokens.map((token) => (token.type === 'text' ? JSON.stringify(token.value) : `[${token.type}:${token.kind} ${JSON.stringify(token.data)}]`))
}

describe('real segments (fixtures)', () => {
  it('tokenize and codeSegment give the expected output', () => {
    const actual: Record<string, unknown> = {}
    for (const item of cases) {
      actual[item.name] = {
        from: item.from,
        source: show(tokenize(item.source)),
        target: show(tokenize(item.target)),
        coded: codeSegment(item.source, item.target)
      }
    }
    const file = fixtures + 'expected.json'
    if (process.env['UPDATE']) writeFileSync(file, JSON.stringify(actual, null, 2) + '\n')
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')))
  })

  it('the reference document: bold and links are codes', () => {
    const text = readFileSync(fileURLToPath(new URL('../source-docs/help-and-support-for-eop.md', import.meta.url)), 'utf8')
    const pairs = scanPairs(text).pairs
    expect(pairs).toHaveLength(76)
    const first = pairs.find((pair) => pair.id === '90f5f-104')!
    expect(show(tokenize(text.slice(first.sourceStart, first.sourceEnd)))).toEqual(['[open:strong "**"]', '"Applies to"', '[close:strong "**"]'])
  })
})

describe('tokenize: CommonMark and GFM inline rules', () => {
  const cases: Array<[string, string[]]> = [
    ['Run `Get-Mailbox` in **Exchange Online**.', ['"Run "', '[standalone:inlineCode "`Get-Mailbox`"]', '" in "', '[open:strong "**"]', '"Exchange Online"', '[close:strong "**"]', '"."']],
    ['See [the docs](https://learn.microsoft.com "Title").', ['"See "', '[open:link "["]', '"the docs"', '[close:link "](https://learn.microsoft.com \\"Title\\")"]', '"."']],
    ['***a***', ['[open:emphasis "*"]', '[open:strong "**"]', '"a"', '[close:strong "**"]', '[close:emphasis "*"]']],
    ['** not bold**', ['"** not bold**"']],
    ['snake_case_name', ['"snake_case_name"']],
    ['`` a ` b `` and ` unclosed', ['[standalone:inlineCode "`` a ` b ``"]', '" and ` unclosed"']],
    ['<a href="x">link</a> <br/> <user name> </b>', ['[open:html "<a href=\\"x\\">"]', '"link"', '[close:html "</a>"]', '" "', '[standalone:html "<br/>"]', '" "', '[standalone:html "<user name>"]', '" "', '[standalone:html "</b>"]']],
    ['<span><span>x</span></span>', ['[open:html "<span>"]', '[open:html "<span>"]', '"x"', '[close:html "</span>"]', '[close:html "</span>"]']],
    ['&nbsp; &#123; &#x7B; & AT&T', ['[standalone:entity "&nbsp;"]', '" "', '[standalone:entity "&#123;"]', '" "', '[standalone:entity "&#x7B;"]', '" & AT&T"']],
    ['\\> \\* \\q', ['[standalone:escape "\\\\>"]', '" "', '[standalone:escape "\\\\*"]', '" \\\\q"']],
    ['<https://a.example> https://b.example/x_y. www.c.example)', ['[standalone:autolink "<https://a.example>"]', '" "', '[standalone:url "https://b.example/x_y"]', '". "', '[standalone:url "www.c.example"]', '")"']],
    ['![alt *x*](a.png) [a [b](c) d](e)', ['[standalone:image "![alt *x*](a.png)"]', '" [a "', '[open:link "["]', '"b"', '[close:link "](c)"]', '" d](e)"']],
    ['~~gone~~ ~15ms', ['[open:delete "~~"]', '"gone"', '[close:delete "~~"]', '" ~15ms"']],
    ['a\\\r\nb', ['"a"', '[standalone:break "\\\\\\r\\n"]', '"b"']],
    ['x\u0001y `a\u0002b`', ['"x"', '[standalone:char "\\u0001"]', '"y `a"', '[standalone:char "\\u0002"]', '"b`"']],
    ['\uD800 lone, 😀 pair', ['[standalone:char "\\ud800"]', '" lone, 😀 pair"']]
  ]
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => {
      const tokens = tokenize(text)
      expect(show(tokens)).toEqual(expected)
      expect(untokenize(tokens)).toBe(text)
    })
  }

  it('never throws on odd input, and stays exact', () => {
    for (const text of ['[', ']', '![', '[a](', '[a](<b', '<', '<!--', '&', '`', '\\', '*_~', '[a](b "c', '[a](b (c))', ')]([']) {
      expect(untokenize(tokenize(text))).toBe(text)
    }
  })
})

describe('code ids and the inverse', () => {
  it('the same markup has the same id in source and target, wherever it moved', () => {
    const coded = codeSegment('Run `x` in **A** and [B](u) `y`', '`y` [B2](u) 中 **A** 執行 `x` `z`')
    expect(coded.codes).toEqual([
      {id: '1', kind: 'inlineCode', type: 'standalone', data: '`x`'},
      {id: '2', kind: 'strong', type: 'paired', open: '**', close: '**'},
      {id: '3', kind: 'link', type: 'paired', open: '[', close: '](u)'},
      {id: '4', kind: 'inlineCode', type: 'standalone', data: '`y`'},
      {id: '5', kind: 'inlineCode', type: 'standalone', data: '`z`'}
    ])
    expect(coded.target).toEqual([
      {type: 'standalone', id: '4'}, ' ', {type: 'open', id: '3'}, 'B2', {type: 'close', id: '3'}, ' 中 ',
      {type: 'open', id: '2'}, 'A', {type: 'close', id: '2'}, ' 執行 ', {type: 'standalone', id: '1'}, ' ', {type: 'standalone', id: '5'}
    ])
  })

  it('rebuild reports references it cannot resolve', () => {
    const {content, codes} = codeText('**a**')
    expect(rebuild(content, codes)).toEqual({text: '**a**', unknown: []})
    expect(rebuild(['x', {type: 'standalone', id: '9'}], codes)).toEqual({text: 'x', unknown: [{type: 'standalone', id: '9'}]})
    expect(rebuild([{type: 'standalone', id: '9', data: '<br/>'}], codes).text).toBe('<br/>')
  })

  it('checkCodedContent finds unbalanced, duplicated and unknown references', () => {
    const {codes} = codeText('**a** `b`')
    const problems = checkCodedContent(
      [{type: 'close', id: '1'}, {type: 'open', id: '1'}, {type: 'standalone', id: '2'}, {type: 'standalone', id: '2'}, {type: 'standalone', id: '7'}],
      codes
    )
    expect(problems.map((problem) => [problem.type, problem.id])).toEqual([
      ['unbalanced', '1'],
      ['duplicated', '2'],
      ['unknown', '7'],
      ['unbalanced', '1']
    ])
  })

  it('verifyCodes: missing, extra, duplicated, unbalanced', () => {
    expect(verifyCodes('**A** [l](u) `x`', '`x` [l2](u) **B**')).toEqual([])
    const problems = verifyCodes('Run `x` in **A** <b>y</b> [l](u)', 'Run in ** A** <b>y `x` `x` [l](v)')
    expect(problems.map((problem) => `${problem.type} ${problem.data}`)).toEqual([
      'unbalanced <b>',
      'duplicated `x`',
      'missing **…**',
      'missing [](u)'.replace('[]', '[…]'),
      'extra […](v)'
    ])
  })
})

describe('properties (fast-check)', () => {
  const pieces = fc.constantFrom(
    '*', '**', '_', '__', '~', '~~', '`', '``', '[', ']', '](', ')', '![', '(', '<', '>', '</', '/>', '<b>', '</b>', '<span class="x">',
    '</span>', '<br/>', '&', '&amp;', '&#123;', '&nbsp;', ';', '\\', '\\*', '\\>', '"', "'", ' ', '  ', '\n', '\r\n', '\r', '\t',
    'https://', 'www.', 'a.b', 'text', '中文', 'עברית', '\u200F', '\u00A0', '😀', '\uD83D', '\uDE00', '\u0001', '\uFFFE', ']]>', '|', 'x'
  )
  const markdownish = fc.array(pieces, {maxLength: 40}).map((parts) => parts.join(''))

  it('text + code data gives the text back, byte for byte', () => {
    fc.assert(
      fc.property(markdownish, (text) => untokenize(tokenize(text)) === text),
      {numRuns: 5000}
    )
    fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 60}), (text) => untokenize(tokenize(text)) === text), {numRuns: 3000})
  })

  it('coding a pair and rebuilding gives both texts back; a text has all its own codes', () => {
    fc.assert(
      fc.property(markdownish, markdownish, (source, target) => {
        const coded = codeSegment(source, target)
        expect(rebuild(coded.source, coded.codes)).toEqual({text: source, unknown: []})
        expect(rebuild(coded.target, coded.codes)).toEqual({text: target, unknown: []})
        expect(checkCodedContent(coded.source, coded.codes)).toEqual([])
        expect(checkCodedContent(coded.target, coded.codes)).toEqual([])
        expect(verifyCodes(source, source)).toEqual([])
      }),
      {numRuns: 2000}
    )
  })

  it('no code carries a character XML cannot hold except `char` codes', () => {
    fc.assert(
      fc.property(markdownish, (text) =>
        tokenize(text).every((token) => (token.type === 'text' ? true : token.kind === 'char' || !hasInvalidXmlChar(token.data)))
      ),
      {numRuns: 3000}
    )
  })
})

describe('the dev corpus', () => {
  it('every segment source and target round-trips byte for byte, and source/target ids agree', () => {
    let segments = 0
    let codes = 0
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8')
      for (const pair of scanPairs(text).pairs) {
        const source = text.slice(pair.sourceStart, pair.sourceEnd)
        const target = text.slice(pair.targetStart, pair.targetEnd)
        const sourceTokens = tokenize(source)
        const targetTokens = tokenize(target)
        if (untokenize(sourceTokens) !== source) expect.fail(`${file} ${pair.id}: source changed by tokenize`)
        if (untokenize(targetTokens) !== target) expect.fail(`${file} ${pair.id}: target changed by tokenize`)
        const coded = codeSegment(source, target)
        if (rebuild(coded.source, coded.codes).text !== source || rebuild(coded.target, coded.codes).text !== target) {
          expect.fail(`${file} ${pair.id}: rebuild differs`)
        }
        segments++
        codes += coded.codes.length
      }
    }
    // The corpus README's count: 661 files (microsoft-365-docs-pr.nl-NL/README.md is one), 82,412 pairs.
    expect(segments).toBe(82_412)
    expect(codes).toBe(33_087)
  })

  it("tokenize's shortcut for plain text gives what the scanner gives, on every source and target", () => {
    let shortcuts = 0
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8')
      for (const pair of scanPairs(text).pairs) {
        for (const side of [text.slice(pair.sourceStart, pair.sourceEnd), text.slice(pair.targetStart, pair.targetEnd)]) {
          const tokens = tokenize(side)
          if (JSON.stringify(tokens) !== JSON.stringify(scanTokens(side))) expect.fail(`${file} ${pair.id}: ${JSON.stringify(side)}`)
          if (tokens.length <= 1 && tokens.every((token) => token.type === 'text')) shortcuts++
        }
      }
    }
    // Three in four texts have no markup (the shortcut's case).
    expect(shortcuts).toBeGreaterThan(120_000)
  })
})

describe('isWhiteSpaceCode', () => {
  it('is `/\\s/` for every UTF-16 code unit', () => {
    const differ: number[] = []
    for (let code = 0; code <= 0xffff; code++) if (isWhiteSpaceCode(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code)
    expect(differ).toEqual([])
  })

  it('isBlank is `trim() === \'\'`', () => {
    const spaces = ' \t\n\r\v\f\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'
    const texts = ['', ...spaces, spaces, `${spaces}x`, `x${spaces}`, '\u200b', '\u180e', ' a ', 'Siehe ', '\u3000。']
    expect(texts.map(isBlank)).toEqual(texts.map((text) => text.trim() === ''))
  })
})
