/**
 * Review state: units of human-translated documents (`ms.translationtype: HT`) are approved (XLIFF 1.2
 * `approved="yes"`, XLIFF 2.0 `state="final"`), machine translations need review, so that translate-toolkit
 * and CAT tools count human translations as translated. Over the dev corpus pocount's translated count is
 * the HT units and its fuzzy count the others; the XLIFF still validates (../shared/tools/validate-xliff).
 * Needs translate-toolkit and libxml2-utils (Debian packages; `.ci/run` installs them).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {writeXliff12, writeXliff20} from '../src/formats/index.js'
import {translationType} from '../src/formats/common.js'
import {corpusDir, corpusFiles} from './helpers/corpus.js'

const validator = fileURLToPath(new URL('../../shared/tools/validate-xliff', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'sxs-review-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

const pair = '<span data-ttu-id="a-1">Ziel</span><span class="sxs-lookup"><span data-stu-id="a-1">Source</span></span>\n'
const documentOf = (type: string | undefined): string => `---\nms.contentlocale: de-DE\n${type === undefined ? '' : `ms.translationtype: ${type}\n`}---\n${pair}`

describe('one unit by translation type', () => {
  it('HT: approved (1.2) and final (2.0); MT: needs review; no statement: translated; copy-source: new', () => {
    const unit = (type: string | undefined, copySource = false): [string, string] => {
      const document = parse(documentOf(type), {path: 'a.md'})
      return [/<trans-unit[^>]*>\s*<source>.*<\/source>\s*<target[^>]*>/.exec(writeXliff12(document, {copySource}))![0].replace(/\s+/g, ' '), /<segment[^>]*>/.exec(writeXliff20(document, {copySource}))![0]]
    }
    expect(unit('HT')).toEqual(['<trans-unit id="a-1" approved="yes" xml:space="preserve"> <source>Source</source> <target state="translated">', '<segment state="final">'])
    expect(unit('ht')).toEqual(unit('HT'))
    expect(unit('MT')).toEqual(['<trans-unit id="a-1" xml:space="preserve"> <source>Source</source> <target state="needs-review-translation" state-qualifier="mt-suggestion">', '<segment state="translated" subState="sxs:machine-translation">'])
    expect(unit(undefined)).toEqual(['<trans-unit id="a-1" xml:space="preserve"> <source>Source</source> <target state="translated">', '<segment state="translated">'])
    expect(unit('HT', true)).toEqual(['<trans-unit id="a-1" xml:space="preserve"> <source>Source</source> <target state="new">', '<segment state="initial">'])
  })
})

describe('the dev corpus', () => {
  it("pocount's translated count is the HT units, fuzzy the others; the XLIFF 1.2 and 2.0 of HT documents validate", () => {
    const documents = corpusFiles().map((file) => parse(readFileSync(file, 'utf8'), {path: relative(corpusDir, file)}))
    const units = {HT: 0, other: 0}
    for (const document of documents) {
      const human = translationType(document) === 'HT'
      for (const segment of document.segments) {
        // An empty target of a non-empty source needs translation, whatever the document says.
        if (segment.target === '' && segment.source !== '') continue
        units[human ? 'HT' : 'other']++
      }
    }
    expect(units.HT).toBeGreaterThan(20_000)
    // Many documents per file, so that pocount and xmllint run a few times, not 661.
    const files: string[] = []
    for (let start = 0; start < documents.length; start += 60) {
      const file = join(work, `corpus-${start}.xlf`)
      writeFileSync(file, writeXliff12(documents.slice(start, start + 60)))
      files.push(file)
    }
    // `pocount --csv` crashes on translate-toolkit 3.8 (KeyError); the plain table's TOTAL block is read.
    const table = execFileSync('pocount', files, {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}}).replace(/\x1b\[[0-9;]*m/g, '')
    const total = table.slice(table.lastIndexOf('TOTAL:'))
    expect(Number(/Translated:\s+(\d+)/.exec(total)![1])).toBe(units.HT)
    expect(Number(/Fuzzy:\s+(\d+)/.exec(total)![1])).toBe(units.other)

    const human = documents.filter((document) => translationType(document) === 'HT')
    const valid = [join(work, 'ht.12.xlf')]
    writeFileSync(valid[0]!, writeXliff12(human))
    // XLIFF 2.0: one file per language pair.
    for (const language of new Set(human.map((document) => document.languages.target))) {
      const file = join(work, `ht-${language}.20.xlf`)
      writeFileSync(file, writeXliff20(human.filter((document) => document.languages.target === language)))
      valid.push(file)
    }
    expect(valid.length).toBeGreaterThan(2)
    const run = spawnSync(validator, valid, {encoding: 'utf8', env: {...process.env, LC_ALL: 'C'}})
    expect(`${run.stdout}${run.stderr}`).toBe('')
    expect(run.status).toBe(0)
  }, 300_000)
})
