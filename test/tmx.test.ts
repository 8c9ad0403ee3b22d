/**
 * TMX 1.4b memories (`sxs tmx`): the reference document's memory equals test/fixtures/formats/
 * help-and-support-for-eop.tmx (regenerate with UPDATE=1); identical pairs merge with a usage count and
 * their origins; pairs check reports errors on, empty and untranslated pairs stay out unless `includeAll`.
 * Real tools: translate-toolkit reads every unit of the dev corpus's memory with our exact sources and
 * targets (inline codes included), pocount counts them, xmllint finds it well-formed. OmegaT 3.6 uses the
 * memory to translate a --copy-source XLIFF 1.2 and merge gives the document back: with `<bpt>/<ept>/<ph>`
 * it fills the units whose codes sit at the ends only (it reads external TMX codes at "level 1"); with
 * `tags: 'omegat'` every unit, those with codes inside the text too. OmegaT's own view of 61 dev-corpus
 * documents' units is what `omegatPair` computes.
 * Needs translate-toolkit, libxml2-utils and omegat (Debian packages; `.ci/run` installs them).
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {check} from '../src/check/index.js'
import {brokenPairs} from '../src/cli/checked.js'
import {run as merge} from '../src/cli/commands/merge.js'
import {run as tmx} from '../src/cli/commands/tmx.js'
import {parse} from '../src/document/parse.js'
import type {BilingualDocument} from '../src/document/types.js'
import {readTranslations, unitIds, writeXliff12} from '../src/formats/index.js'
import {tmxMemory, writeTmx, type TmxDocument, type TmxOptions} from '../src/formats/tmx.js'
import {codeSegment} from '../src/inline/index.js'
import {omegatPair} from '../src/formats/omegat.js'
import {corpusDir, corpusFiles} from './helpers/corpus.js'
import {recordingIo} from './helpers/io.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const referencePath = here('../source-docs/help-and-support-for-eop.md')
const omegatTranslate = here('../../shared/tools/omegat-translate')
const work = mkdtempSync(join(tmpdir(), 'sxs-tmx-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

function read(file: string, path = basename(file)): BilingualDocument {
  return parse(readFileSync(file, 'utf8'), {path})
}

function checked(document: BilingualDocument): TmxDocument {
  return {document, broken: brokenPairs(check(document))}
}

/** Each unit of TMX files as translate-toolkit reads them (one Python process for all): source and target text. */
function translateToolkitUnits(files: string[]): Array<Array<{source: string; target: string}>> {
  const script = `
import json, sys
from translate.storage import factory
print(json.dumps([[{"source": u.source, "target": u.target} for u in factory.getobject(f).units] for f in sys.argv[1:]]))
`
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, ...files], {encoding: 'utf8', maxBuffer: 1 << 30})) as Array<Array<{source: string; target: string}>>
}

describe('the reference document', () => {
  const reference = read(referencePath)

  it('its memory equals the fixture', () => {
    const text = writeTmx(tmxMemory([checked(reference)]))
    const file = here('fixtures/formats/help-and-support-for-eop.tmx')
    if (process.env['UPDATE']) writeFileSync(file, text)
    expect(text).toBe(readFileSync(file, 'utf8'))
  })

  it('writes bold and links as <bpt>/<ept> with the ids of the XLIFF, the native markdown inside', () => {
    const text = writeTmx(tmxMemory([checked(reference)]))
    expect(text).toContain('<seg><bpt i="1" x="1" type="bold">**</bpt>Applies to<ept i="1">**</ept></seg>')
    expect(writeXliff12(reference)).toContain('<source><bpt id="1" ctype="bold">**</bpt>Applies to<ept id="1">**</ept></source>')
    expect(text).toContain('<prop type="x-sxs-document">help-and-support-for-eop.md</prop>\n      <prop type="x-sxs-id">90f5f-104</prop>\n      <prop type="x-sxs-translationtype">MT</prop>')
  })

  it('merges identical pairs: the same document twice is the same units, each used twice, from both places', () => {
    const once = tmxMemory([checked(reference)])
    const copy = parse(readFileSync(referencePath, 'utf8'), {path: 'copy.md'})
    const twice = tmxMemory([checked(reference), checked(copy)])
    expect(twice.units.map((unit) => [unit.source, unit.target])).toEqual(once.units.map((unit) => [unit.source, unit.target]))
    expect(twice.pairs).toBe(2 * once.pairs)
    for (const [index, unit] of twice.units.entries()) {
      expect(unit.origins.map((origin) => origin.document)).toEqual([...once.units[index]!.origins.map(() => 'help-and-support-for-eop.md'), ...once.units[index]!.origins.map(() => 'copy.md')])
    }
    expect(writeTmx(twice)).toContain('<tu usagecount="2">')
  })
})

describe('what stays out', () => {
  // test/fixtures/document/empty-source (cites its corpus file): 143 has an empty source (a check error),
  // 146's target is its source (`**Duration**`).
  const document = read(here('fixtures/document/empty-source/input.md'), 'empty-source.md')

  it('pairs with check errors, empty and untranslated pairs, unless includeAll', () => {
    const input = checked(document)
    expect([...input.broken!]).toContain('1eb26-143')
    const memory = tmxMemory([input])
    const kept = new Set(memory.units.flatMap((unit) => unit.origins.map((origin) => origin.id)))
    expect(kept.has('1eb26-143')).toBe(false)
    expect(kept.has('1eb26-146')).toBe(false)
    expect(kept.has('1eb26-147')).toBe(true)
    expect(memory.excluded.broken).toBe(input.broken!.size)
    expect(memory.excluded.untranslated).toBeGreaterThanOrEqual(1)
    const all = tmxMemory([input], {includeAll: true})
    expect(all.pairs).toBe(document.segments.length)
    expect(all.excluded).toEqual({broken: 0, empty: 0, untranslated: 0, omegat: 0})
    expect(memory.pairs + memory.excluded.broken + memory.excluded.empty + memory.excluded.untranslated).toBe(document.segments.length)
  })
})

describe('sxs tmx', () => {
  it('writes the memory of a folder, says what it left out, and refuses to write when a file cannot be read', async () => {
    const folder = join(work, 'cli')
    mkdirSync(join(folder, 'docs'), {recursive: true})
    copyFileSync(referencePath, join(folder, 'docs', 'help-and-support-for-eop.md'))
    const io = recordingIo(folder)
    expect(await tmx(['docs', '--out', 'memory.tmx'], io), io.err).toBe(0)
    expect(readFileSync(join(folder, 'memory.tmx'), 'utf8')).toBe(writeTmx(tmxMemory([checked(read(referencePath))])))
    expect(io.err).toMatch(/^tmx: 74 pair\(s\) as 68 unit\(s\) from 1 document\(s\) → memory\.tmx; left out: 0 with errors, 0 empty, 2 untranslated\n$/)

    writeFileSync(join(folder, 'docs', 'bad.md'), Buffer.from([0x3c, 0x73, 0x70, 0x61, 0x6e, 0x20, 0xff, 0x0a]))
    const before = readFileSync(join(folder, 'memory.tmx'), 'utf8')
    const failing = recordingIo(folder)
    expect(await tmx(['docs', '--out', 'memory.tmx', '--include-all'], failing)).toBe(1)
    expect(failing.err).toContain('docs/bad.md:1:7: error:')
    expect(failing.err).toContain('nothing written')
    expect(readFileSync(join(folder, 'memory.tmx'), 'utf8')).toBe(before)

    const usage = recordingIo(folder)
    expect(await tmx(['docs'], usage)).toBe(2)
    expect(usage.err).toContain('--out FILE.tmx is required')
    expect(await tmx(['docs', '--out', 'x.tmx', '--source-lang', 'en US'], recordingIo(folder))).toBe(2)
    expect(await tmx(['docs', '--out', 'x.tmx', '--tags', 'trados'], recordingIo(folder))).toBe(2)
    rmSync(join(folder, 'docs', 'bad.md'))
    const omegat = recordingIo(folder)
    expect(await tmx(['docs', '--out', 'omegat.tmx', '--tags', 'omegat'], omegat), omegat.err).toBe(0)
    expect(omegat.err).toContain('untranslated, 0 OmegaT could not give back\n')
    expect(readFileSync(join(folder, 'omegat.tmx'), 'utf8')).toContain('<seg>For more information about the service health area, see &lt;f0&gt;Service health and continuity&lt;/f0&gt;.</seg>')
    expect(existsSync(join(folder, 'x.tmx'))).toBe(false)
  })
})

describe('the dev corpus', () => {
  it('xmllint finds the memory well-formed; translate-toolkit reads every unit with our exact source and target; pocount counts them', () => {
    const documents = corpusFiles().map((file) => checked(read(file, relative(corpusDir, file))))
    const memory = tmxMemory(documents)
    const file = join(work, 'dev.tmx')
    writeFileSync(file, writeTmx(memory))
    execFileSync('xmllint', ['--noout', '--nonet', file])
    const [units] = translateToolkitUnits([file])
    expect(units!.length).toBe(memory.units.length)
    const differing = memory.units.filter((unit, index) => units![index]!.source !== unit.source || units![index]!.target !== unit.target)
    expect(differing.slice(0, 3)).toEqual([])
    // Units with inline codes are among them (translate-toolkit reads the native data inside <bpt>/<ept>/<ph>).
    expect(memory.units.filter((unit) => codeSegment(unit.source, unit.target).codes.length > 0).length).toBeGreaterThan(10_000)
    const counted = execFileSync('pocount', [file], {encoding: 'utf8'})
    expect(counted).toMatch(new RegExp(`Translated:\\s+${memory.units.length} \\(100%\\)`))
  })
})

/** A --copy-source XLIFF 1.2 of a document translated by OmegaT from the document's own memory. */
function translateWithOmegat(file: string, name: string, options: TmxOptions): {folder: string; text: string; document: BilingualDocument; kept: Set<string>; targets: string[]} {
  const folder = join(work, `${name}-${basename(file, '.md')}`)
  mkdirSync(folder, {recursive: true})
  const text = readFileSync(file, 'utf8')
  const document = parse(text, {path: basename(file)})
  const xliff = join(folder, 'job.xlf')
  writeFileSync(xliff, writeXliff12(document, {copySource: true}))
  const memory = tmxMemory([checked(document)], options)
  writeFileSync(join(folder, 'memory.tmx'), writeTmx(memory))
  execFileSync(omegatTranslate, [xliff, join(folder, 'memory.tmx'), join(folder, 'translated'), 'en-US', document.languages.target!], {stdio: 'pipe'})
  const translated = readTranslations(readFileSync(join(folder, 'translated', 'job.xlf'), 'utf8'))
  expect(translated.messages.filter((message) => message.ruleId !== 'code-restored')).toEqual([])
  const kept = new Set(memory.units.flatMap((unit) => unit.origins.map((origin) => origin.id)))
  return {folder, text, document, kept, targets: unitIds(document).map((id) => translated.units.get(id)!.target!)}
}

/** Merge OmegaT's translation into a copy of the document: it comes back byte for byte. Returns merge's summary. */
async function mergeBack(file: string, folder: string, text: string): Promise<string> {
  const doc = join(folder, basename(file))
  writeFileSync(doc, text)
  const io = recordingIo(folder)
  expect(await merge(['--doc', doc, '--translations', join(folder, 'translated', 'job.xlf')], io), io.err).toBe(0)
  expect(readFileSync(doc, 'utf8')).toBe(text)
  return io.err
}

/**
 * True when OmegaT 3.6 can match the unit from an external TMX: it reads a memory's inline codes at "level 1"
 * (their content dropped: its default), and shows a segment's tags but those enclosing the whole segment, so
 * the two agree only for a source without codes or whose codes are one pair around all of it.
 */
function omegatMatches(source: string): boolean {
  const coded = codeSegment(source, source).source
  if (coded.every((part) => typeof part === 'string')) return true
  const first = coded[0]
  const last = coded.at(-1)
  return (
    coded.length >= 2 &&
    typeof first !== 'string' &&
    typeof last !== 'string' &&
    first!.type === 'open' &&
    last!.type === 'close' &&
    first!.id === last!.id &&
    coded.slice(1, -1).every((part) => typeof part === 'string')
  )
}

describe('OmegaT', () => {
  const files: Array<[string, number]> = [
    [referencePath, 5],
    [join(corpusDir, 'microsoft-365-docs-pr.he-IL/microsoft-365/business/get-microsoft-365-business.md'), 7]
  ]
  for (const [file, inner] of files) {
    it(`translates a --copy-source XLIFF 1.2 from the memory, and merge gives the document back: ${basename(file)}`, async () => {
      const {folder, text, document, kept, targets} = translateWithOmegat(file, 'omegat', {})
      // Every unit of the memory OmegaT can match is filled with its target; the others keep the source.
      const unmatched = new Set<string>()
      document.segments.forEach((segment, index) => {
        if (kept.has(segment.id) && omegatMatches(segment.source)) expect(targets[index], segment.id).toBe(segment.target)
        else {
          expect(targets[index], segment.id).toBe(segment.source)
          if (kept.has(segment.id)) unmatched.add(segment.id)
        }
      })
      // merge gives the document back byte for byte (a unit OmegaT left as the copied source keeps its target).
      const summary = await mergeBack(file, folder, text)
      expect(summary).toContain(`0 merged, ${document.segments.length - unmatched.size} unchanged, ${unmatched.size} kept, 0 refused, 0 unknown`)
      // OmegaT 3.6's limit, not the memory's: units with codes inside the text (5 of 74 here, 7 of 12 in he-IL).
      expect(unmatched.size).toBe(inner)
    }, 120_000)
  }
})

const omegatJar = '/usr/share/omegat/OmegaT.jar'
const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({lt: '<', gt: '>', quot: '"', apos: "'", amp: '&'})[name]!)

describe('OmegaT, with its tag shortcuts (tags: omegat)', () => {
  it("omegatPair gives OmegaT's own view of every unit of 61 dev-corpus documents", () => {
    // OmegaT's pseudo-translation memory of a project holds each distinct segment as OmegaT shows it.
    const folder = join(work, 'omegat-view')
    const project = join(folder, 'project')
    for (const sub of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat']) mkdirSync(join(project, sub), {recursive: true})
    writeFileSync(join(project, 'omegat.project'), readFileSync(omegatTranslate, 'utf8').split('<<XML\n')[1]!.split('\nXML\n')[0]!.replace('${src^^}', 'EN-US').replace('${tgt^^}', 'ZH-TW') + '\n')
    const documents = corpusFiles().filter((_, index) => index % 11 === 0).map((file) => read(file, relative(corpusDir, file)))
    expect(documents.length).toBe(61)
    // One language pair for the project: OmegaT shows the source, whatever the target.
    writeFileSync(join(project, 'source', 'job.xlf'), writeXliff12(documents.map((document) => ({...document, languages: {...document.languages, target: 'zh-TW'}})), {copySource: true}))
    const memory = join(folder, 'view.tmx')
    execFileSync('java', ['-Djava.awt.headless=true', '-jar', omegatJar, project, `--config-dir=${join(folder, 'config')}`, '--mode=console-createpseudotranslatetmx', `--pseudotranslatetmx=${memory}`, '--pseudotranslatetype=equal'], {stdio: 'pipe'})
    const shown = new Set([...readFileSync(memory, 'utf8').matchAll(/<tu>\s*<tuv lang="[^"]*">\s*<seg>([\s\S]*?)<\/seg>/g)].map((match) => unescapeXml(match[1]!)))
    const ours = new Set<string>()
    for (const document of documents) {
      for (const segment of document.segments) {
        const coded = codeSegment(segment.source, segment.source)
        const view = omegatPair(coded.source, coded.target, coded.codes)!.source
        if (view !== '') ours.add(view)
      }
    }
    expect(shown.size).toBeGreaterThan(5000)
    expect([...ours].filter((view) => !shown.has(view))).toEqual([])
    expect([...shown].filter((view) => !ours.has(view))).toEqual([])
  }, 180_000)

  const files = [
    referencePath,
    join(corpusDir, 'microsoft-365-docs-pr.he-IL/microsoft-365/business/get-microsoft-365-business.md'),
    join(corpusDir, 'OfficeDocs-Enterprise-pr.ja-JP/Enterprise/remove-or-disable-hybrid-modern-authentication-from-skype-for-business-and-excha.md')
  ]
  for (const file of files) {
    it(`fills every unit of the memory, those with codes inside the text too, and merge gives the document back: ${basename(file)}`, async () => {
      const {folder, text, document, kept, targets} = translateWithOmegat(file, 'omegat-tags', {tags: 'omegat'})
      let inner = 0
      document.segments.forEach((segment, index) => {
        expect(targets[index], segment.id).toBe(kept.has(segment.id) ? segment.target : segment.source)
        if (kept.has(segment.id) && !omegatMatches(segment.source)) inner++
      })
      expect(inner).toBeGreaterThan(0)
      await mergeBack(file, folder, text)
    }, 120_000)
  }
})
