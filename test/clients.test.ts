/**
 * Real clients on our XLIFF 1.2, then `sxs merge`:
 * - translate-toolkit: `podebug --rewrite=unicode` (pseudo-translation) and `pretranslate` (fills a job
 *   without targets from the podebug'd translations); the merged document checks clean (no finding that the
 *   original did not have) and re-extracts to exactly the tool's targets;
 * - OmegaT 3.6 in console mode (`../shared/tools/omegat-translate`): XLIFF 1.2 written with `copySource`,
 *   a TMX memory of the document's own translations keyed on the English sources; merge accepts OmegaT's
 *   output with the inline codes restored, and gives back the identical document.
 * Needs translate-toolkit and omegat (Debian packages; `.ci/run` installs them).
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {recordingIo, type RecordingIo} from './helpers/io.js'
import {run} from '../src/cli/commands/merge.js'
import {check} from '../src/check/index.js'
import {parse} from '../src/document/parse.js'
import type {BilingualDocument} from '../src/document/types.js'
import {readTranslations, unitIds, writeXliff12} from '../src/formats/index.js'
import {codeData, codeSegment, codeTable, verifyCodes} from '../src/inline/index.js'
import type {CodeRef} from '../src/inline/types.js'
import {corpusDir} from './helpers/corpus.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const omegatTranslate = fileURLToPath(new URL('../../shared/tools/omegat-translate', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'sxs-clients-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

/** The reference document and real corpus files with links, bold, escapes, inline code and HTML (ja-JP, he-IL, de-DE). */
const files = [
  join(root, 'source-docs/help-and-support-for-eop.md'),
  join(corpusDir, 'OfficeDocs-Enterprise-pr.ja-JP/Enterprise/remove-or-disable-hybrid-modern-authentication-from-skype-for-business-and-excha.md'),
  join(corpusDir, 'microsoft-365-docs-pr.he-IL/microsoft-365/business/get-microsoft-365-business.md'),
  join(corpusDir, 'OfficeDocs-O365SecComp-pr.de-DE/SecurityCompliance/set-up-and-download-a-custom-report.md')
]

function quietIo(): RecordingIo {
  return recordingIo(work)
}

/** A folder for one case, with a copy of the document in it. */
function setUp(file: string, name: string): {folder: string; doc: string; text: string; document: BilingualDocument} {
  const folder = join(work, `${name}-${basename(file, '.md')}`)
  mkdirSync(folder, {recursive: true})
  const doc = join(folder, basename(file))
  copyFileSync(file, doc)
  const text = readFileSync(file, 'utf8')
  return {folder, doc, text, document: parse(text, {path: basename(file)})}
}

/** Findings of `check` as `rule line` (columns move with the length of targets). */
function findings(text: string): string[] {
  return check(parse(text))
    .filter((message) => message.fatal !== false)
    .map((message) => `${message.ruleId} ${message.line}`)
    .sort()
}

/** Targets by unit id of a translation file. */
function targetsOf(xliff: string): Map<string, string | undefined> {
  const read = readTranslations(xliff)
  // The only message allowed: a code whose native data the tool changed was restored from the source.
  expect(read.messages.filter((message) => message.ruleId !== 'code-restored')).toEqual([])
  return new Map([...read.units].map(([id, unit]) => [id, unit.target]))
}

function reextracted(text: string): Map<string, string | undefined> {
  return targetsOf(writeXliff12(parse(text)))
}

describe('translate-toolkit', () => {
  for (const file of files) {
    it(`podebug --rewrite=unicode, then pretranslate, on ${basename(file)}`, async () => {
      const {folder, doc, text} = setUp(file, 'tt')
      const document = parse(text, {path: basename(file)})
      const xliff = join(folder, 'job.xlf')
      writeFileSync(xliff, writeXliff12(document))

      // podebug: every target becomes the accented source. It also accents the native data inside some
      // <ept> (relative link URLs: `](sign-up.md)` → `](şīɠƞ-ŭƥ.ḿḓ)`): the reader puts those codes back
      // from the source by id, with a `code-restored` warning, so every unit merges with its links intact.
      const debugged = join(folder, 'podebug.xlf')
      execFileSync('podebug', ['--progress=none', '--rewrite=unicode', '-i', xliff, '-o', debugged])
      const tool = readTranslations(readFileSync(debugged, 'utf8'))
      expect(tool.messages.filter((message) => message.ruleId !== 'code-restored')).toEqual([])
      const ids = unitIds(document)
      ids.forEach((id, index) => {
        expect(verifyCodes(document.segments[index]!.source, tool.units.get(id)!.target!), id).toEqual([])
      })
      const session = quietIo()
      expect(await run(['--doc', doc, '--translations', debugged], session), session.err).toBe(0)
      const merged = readFileSync(doc, 'utf8')
      expect(merged).not.toBe(text)
      expect(findings(merged)).toEqual(findings(text))
      expect(reextracted(merged)).toEqual(new Map(ids.map((id) => [id, tool.units.get(id)!.target])))

      // pretranslate: a job without targets, filled from the podebug'd file as the previous translation.
      const empty = join(folder, 'empty.xlf')
      writeFileSync(empty, readFileSync(xliff, 'utf8').replace(/\n\s*<target\b[^>]*>[\s\S]*?<\/target>/g, ''))
      const filled = join(folder, 'pretranslated.xlf')
      execFileSync('pretranslate', ['--progress=none', '-t', debugged, '-i', empty, '-o', filled])
      expect(targetsOf(readFileSync(filled, 'utf8'))).toEqual(targetsOf(readFileSync(debugged, 'utf8')))
      copyFileSync(file, doc)
      const again = quietIo()
      expect(await run(['--doc', doc, '--translations', filled], again), again.err).toBe(0)
      // pretranslate marks its units `needs-translation`: a unit whose target is then a copy of its source
      // (a segment that is one image code: its restored code is the English one) keeps the document's target.
      const pretranslated = readTranslations(readFileSync(filled, 'utf8')).units
      const kept = (id: string, index: number): boolean =>
        pretranslated.get(id)!.state === 'needs-translation' && pretranslated.get(id)!.target === document.segments[index]!.source
      expect(reextracted(readFileSync(doc, 'utf8'))).toEqual(
        new Map(ids.map((id, index) => [id, kept(id, index) ? document.segments[index]!.target : tool.units.get(id)!.target]))
      )
    })
  }
})

const omegatJar = '/usr/share/omegat/OmegaT.jar'

/** The project `omegat-translate` makes, for OmegaT's other console modes. */
function omegatProject(folder: string, xliff: string, source: string, target: string): string {
  const project = join(folder, 'omegat-project')
  for (const sub of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat']) mkdirSync(join(project, sub), {recursive: true})
  writeFileSync(
    join(project, 'omegat.project'),
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat><project version="1.0">
  <source_dir>__DEFAULT__</source_dir><target_dir>__DEFAULT__</target_dir>
  <tm_dir>__DEFAULT__</tm_dir><glossary_dir>__DEFAULT__</glossary_dir>
  <glossary_file>__DEFAULT__</glossary_file><dictionary_dir>__DEFAULT__</dictionary_dir>
  <source_lang>${source.toUpperCase()}</source_lang><target_lang>${target.toUpperCase()}</target_lang>
  <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
  <target_tok>org.omegat.tokenizer.LuceneCJKTokenizer</target_tok>
  <sentence_seg>false</sentence_seg><support_default_translations>true</support_default_translations>
  <remove_tags>false</remove_tags>
</project></omegat>
`
  )
  copyFileSync(xliff, join(project, 'source', basename(xliff)))
  return project
}

const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({lt: '<', gt: '>', quot: '"', apos: "'", amp: '&'})[name]!)
const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * How OmegaT sees each segment: its text with OmegaT's tag shortcuts (`<f0>…</f0>`, `<f1/>`; tags that
 * enclose a whole segment are left out), from OmegaT's own pseudo-translation memory of the project.
 */
function omegatSegments(folder: string, xliff: string, source: string, target: string): string[] {
  const project = omegatProject(folder, xliff, source, target)
  const memory = join(folder, 'omegat-view.tmx')
  execFileSync('java', [
    '-Djava.awt.headless=true', '-jar', omegatJar, project, `--config-dir=${join(folder, 'omegat-config')}`,
    '--mode=console-createpseudotranslatetmx', `--pseudotranslatetmx=${memory}`, '--pseudotranslatetype=equal'
  ], {stdio: 'pipe'})
  const tmx = readFileSync(memory, 'utf8')
  return [...tmx.matchAll(/<tu>\s*<tuv lang="[^"]*">\s*<seg>([\s\S]*?)<\/seg>/g)].map((match) => unescapeXml(match[1]!))
}

type OmegatPart = string | {tag: string; type: CodeRef['type']}
const shortcut = /<(\/?)([a-zA-Z]+\d+)(\/?)>/g

function omegatParts(segment: string): OmegatPart[] {
  const parts: OmegatPart[] = []
  let last = 0
  for (const match of segment.matchAll(shortcut)) {
    if (match.index > last) parts.push(segment.slice(last, match.index))
    parts.push({tag: match[0], type: match[1] ? 'close' : match[3] ? 'standalone' : 'open'})
    last = match.index + match[0].length
  }
  if (last < segment.length) parts.push(segment.slice(last))
  return parts
}

const accent = (text: string): string => text.replace(/[aeiouAEIOU]/g, (letter) => ({a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú'})[letter]!)

/**
 * A TMX memory keyed on the English sources as OmegaT segments them, whose translations are the document's
 * targets with their text accented and a ` ✓` added (so that merging them is a visible change), in OmegaT's
 * tag shortcuts.
 * Returns the memory and, by unit id, the markdown target each translated unit must come back with.
 */
function memoryFor(document: BilingualDocument, segments: string[], target: string): {tmx: string; expected: Map<string, string>} {
  const byText = new Map<string, string>()
  for (const segment of segments) byText.set(omegatParts(segment).filter((part) => typeof part === 'string').join(''), segment)
  const ids = unitIds(document)
  const expected = new Map<string, string>()
  const units: string[] = []
  /** OmegaT gives every segment with the same English the translation of the first. */
  const seen = new Map<string, string>()
  document.segments.forEach((segment, index) => {
    const coded = codeSegment(segment.source, segment.target)
    const table = codeTable(coded.codes)
    const refs = coded.source.filter((part): part is CodeRef => typeof part !== 'string')
    const english = byText.get(coded.source.filter((part) => typeof part === 'string').join(''))
    if (english === undefined) return
    if (seen.has(english)) {
      expected.set(ids[index]!, seen.get(english)!)
      return
    }
    const tags = omegatParts(english).filter((part): part is {tag: string; type: CodeRef['type']} => typeof part !== 'string')
    // OmegaT leaves out tags enclosing the whole segment: find which of ours it kept.
    let lead = -1
    for (let k = 0; k + tags.length <= refs.length && lead < 0; k++) {
      if (tags.every((tag, i) => tag.type === refs[k + i]!.type)) lead = k
    }
    if (lead < 0) return
    const trail = refs.length - lead - tags.length
    const tagOf = new Map(tags.map((tag, i) => [`${refs[lead + i]!.type} ${refs[lead + i]!.id}`, tag.tag]))
    const targetParts = [...coded.target]
    const same = (a: string | CodeRef | undefined, b: CodeRef): boolean => typeof a !== 'string' && a?.id === b.id && a.type === b.type
    if (!refs.slice(0, lead).every((ref, i) => same(targetParts[i], ref))) return
    if (!refs.slice(refs.length - trail).every((ref, i) => same(targetParts[targetParts.length - trail + i], ref))) return
    let translation = ''
    // Accented text and a mark at the end of what OmegaT sees, so that every translation is a visible change.
    const accented = targetParts.map((part) => (typeof part === 'string' ? accent(part) : part))
    accented.splice(accented.length - trail, 0, ' ✓')
    for (const part of accented.slice(lead, accented.length - trail)) {
      if (typeof part === 'string') translation += escapeXml(part)
      else {
        const tag = tagOf.get(`${part.type} ${part.id}`)
        if (tag === undefined) return
        translation += escapeXml(tag)
      }
    }
    let markdown = ''
    for (const part of accented) markdown += typeof part === 'string' ? part : (codeData(part, table) ?? '')
    seen.set(english, markdown)
    expected.set(ids[index]!, markdown)
    units.push(`<tu><tuv xml:lang="en-US"><seg>${escapeXml(english)}</seg></tuv><tuv xml:lang="${target}"><seg>${translation}</seg></tuv></tu>`)
  })
  const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="sxs-test" creationtoolversion="1" segtype="paragraph" o-tmf="sxs" adminlang="en-US" srclang="en-US" datatype="plaintext"/><body>
${units.join('\n')}
</body></tmx>
`
  return {tmx, expected}
}

describe('OmegaT', () => {
  for (const file of [files[0]!, files[2]!]) {
    it(`translates our XLIFF 1.2 (--copy-source) from a TMX memory, and merge restores the codes: ${basename(file)}`, async () => {
      const {folder, doc, text, document} = setUp(file, 'omegat')
      const target = document.languages.target ?? 'zh-TW'
      const xliff = join(folder, 'job.xlf')
      writeFileSync(xliff, writeXliff12(document, {copySource: true}))
      const {tmx, expected} = memoryFor(document, omegatSegments(folder, xliff, 'en-US', target), target)
      writeFileSync(join(folder, 'memory.tmx'), tmx)
      execFileSync(omegatTranslate, [xliff, join(folder, 'memory.tmx'), join(folder, 'translated'), 'en-US', target], {stdio: 'pipe'})
      const translated = join(folder, 'translated', 'job.xlf')

      const session = quietIo()
      expect(await run(['--doc', doc, '--translations', translated], session), session.err).toBe(0)
      const merged = readFileSync(doc, 'utf8')
      const ids = unitIds(document)
      // Every unit the memory translated comes back with its codes; the others keep the document's target.
      const want = new Map(ids.map((id, index) => [id, expected.get(id) ?? document.segments[index]!.target]))
      expect(reextracted(merged)).toEqual(want)
      const changed = [...expected].filter(([id, markdown]) => markdown !== document.segments[ids.indexOf(id)]!.target).length
      expect(expected.size).toBeGreaterThan(document.segments.length * 0.8)
      expect(changed).toBe(expected.size)
      expect(session.err).toContain(`${changed} merged`)
      expect(findings(merged)).toEqual(findings(text))
    })
  }
})
