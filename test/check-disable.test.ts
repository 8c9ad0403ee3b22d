/**
 * Comments that turn rules off in a document (src/check/directives.ts, through unified-message-control):
 * ranges, the whole file, the next line, the comment's own line (a table row), remark-lint's spelling,
 * and problems with the comments themselves. Each test compares the whole list of messages.
 */
import {describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {check} from '../src/check/index.js'
import {doc, pair} from '../src/check/example.js'

/** `[ruleId, line, column, severity]` of every message. */
function found(text: string, options: Parameters<typeof check>[1] = {}): Array<[string, number, number, string]> {
  return check(parse(text, {path: 'a.md'}), options).map((message) => [String(message.ruleId), message.line ?? 0, message.column ?? 0, message.fatal ? 'error' : 'warning'])
}

const help = pair('90f5f-103', 'Hilfe', 'Help')

describe('sxs-disable … sxs-enable', () => {
  // Line n (1-based) is `lines[n - 1]`: the same pair four times gives a duplicate-id error on lines 3, 5 and 7.
  const lines = (between: string[]) => `${help}\n\n${between.join('\n\n')}\n`

  it('turns a rule off from the comment to the enable comment, and keeps the other messages whole', () => {
    const plain = lines([help, help, help])
    expect(found(plain)).toEqual([
      ['duplicate-id', 3, 1, 'error'],
      ['duplicate-id', 5, 1, 'error'],
      ['duplicate-id', 7, 1, 'error']
    ])
    const ranged = lines([`<!-- sxs-disable duplicate-id -->\n${help}`, `${help}\n<!-- sxs-enable duplicate-id -->`, help])
    // Lines: 1 pair, 3 disable, 4 pair, 6 pair, 7 enable, 9 pair.
    expect(found(ranged)).toEqual([['duplicate-id', 9, 1, 'error']])
    const message = check(parse(ranged, {path: 'a.md'}))[0]!
    expect(message).toMatchObject({ruleId: 'duplicate-id', source: 'sxs', file: 'a.md', line: 9, column: 1, segmentId: '90f5f-103'})
    expect(message.place).toEqual({start: {line: 9, column: 1, offset: ranged.lastIndexOf(help)}, end: {line: 9, column: help.length + 1, offset: ranged.lastIndexOf(help) + help.length}})
  })

  it('runs to the end of the file without an enable comment', () => {
    expect(found(lines([help, `<!-- sxs-disable duplicate-id -->\n${help}`, help]))).toEqual([['duplicate-id', 3, 1, 'error']])
  })

  it('leaves other rules on, and without ids turns every rule off', () => {
    expect(found(lines([`<!-- sxs-disable id-gap -->\n${help}`]))).toEqual([['duplicate-id', 4, 1, 'error']])
    expect(found(lines([`<!-- sxs-disable -->\n${help}`, `<!-- sxs-enable -->\n${help}`]))).toEqual([['duplicate-id', 7, 1, 'error']])
  })

  it('reads several ids separated by spaces or commas, and ignores a reason after --', () => {
    const gap = `${help}\n\n<!-- sxs-disable id-gap, duplicate-id -- the old page numbered them so -->\n${help}\n\n${pair('90f5f-109', 'Ende', 'End')}\n`
    expect(found(gap)).toEqual([])
    expect(found(gap.replace(', duplicate-id', ''))).toEqual([['duplicate-id', 4, 1, 'error']])
  })

  it('is remark-lint’s <!--sxs disable id--> … <!--sxs enable id--> too', () => {
    expect(found(lines([`<!--sxs disable duplicate-id-->\n${help}`, `<!--sxs enable duplicate-id-->\n${help}`]))).toEqual([['duplicate-id', 7, 1, 'error']])
  })
})

describe('many directives', () => {
  it('each keeps its own place, however many there are (the tree is grouped past 64 and 4096 nodes)', () => {
    // Every odd pair after the first is silenced by the comment above it; every even one is reported.
    const blocks: string[] = [help]
    for (let index = 1; index <= 5000; index++) blocks.push(index % 2 === 1 ? `<!-- sxs-disable-next-line duplicate-id -->\n${help}` : help)
    const text = `${blocks.join('\n')}\n`
    const lines = text.split('\n')
    const expected = lines.flatMap((line, index) => (line === help && index > 0 && !lines[index - 1]!.startsWith('<!--') ? [index + 1] : []))
    expect(expected).toHaveLength(2500)
    const messages = check(parse(text))
    expect(messages.map((message) => [message.ruleId, message.line])).toEqual(expected.map((line) => ['duplicate-id', line]))
  })
})

describe('sxs-disable-file', () => {
  it('turns a rule off in the whole file wherever the comment is, front matter included', () => {
    const text = doc(`${help}\n\n${help}\n\n<!-- sxs-disable-file content-locale -->\n`, 'de-DE')
    expect(found(text, {targetLanguage: 'fr-FR'})).toEqual([['duplicate-id', 7, 1, 'error']])
    expect(found(text.replace('-file content-locale', '-file content-locale duplicate-id'), {targetLanguage: 'fr-FR'})).toEqual([])
    expect(found(text.replace('<!-- sxs-disable-file content-locale -->', ''), {targetLanguage: 'fr-FR'})).toEqual([
      ['content-locale', 3, 1, 'error'],
      ['duplicate-id', 7, 1, 'error']
    ])
  })
})

describe('sxs-disable-next-line', () => {
  it('covers the line after the comment only', () => {
    expect(found(`${help}\n<!-- sxs-disable-next-line duplicate-id -->\n${help}\n${help}\n`)).toEqual([['duplicate-id', 4, 1, 'error']])
  })

  it('inside a range that is off, leaves the range off after its line', () => {
    expect(found(`${help}\n<!-- sxs-disable duplicate-id -->\n<!-- sxs-disable-next-line duplicate-id -->\n${help}\n${help}\n<!-- sxs-enable duplicate-id -->\n${help}\n`)).toEqual([['duplicate-id', 7, 1, 'error']])
  })

  it('is remark-lint’s <!--sxs ignore id--> for the next block (up to a blank line)', () => {
    expect(found(`${help}\n\n<!--sxs ignore duplicate-id-->\n\n${help}\n${help}\n\n${help}\n`)).toEqual([['duplicate-id', 8, 1, 'error']])
  })
})

describe('a table row', () => {
  // pair-split-across-cells' bad example: an unescaped `|` in a target adds a cell (held-out docsets: phone-number
  // tables); the row it breaks is that pair's finding alone (one incident, one finding).
  const header = `| ${pair('90f5f-146', 'Land', 'Country')} | ${pair('90f5f-147', 'Nummer', 'Number')} |\n|---|---|\n`
  const row = (end: string, id = 148) => `|${pair(`90f5f-${id}`, 'Brasilien', 'Brazil')}|${pair(`90f5f-${id + 1}`, 'Gebührenfrei | 0800', 'Toll-free 0800')}${end}\n`
  const table = (...rows: string[]) => doc(`${header}${rows.join('')}`)

  it('is silenced by <!-- sxs-disable-line rule --> inside its last cell, which the table keeps', () => {
    expect(found(table(row('|'), row('|', 150)))).toEqual([
      ['pair-split-across-cells', 7, 167, 'error'],
      ['pair-split-across-cells', 8, 167, 'error']
    ])
    expect(found(table(row(' <!-- sxs-disable-line pair-split-across-cells --> |'), row('|', 150)))).toEqual([['pair-split-across-cells', 8, 167, 'error']])
    expect(found(table(row(' <!-- sxs-disable-line --> |'), row('|', 150)))).toEqual([['pair-split-across-cells', 8, 167, 'error']])
  })

  it('a comment in a well-formed row’s last cell adds no finding of its own', () => {
    const clean = `|${pair('90f5f-148', 'Brasilien', 'Brazil')}|${pair('90f5f-149', 'Gebührenfrei', 'Toll-free')} <!-- sxs-disable-line id-gap --> |\n`
    expect(found(doc(`${header}${clean}`))).toEqual([])
  })
})

describe('what is not a directive, and bad directives', () => {
  it('a comment inside a code block is code, not a directive', () => {
    expect(found(`${help}\n\n\`\`\`md\n<!-- sxs-disable -->\n\`\`\`\n\n${help}\n`)).toEqual([['duplicate-id', 7, 1, 'error']])
  })

  it('an unknown rule id, name or keyword is a disable-comment warning on the comment, and the finding stays', () => {
    const text = `${help}\n<!-- sxs-disable-next-line duplicate-ids -->\n${help}\n<!-- sxs-disabel duplicate-id -->\n<!--sxs silence duplicate-id-->\n`
    const messages = check(parse(text, {path: 'a.md'}))
    expect(messages.map((message) => [message.ruleId, message.line, message.column, message.fatal, message.reason])).toEqual([
      ['disable-comment', 2, 1, false, 'Unknown rule `duplicate-ids` in `<!-- sxs-disable-next-line duplicate-ids -->`'],
      ['duplicate-id', 3, 1, true, 'Duplicate id `90f5f-103`'],
      ['disable-comment', 4, 1, false, 'Unknown directive `sxs-disabel`: expected one of `sxs-disable`, `sxs-enable`, `sxs-disable-file`, `sxs-disable-next-line`, `sxs-disable-line`'],
      ['disable-comment', 5, 1, false, 'Unknown keyword `silence` in `<!--sxs silence duplicate-id-->`: expected `disable`, `enable` or `ignore`']
    ])
    for (const message of messages) expect(message).toMatchObject({source: 'sxs', file: 'a.md'})
  })

  it('two directives side by side are both read', () => {
    expect(found(`${help}\n<!-- sxs-disable duplicate-id --><!-- sxs-enable duplicate-id -->\n${help}\n`)).toEqual([['duplicate-id', 3, 1, 'error']])
    expect(found(`${help}\n<!-- sxs-disable id-gap --><!-- sxs-disable duplicate-id -->\n${help}\n`)).toEqual([])
  })

  it('a message quotes a long comment shortened; an unclosed one is no directive', () => {
    const long = `<!-- sxs-disable-next-line ${'x'.repeat(500)} -->`
    const [problem] = check(parse(`${long}\n${help}\n`))
    expect(problem!.reason).toBe(`Unknown rule \`${'x'.repeat(60)}…${'x'.repeat(12)}\` in \`<!-- sxs-disable-next-line ${'x'.repeat(33)}…${'x'.repeat(8)} -->\``)
    // Unclosed, the comment runs to the end of the page (unclosed-comment), and disables nothing.
    expect(found(`${help}\n${'<!-- sxs-disable '.repeat(20000)}\n\n${help}\n`)).toEqual([
      ['unclosed-comment', 2, 1, 'error'],
      ['duplicate-id', 4, 1, 'error']
    ])
  })

  it('other comments are left alone', () => {
    expect(found(`${help}\n<!-- sxsx-disable-next-line -->\n<!-- markdownlint-disable-next-line -->\n${help}\n`)).toEqual([['duplicate-id', 4, 1, 'error']])
  })
})
