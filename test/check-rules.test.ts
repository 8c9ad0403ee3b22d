/**
 * Every rule's documented examples are its tests (as remark-lint does): each example gives exactly the
 * messages it lists (a good one none, unless it shows a warning). Plus the engine: config and disable comments.
 */
import {describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {check, rules} from '../src/check/index.js'
import {validateConfig, loadConfig, ConfigError} from '../src/check/config.js'
import {exampleMessage, pair} from '../src/check/example.js'
import {readdirSync} from 'node:fs'
import {expectGolden} from './helpers/golden.js'

describe('rules', () => {
  it('one file per rule, named for its id', () => {
    const files = readdirSync(new URL('../src/check/rules/', import.meta.url)).map((name) => name.replace(/\.ts$/, '')).sort()
    expect(rules.map((rule) => rule.id).sort()).toEqual(files)
  })

  for (const rule of rules) {
    describe(rule.id, () => {
      it('has a description and examples', () => {
        expect(rule.description.length).toBeGreaterThan(40)
        expect(rule.bad.length).toBeGreaterThan(0)
        expect(rule.good.length).toBeGreaterThan(0)
      })
      // Every message of the rule, in full (place, severity, reason), as remark-lint's examples pin theirs: a second
      // report, a column off by one, a flipped severity or a reworded message all fail.
      for (const [kind, examples] of [['bad', rule.bad], ['good', rule.good]] as const) {
        for (const example of examples) {
          it(`${kind}: ${example.title}`, () => {
            const messages = check(parse(example.markdown, {path: 'example.md'}), example.options ?? {})
            const own = messages.filter((message) => message.ruleId === rule.id)
            expect(own.map(exampleMessage)).toEqual(example.messages)
            // A rule that throws is an `internal-error`, not one of its own messages: without this, a crash on
            // a good example (or on a bad one, after reporting) passed.
            expect(messages.filter((message) => message.ruleId === 'internal-error').map((message) => message.reason)).toEqual([])
            for (const message of own) expect(message.source).toBe('sxs')
            if (kind === 'bad') expect(example.messages.length).toBeGreaterThan(0)
            // A good example may show a warning the rule gives (a source-side problem), never an error.
            else expect(example.messages.filter((message) => /^[\d:-]+: error: /.test(message))).toEqual([])
          })
        }
      }
    })
  }
})

describe('the segment each example message is about', () => {
  // A message names its segment (`segmentId`): the JSON and SARIF reporters show it, and `brokenPairs`
  // (src/cli/checked.ts) keeps the pairs an error names out of what is extracted. The examples pin place,
  // severity and wording; this golden pins the segment of every message of every example (mutation testing
  // found it unpinned).
  it('is the one each rule reports with', () => {
    const lines: string[] = []
    for (const rule of rules) {
      for (const [kind, examples] of [['bad', rule.bad], ['good', rule.good]] as const) {
        for (const example of examples) {
          const messages = check(parse(example.markdown, {path: 'example.md'}), example.options ?? {}).filter((message) => message.ruleId === rule.id)
          for (const message of messages) lines.push(`${rule.id}\t${kind}: ${example.title}\t${message.line}:${message.column}\t${message.segmentId ?? '-'}`)
        }
      }
    }
    expectGolden(new URL('golden/rule-example-segments.tsv', import.meta.url), `${lines.join('\n')}\n`)
  })
})

describe('rule examples with CR-only line endings', () => {
  // A lone CR ends a line as LF does (micromark, the layout's line table): a rule that scans for the end of a line
  // by hand (an unclosed fence's opening line, a line break in a table pair) must stop at it too. Mutation testing
  // found the CR of those scans unpinned (and content-locale's line split on LF only, since fixed).
  for (const rule of rules) {
    it(`${rule.id}: every example gives the same messages`, () => {
      for (const example of [...rule.bad, ...rule.good]) {
        const messages = (markdown: string) => check(parse(markdown, {path: 'example.md'}), example.options ?? {}).filter((message) => message.ruleId === rule.id).map(exampleMessage)
        expect(messages(example.markdown.replace(/\r?\n/g, '\r')), example.title).toEqual(example.messages)
      }
    })
  }
})

describe('prose-outside-pair and code blocks', () => {
  it('takes the comments of an indented code block in a list item as code, as the block parse does', () => {
    // A held-out Azure article: PowerShell samples indented 8 spaces in numbered steps, English comments.
    const sample = ['', '        # Provide the HDInsight cluster name where you want to run the job.', '        $clusterName = "<HDInsightClusterName>"', '']
    const inList = [`1. ${pair('710cd-229', 'Legen Sie die Variablen fest.', 'Set the following variables.')}`, ...sample].join('\n')
    const prose = (text: string) => check(parse(text)).filter((message) => message.ruleId === 'prose-outside-pair').map((message) => message.line)
    expect(parse(inList).codeBlocks).toEqual([{startLine: 3, endLine: 4}])
    expect(prose(inList)).toEqual([])
    // The same line as a paragraph (a lazy continuation of the item's text) is prose.
    expect(prose([`1. ${pair('710cd-229', 'Legen Sie die Variablen fest.', 'Set the following variables.')}`, sample[1]!.trim(), ''].join('\n'))).toEqual([2])
  })
})

describe('table-shape at the ends of lines', () => {
  // brokenByPair walks to the end of the row's bilingual line, which a lone CR ends too: walking on to the next
  // LF (here: none) took the next row's split pair as this row's, and the row a backslash breaks went unreported.
  it('reports the row a backslash breaks, not the next row a `|` in a target splits', () => {
    const header = `|${pair('90f5f-145', 'Land', 'Country')}|${pair('90f5f-146', 'Telefon', 'Phone')}|\r|---|---|\r`
    const rows = `|${pair('90f5f-150', 'Ordner C:\\Daten\\', 'Folder C:\\Data')}|${pair('90f5f-151', '0800', '0800')}|\r|${pair('90f5f-152', 'Kanada', 'Canada')}|${pair('90f5f-153', 'Gebührenfrei | 1800', 'Toll-free 1800')}|\r`
    const messages = check(parse(`${header}${rows}`, {path: 'example.md'})).filter((message) => message.ruleId === 'table-shape' || message.ruleId === 'pair-split-across-cells')
    expect(messages.map((message) => `${message.ruleId} ${exampleMessage(message)}`)).toEqual([
      'table-shape 3:1-3:254: error: Table row has 1 cell(s) in the localized document, the delimiter row 2',
      'pair-split-across-cells 4:164-4:165: error: Unescaped `|` in the target of `90f5f-153` splits it across table cells (escape it as `\\|`)'
    ])
  })

  it('walks no further than the end of a file without a final line break', () => {
    const header = `|${pair('90f5f-145', 'Land', 'Country')}|${pair('90f5f-146', 'Telefon', 'Phone')}|\n|---|---|\n`
    const row = `|${pair('90f5f-150', 'Ordner C:\\Daten\\', 'Folder C:\\Data')}|${pair('90f5f-151', '0800', '0800')}|  `
    const messages = check(parse(`${header}${row}`, {path: 'example.md'})).filter((message) => message.ruleId === 'table-shape')
    expect(messages.map(exampleMessage)).toEqual(['3:1-3:254: error: Table row has 1 cell(s) in the localized document, the delimiter row 2'])
  })
})

describe('engine', () => {
  const duplicate = `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`

  it('reports messages as vfile messages with place, rule id, source and segment id', () => {
    const [message] = check(parse(duplicate, {path: 'a.md'}))
    expect(message).toMatchObject({ruleId: 'duplicate-id', source: 'sxs', line: 3, column: 1, fatal: true, file: 'a.md', segmentId: '90f5f-103'})
    expect(message!.url).toMatch(/rules\.md#duplicate-id$/)
  })

  it('turns a rule off or re-grades it from the options', () => {
    expect(check(parse(duplicate), {rules: {'duplicate-id': 'off'}})).toEqual([])
    const [warning] = check(parse(duplicate), {rules: {'duplicate-id': 'warn'}})
    expect(warning!.fatal).toBe(false)
    const gap = `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`
    expect(check(parse(gap), {rules: {'id-gap': 'error'}})[0]).toMatchObject({ruleId: 'id-gap', fatal: true})
  })

  it('honours <!-- sxs-disable-next-line rule-id --> for the next line only', () => {
    const text = `${pair('90f5f-103', 'Hilfe', 'Help')}\n<!-- sxs-disable-next-line duplicate-id -->\n${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`
    const messages = check(parse(text))
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['duplicate-id', 5]])
    const other = `${pair('90f5f-103', 'Hilfe', 'Help')}\n<!-- sxs-disable-next-line id-gap -->\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`
    expect(check(parse(other)).map((m) => m.ruleId)).toEqual(['duplicate-id'])
    const all = `${pair('90f5f-103', 'Hilfe', 'Help')}\n<!-- sxs-disable-next-line -->\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`
    expect(check(parse(all))).toEqual([])
  })

  it('validates configuration', () => {
    expect(validateConfig({rules: {'id-gap': 2, 'inline-markup': 0}, targetLanguage: 'de-DE'}, 'x')).toEqual({rules: {'id-gap': 'error', 'inline-markup': 'off'}, targetLanguage: 'de-DE'})
    expect(() => validateConfig({rules: {'no-such-rule': 'off'}}, '.sxsrc.json')).toThrow(/unknown rule `no-such-rule`/)
    expect(() => validateConfig({rules: {'id-gap': 'loud'}}, '.sxsrc.json')).toThrow(ConfigError)
    expect(() => validateConfig({colour: true}, '.sxsrc.json')).toThrow(/unknown key/)
  })

  it('finds .sxsrc.json, else the sxs key of package.json, in the folder or above', async () => {
    const files: Record<string, string> = {
      '/repo/package.json': JSON.stringify({name: 'docs', sxs: {rules: {'id-gap': 'off'}}}),
      '/repo/docs/.sxsrc.json': JSON.stringify({rules: {'inline-markup': 'off'}})
    }
    const read = async (file: string) => files[file]
    expect(await loadConfig('/repo/docs/de', read)).toEqual({config: {rules: {'inline-markup': 'off'}}, path: '/repo/docs/.sxsrc.json'})
    expect(await loadConfig('/repo/other', read)).toEqual({config: {rules: {'id-gap': 'off'}}, path: '/repo/package.json'})
    expect(await loadConfig('/elsewhere', read)).toEqual({config: {}, path: undefined})
    await expect(loadConfig('/repo', read, 'missing.json')).rejects.toThrow(/no such file/)
  })
})
