/**
 * `sxs update --docs … --memory FILE`: the memory is read once for the run (not once per document), and a
 * unit's codes returned without native data are resolved from the document it came from (its `original`),
 * on real handoffs of ../shared/corpus/update.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import type {BilingualDocument} from '../src/document/types.js'
import {parse} from '../src/document/parse.js'
import {print} from '../src/document/print.js'
import {unitIds} from '../src/document/unit-ids.js'
import {writeXliff12} from '../src/formats/xliff12.js'
import {writeJson} from '../src/formats/json.js'
import {documentLocator} from '../src/update/memory.js'
import {main} from '../src/cli/main.js'
import {recordingIo} from './helpers/io.js'
import {historiesDir} from './helpers/update-histories.js'

const read = (name: string, file: string): string => readFileSync(join(historiesDir, name, file), 'utf8')
const work = mkdtempSync(join(tmpdir(), 'sxs-update-memory-batch-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

function put(file: string, text: string): void {
  mkdirSync(dirname(join(work, file)), {recursive: true})
  writeFileSync(join(work, file), text)
}

/** The old document as a translator returns it: every third pair's target given `mark` (inline codes untouched). */
function translated(old: BilingualDocument, mark: string, path: string): {document: BilingualDocument; changed: Map<string, string>} {
  const changed = new Map<string, string>()
  let index = 0
  const parts = old.parts.map((part) => {
    if (typeof part === 'string' || index++ % 3 !== 1) return part
    const target = `${mark} ${part.target}`
    changed.set(part.id, target)
    return {...part, target}
  })
  return {document: parse(print({...old, parts}), {path}), changed}
}

/** XLIFF 1.2 as a CAT tool may return it: every code without its native data (`<bpt id="1"></bpt>`). */
const withoutNativeData = (xliff: string): string => xliff.replace(/<(bpt|ept|ph)((?: [^>]*)?)>[^<]*<\/\1>/g, '<$1$2></$1>')

const histories = ['consume-packages-overview-and-workflow-20210323', 'creating-a-package-dotnet-cli-20190807', 'nuget-client-sdk-20210115']

describe('sxs update --docs with a memory of several documents', () => {
  const setup = (folder: string): {memory: BilingualDocument[]} => {
    const memory: BilingualDocument[] = []
    for (const [index, name] of histories.entries()) {
      put(`${folder}/docs/area/${name}.md`, read(name, 'old.md'))
      put(`${folder}/en/area/${name}.md`, read(name, 'new-en.md'))
      memory.push(translated(parse(read(name, 'old.md')), `PL${index}`, `area/${name}.md`).document)
    }
    return {memory}
  }

  it('reads it once (its warning printed once), and each document comes out as the single-document form makes it', async () => {
    const {memory} = setup('same')
    // One unexpected element in a target: a warning, not fatal; printed once per read of the file.
    put('same/memory.xlf', writeXliff12(memory).replace('</target>', '<zz/></target>'))
    put('same/memory.json', '[' + memory.map((document) => writeJson(document)).join(',') + ']')
    for (const file of ['memory.xlf', 'memory.json']) {
      const batch = recordingIo(join(work, 'same'))
      expect(await main(['update', '--docs', 'docs', '--english', 'en', '--out', `batch-${file}`, '--memory', file, '--report', `batch-${file}.report.json`], batch)).toBe(0)
      expect(batch.err.split('\n').filter((line) => line.includes('Unexpected <zz>')).length).toBe(file === 'memory.xlf' ? 1 : 0)
      const report = JSON.parse(readFileSync(join(work, 'same', `batch-${file}.report.json`), 'utf8')) as {totals: {fromMemory: number}}
      expect(report.totals.fromMemory).toBeGreaterThan(20)
      for (const name of histories) {
        const single = recordingIo(join(work, 'same'))
        const args = ['update', `docs/area/${name}.md`, `en/area/${name}.md`, '--out', `single-${file}/${name}.md`, '--memory', file]
        expect(await main(args, single)).toBe(0)
        expect(readFileSync(join(work, 'same', `batch-${file}/area/${name}.md`), 'utf8'), name).toBe(readFileSync(join(work, 'same', `single-${file}/${name}.md`), 'utf8'))
      }
    }
  })

  it('a memory file that cannot be read fails the run once, before any document is written', async () => {
    setup('fatal')
    put('fatal/bad.xlf', '<xliff version="1.2"><file>\n<body><trans-unit id="a"></body></xliff>')
    const io = recordingIo(join(work, 'fatal'))
    expect(await main(['update', '--docs', 'docs', '--english', 'en', '--out', 'out', '--memory', 'bad.xlf'], io)).toBe(1)
    expect(io.err.match(/^bad\.xlf:\d+:\d+: error: /gm)?.length).toBe(1)
    expect(io.err.match(/cannot be read/g)?.length).toBe(1)
    expect(io.err).toContain('update: a --memory file cannot be read: nothing written for any of the 3 documents')
    expect(() => readFileSync(join(work, 'fatal', 'out', 'area', `${histories[0]}.md`))).toThrow()
  })
})

describe('codes returned without native data', () => {
  it('are resolved from the document the unit came from, not from the document updated with the same unit ids', async () => {
    // Two documents with the same pair ids (an article copied to a second folder, its links changed): each unit's
    // codes are the ones of its own document. Resolved from the document updated, the copy's units took the
    // other's links, and the first document's translation replaced the copy's own in every linked pair.
    const name = histories[0]!
    const relink = (text: string): string => text.replaceAll('](', '](copy-')
    put('codes/docs/a.md', read(name, 'old.md'))
    put('codes/en/a.md', read(name, 'new-en.md'))
    put('codes/docs/copy/a.md', relink(read(name, 'old.md')))
    put('codes/en/copy/a.md', relink(read(name, 'new-en.md')))
    const first = translated(parse(read(name, 'old.md')), 'PL2', 'a.md')
    const copy = translated(parse(relink(read(name, 'old.md'))), 'PL3', 'copy/a.md')
    expect(unitIds(first.document)).toEqual(unitIds(copy.document))
    put('codes/memory.xlf', withoutNativeData(writeXliff12([first.document, copy.document])))
    expect(readFileSync(join(work, 'codes/memory.xlf'), 'utf8')).toMatch(/<ept id="\w+"><\/ept>/)
    const io = recordingIo(join(work, 'codes'))
    expect(await main(['update', '--docs', 'docs', '--english', 'en', '--out', 'out', '--memory', 'memory.xlf'], io)).toBe(0)
    expect(io.err).not.toContain('error')
    for (const [file, {document, changed}] of [['a.md', first], ['copy/a.md', copy]] as const) {
      const out = parse(readFileSync(join(work, 'codes/out', file), 'utf8'))
      const linked = document.segments.filter((segment) => changed.has(segment.id) && segment.source.includes(']('))
      const carried = linked.filter((segment) => out.segments.some((kept) => kept.source === segment.source))
      expect(carried.length, file).toBeGreaterThan(2)
      for (const segment of carried) expect(out.segments.find((kept) => kept.source === segment.source)!.target, file).toBe(segment.target)
    }
  })
})

describe('units of several documents with the same id and source', () => {
  it('the unit of the document updated wins the tie, in every pair', async () => {
    // The same copied article (same ids, same sentences), each copy translated apart: the memory's first copy
    // used to win every pair of both.
    const name = histories[1]!
    for (const file of ['a.md', 'copy/a.md']) {
      put(`tie/docs/${file}`, read(name, 'old.md'))
      put(`tie/en/${file}`, read(name, 'new-en.md'))
    }
    const first = translated(parse(read(name, 'old.md')), 'PL2', 'a.md')
    const copy = translated(parse(read(name, 'old.md')), 'PL3', 'copy/a.md')
    put('tie/memory.xlf', writeXliff12([first.document, copy.document]))
    const io = recordingIo(join(work, 'tie'))
    expect(await main(['update', '--docs', 'docs', '--english', 'en', '--out', 'out', '--memory', 'memory.xlf'], io)).toBe(0)
    for (const [file, {document, changed}] of [['a.md', first], ['copy/a.md', copy]] as const) {
      const out = parse(readFileSync(join(work, 'tie/out', file), 'utf8'))
      const carried = document.segments.filter((segment) => changed.has(segment.id) && out.segments.some((kept) => kept.source === segment.source))
      expect(carried.length, file).toBeGreaterThan(10)
      for (const segment of carried) expect(out.segments.find((kept) => kept.source === segment.source)!.target, file).toBe(segment.target)
    }
  })
})

describe('documentLocator', () => {
  const locate = documentLocator(['a.md', 'Area/B.md', 'area/sub/c.md', 'x/index.md', 'y/index.md'])

  it('names a document by its path, letter case and backslashes aside, or by a path ending on a folder boundary', () => {
    expect(locate('a.md')).toBe(0)
    expect(locate('area\\b.md')).toBe(1)
    expect(locate('./area/b.md')).toBe(1)
    // Exported from the docs folder's parent, or from a subfolder of it.
    expect(locate('docs/area/sub/c.md')).toBe(2)
    expect(locate('sub/c.md')).toBe(2)
  })

  it('names none when no document or several match', () => {
    expect(locate(undefined)).toBeUndefined()
    expect(locate('')).toBeUndefined()
    expect(locate('index.md')).toBeUndefined()
    expect(locate('other.md')).toBeUndefined()
    expect(locate('b.md/x')).toBeUndefined()
  })
})
