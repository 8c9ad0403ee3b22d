/**
 * `sxs update --memory`: a translation file exported from the OLD revision (XLIFF 1.2, XLIFF 2.0, JSON) and
 * translated since, used by source (src/update/memory.ts), on the real handoffs of ../shared/corpus/update.
 * Figures in docs/update.md.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import type {BilingualDocument} from '../src/document/types.js'
import {parse} from '../src/document/parse.js'
import {print} from '../src/document/print.js'
import {writeXliff12} from '../src/formats/xliff12.js'
import {writeXliff20} from '../src/formats/xliff20.js'
import {writeJson} from '../src/formats/json.js'
import {readTranslations} from '../src/formats/read.js'
import {check, tally} from '../src/check/index.js'
import {memoryUnits, type MemoryUnit} from '../src/update/memory.js'
import {update} from '../src/update/update.js'
import {main} from '../src/cli/main.js'
import {recordingIo} from './helpers/io.js'
import {historiesDir, historyNames} from './helpers/update-histories.js'

const read = (name: string, file: string): string => readFileSync(join(historiesDir, name, file), 'utf8')

/** The old document as a translator returns it: every third pair's target changed (inline codes untouched). */
function translated(old: BilingualDocument): {document: BilingualDocument; changed: Map<string, string>} {
  const changed = new Map<string, string>()
  let index = 0
  const parts = old.parts.map((part) => {
    if (typeof part === 'string' || index++ % 3 !== 1) return part
    const target = `PL2 ${part.target}`
    changed.set(part.id, target)
    return {...part, target}
  })
  return {document: parse(print({...old, parts})), changed}
}

const writers = {xliff12: writeXliff12, xliff20: writeXliff20, json: writeJson}

describe('an old revision exported, translated and given back as memory', () => {
  it.each(Object.keys(writers))('%s: every reused pair carries the translator’s new target', (format) => {
    const name = 'consume-packages-overview-and-workflow-20210323'
    const old = parse(read(name, 'old.md'))
    const {document, changed} = translated(old)
    const file = writers[format as keyof typeof writers](document)
    const memory = memoryUnits(readTranslations(file), 'old.xlf')
    const result = update(old, read(name, 'new-en.md'), {memory})
    const reused = result.units.filter((unit) => unit.oldId !== undefined && changed.has(unit.oldId))
    expect(reused.length).toBe(15)
    for (const unit of reused) {
      expect(unit.target).toBe(changed.get(unit.oldId!))
      expect(unit.memory).toEqual({file: 'old.xlf', unit: unit.oldId})
    }
    // Pairs the translator left alone keep the old document's target.
    for (const unit of result.units.filter((unit) => unit.oldId !== undefined && !changed.has(unit.oldId))) {
      expect(unit.target).toBe(old.segments.find((segment) => segment.id === unit.oldId)!.target)
      expect(unit.memory).toBeUndefined()
    }
    // The fuzzy candidates offered to the translator are the memory's targets too.
    const offered = result.units.filter((unit) => unit.candidate && changed.has(unit.candidate.id))
    expect(offered.map((unit) => unit.candidate!.target)).toEqual(offered.map((unit) => changed.get(unit.candidate!.id)))
    expect(result.memoryApplied.length).toBe(changed.size)
    expect(tally(check(result.document)).errors).toBe(0)
  })

  it('over the 37 real handoffs: every translated pair whose English survived is carried, no check error added', () => {
    let carried = 0
    let survived = 0
    for (const name of historyNames()) {
      const old = parse(read(name, 'old.md'))
      const {document, changed} = translated(old)
      const result = update(old, read(name, 'new-en.md'), {memory: memoryUnits(readTranslations(writeXliff12(document)), 'm')})
      for (const unit of result.units) {
        if (unit.oldId === undefined || !changed.has(unit.oldId) || unit.class === 'text-only') continue
        survived++
        if (unit.target === changed.get(unit.oldId)) carried++
      }
      expect(tally(check(result.document)).errors, name).toBe(tally(check(old)).errors)
    }
    expect([carried, survived]).toEqual([580, 580])
  })

  it('the next handoff’s own translations as memory place the new sentences they hold (memory beats fuzzy and new)', () => {
    let memory = 0
    let left = 0
    let before = 0
    for (const name of historyNames()) {
      const old = parse(read(name, 'old.md'))
      const english = read(name, 'new-en.md')
      const expected = parse(read(name, 'expected.md'))
      const plain = update(old, english)
      const result = update(old, english, {memory: memoryUnits(readTranslations(writeJson(expected)), 'expected.json')})
      before += plain.units.filter((unit) => unit.needsWork).length
      for (const unit of result.units) {
        if (unit.class === 'memory') {
          memory++
          // The pipeline's translation of that sentence, placed.
          expect(expected.segments.some((segment) => segment.source === unit.source && segment.target === unit.target)).toBe(true)
          expect(unit.needsWork).toBe(false)
        }
        if (unit.needsWork) left++
      }
      expect(tally(check(result.document)).errors, name).toBe(0)
    }
    expect({before, memory, left}).toEqual({before: 88, memory: 88, left: 0})
  })
})

describe('memory units that are not taken', () => {
  it('a target that loses the source’s link, an untranslated state, an empty target: the old target stays', () => {
    const name = 'analyzers-conventions-20210323'
    const old = parse(read(name, 'old.md'))
    const english = read(name, 'new-en.md')
    const linked = old.segments.find((segment) => segment.source.includes('](') && !segment.merged && english.includes(segment.source))!
    const plain = old.segments.find((segment) => !segment.source.includes('[') && !segment.source.includes('`') && !segment.merged)!
    const unit = (source: string, target: string): MemoryUnit => ({id: 'x', source, target, file: 'm.json', document: undefined})
    const memory = [unit(linked.source, 'Bez linku.'), unit(plain.source, '')]
    const units = memoryUnits(readTranslations(JSON.stringify({format: 'sxs', version: 2, documents: []})), 'm')
    expect(units).toEqual([])
    const result = update(old, english, {memory})
    expect(result.memoryApplied).toEqual([])
    expect(result.units.find((unit) => unit.oldId === linked.id)?.target).toBe(linked.target)
    // A unit whose state says nobody translated it is not memory.
    const copied = writeXliff12(old, {copySource: true}).replace(/<target state="[^"]*"/g, '<target state="needs-translation"')
    expect(memoryUnits(readTranslations(copied), 'copy.xlf')).toEqual([])
  })
})

describe('sxs update --memory', () => {
  const work = mkdtempSync(join(tmpdir(), 'sxs-update-memory-'))
  afterAll(() => rmSync(work, {recursive: true, force: true}))
  const name = 'nu1101-20190816'

  it('takes an exported and translated XLIFF, reports what it gave, writes the new targets', async () => {
    const old = parse(read(name, 'old.md'))
    const {document, changed} = translated(old)
    writeFileSync(join(work, 'old.xlf'), writeXliff12(document))
    writeFileSync(join(work, 'old.md'), read(name, 'old.md'))
    writeFileSync(join(work, 'new-en.md'), read(name, 'new-en.md'))
    const io = recordingIo(work)
    expect(await main(['update', 'old.md', 'new-en.md', '--out', 'new.md', '--memory', 'old.xlf', '--report', 'r.json'], io)).toBe(0)
    const text = readFileSync(join(work, 'new.md'), 'utf8')
    for (const target of changed.values()) expect(text).toContain(target)
    const report = JSON.parse(readFileSync(join(work, 'r.json'), 'utf8')) as {counts: {fromMemory: number}; changes: Array<{memory?: {file: string}}>}
    expect(report.counts.fromMemory).toBe(changed.size)
    expect(report.changes.filter((change) => change.memory?.file === 'old.xlf').length).toBe(changed.size)
  })

  it('the old export merged by id into the new document is refused (stale-source); given as memory, it lands', async () => {
    const history = 'nu1201-20190510'
    const old = parse(read(history, 'old.md'))
    const {document, changed} = translated(old)
    writeFileSync(join(work, 'nu1201-old.xlf'), writeXliff12(document))
    writeFileSync(join(work, 'nu1201.md'), read(history, 'old.md'))
    writeFileSync(join(work, 'nu1201-en.md'), read(history, 'new-en.md'))
    expect(await main(['update', 'nu1201.md', 'nu1201-en.md', '--out', 'nu1201-new.md'], recordingIo(work))).toBe(0)
    const merging = recordingIo(work)
    expect(await main(['merge', '--doc', 'nu1201-new.md', '--translations', 'nu1201-old.xlf', '--out', 'nu1201-merged.md'], merging)).toBe(1)
    expect(merging.err).toContain('[stale-source]')
    const io = recordingIo(work)
    expect(await main(['update', 'nu1201.md', 'nu1201-en.md', '--out', 'nu1201-new2.md', '--memory', 'nu1201-old.xlf'], io)).toBe(0)
    const text = readFileSync(join(work, 'nu1201-new2.md'), 'utf8')
    expect(changed.size).toBe(2)
    for (const target of changed.values()) expect(text).toContain(target)
  })

  it('a memory file that is not a translation file: file:line:column, exit 1, nothing written', async () => {
    writeFileSync(join(work, 'bad.xlf'), '<xliff version="1.2"><file>\n<body><trans-unit id="a"></body></xliff>')
    const io = recordingIo(work)
    expect(await main(['update', 'old.md', 'new-en.md', '--out', 'never.md', '--memory', 'bad.xlf'], io)).toBe(1)
    expect(io.err).toMatch(/^bad\.xlf:\d+:\d+: error: /m)
    expect(io.err).toContain('update: a --memory file cannot be read: nothing written for old.md')
    expect(() => readFileSync(join(work, 'never.md'))).toThrow()
  })
})
