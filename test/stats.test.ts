/**
 * Word counts (`sxs stats`): words of known segmentations in Thai, Chinese, Japanese and space-separated
 * scripts (test/fixtures/stats/words.json); only the translatable text counts; English source word counts
 * equal pocount's on the dev corpus's units it counts the same way; the reference document's JSON equals
 * test/fixtures/stats/help-and-support-for-eop.json (regenerate with UPDATE=1), the table and CSV carry the
 * same numbers, and the corpus's errors and warnings are check's.
 * Needs translate-toolkit (Debian package; `.ci/run` installs it).
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {check} from '../src/check/index.js'
import {run as stats} from '../src/cli/commands/stats.js'
import {parse} from '../src/document/parse.js'
import {writeXliff12} from '../src/formats/index.js'
import {codeText} from '../src/inline/index.js'
import {countWords, documentStats, summarize, translatableText, type Stats} from '../src/stats/index.js'
import {corpusDir, corpusFiles} from './helpers/corpus.js'
import {recordingIo} from './helpers/io.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const referencePath = here('../source-docs/help-and-support-for-eop.md')
const work = mkdtempSync(join(tmpdir(), 'sxs-stats-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

describe('words', () => {
  const cases = JSON.parse(readFileSync(here('fixtures/stats/words.json'), 'utf8')) as Array<{language: string; text: string; words: string[]}>

  it('counts the known words of each script (Intl.Segmenter for Thai, Chinese, Japanese; white space for the others)', () => {
    expect(cases.map(({language, text}) => [language, text, countWords(text, language)])).toEqual(cases.map(({language, text, words}) => [language, text, words.length]))
    expect(new Set(cases.map(({language}) => language.split('-')[0]))).toEqual(new Set(['th', 'zh', 'ja', 'en', 'de', 'ru', 'el', 'ar', 'he', 'ko']))
  })

  it('counts the translatable text: the text of bold and links, not URLs, inline code, images or HTML tags', () => {
    const text = 'See **the** [admin center](https://admin.microsoft.com) and run `Get-Mailbox -Identity x` ![icon](a.png)<br/>now.'
    expect(translatableText(text)).toBe('See the admin center and run     now.')
    expect(countWords(translatableText(text), 'en-US')).toBe(7)
    expect(countWords(translatableText('**ไป**ที่[ศูนย์การจัดการ](https://admin.microsoft.com)'), 'th-TH')).toBe(5)
  })
})

describe('the dev corpus', () => {
  it("English source words equal pocount's on every unit without inline codes and without a dot between non-digits", () => {
    // pocount counts the XLIFF source with its inline codes' markdown (URLs, inline code) as words, and
    // replaces a dot between two non-digits together with its neighbours by a space (`U.S.` is no word):
    // the units where neither applies are compared, which are most of them.
    const documents = corpusFiles().map((file) => parse(readFileSync(file, 'utf8'), {path: relative(corpusDir, file)}))
    const same = documents.map((document) => ({
      ...document,
      segments: document.segments.filter((segment) => codeText(segment.source).codes.length === 0 && !/\D\.\D/.test(segment.source) && segment.source.trim() !== '')
    }))
    const units = same.reduce((sum, document) => sum + document.segments.length, 0)
    expect(units).toBeGreaterThan(59_000)
    const ours = same.reduce((sum, document) => sum + documentStats(document).sourceWords, 0)
    const files: string[] = []
    for (let start = 0; start < same.length; start += 60) {
      const file = join(work, `corpus-${start}.xlf`)
      writeFileSync(file, writeXliff12(same.slice(start, start + 60)))
      files.push(file)
    }
    const table = execFileSync('pocount', files, {encoding: 'utf8'}).replace(/\x1b\[[0-9;]*m/g, '')
    const total = /Total:\s+(\d+)\s+(\d+)/.exec(table.slice(table.lastIndexOf('TOTAL:')))!
    expect([Number(total[1]), Number(total[2])]).toEqual([units, ours])
  }, 300_000)
})

describe('sxs stats', () => {
  const folder = join(work, 'cli')
  mkdirSync(join(folder, 'docs'), {recursive: true})
  copyFileSync(referencePath, join(folder, 'docs', 'help-and-support-for-eop.md'))

  it("the reference document's JSON equals the fixture, with check's errors and warnings", async () => {
    const io = recordingIo(folder)
    expect(await stats(['docs', '--format', 'json'], io), io.err).toBe(0)
    const file = here('fixtures/stats/help-and-support-for-eop.json')
    if (process.env['UPDATE']) writeFileSync(file, io.out)
    expect(io.out).toBe(readFileSync(file, 'utf8'))
    const result = JSON.parse(io.out) as Stats
    const document = parse(readFileSync(referencePath, 'utf8'), {path: 'help-and-support-for-eop.md'})
    const messages = check(document)
    expect(result.documents[0]).toMatchObject({
      document: 'help-and-support-for-eop.md',
      segments: 76,
      mtSegments: 76,
      htSegments: 0,
      errors: messages.filter((message) => message.fatal === true).length,
      warnings: messages.filter((message) => message.fatal !== true).length
    })
    expect(result.total).toEqual({...result.languagePairs[0], sourceLanguage: undefined, targetLanguage: undefined})
  })

  it('the table and CSV carry the same numbers', async () => {
    const json = recordingIo(folder)
    await stats(['docs', '--format', 'json'], json)
    const {total} = JSON.parse(json.out) as Stats
    const csv = recordingIo(folder)
    expect(await stats(['docs', '--format', 'csv'], csv)).toBe(0)
    const lines = csv.out.split('\r\n')
    expect(lines.at(-1)).toBe('')
    expect(lines.map((line) => line.split(',').slice(0, 7).join(','))).toEqual([
      'row,document,source language,target language,translation type,documents,segments',
      'document,help-and-support-for-eop.md,en-US,zh-TW,MT,1,76',
      'pair,,en-US,zh-TW,,1,76',
      'total,,,,,1,76',
      ''
    ])
    const header = lines[0]!.split(',')
    const last = lines.at(-2)!.split(',')
    expect(Number(last[header.indexOf('sourceWords')])).toBe(total.sourceWords)
    expect(Number(last[header.indexOf('targetCharacters')])).toBe(total.targetCharacters)
    const table = recordingIo(folder)
    expect(await stats(['docs'], table)).toBe(0)
    expect(table.out).toMatch(new RegExp(`^total \\(1 document\\(s\\)\\)\\s+76\\s+${total.sourceWords.toLocaleString('en-US')}\\s+${total.targetWords.toLocaleString('en-US')}\\s`, 'm'))
    const usage = recordingIo(folder)
    expect(await stats(['docs', '--format', 'xml'], usage)).toBe(2)
    expect(usage.err).toContain("--format must be table, json or csv, not 'xml'")
  })

  it('sums documents per language pair and in total', () => {
    const documents = ['microsoft-365-docs-pr.he-IL/microsoft-365/business/get-microsoft-365-business.md', 'OfficeDocs-Enterprise-pr.ja-JP/Enterprise/remove-or-disable-hybrid-modern-authentication-from-skype-for-business-and-excha.md']
      .map((file) => documentStats(parse(readFileSync(join(corpusDir, file), 'utf8'), {path: file})))
    const summary = summarize([...documents, documents[0]!])
    expect(summary.languagePairs.map((pair) => [pair.targetLanguage, pair.documents, pair.segments])).toEqual([
      ['he-IL', 2, 2 * documents[0]!.segments],
      ['ja-JP', 1, documents[1]!.segments]
    ])
    expect(summary.total.sourceWords).toBe(2 * documents[0]!.sourceWords + documents[1]!.sourceWords)
  })
})
