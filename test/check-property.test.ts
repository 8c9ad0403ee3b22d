/**
 * Property: a random mutation of a real corpus file (swap to a wrong stu-id, delete an sxs-lookup,
 * duplicate a pair, empty a target, leak an MT placeholder, break an id's shape, put a `|` or a line break
 * into a table target) is reported as an error by the rule made for it, on the line where it was made.
 */
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {readFileSync, statSync} from 'node:fs'
import {parse} from '../src/document/parse.js'
import {check} from '../src/check/index.js'
import type {BilingualDocument, Segment} from '../src/document/types.js'
import {corpusFiles} from './helpers/corpus.js'

/** A dozen real files of 4–16 KB, spread over the corpus's docsets. */
const files = corpusFiles()
  .filter((file) => {
    const size = statSync(file).size
    return size > 4_000 && size < 16_000
  })
  .filter((_, index, all) => index % Math.max(1, Math.floor(all.length / 12)) === 0)
  .slice(0, 12)

const originals = files.map((file) => {
  const text = readFileSync(file, 'utf8')
  const document = parse(text, {path: file})
  return {file, text, document, messages: check(document)}
})

interface Mutation {
  rule: string
  /** Whether the mutation applies to this segment. */
  applies: (segment: Segment, document: BilingualDocument) => boolean
  /** New text of the pair, and the offset (into the file) whose line must be reported. */
  apply: (segment: Segment) => {pair: string; at: number}
}

const pairText = (segment: Segment) => segment.markup.open + segment.target + segment.markup.middle + segment.source + segment.markup.close
const inTable = (segment: Segment) => segment.context.table !== undefined && !segment.context.table.html && segment.context.kind !== 'code'
const sole = (segment: Segment, document: BilingualDocument) => document.segments.filter((other) => other.id === segment.id).length === 1

const mutations: Mutation[] = [
  {
    rule: 'id-mismatch',
    applies: sole,
    apply: (segment) => ({pair: segment.markup.open + segment.target + segment.markup.middle.replace(`"${segment.sourceId}"`, `"${segment.prefix}-99999"`) + segment.source + segment.markup.close, at: segment.position.target.end.offset})
  },
  {
    rule: 'target-without-source',
    applies: sole,
    apply: (segment) => ({pair: `${segment.markup.open}${segment.target}</span>`, at: segment.position.pair.start.offset})
  },
  {
    rule: 'duplicate-id',
    applies: sole,
    apply: (segment) => ({pair: `${pairText(segment)} ${pairText(segment)}`, at: segment.position.pair.end.offset})
  },
  {
    rule: 'empty-target',
    applies: (segment) => segment.source.trim() !== '' && segment.context.kind !== 'code',
    apply: (segment) => ({pair: segment.markup.open + segment.markup.middle + segment.source + segment.markup.close, at: segment.position.pair.start.offset})
  },
  {
    rule: 'mt-placeholder',
    applies: (segment) => segment.context.kind !== 'code',
    apply: (segment) => ({pair: `${segment.markup.open}<b0>x</b0> ${segment.target}${segment.markup.middle}${segment.source}${segment.markup.close}`, at: segment.position.target.start.offset})
  },
  {
    rule: 'id-shape',
    applies: sole,
    apply: (segment) => ({pair: pairText(segment).replaceAll(`"${segment.id}"`, `"${segment.prefix}-x${segment.number}"`), at: segment.position.pair.start.offset})
  },
  {
    rule: 'pair-split-across-cells',
    applies: inTable,
    apply: (segment) => ({pair: `${segment.markup.open}| ${segment.target}${segment.markup.middle}${segment.source}${segment.markup.close}`, at: segment.position.target.start.offset})
  },
  {
    rule: 'line-break-in-table-pair',
    applies: (segment) => inTable(segment) && !/\n/.test(segment.target),
    apply: (segment) => ({pair: `${segment.markup.open}\n${segment.target}${segment.markup.middle}${segment.source}${segment.markup.close}`, at: segment.position.target.start.offset})
  }
]

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let index = 0; index < offset; index++) if (text.charCodeAt(index) === 10) line++
  return line
}

describe('random mutations of real files', () => {
  it('uses a dozen real files', () => {
    expect(originals.length).toBeGreaterThanOrEqual(8)
  })

  it('reports each mutation with its rule at its line', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (fileIndex, mutationIndex, segmentIndex) => {
        const original = originals[fileIndex % originals.length]!
        const mutation = mutations[mutationIndex % mutations.length]!
        const candidates = original.document.segments.filter((segment) => mutation.applies(segment, original.document))
        fc.pre(candidates.length > 0)
        const segment = candidates[segmentIndex % candidates.length]!
        const {pair, at} = mutation.apply(segment)
        const start = segment.position.pair.start.offset
        const text = original.text.slice(0, start) + pair + original.text.slice(segment.position.pair.end.offset)
        const line = lineOf(original.text, at)
        // Only a mutation made where the rule was silent can be told apart.
        fc.pre(!original.messages.some((message) => message.ruleId === mutation.rule && message.line === line))
        const messages = check(parse(text, {path: original.file}))
        const hit = messages.some((message) => message.ruleId === mutation.rule && message.fatal === true && message.line === line)
        if (!hit) throw new Error(`${mutation.rule} not reported at ${original.file}:${line} (segment ${segment.id}); got ${JSON.stringify(messages.map((m) => [m.ruleId, m.line]))}`)
      }),
      {numRuns: 120, seed: Number(process.env['SEED'] ?? 20261126)}
    )
  })
})
