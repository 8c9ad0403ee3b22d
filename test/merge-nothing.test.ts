/**
 * Merge says when nothing happened (issue 15): a translation file made for another document, or holding no
 * unit, is one error line and exit 1 with the document untouched, not a warning per unknown unit and
 * "0 merged" with exit 0; and a stale source shows where the two sources differ, white space made visible,
 * where cutting both at the same length used to hide it.
 */
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {parse} from '../src/document/parse.js'
import {writeJson, writePo, writeXliff12} from '../src/formats/index.js'
import {merge} from '../src/merge/index.js'
import {mergeTranslations} from '../src/merge/translations.js'
import type {VFileMessage} from 'vfile-message'
import {recordingIo} from './helpers/io.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const referencePath = here('../source-docs/help-and-support-for-eop.md')
const referenceText = readFileSync(referencePath, 'utf8')
const reference = parse(referenceText, {path: 'help-and-support-for-eop.md'})
// Another dev-corpus document (fixtures/po), whose pair ids the reference does not have.
const other = parse(readFileSync(here('fixtures/po/delete-a-geo-location.md'), 'utf8'), {path: 'delete-a-geo-location.md'})
const work = mkdtempSync(join(tmpdir(), 'sxs-merge-nothing-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

async function mergeInto(name: string, translations: string): Promise<{code: number; err: string; text: string}> {
  const doc = join(work, 'help-and-support-for-eop.md')
  copyFileSync(referencePath, doc)
  writeFileSync(join(work, name), translations)
  const io = recordingIo(work)
  const code = await main(['merge', '--doc', doc, '--translations', join(work, name)], io)
  return {code, err: io.err, text: readFileSync(doc, 'utf8')}
}

describe('a translation file that matches nothing', () => {
  for (const [name, text] of [
    ['other.xlf', writeXliff12(other)],
    ['other.json', writeJson(other)],
    ['other.po', writePo(other)]
  ] as const) {
    it(`${name}, made for another document: one error, exit 1, the document untouched`, async () => {
      const result = await mergeInto(name, text)
      expect(result.code).toBe(1)
      const named = name.endsWith('.po') ? '' : ' (it names delete-a-geo-location.md)'
      expect(result.err).toBe(
        `${name}:1:1: error: None of the ${other.segments.length} unit(s) of the translation file is a pair of this document: it was made for another document${named}  [translations-mismatch]\n` +
          'help-and-support-for-eop.md: not written: no unit of the translation file is in this document\n'
      )
      expect(result.text).toBe(referenceText)
    })
  }

  it('a file holding no unit, for a document with pairs', async () => {
    const empty = writeXliff12(reference).replace(/<body>[\s\S]*<\/body>/, '<body>\n    </body>')
    const result = await mergeInto('empty.xlf', empty)
    expect(result.code).toBe(1)
    expect(result.err).toContain('empty.xlf:1:1: error: The translation file holds no unit, and the document has 76 pair(s): nothing to merge  [translations-mismatch]\n')
    expect(result.text).toBe(referenceText)
  })

  it('its own file still merges, as unchanged', async () => {
    const result = await mergeInto('own.xlf', writeXliff12(reference))
    expect(result).toEqual({code: 0, err: 'help-and-support-for-eop.md: 0 merged, 76 unchanged, 0 kept, 0 refused, 0 unknown\n', text: referenceText})
  })
})

describe('a stale source', () => {
  const segment = reference.segments.find((candidate) => candidate.source.length > 150)!
  const staleReasonOf = (stale: typeof segment, source: string, document = reference): string => {
    const result = merge(document, new Map([[stale.id, {source, target: 'x'}]]))
    return result.messages.map((message) => message.reason).join('\n')
  }
  const staleReason = (source: string): string => {
    const result = merge(reference, new Map([[segment.id, {source, target: 'x'}]]))
    return result.messages.find((message) => message.ruleId === 'stale-source')!.reason
  }

  it('shows the stretch where a long source differs, not the same start of both', () => {
    const at = segment.source.indexOf(' ', 120)
    const changed = segment.source.slice(0, at) + '\u00A0' + segment.source.slice(at + 1)
    const reason = staleReason(changed)
    const window = (text: string): string => '…' + text.slice(at - 20, at + 40).replace('\u00A0', '\\u00A0') + '…'
    expect(reason).toBe(`\`${segment.id}\`: the translation was made for another source: the document has “${window(segment.source)}”, the translation file “${window(changed)}”`)
  })

  it('tabs, CRs and other invisible characters as escapes', () => {
    const short = reference.segments.find((candidate) => candidate.source === 'Help and support for EOP')!
    expect(staleReasonOf(short, 'Help\tand support\rfor\vEOP\f')).toBe(
      '`90f5f-103`: the translation was made for another source: the document has “Help and support for EOP”, the translation file “Help\\tand support\\rfor\\u000BEOP\\u000C”'
    )
  })

  it('both sources whole up to 60 characters each, cut from 61 on', () => {
    const short = reference.segments.find((candidate) => candidate.source === 'Help and support for EOP')!
    const stale = (file: string): string => `\`90f5f-103\`: the translation was made for another source: the document has “${file.length <= 60 ? short.source : '… and support for EOP'}”, the translation file “${file.length <= 60 ? file : '… and support for EOP' + file.slice(24)}”`
    const sixty = short.source + '!'.repeat(36)
    expect(staleReasonOf(short, sixty)).toBe(stale(sixty))
    expect(staleReasonOf(short, sixty + '!')).toBe(stale(sixty + '!'))
    // The document's side at 60: its source edited to exactly 60 characters.
    const edited = parse(referenceText.replace('extra support options.</span></span>', 'extra support options also.</span></span>'))
    const premier = edited.segments.find((candidate) => candidate.source.startsWith('Premier Support'))!
    expect(premier.source).toHaveLength(60)
    expect(staleReasonOf(premier, 'Premier Support subscribers have extra support options.', edited)).toBe(
      `\`${premier.id}\`: the translation was made for another source: the document has “Premier Support subscribers have extra support options also.”, the translation file “Premier Support subscribers have extra support options.”`
    )
  })

  it('a long source cut beside a short one whole', () => {
    const long = reference.segments.find((candidate) => candidate.source.length > 150)!
    expect(staleReasonOf(long, 'Short')).toBe('`90f5f-108`: the translation was made for another source: the document has “In Microsoft 365 organizations with mail…”, the translation file “Short”')
  })

  it('no "…" at an end the stretch reaches: a difference in the first 20 characters, or 40 before the end', () => {
    const long = reference.segments.find((candidate) => candidate.source.length > 150)!
    expect(staleReasonOf(long, 'X' + long.source.slice(1))).toBe(
      '`90f5f-108`: the translation was made for another source: the document has “In Microsoft 365 organizations with mail…”, the translation file “Xn Microsoft 365 organizations with mail…”'
    )
    const at = long.source.length - 40
    expect(staleReasonOf(long, long.source.slice(0, at) + 'X' + long.source.slice(at + 1))).toBe(
      '`90f5f-108`: the translation was made for another source: the document has “…help you find answers if you are having difficulty with EOP.”, the translation file “…help you find answerX if you are having difficulty with EOP.”'
    )
  })

  it('is not stale when the translation file has CRLF where the document has LF (or the other way round)', () => {
    const multiline = parse(referenceText.replace('extra support options.</span></span>', 'extra support\noptions.</span></span>'))
    const premier = multiline.segments.find((candidate) => candidate.source.startsWith('Premier Support'))!
    expect(premier.source).toBe('Premier Support subscribers have extra support\noptions.')
    for (const source of [premier.source.replace('\n', '\r\n'), premier.source]) {
      const result = merge(multiline, new Map([[premier.id, {source, target: 'x'}]]))
      expect(result.messages).toEqual([])
      expect(result.statistics).toMatchObject({merged: 1, refused: 0})
    }
  })

  it('a short source whole, a line break as \\n', () => {
    const short = reference.segments.find((candidate) => candidate.source === 'Help and support for EOP')!
    const result = merge(reference, new Map([[short.id, {source: 'Help and support\nfor EOP', target: 'x'}]]))
    expect(result.messages.map((message) => message.reason)).toEqual([
      `\`${short.id}\`: the translation was made for another source: the document has “Help and support for EOP”, the translation file “Help and support\\nfor EOP”`
    ])
  })
})

describe('mergeTranslations, the library call behind `sxs merge`', () => {
  const xliff = writeXliff12(reference)
  const where = (messages: VFileMessage[]): string[] => messages.map((message) => `${message.file}:${message.line}:${message.column} ${message.ruleId} ${message.fatal} ${message.reason}`)
  // A page without pairs (human-translated): nothing to merge and nothing wrong, unless the file has units.
  const plain = parse('# Title\n\nNo pairs here.\n', {path: 'plain.md'})

  it('resolves codes a CAT tool returned without their native data from the document (<g id="1"> for **…**)', () => {
    const stripped = xliff
      .replace('<source><bpt id="1" ctype="bold">**</bpt>Applies to<ept id="1">**</ept></source>', '<source><g id="1">Applies to</g></source>')
      .replace('<bpt id="1" ctype="bold">**</bpt>適用於<ept id="1">**</ept></target>', '<g id="1">適用（改）</g></target>')
    const result = mergeTranslations(reference, stripped, {documentPath: 'help-and-support-for-eop.md', translationsPath: 'help.xlf'})
    expect(result.ok && result.merged.text).toBe(referenceText.replace('>**適用於**</span>', '>**適用（改）**</span>'))
    expect(result.messages).toEqual([])
  })

  it('names the document on the merge\'s messages and the translation file on its own', () => {
    const emptied = xliff.replace('>EOP 的說明和支援</target>', '></target>')
    const result = mergeTranslations(reference, emptied, {documentPath: 'docs/help.md', translationsPath: 'help.xlf'})
    expect(where(result.messages)).toEqual(['docs/help.md:23:72 empty-translation false `90f5f-103`: the translation is empty: the document keeps its target'])
    expect(where(mergeTranslations(reference, emptied).messages)).toEqual([':23:72 empty-translation false `90f5f-103`: the translation is empty: the document keeps its target'])
    expect(where(mergeTranslations(reference, '<xliff', {translationsPath: 'bad.xlf'}).messages)).toEqual([
      'bad.xlf:1:7 xml-truncated true The file ends before the XML is complete: is it truncated? (1:6: document must contain a root element.)'
    ])
  })

  it('merges nothing, with nothing wrong, into a page without pairs from a file without units', () => {
    const result = mergeTranslations(plain, writeXliff12(plain), {documentPath: 'plain.md', translationsPath: 'plain.xlf'})
    expect(result.ok && [result.merged.changed, result.merged.statistics]).toEqual([false, {merged: 0, unchanged: 0, missing: 0, refused: 0, unknown: 0}])
    expect(result.messages).toEqual([])
  })

  it('refuses a file made for another document, naming it when the file does and the document path is known', () => {
    const mismatch = 'translations-mismatch true None of the 76 unit(s) of the translation file is a pair of this document: it was made for another document'
    const named = mergeTranslations(plain, xliff, {documentPath: 'plain.md', translationsPath: 'help.xlf'})
    expect(named.ok === false && named.reason).toBe('no-unit-matches')
    expect(where(named.messages)).toEqual([`help.xlf:1:1 ${mismatch} (it names help-and-support-for-eop.md)`])
    expect(where(mergeTranslations(plain, xliff).messages)).toEqual([`:1:1 ${mismatch}`])
    // Its own name: no "(it names …)" when the file names the document (as here, found under another folder).
    expect(where(mergeTranslations(plain, writeXliff12(parse(referenceText, {path: 'x/plain.md'})), {documentPath: 'plain.md'}).messages)).toEqual([`:1:1 ${mismatch}`])
  })

  it('without a document path, takes no document from a file of several', () => {
    const two = writeXliff12([parse(referenceText, {path: 'a/page.md'}), parse(referenceText, {path: 'b/page.md'})])
    const result = mergeTranslations(reference, two, {translationsPath: 'two.xlf'})
    expect(result.ok === false && result.reason).toBe('document-not-in-file')
    expect(where(result.messages)).toEqual(['two.xlf:1:1 document-not-in-translations true The translation file holds 2 documents and none named (no document path given)'])
    expect(where(mergeTranslations(reference, two, {documentPath: 'x/page.md'}).messages)).toEqual([
      ':1:1 document-not-in-translations true The translation file holds 2 documents and several named page.md'
    ])
    // The document named after DOC is taken even when it matches nothing: then no other document's name is given as the one the file names.
    const mixed = writeXliff12([parse(referenceText, {path: 'other/page.md'}), parse(readFileSync(here('fixtures/po/delete-a-geo-location.md'), 'utf8'), {path: 'x/help.md'})])
    expect(where(mergeTranslations(reference, mixed, {documentPath: 'help.md'}).messages)).toEqual([
      `:1:1 translations-mismatch true None of the ${other.segments.length} unit(s) of the translation file is a pair of this document: it was made for another document`
    ])
    // JSON documents need not name their path: such a document is named after nothing.
    const unnamed = `[${writeJson(reference).replace(/"path": "[^"]*",?/, '')}, ${writeJson(reference).replace(/"path": "[^"]*",?/, '')}]`
    expect(where(mergeTranslations(reference, unnamed, {documentPath: 'help-and-support-for-eop.md'}).messages)).toEqual([
      ':1:1 document-not-in-translations true The translation file holds 2 documents and none named help-and-support-for-eop.md'
    ])
  })
})
