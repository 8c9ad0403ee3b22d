/**
 * merge's structural guard (issue 18): a target whose line starts a block (a code fence, an HTML comment,
 * a heading, a list item, a quote) or that splits its pair is refused with `block-structure`, the rest of
 * the file merges, and a merge that is accepted gives a document in which `check` finds no new error.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {check} from '../src/check/index.js'
import {parse} from '../src/document/parse.js'
import {merge, type TranslationUnit} from '../src/merge/index.js'
import {rereadProblem} from '../src/merge/reread.js'
import {unitIds} from '../src/document/unit-ids.js'

const reference = readFileSync(fileURLToPath(new URL('../source-docs/help-and-support-for-eop.md', import.meta.url)), 'utf8')
const document = parse(reference)
const ids = unitIds(document)
/** Units that give every pair its own target and source back (a merge that changes nothing). */
const current = (): Map<string, TranslationUnit> => new Map(document.segments.map((segment, index) => [ids[index]!, {source: segment.source, target: segment.target}]))
const paragraphs = document.segments.map((segment, index) => ({segment, index})).filter(({segment}) => segment.context.kind === 'paragraph' && !segment.target.includes('\n'))
const errors = (text: string): string[] => check(parse(text)).filter((message) => message.fatal === true).map((message) => `${message.ruleId} ${message.reason}`)
const errorsBefore = errors(reference)

describe('merge refuses a target that changes how the document is read', () => {
  // What the block starters have in common is that CommonMark starts a block with them at the beginning of
  // a line, after a line break, even in the middle of a paragraph (or ends the paragraph at them).
  // Each with the exact reason: the pair after the edited one (`90f5f-109`, in the same paragraph) is the one
  // read in another block; a thematic break leaves the next pair where it was but splits the edited one.
  const changesNext = (to: string): string => `it would change how the document is read: pair \`90f5f-109\` would be read as ${to} instead of paragraph`
  const reasons: Record<string, string> = {
    '```': changesNext('code'),
    '~~~': changesNext('code'),
    '<!--': changesNext('html'),
    '# ': changesNext('heading'),
    '- ': changesNext('listItem (paragraph)'),
    '1. ': changesNext('listItem (paragraph)'),
    '> ': changesNext('blockquote (paragraph)'),
    '***\n': 'it would change how the document is read: pair `90f5f-108` would start in one block and end in another',
    '<hr>\n': 'HTML `<hr>` added',
    '<details>\n': 'HTML `<details>` added'
  }
  for (const [starter, reason] of Object.entries(reasons)) {
    it(`a line starting with ${JSON.stringify(starter)} in a paragraph target`, () => {
      const {segment, index} = paragraphs[1]!
      const other = paragraphs[3]!
      const units = current()
      units.set(ids[index]!, {source: segment.source, target: `${segment.target}\n${starter}改`})
      units.set(ids[other.index]!, {source: other.segment.source, target: `${other.segment.target}（改）`})
      const result = merge(document, units)
      // An HTML tag the source does not have is refused as a code first; anything else by reading again.
      const refused = result.messages.filter((message) => message.ruleId === (starter.startsWith('<') && starter !== '<!--' ? 'code-extra' : 'block-structure'))
      expect(refused).toHaveLength(1)
      expect(refused[0]!.reason).toBe(`\`${segment.id}\`: not merged: ${reason}`)
      expect([refused[0]!.line, refused[0]!.column]).toEqual([32, 31])
      expect(refused[0]!.fatal).toBe(true)
      expect(result.statistics).toMatchObject({merged: 1, refused: 1})
      // The good unit merged; the bad one left its pair as it was.
      const merged = parse(result.text)
      expect(merged.segments[other.index]!.target).toBe(`${other.segment.target}（改）`)
      expect(merged.segments[index]!.target).toBe(segment.target)
      expect(result.text).toBe(reference.replace(other.segment.target + '</span>', `${other.segment.target}（改）</span>`))
    })
  }

  it('refuses text in the target of a pair whose source is empty (an anchor captured as a pair)', () => {
    const text = '## <span data-ttu-id="1ce8c-107"><a name="steps"> </a></span><span class="sxs-lookup"><span data-stu-id="1ce8c-107"></span></span>Steps\n'
    const anchor = parse(text)
    const result = merge(anchor, new Map([['1ce8c-107', {source: '', target: '<a name="steps"> ~~~</a>'}]]))
    expect(result.messages.map((message) => [message.ruleId, message.reason])).toEqual([['empty-source', '`1ce8c-107`: not merged: the source is empty: a target with text would translate nothing']])
    expect(result.text).toBe(text)
  })

  it('refuses the last group whole once the document has been read again 64 times', () => {
    // Every pair outside the table and the headings gets a heading line: 33 bad targets need 65 reads to blame
    // one by one (the halving tree has 2 × 33 − 1 nodes), one more than the budget, so the last is refused whole.
    const units = current()
    document.segments.forEach((segment, index) => {
      if (segment.context.table === undefined && segment.context.block !== 'heading') units.set(ids[index]!, {source: segment.source, target: `${segment.target}\n# 改`})
    })
    const result = merge(document, units)
    expect(result.statistics).toEqual({merged: 0, unchanged: 43, missing: 0, refused: 33, unknown: 0})
    expect(result.changed).toBe(false)
    expect(result.text).toBe(reference)
    expect(result.messages.filter((message) => message.reason.includes('too many')).map((message) => message.reason)).toEqual([
      '`90f5f-181`: not merged: the targets together would change how the document is read (too many such targets to tell which)'
    ])
  })

  it('is quiet and changes nothing when no target changes', () => {
    const result = merge(document, current())
    expect(result.changed).toBe(false)
    expect(result.messages).toEqual([])
  })

  it('accepts no merge that gives check a new error, over random edits of real targets', () => {
    const pieces = ['\n', ' ', '改', '***', '---', '===', '<hr>', '<details>', '`', '```', '~~~', '<!--', '-->', '# ', '- ', '1. ', '> ', '|', '*', '_', '[', ']', '(', ')', '<br>', '<span>', '</span>', '\\', '&amp;', '    ', '\t', '<', '>', '\n\n']
    const edit = fc.record({at: fc.nat(document.segments.length - 1), insert: fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 6}), where: fc.double({min: 0, max: 1, noNaN: true})})
    let accepted = 0
    fc.assert(
      fc.property(fc.array(edit, {minLength: 1, maxLength: 4}), (edits) => {
        const units = current()
        for (const {at, insert, where} of edits) {
          const target = units.get(ids[at]!)!.target!
          const cut = Math.floor(where * target.length)
          units.set(ids[at]!, {source: document.segments[at]!.source, target: target.slice(0, cut) + insert.join('') + target.slice(cut)})
        }
        const result = merge(document, units)
        if (!result.changed) return
        accepted++
        const added = errors(result.text).filter((error) => !errorsBefore.includes(error))
        expect(added).toEqual([])
      }),
      {numRuns: 150, seed: 18}
    )
    expect(accepted).toBeGreaterThan(20)
  })
})

describe('rereadProblem names what reading the merged text again changed', () => {
  // The reference excerpt of the merge fixtures (source-docs/help-and-support-for-eop.md): 16 pairs, a table at the end.
  const input = readFileSync(fileURLToPath(new URL('fixtures/merge/reference-excerpt/input.md', import.meta.url)), 'utf8')
  const excerpt = parse(input)
  const problem = (text: string): string | undefined => rereadProblem(excerpt, excerpt, text)

  it('finds nothing in the same text', () => {
    expect(problem(input)).toBeUndefined()
  })

  it('names a pair that is read with another id, target or source', () => {
    const moved = 'pair `90f5f-148` would no longer be read as one pair with its texts'
    expect(problem(input.replace(/90f5f-148/g, '90f5f-998'))).toBe(moved)
    expect(problem(input.replace('>巴西</span>', '>巴西！</span>'))).toBe(moved)
    expect(problem(input.replace('>Brazil</span>', '>Brazil!</span>'))).toBe(moved)
  })

  it('counts the pairs when one more or one fewer is read after the last that matches', () => {
    const last = excerpt.segments.at(-1)!
    const lastPair = input.slice(last.position.pair.start.offset!, last.position.pair.end.offset!)
    expect(problem(input.replace(lastPair, last.target))).toBe('the document would be read with 15 pairs instead of 16')
    const extra = '\n<span data-ttu-id="90f5f-999">新</span><span class="sxs-lookup"><span data-stu-id="90f5f-999">New</span></span>\n'
    expect(problem(input + extra)).toBe('the document would be read with 17 pairs instead of 16')
  })

  it('says "in another block" when the pair keeps its kind of block but not its place (a table row inserted above)', () => {
    expect(problem(input.replace('|---|---|---|\n', '|---|---|---|\n|a|b|c|\n'))).toBe('pair `90f5f-148` would be read in another block')
  })

  it('reports a text it cannot read at all with the reader\'s reason', () => {
    // An HTML table nesting thousands of tables (as in test/engine.test.ts): parse throws a ParseError.
    expect(problem(`${input}\n<table>${'<tr><td><table>'.repeat(5_000)}\n`)).toBe(
      'the document could not be read again (HTML table nested too deeply to read (thousands of elements inside one another): its cells cannot be found)'
    )
  })

  it('blames a changed target with a line break that splits its pair across blocks, unless the document already did', () => {
    const broken = input.replace('>**適用於**</span>', '>**適用於**\n***\nx</span>')
    const merged = parse(broken)
    const index = excerpt.segments.findIndex((segment) => segment.id === '90f5f-104')
    expect(merged.segments[index]!.target).toBe('**適用於**\n***\nx')
    expect(rereadProblem(excerpt, merged, broken, [index])).toBe('pair `90f5f-104` would start in one block and end in another')
    // The document's own broken pair is not the translation's doing; nor is a pair whose target did not change.
    expect(rereadProblem(merged, merged, broken, [index])).toBeUndefined()
    expect(rereadProblem(excerpt, merged, broken, [])).toBeUndefined()
  })
})
