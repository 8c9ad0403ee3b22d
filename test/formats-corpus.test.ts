/**
 * Formats over the whole dev corpus: write → read gives every source and target back exactly in XLIFF 1.2,
 * XLIFF 2.0 and JSON; every document's XLIFF validates (xmllint through ../shared/tools/validate-xliff, many
 * documents per file so that xmllint runs a few times, not 1,300); `pocount` counts the right units; the npm
 * `xliff` package, an independent reader, reads what we write; JSON validates against
 * schema/sxs-document.schema.json. Kept apart from test/formats.test.ts: these take minutes, and the mutation
 * run (vitest.mutate.config.ts) leaves corpus-wide tests out, as each mutant of the reader would run them.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Ajv2020} from 'ajv/dist/2020.js'
import xliff from 'xliff'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from '../src/index.js'
import type {BilingualDocument} from '../src/document/types.js'
import {unitIds, writeJson, writeXliff12, writeXliff20} from '../src/formats/index.js'
import {codeSegment} from '../src/inline/index.js'
import {corpusDir, corpusFiles} from './helpers/corpus.js'
import {expectRoundTrip, validate} from './helpers/read-back.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const reference = parse(readFileSync(here('../source-docs/help-and-support-for-eop.md'), 'utf8'), {path: 'help-and-support-for-eop.md'})

let temp: string
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'sxs-formats-corpus-'))
})
afterAll(() => {
  rmSync(temp, {recursive: true, force: true})
})

describe('the dev corpus', () => {
  const documents: BilingualDocument[] = []
  beforeAll(() => {
    for (const file of corpusFiles()) documents.push(parse(readFileSync(file, 'utf8'), {path: relative(corpusDir, file)}))
  })

  it('write → read gives every source and target back, in XLIFF 1.2, XLIFF 2.0 and JSON', () => {
    let units = 0
    for (const document of documents) {
      expectRoundTrip(document, writeXliff12(document))
      expectRoundTrip(document, writeXliff20(document))
      expectRoundTrip(document, writeJson(document))
      units += document.segments.length
    }
    expect(units).toBe(82_412)
  })

  it('JSON validates against schema/sxs-document.schema.json', () => {
    const ajv = new Ajv2020({allErrors: true, strict: true})
    const check = ajv.compile(JSON.parse(readFileSync(here('../schema/sxs-document.schema.json'), 'utf8')))
    for (const document of [reference, ...documents]) {
      const value = JSON.parse(writeJson(document))
      if (!check(value)) expect.fail(`${document.path}: ${ajv.errorsText(check.errors)}`)
    }
  })

  /** Many documents per XLIFF file (XLIFF 2.0: one language pair per file), so that xmllint and pocount run a few times. */
  function batches(): Array<{name: string; documents: BilingualDocument[]}> {
    const byLanguage = new Map<string, BilingualDocument[]>()
    for (const document of documents) {
      const key = `${document.languages.source}_${document.languages.target ?? 'none'}`
      byLanguage.set(key, [...(byLanguage.get(key) ?? []), document])
    }
    const out: Array<{name: string; documents: BilingualDocument[]}> = []
    for (const [key, list] of byLanguage) {
      for (let start = 0; start < list.length; start += 60) out.push({name: `${key}-${start}`, documents: list.slice(start, start + 60)})
    }
    return out
  }

  it('every document validates as XLIFF 1.2 (strict) and XLIFF 2.0 (core)', () => {
    const files: string[] = []
    for (const batch of batches()) {
      files.push(join(temp, `${batch.name}.12.xlf`), join(temp, `${batch.name}.20.xlf`))
      writeFileSync(files.at(-2)!, writeXliff12(batch.documents))
      writeFileSync(files.at(-1)!, writeXliff20(batch.documents))
    }
    expect(files.length).toBeLessThan(40)
    expect(validate(files)).toEqual({status: 0, output: ''})
  })

  it('pocount (translate-toolkit) reads the XLIFF 1.2 with the right unit counts', () => {
    const all = batches()
    const files = all.map((batch) => {
      const file = join(temp, `pocount-${batch.name}.xlf`)
      writeFileSync(file, writeXliff12(batch.documents))
      return file
    })
    // translate-toolkit 3.x's CSV writer fails on its review columns (KeyError 'reviewsourdcewords', on stderr) after
    // writing a row's counts and before its newline: read each row's total by pattern, not by line.
    const run = spawnSync('pocount', ['--csv', ...files], {encoding: 'utf8', maxBuffer: 1 << 24})
    const totals = new Map<string, number>()
    for (const row of run.stdout.matchAll(/([^\s,]+\.xlf),\s*\d+,\s*\d+,\s*\d+,\s*\d+,\s*\d+,\s*\d+,\s*\d+,\s*(\d+),/g)) {
      totals.set(row[1]!, Number(row[2]))
    }
    all.forEach((batch, index) => {
      const expected = batch.documents.reduce((sum, document) => sum + document.segments.length, 0)
      expect({file: batch.name, units: totals.get(files[index]!)}).toEqual({file: batch.name, units: expected})
    })
  })

  it('the npm xliff package, an independent reader, finds our units, languages, notes and inline codes', async () => {
    for (const document of [reference, ...documents.filter((_, index) => index % 5 === 0)]) {
      const ids = unitIds(document)
      const one = await xliff.xliff12ToJs(writeXliff12(document))
      const two = await xliff.xliff2js(writeXliff20(document))
      expect(one.sourceLanguage).toBe(document.languages.source)
      expect(one.targetLanguage).toBe(document.languages.target)
      // XLIFF 2.0 must name a target language where there are targets: `und` for a document that does not say.
      expect(two.targetLanguage).toBe(document.languages.target ?? 'und')
      const units12 = one.resources[document.path!] ?? {}
      const units20 = two.resources['f1'] ?? {}
      expect(Object.keys(units12)).toEqual(ids)
      expect(Object.keys(units20)).toEqual(ids)
      document.segments.forEach((segment, index) => {
        const unit = units12[ids[index]!]!
        // It keeps the code ids (in order) and, for 1.2, the native data: compare what it keeps.
        const ours = ourCodeIds(segment.source, segment.target)
        expect(codeIds(unit.source, '1.2')).toEqual(ours.source)
        expect(codeIds(unit.target, '1.2')).toEqual(ours.target)
        expect(comparable(flatten(unit.source))).toBe(comparable(segment.source))
        expect(codeIds(units20[ids[index]!]!.source, '2.0')).toEqual(ours.source)
        expect(codeIds(units20[ids[index]!]!.target, '2.0')).toEqual(ours.target)
      })
    }
  })
})


function ourCodeIds(source: string, target: string): {source: string[]; target: string[]} {
  const coded = codeSegment(source, target)
  const ids = (content: typeof coded.source): string[] => content.flatMap((part) => (typeof part === 'string' ? [] : [part.id]))
  return {source: ids(coded.source), target: ids(coded.target)}
}

type XliffValue = string | XliffObject | XliffValue[] | undefined
interface XliffObject {
  [key: string]: {id?: string; contents?: XliffValue} | undefined
}

/** Code ids in order; the package calls a 1.2 `<ph>` and a 2.0 `<pc>` both `Span`: a `<pc>` stands for its start and end. */
function codeIds(value: XliffValue, version: '1.2' | '2.0'): string[] {
  if (value === undefined || typeof value === 'string') return []
  if (Array.isArray(value)) return value.flatMap((item) => codeIds(item, version))
  return Object.values(value).flatMap((code) => {
    if (!code) return []
    const inner = code.contents !== undefined && typeof code.contents !== 'string' ? codeIds(code.contents, version) : []
    return version === '2.0' && 'Span' in value ? [code.id ?? '', ...inner, code.id ?? ''] : [code.id ?? '', ...inner]
  })
}

function flatten(value: XliffValue): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(flatten).join('')
  return Object.values(value)
    .map((code) => (code?.contents === undefined ? '' : flatten(code.contents)))
    .join('')
}

/** What the xliff package keeps of a text: it decodes `&amp;` once more and drops some whitespace. */
function comparable(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/\s+/g, '')
}
