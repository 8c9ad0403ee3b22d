/**
 * gettext PO: the reference document's PO equals its fixture; GNU gettext's own tools accept what we write
 * (`msgfmt --check` over the whole dev corpus; `msgcat`, which rewrites a file as gettext writes it, changes
 * only the order of two comment lines, and its output merges back); translate-toolkit's `podebug` rewrites
 * every msgstr and merge takes each back or refuses it with the reason, and its `pocount` counts human
 * translations as translated and machine translations as fuzzy; a translator's edit lands in its target
 * alone. Bad PO is an error at its line. Needs Debian's gettext and translate-toolkit (`.ci/run` installs
 * them). The whole dev corpus (msgfmt, merging each PO back): test/po-corpus.test.ts.
 */
import {reasonWithRelated} from '../src/document/messages.js'
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {parse} from '../src/document/parse.js'
import type {BilingualDocument} from '../src/document/types.js'
import {readTranslations, unitIds, writePo} from '../src/formats/index.js'
import {merge} from '../src/merge/index.js'
import {expectGolden} from './helpers/golden.js'
import {recordingIo} from './helpers/io.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const referenceText = readFileSync(here('../source-docs/help-and-support-for-eop.md'), 'utf8')
const reference = parse(referenceText, {path: 'help-and-support-for-eop.md'})
const humanText = readFileSync(here('fixtures/po/delete-a-geo-location.md'), 'utf8')
const human = parse(humanText, {path: 'delete-a-geo-location.md'})
const work = mkdtempSync(join(tmpdir(), 'sxs-po-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

function file(name: string, text: string): string {
  const path = join(work, name)
  writeFileSync(path, text)
  return path
}

/** `msgfmt --check`: its exit code and what it printed. */
function msgfmt(path: string): {status: number | null; output: string} {
  const run = spawnSync('msgfmt', ['--check', '-o', '/dev/null', path], {encoding: 'utf8'})
  return {status: run.status, output: run.stdout + run.stderr}
}

/** The document merged with the PO text read back. */
function mergedWith(document: BilingualDocument, po: string): ReturnType<typeof merge> {
  const read = readTranslations(po, {path: 'x.po'})
  expect(read.messages.map(String)).toEqual([])
  expect(read.format).toBe('po')
  return merge(document, read.units)
}

describe('the reference document', () => {
  it('PO equals the fixture: msgctxt the unit id, context and line as comments, MT fuzzy', () => {
    expectGolden(here('fixtures/formats/help-and-support-for-eop.po'), writePo(reference))
  })

  it('msgfmt --check accepts it without a word, and merging it back changes nothing', () => {
    const result = msgfmt(file('reference.po', writePo(reference)))
    expect(result).toEqual({status: 0, output: ''})
    const merged = mergedWith(reference, writePo(reference))
    expect(merged.text).toBe(referenceText)
    expect(merged.statistics).toMatchObject({merged: 0, unchanged: 76, refused: 0, unknown: 0})
  })

  it('copy-source: every msgstr is empty (untranslated), and merging that keeps every target', () => {
    const po = writePo(reference, {copySource: true})
    expect(po).not.toMatch(/^msgstr "[^"]/m)
    expect(po).not.toContain('#, fuzzy')
    const merged = mergedWith(reference, po)
    expect(merged.text).toBe(referenceText)
    expect(merged.statistics).toMatchObject({merged: 0, missing: 76})
  })

  it('a translator’s edit lands in its target alone; a dropped link is refused', () => {
    const po = writePo(reference)
    const edited = po.replace('msgstr "EOP 的說明和支援"', 'msgstr "EOP 說明與支援"')
    expect(edited).not.toBe(po)
    const merged = mergedWith(reference, edited)
    expect(merged.statistics).toMatchObject({merged: 1, unchanged: 75})
    expect(merged.text).toBe(referenceText.replace('>EOP 的說明和支援<', '>EOP 說明與支援<'))

    const broken = po.replace('msgstr "**適用於**"', 'msgstr "適用於"')
    const refused = mergedWith(reference, broken)
    expect(refused.text).toBe(referenceText)
    expect(refused.messages.map((message) => message.ruleId)).toEqual(['code-missing'])
  })
})

describe('real clients', () => {
  it('msgcat (GNU gettext rewriting the file) changes only the order of #: and #. lines, and its output merges back', () => {
    const ours = file('ours.po', writePo(reference))
    const theirs = join(work, 'msgcat.po')
    execFileSync('msgcat', [ours, '-o', theirs])
    const catted = readFileSync(theirs, 'utf8')
    // gettext writes extracted comments before references; gettext-parser the other way round.
    const sortComments = (text: string): string => text.replace(/(^#[:.] .*\n)+/gm, (block) => block.split('\n').filter(Boolean).sort().join('\n') + '\n')
    expect(sortComments(catted)).toBe(sortComments(readFileSync(ours, 'utf8')))
    expect(mergedWith(reference, catted).text).toBe(referenceText)
  })

  it('podebug (translate-toolkit rewriting every msgstr) merges back: each target rewritten, or refused where the rewrite broke its markdown', () => {
    const rewrite = (document: BilingualDocument): ReturnType<typeof merge> => {
      const input = file(`${document.path}.in.po`, writePo(document))
      const output = join(work, `${document.path}.xxx.po`)
      execFileSync('podebug', ['--rewrite=xxx', input, output], {stdio: 'pipe'})
      return mergedWith(document, readFileSync(output, 'utf8'))
    }
    const merged = rewrite(reference)
    expect(merged.statistics).toMatchObject({merged: 76, refused: 0})
    // Fuzzy entries (machine translations) are rewritten from their msgid, translated ones from their msgstr.
    expect(parse(merged.text).segments.map((segment) => segment.target)).toEqual(reference.segments.map((segment) => `xxx${segment.source}xxx`))
    // `xxx**[場所の削除]**`: the ** between a letter and a bracket opens no bold any more; merge says so.
    const broken = rewrite(human)
    expect(broken.statistics).toMatchObject({merged: 11, refused: 3})
    expect(new Set(broken.messages.map((message) => message.ruleId))).toEqual(new Set(['code-missing']))
  })

  it('pocount: a human translation counts as translated, a machine translation as fuzzy', () => {
    const count = (document: BilingualDocument): string => {
      const output = execFileSync('pocount', [file(`${document.path}.po`, writePo(document))], {encoding: 'utf8'}).replace(/\x1b\[[0-9;]*m/g, '')
      return ['Translated', 'Fuzzy', 'Untranslated'].map((kind) => new RegExp(`^${kind}:\\s+(\\d+)`, 'm').exec(output)![1]).join(' ')
    }
    const untranslated = (document: BilingualDocument): number => document.segments.filter((segment) => segment.target === '' && segment.source !== '').length
    expect(untranslated(human)).toBe(0)
    expect(count(human)).toBe(`${human.segments.length} 0 0`)
    expect(count(reference)).toBe(`0 ${reference.segments.length} 0`)
  })
})

describe('pofilter (translate-toolkit)', () => {
  it('reads the PO, reports units by their msgctxt (the unit ids survive), and its output merges back leaving the document as it was', () => {
    const input = file('pofilter-in.po', writePo(human))
    const output = join(work, 'pofilter-out.po')
    // Its default checks; it writes the units that fail one, each with a `# (pofilter)` comment naming the check.
    const run = spawnSync('pofilter', ['--progress=none', '-i', input, '-o', output], {encoding: 'utf8'})
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).not.toMatch(/error|Traceback/i)
    const filtered = readFileSync(output, 'utf8')
    const contexts = [...filtered.matchAll(/^msgctxt "(.*)"$/gm)].map((match) => match[1])
    expect(contexts.length).toBeGreaterThan(0)
    const ids = new Set(unitIds(human))
    expect(contexts.filter((id) => !ids.has(id!))).toEqual([])
    expect(filtered).toMatch(/^# \(pofilter\) /m)
    // Its rewrite of those units is a PO merge reads: every unit unchanged, the document byte for byte.
    const result = mergedWith(human, filtered)
    expect(result.messages.map(String)).toEqual([])
    expect(result.statistics.unchanged).toBe(contexts.length)
    expect(result.text).toBe(humanText)
  })
})

describe('bad PO is an error at its line', () => {
  const read = (text: string): string[] => readTranslations(text, {path: 'bad.po'}).messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.fatal ? 'error' : 'warning'}: ${reasonWithRelated(message)}`)

  it('a keyword gettext does not know, a string not closed on its line, an entry without msgstr', () => {
    expect(read('msgctxt "a-1"\nmsgid "x"\nmsgstr "y"\n\nmsgctxt "a-2"\nmsgid "x" y"\nmsgstr "z"\n')).toEqual([
      '6:1 po-malformed error: Malformed PO: Invalid key name "y". This can be caused by an unescaped quote character in a msgid or msgstr value.'
    ])
    expect(read('msgctxt "a-1"\nmsgid "x"\nmsgstr "y\n\nmsgctxt "a-2"\nmsgid "x"\nmsgstr "z"\n')).toEqual([
      '3:10 po-malformed error: Malformed PO: End-of-line within string. A string spanning multiple lines must be split into separately quoted lines, with "\\n" to encode the line breaks.'
    ])
    expect(read('msgctxt "a-1"\nmsgid "x"\nmsgstr "y"\n\nmsgctxt "a-2"\nmsgid "x"\n')).toEqual([
      '5:1 po-malformed error: Malformed PO: Translation string range error: Extected 1 msgstr definitions associated with "x" in "a-2" context, found 0.'
    ])
  })

  it('an entry without msgctxt, a msgctxt given twice', () => {
    expect(read('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "no id"\nmsgstr "x"\n\nmsgctxt "a-1"\nmsgid "one"\nmsgstr "1"\n\nmsgctxt "a-1"\nmsgid "two"\nmsgstr "2"\n')).toEqual([
      '4:1 unit-id error: A PO entry without `msgctxt` (the unit id) is ignored',
      '11:1 duplicate-unit error: Duplicate unit id `a-1` (msgctxt): the first one is used (the entry used: line 7, column 1)'
    ])
  })

  it('a PO that does not parse is no document; one with bad entries is a document of the good ones; one of only a header is an empty document', () => {
    const documents = (text: string): unknown => readTranslations(text).documents.map((document) => [document.path, [...document.units.keys()]])
    expect(documents('msgctxt "a-1"\nmsgid "x"\nmsgstr "y\n')).toEqual([])
    expect(documents('msgid "no id"\nmsgstr "x"\n\nmsgctxt "a-1"\nmsgid "one"\nmsgstr "1"\n')).toEqual([[undefined, ['a-1']]])
    // What sxs writes for a document without pairs.
    expect(documents(writePo(parse('# Title\n', {path: 'empty.md'})))).toEqual([[undefined, []]])
  })

  it('an empty msgstr is untranslated (no target); a fuzzy one is a target that needs review', () => {
    const result = readTranslations('msgctxt "a-1"\nmsgid "one"\nmsgstr ""\n\n#, fuzzy\nmsgctxt "a-2"\nmsgid "two"\nmsgstr "zwei"\n\nmsgctxt "a-3"\nmsgid "three"\nmsgstr "drei"\n')
    expect(result.messages).toEqual([])
    expect([...result.units]).toEqual([
      ['a-1', {source: 'one', target: undefined, state: 'needs-translation', place: {line: 1, column: 1, offset: 0}}],
      ['a-2', {source: 'two', target: 'zwei', state: 'fuzzy', place: {line: 6, column: 1, offset: 46}}],
      ['a-3', {source: 'three', target: 'drei', state: 'translated', place: {line: 10, column: 1, offset: 87}}]
    ])
  })
})

describe('the CLI', () => {
  it('extract --format po writes DIR/po/<path>.po; merge pairs it in the batch form', async () => {
    const root = here('..')
    const out = join(work, 'cli')
    const io = recordingIo(root)
    expect(await main(['extract', 'source-docs', '--out', out, '--format', 'po', '--no-cache'], io)).toBe(0)
    const po = readFileSync(join(out, 'po/help-and-support-for-eop.po'), 'utf8')
    expect(po).toBe(writePo(reference))
    writeFileSync(join(out, 'po/help-and-support-for-eop.po'), po.replace('msgstr "EOP 的說明和支援"', 'msgstr "EOP 說明與支援"'))
    const mergeIo = recordingIo(root)
    expect(await main(['merge', '--docs', 'source-docs', '--translations', join(out, 'po'), '--out', join(out, 'merged')], mergeIo)).toBe(0)
    expect(mergeIo.err).toContain('1 merged, 75 unchanged, 0 kept, 0 refused, 0 unknown')
    expect(readFileSync(join(out, 'merged/help-and-support-for-eop.md'), 'utf8')).toBe(referenceText.replace('>EOP 的說明和支援<', '>EOP 說明與支援<'))
  })
})
