/**
 * remark's reading in pieces (remark-pieces.ts) must give exactly the tree of remark's reading of the whole
 * text (positions included): over cases built to break a cut, random documents cut wherever the cut scan
 * allows, and every corpus file (masked, as parse gives it to remark) cut into small pieces. And a large file
 * the fast path declines must reach remark in pieces (issue 18: read whole, it grew superlinearly, with about
 * 100× its size in memory).
 */
import {readFileSync} from 'node:fs'
import {isDeepStrictEqual} from 'node:util'
import {describe, expect, it, vi} from 'vitest'
import type {Root} from 'mdast'
import {parseBlocksWhole} from '../src/document/blocks.js'
import {candidateCuts, readInPieces} from '../src/document/remark-pieces.js'
import {fastAttempt} from '../src/document/fast-blocks.js'
import {scanPairs} from '../src/document/pairs.js'
import {maskPairs} from '../src/document/mask.js'
import {corpusFiles} from './helpers/corpus.js'
import {structureOf} from './helpers/structure.js'

/** The lengths of the texts remark was given by the reading in pieces. */
const given = vi.hoisted(() => [] as number[])
vi.mock('../src/document/remark-pieces.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/document/remark-pieces.js')>()
  return {
    ...original,
    readInPieces: (markdown: string, parse: (text: string) => Root, pieceSize?: number) =>
      original.readInPieces(markdown, (text) => {
        given.push(text.length)
        return parse(text)
      }, pieceSize)
  }
})

/** The first child where two trees differ, for a readable failure. */
function firstDifference(actual: Root, expected: Root): unknown {
  const length = Math.max(actual.children.length, expected.children.length)
  for (let index = 0; index < length; index++) {
    if (!isDeepStrictEqual(actual.children[index], expected.children[index])) return {index, actual: actual.children[index], expected: expected.children[index]}
  }
  return {root: [actual.position, expected.position]}
}

/** Read `text` in pieces of `size` (1: cut at every place the scan allows) and compare with the whole reading. */
function compare(text: string, size = 1): {equal: boolean; cuts: number; difference?: unknown} {
  const pieces = readInPieces(text, parseBlocksWhole, size)
  const whole = parseBlocksWhole(text)
  const equal = isDeepStrictEqual(pieces.tree, whole)
  return {equal, cuts: pieces.cuts.length, ...(equal ? {} : {difference: firstDifference(pieces.tree, whole)})}
}

/** Each case: markdown that a cut in the wrong place, or a piece without the file's definitions, reads otherwise. */
const cases: Array<[string, string]> = [
  ['a fenced code block over blank lines, its lines like cuts', '# a\n\n```\nx\n\nb\n\n~~~\n\nc\n```\n\nd\n\ne\n'],
  ['an unclosed fence to the end', 'a\n\n```\nb\n\nc\n\nd\n'],
  ['a fence in a list item, unclosed, ended by the item', '- a\n\n  ```\n  b\n\nc\n\nd\n'],
  ['a fence after a block quote, not lazy', '> a\n```\nb\n\nc\n```\n\nd\n'],
  ['HTML blocks blank lines do not end', '<!-- a\n\nb -->\n\nc\n\n<pre>\nd\n\ne\n</pre>\n\nf\n\n<?x\n\ng ?>\n\nh\n\n<!X\n\ni >\n\nj\n\n<![CDATA[\n\nk ]]>\n\nl\n'],
  ['an unclosed comment to the end', 'a\n\n<!-- b\n\nc\n\nd\n'],
  ['HTML blocks a blank line ends', '<div>\na\n\nb\n\n<br/>\n\nc\n'],
  ['a loose list over blank lines, a list after a paragraph', '- a\n\n- b\n\nc\n\n1. d\n\n2. e\n\nf\n\n* g\n\n  h\n\ni\n'],
  ['front matter holding blank lines', '---\ntitle: a\n\nb: c\n\n---\n\nd\n\ne\n'],
  ['a dashed line that is no front matter', '---\na\n\nb\n\nc\n'],
  ['indented code and footnote definitions over blank lines', 'a\n\n    b\n\n    c\n\nd\n\n[^1]: e\n\n    f\n\ng\n'],
  ['references before their definitions, far apart', '[a] [b][] [c][a] ![d][b] [^1] [x [a] y](u)\n\ne\n\nf\n\n[a]: /a\n\ng\n\n[B]: /b "t"\n\nh\n\n[^1]: note\n'],
  ['definitions inside containers', '[a] [^n]\n\nb\n\n> [a]: /a\n\nc\n\n- [^n]: x\n\nd\n'],
  ['labels that are no definitions (in code, in a paragraph, a link text)', '[a] [b] [c] [^d]\n\ne\n\n```\n[a]: /a\n```\n\nf\n\ng [b]: h\n\ni\n\n[[c]: j](u)\n\nk\n\n`[^d]: l`\n'],
  ['a label over two lines', '[a b]\n\nc\n\n[a\nb]: /u\n\nd\n'],
  ['a label in a block quote over two lines', '[a b]\n\nc\n\n> [a\n> b]: /u\n\nd\n'],
  ['a reference over lines in a block quote and a list item, its definition in another piece', '> [a\n> b] x\n\n- [c\n  d]\n\ne\n\n[A B]: /u\n[c d]: /v\n'],
  ['many definitions, each referred to from another piece', Array.from({length: 30}, (_, index) => `[r${index}] [x][r${(index * 7) % 30}] [^f${index}]\n\n[r${index}]: /u${index}\n\n[^f${(index * 11) % 30}]: note\n`).join('\n')],
  ['CRLF and lone CR line endings', 'a\r\n\r\n```\r\nb\r\n\r\nc\r\n```\r\n\r\nd\r\re\r\r[x]\r\n\r\nf\r\n\r\n[x]: /u\r\n'],
  ['tabs and white-space-only lines as blank lines', 'a\n \t\nb\n\t\nc\n   \n\td\n\ne\n']
]

describe('remark in pieces', () => {
  for (const [name, markdown] of cases) {
    it(`reads as whole: ${name}`, () => {
      const found = compare(markdown)
      expect(found.difference).toBeUndefined()
      expect(found.equal).toBe(true)
    })
  }

  it('cuts where every block is closed and nowhere else in the cases', () => {
    // Not before the fence either: the definitions read after the line after a cut would be in it.
    expect(candidateCuts('a\n\nb\n\n- c\n\n  d\n\n```\n\ne\n```\n\nf\n')).toEqual([3, 28])
    expect(compare('a\n\nb\n\nc\n').cuts).toBe(2)
    // A cut remark refuses (the unclosed fence swallows the line after it) is not made.
    expect(candidateCuts('a\n\n> ```\nb\n\nc\n\nd\n')).toEqual([12, 15])
    expect(compare('a\n\n> ```\nb\n\nc\n\nd\n').cuts).toBe(2)
    expect(candidateCuts('a\n\n```\nb\n\nc\n\nd\n')).toEqual([])
  })

  it('reads random documents as whole, cut wherever the scan allows', () => {
    let seed = 11
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
    const inline = ['a', 'b c', '[r]', '[R][]', '[x][s]', '[x [r] y](u)', '![i][s]', '[^1]', '[^n] z', '[t]', '`c`', '<b>d</b>', 'a <!-- b', 'c --> d', 'https://x.com/[r]', '[a](b', '*e*']
    const prefixes = ['', '', '', '> ', '- ', '1. ', '  ', '    ', '> - ', '* ', '\t']
    const kinds = [
      (): string => pick(inline),
      () => '',
      () => '',
      () => '# ' + pick(inline),
      () => '```',
      () => '~~~',
      () => '```js',
      () => '| ' + pick(inline) + ' | b |',
      () => '|---|---|',
      () => '---',
      () => '===',
      () => '<div>',
      () => '</div>',
      () => '<br/>',
      () => '<!-- ' + pick(inline),
      () => '-->',
      () => '<pre>',
      () => '</pre>',
      () => '<?x',
      () => '?>',
      () => '[r]: /url',
      () => '[s]: /u "T"',
      () => '[t]:',
      () => '[t]: /t',
      () => '[^1]: ' + pick(inline),
      () => '[^n]: note',
      () => '[x\ny]: /xy',
      () => '> [!NOTE]'
    ]
    let cut = 0
    let compared = 0
    for (let index = 0; index < 1500; index++) {
      // Half the documents with a blank line after most lines (blocks, as documents have them), the others a soup.
      const blocky = index % 2 === 0
      const lines = Array.from({length: 3 + Math.floor(random() * 20)}, () => pick(prefixes) + pick(kinds)() + (blocky && random() < 0.7 ? '\n' : ''))
      const ending = index % 5 === 0 ? '\r\n' : index % 7 === 0 ? '\r' : '\n'
      const text = (index % 9 === 0 ? '---\ntitle: x\n\na: b\n---\n\n' : '') + lines.join('\n').replaceAll('\n', ending) + ending
      const found = compare(text)
      compared++
      if (found.cuts > 0) cut++
      expect(found.difference, JSON.stringify(text)).toBeUndefined()
    }
    expect(compared).toBe(1500)
    expect(cut).toBeGreaterThan(400)
  })

  it('reads every corpus file as whole, masked as parse gives it to remark, in pieces of 256 characters', {timeout: 1_200_000}, () => {
    const different: string[] = []
    let cuts = 0
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8')
      const markdown = maskPairs(text, scanPairs(text).pairs).text
      const found = compare(markdown.startsWith('\uFEFF') ? markdown.slice(1) : markdown, 256)
      cuts += found.cuts
      if (!found.equal) different.push(file)
      expect.soft(found.difference, file).toBeUndefined()
    }
    expect(different).toEqual([])
    expect(cuts).toBeGreaterThan(5_000)
  })

  it('gives remark a large document the fast path declines in pieces, and parse the same document', {timeout: 300_000}, () => {
    // The corpus's bodies joined to about 1.2 MB, with a footnote (which the fast path declines).
    const bodies: string[] = []
    let size = 0
    for (const file of corpusFiles()) {
      if (size > 1_200_000) break
      const body = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')
      bodies.push(body.endsWith('\n') ? body : `${body}\n`)
      size += body.length
    }
    const text = `---\ntitle: joined\nms.contentlocale: de-DE\n---\n${bodies.join('\n')}\nSee the note.[^1]\n\n[^1]: A note.\n`
    expect(fastAttempt(text, scanPairs(text).pairs, () => () => undefined)).toEqual({declined: 'footnote'})
    given.length = 0
    const read = structureOf(text, {})
    const masked = maskPairs(text, scanPairs(text).pairs).text.length
    // Read whole, remark was given the masked file at once; in pieces of 64 KB, none more than a third of it.
    expect(masked).toBeGreaterThan(300_000)
    expect(given.length).toBeGreaterThan(3)
    expect(Math.max(...given)).toBeLessThan(masked / 3)
    expect(read).toEqual(structureOf(text, {mask: false}))
  })
})
