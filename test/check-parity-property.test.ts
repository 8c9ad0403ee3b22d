/**
 * Property: check and merge agree about inline codes. A real pair of the dev corpus whose target has code
 * parity with its source is mutated, in a way that breaks parity (drop a link, a code span, bold, italics, an
 * image) or keeps it (translate a link's text, write a bare URL as `[url](url)`, add words, escape a
 * character); `check` reports `inline-markup` on the mutated pair exactly when `merge` refuses the mutated
 * target for its codes.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {readFileSync} from 'node:fs'
import {parse} from '../src/document/parse.js'
import {check} from '../src/check/index.js'
import {merge} from '../src/merge/index.js'
import {codeParity, tokenize, untokenize} from '../src/inline/index.js'
import type {CodeKind, InlineToken} from '../src/inline/index.js'
import {doc, pair} from '../src/check/example.js'
import {corpusFiles} from './helpers/corpus.js'

interface Pair {
  id: string
  source: string
  target: string
}

/** Pairs with markup in their target and parity with their source, from the whole corpus. */
const pairs: Pair[] = []
for (const file of corpusFiles()) {
  for (const segment of parse(readFileSync(file, 'utf8')).segments) {
    const {source, target} = segment
    if (!/[`*_[<!]|https?:\/\//.test(target) || /<\/?span|\r|\n\s*\n/.test(target + source) || source.trim() === '') continue
    if (codeParity(source, target).length > 0) continue
    if (tokenize(target).every((token) => token.type === 'text')) continue
    pairs.push({id: segment.id, source, target})
  }
}

type Mutate = (tokens: InlineToken[], pick: number) => InlineToken[] | undefined

/** The indexes of the code tokens of a kind (`open` or `standalone`). */
function codesOf(tokens: InlineToken[], kinds: CodeKind[]): number[] {
  const found: number[] = []
  tokens.forEach((token, index) => {
    if (token.type !== 'text' && token.type !== 'close' && kinds.includes(token.kind)) found.push(index)
  })
  return found
}

/** Remove a paired code's two tokens (its content stays as text). */
function dropPaired(kinds: CodeKind[]): Mutate {
  return (tokens, pick) => {
    const found = codesOf(tokens, kinds).filter((index) => tokens[index]!.type === 'open')
    if (found.length === 0) return undefined
    const open = tokens[found[pick % found.length]!]!
    if (open.type === 'text') return undefined
    return tokens.filter((token) => token !== open && !(token.type === 'close' && token.pair === open.pair))
  }
}

/** Replace a standalone code by some text (inline code by its content, an image by its alt text). */
function dropStandalone(kind: CodeKind, text: (data: string) => string): Mutate {
  return (tokens, pick) => {
    const found = codesOf(tokens, [kind])
    if (found.length === 0) return undefined
    const at = found[pick % found.length]!
    const token = tokens[at]!
    if (token.type === 'text') return undefined
    return tokens.map((other, index) => (index === at ? {type: 'text', value: text(token.data)} : other))
  }
}

const breaking: Record<string, Mutate> = {
  'drop a link': dropPaired(['link']),
  'drop bold': dropPaired(['strong']),
  'drop italics': dropPaired(['emphasis']),
  'drop an HTML element': dropPaired(['html']),
  'drop a code span': dropStandalone('inlineCode', (data) => data.replace(/^`+|`+$/g, '')),
  'drop an image': dropStandalone('image', (data) => data.slice(2, data.indexOf(']'))),
  'escape a code span': dropStandalone('inlineCode', (data) => `\\\`${data.replace(/^`+|`+$/g, '')}\\\``)
}

const keeping: Record<string, Mutate> = {
  'translate a link text': (tokens, pick) => {
    const found = codesOf(tokens, ['link'])
    if (found.length === 0) return undefined
    const at = found[pick % found.length]!
    const open = tokens[at]!
    const close = tokens.findIndex((token) => token.type === 'close' && open.type === 'open' && token.pair === open.pair)
    // Only a text of plain words (markup inside a link's text is markup of its own).
    if (tokens.slice(at + 1, close).some((token) => token.type !== 'text')) return undefined
    return [...tokens.slice(0, at + 1), {type: 'text', value: 'übersetzter Text'}, ...tokens.slice(close)]
  },
  'write a bare URL as [url](url)': (tokens, pick) => {
    const found = codesOf(tokens, ['url'])
    if (found.length === 0) return undefined
    const at = found[pick % found.length]!
    const token = tokens[at]!
    if (token.type === 'text' || !/^https?:/.test(token.data)) return undefined
    return tokens.map((other, index) => (index === at ? {type: 'text', value: `[${token.data}](${token.data})`} : other))
  },
  'add words at the start': (tokens) => [{type: 'text', value: 'Neu: '}, ...tokens],
  'escape a character': (tokens) => [...tokens, {type: 'text', value: ' \\> Ende'}]
}

/** Whether `check` reports `inline-markup` on the pair `target`/`source`. */
function checkReports(item: Pair, target: string): boolean {
  const messages = check(parse(doc(`${pair(item.id, target, item.source)}\n`)))
  return messages.some((message) => message.ruleId === 'inline-markup')
}

/** Whether `merge` refuses `target` for its codes, into the document with the pair as it is in the corpus. */
function mergeRefuses(item: Pair, target: string): boolean {
  const document = parse(doc(`${pair(item.id, item.target, item.source)}\n`))
  const result = merge(document, new Map([[item.id, {target}]]))
  return result.messages.some((message) => String(message.ruleId).startsWith('code-'))
}

describe('check reports inline-markup exactly when merge refuses the target', () => {
  it('has real pairs to mutate', () => {
    expect(pairs.length).toBeGreaterThan(1000)
  })

  for (const [name, mutations, breaks] of [
    ['breaking', breaking, true],
    ['keeping', keeping, false]
  ] as const) {
    it(`mutations ${name} parity`, () => {
      // The pairs each mutation applies to, so that every mutation runs often.
      const names = Object.keys(mutations)
      const applicable = new Map(names.map((name) => [name, pairs.filter((item) => mutations[name]!(tokenize(item.target), 0) !== undefined)]))
      for (const name of names) expect(applicable.get(name)!.length, name).toBeGreaterThan(5)
      const applied = new Map<string, number>()
      const cases = fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), fc.nat(applicable.get(name)!.length - 1), fc.nat(10)))
      fc.assert(
        fc.property(cases, ([mutation, index, pick]) => {
          const item = applicable.get(mutation)![index]!
          const tokens = mutations[mutation]!(tokenize(item.target), pick)
          if (tokens === undefined) return
          const target = untokenize(tokens)
          if (target === item.target || target.trim() === '') return
          applied.set(mutation, (applied.get(mutation) ?? 0) + 1)
          const refused = mergeRefuses(item, target)
          expect(checkReports(item, target), `${mutation}\nsource: ${item.source}\ntarget: ${target}`).toBe(refused)
          // A code dropped is a code lost (a link whose text is its URL excepted: it becomes that bare URL).
          if (breaks && !(mutation === 'drop a link' && /\[(?:https?:\/\/|www\.)/i.test(item.target))) expect(refused, `${mutation}: ${target}`).toBe(true)
          if (!breaks) expect(refused, `${mutation}: ${target}`).toBe(false)
        }),
        {numRuns: 800, seed: 14}
      )
      expect([...applied.keys()].sort()).toEqual([...names].sort())
    }, 120_000)
  }
})
