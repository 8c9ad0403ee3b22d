/**
 * `sxs merge` end to end on the reference document and its XLIFF 1.2 / 2.0 / JSON as `extract` writes them:
 * in place and to --out, the batch form, and the failures that must change nothing (a stale source, a broken
 * inline code, an XXE attempt, an unwritable output), each with a clear message and exit code.
 */
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeEach, describe, expect, it} from 'vitest'
import {recordingIo, type RecordingIo} from './helpers/io.js'
import {run} from '../src/cli/commands/merge.js'
import {parse} from '../src/document/parse.js'
import {writeJson, writePo, writeXliff12, writeXliff20} from '../src/formats/index.js'

const reference = fileURLToPath(new URL('../source-docs/help-and-support-for-eop.md', import.meta.url))
const original = readFileSync(reference, 'utf8')
const document = parse(original, {path: 'help-and-support-for-eop.md'})
const xliff12 = writeXliff12(document)
const work = mkdtempSync(join(tmpdir(), 'sxs-merge-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

let doc: string
let counter = 0
beforeEach(() => {
  const folder = join(work, String(++counter))
  mkdirSync(folder)
  doc = join(folder, 'help-and-support-for-eop.md')
  copyFileSync(reference, doc)
})

function io(): RecordingIo {
  return recordingIo(work)
}

function translations(name: string, text: string): string {
  const file = join(work, `${counter}-${name}`)
  writeFileSync(file, text)
  return file
}

/** Replace one exact string of the translation file (as a translator's tool would edit it). */
function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from)
  return text.replace(from, to)
}

describe('sxs merge', () => {
  for (const [name, text] of [
    ['help.xlf', xliff12],
    ['help-2.0.xlf', writeXliff20(document)],
    ['help.json', writeJson(document)]
  ] as const) {
    it(`leaves the document as it is with the unedited ${name}, in place`, async () => {
      const before = statSync(doc).mtimeMs
      const session = io()
      expect(await run(['--doc', doc, '--translations', translations(name, text)], session)).toBe(0)
      expect(readFileSync(doc, 'utf8')).toBe(original)
      expect(statSync(doc).mtimeMs).toBe(before)
      expect(session.err).toMatch(/0 merged, 76 unchanged, 0 kept, 0 refused, 0 unknown/)
    })
  }

  it('merges an edited target in place, everything else byte for byte', async () => {
    const file = translations('help.xlf', edit(xliff12, '>EOP 的說明和支援</target>', '>EOP 說明與支援</target>'))
    const session = io()
    expect(await run(['--doc', doc, '--translations', file], session)).toBe(0)
    expect(readFileSync(doc, 'utf8')).toBe(original.replace('>EOP 的說明和支援</span>', '>EOP 說明與支援</span>'))
    expect(session.err).toMatch(/1 merged, 75 unchanged/)
  })

  it('keeps the BOM and CRLF line endings of a document written on Windows (and reads a translation file with a BOM)', async () => {
    const windows = '\uFEFF' + original.replace(/\n/g, '\r\n')
    writeFileSync(doc, windows)
    const translated = parse(windows, {path: 'help-and-support-for-eop.md'})
    const file = translations('help.xlf', '\uFEFF' + edit(writeXliff12(translated), '>EOP 的說明和支援</target>', '>EOP 說明與支援</target>'))
    const session = io()
    expect(await run(['--doc', doc, '--translations', file], session)).toBe(0)
    expect(session.err).toMatch(/1 merged, 75 unchanged/)
    expect(readFileSync(doc).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(readFileSync(doc, 'utf8')).toBe(windows.replace('>EOP 的說明和支援</span>', '>EOP 說明與支援</span>'))
  })

  it('writes to --out and leaves the document alone', async () => {
    const file = translations('help.xlf', edit(xliff12, '>EOP 的說明和支援</target>', '>EOP 說明與支援</target>'))
    const out = join(work, `${counter}-out`, 'merged.md')
    expect(await run(['--doc', doc, '--translations', file, '--out', out], io())).toBe(0)
    expect(readFileSync(doc, 'utf8')).toBe(original)
    expect(readFileSync(out, 'utf8')).toBe(original.replace('>EOP 的說明和支援</span>', '>EOP 說明與支援</span>'))
  })

  it('refuses a stale source: exit 1, a clear message, nothing written; --allow-stale merges it', async () => {
    let text = edit(xliff12, '<source>Help and support for EOP</source>', '<source>Help and Support for EOP</source>')
    text = edit(text, '>EOP 的說明和支援</target>', '>EOP 說明與支援</target>')
    text = edit(text, '>Microsoft 365 社區</target>', '>Microsoft 365 社群</target>')
    const file = translations('help.xlf', text)
    const session = io()
    expect(await run(['--doc', doc, '--translations', file], session)).toBe(1)
    expect(readFileSync(doc, 'utf8')).toBe(original)
    expect(session.err).toContain(
      'help-and-support-for-eop.md:23:72: error: `90f5f-103`: the translation was made for another source: the document has “Help and support for EOP”, the translation file “Help and Support for EOP”  [stale-source]'
    )
    expect(session.err).toMatch(/not written: stale translations/)

    const again = io()
    expect(await run(['--doc', doc, '--translations', file, '--allow-stale'], again)).toBe(0)
    expect(again.err).toMatch(/warning: .*\[stale-source\]/)
    expect(readFileSync(doc, 'utf8')).toBe(original.replace('>EOP 的說明和支援</span>', '>EOP 說明與支援</span>').replace('>Microsoft 365 社區</span>', '>Microsoft 365 社群</span>'))
  })

  it('refuses a target whose link lost its code: exit 1, the reason, the document unchanged', async () => {
    const broken = edit(
      xliff12,
      '請參閱 <bpt id="1" ctype="link">[</bpt>服務健康情況和持續性<ept id="1">](/office365/servicedescriptions/office-365-platform-service-description/service-health-and-continuity)</ept>。</target>',
      '請參閱 服務健康情況和持續性。</target>'
    )
    const session = io()
    expect(await run(['--doc', doc, '--translations', translations('help.xlf', broken)], session)).toBe(1)
    expect(readFileSync(doc, 'utf8')).toBe(original)
    expect(session.err).toMatch(/help-and-support-for-eop\.md:\d+:\d+: error: `90f5f-116`: not merged: link to `\/office365\/servicedescriptions\/.*` lost {2}\[code-missing\]/)
    expect(session.err).toMatch(/0 merged, 75 unchanged, 0 kept, 1 refused/)
  })

  it('refuses an XXE attempt (DOCTYPE with entities): exit 1, nothing read, nothing written', async () => {
    const xxe = edit(
      xliff12,
      '<xliff version="1.2"',
      '<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<xliff version="1.2"'
    ).replace('>EOP 的說明和支援</target>', '>&xxe;&lol2;</target>')
    const session = io()
    expect(await run(['--doc', doc, '--translations', translations('help.xlf', xxe)], session)).toBe(1)
    expect(readFileSync(doc, 'utf8')).toBe(original)
    expect(session.err).toMatch(/help\.xlf:2:\d+: error: .*DOCTYPE/i)
    expect(session.err).toMatch(/not written: the translations could not be read/)
    expect(session.err).not.toContain('root:')
  })

  it('reports an unwritable output: exit 2, the document unchanged, no file left behind', async () => {
    const file = translations('help.xlf', edit(xliff12, '>EOP 的說明和支援</target>', '>EOP 說明與支援</target>'))
    const blocker = join(work, `${counter}-not-a-folder`)
    writeFileSync(blocker, 'a file where the output folder should be')
    const session = io()
    expect(await run(['--doc', doc, '--translations', file, '--out', join(blocker, 'merged.md')], session)).toBe(2)
    expect(session.err).toMatch(/merged\.md: error: cannot write: .*(ENOTDIR|EEXIST|not a directory|file already exists)/i)
    expect(readFileSync(doc, 'utf8')).toBe(original)
    expect(readFileSync(blocker, 'utf8')).toBe('a file where the output folder should be')
  })

  it('pairs a folder of documents with a folder of translations (the layout extract writes)', async () => {
    const folder = join(work, `${counter}-batch`)
    mkdirSync(join(folder, 'docs/sub'), {recursive: true})
    mkdirSync(join(folder, 'xliff/sub'), {recursive: true})
    copyFileSync(reference, join(folder, 'docs/sub/help.md'))
    copyFileSync(reference, join(folder, 'docs/alone.md'))
    // The documents extract takes from the folder: `.MD` too, nothing below node_modules.
    copyFileSync(reference, join(folder, 'docs/UPPER.MD'))
    mkdirSync(join(folder, 'docs/node_modules/pkg'), {recursive: true})
    copyFileSync(reference, join(folder, 'docs/node_modules/pkg/readme.md'))
    writeFileSync(join(folder, 'xliff/sub/help.xlf'), edit(xliff12, '>EOP 的說明和支援</target>', '>EOP 說明與支援</target>'))
    writeFileSync(join(folder, 'xliff/UPPER.xlf'), edit(xliff12, '>EOP 的說明和支援</target>', '>EOP 說明與支援</target>'))
    const session = io()
    expect(await run(['--docs', join(folder, 'docs'), '--translations', join(folder, 'xliff'), '--out', join(folder, 'merged')], session)).toBe(0)
    expect(readFileSync(join(folder, 'merged/sub/help.md'), 'utf8')).toBe(original.replace('>EOP 的說明和支援</span>', '>EOP 說明與支援</span>'))
    expect(readFileSync(join(folder, 'merged/UPPER.MD'), 'utf8')).toBe(original.replace('>EOP 的說明和支援</span>', '>EOP 說明與支援</span>'))
    // --out holds the whole docset: a document without a translation file is copied unchanged.
    expect(session.err).toMatch(/alone\.md: no translation file: copied unchanged → .*merged\/alone\.md/)
    expect(readFileSync(join(folder, 'merged/alone.md'), 'utf8')).toBe(original)
    expect(session.err).not.toMatch(/node_modules/)
    expect(session.err).toMatch(/\nmerge: 3 document\(s\), 0 with problems \(reported above\)\n$/)
    expect(existsSync(join(folder, 'merged/node_modules'))).toBe(false)
    expect(readFileSync(join(folder, 'docs/sub/help.md'), 'utf8')).toBe(original)
  })

  it('in place, leaves a document without a translation file alone and says so', async () => {
    const folder = join(work, `${counter}-in-place`)
    mkdirSync(join(folder, 'docs'), {recursive: true})
    mkdirSync(join(folder, 'xliff'), {recursive: true})
    copyFileSync(reference, join(folder, 'docs/help.md'))
    copyFileSync(reference, join(folder, 'docs/alone.md'))
    writeFileSync(join(folder, 'xliff/help.xlf'), edit(xliff12, '>EOP 的說明和支援</target>', '>EOP 說明與支援</target>'))
    const session = io()
    expect(await run(['--docs', join(folder, 'docs'), '--translations', join(folder, 'xliff')], session)).toBe(0)
    expect(readFileSync(join(folder, 'docs/help.md'), 'utf8')).toBe(original.replace('>EOP 的說明和支援</span>', '>EOP 說明與支援</span>'))
    expect(session.err).toMatch(/alone\.md: no translation file .*: skipped/)
    expect(readFileSync(join(folder, 'docs/alone.md'), 'utf8')).toBe(original)
  })

  it('copies a page with no pair and no translation (human-translated, any bytes) into --out exactly', async () => {
    const folder = join(work, `${counter}-copy`)
    mkdirSync(join(folder, 'docs'), {recursive: true})
    mkdirSync(join(folder, 'xliff'), {recursive: true})
    const latin1 = Buffer.from('# Caf\xe9\r\n\r\nNot UTF-8, human-translated.\r\n', 'latin1')
    writeFileSync(join(folder, 'docs/human.md'), latin1)
    const session = io()
    expect(await run(['--docs', join(folder, 'docs'), '--translations', join(folder, 'xliff'), '--out', join(folder, 'merged')], session)).toBe(0)
    expect(readFileSync(join(folder, 'merged/human.md')).equals(latin1)).toBe(true)
  })

  it('does not take the documents of an --out folder inside --docs as inputs (a second run)', async () => {
    const folder = join(work, `${counter}-nested`)
    mkdirSync(join(folder, 'docs'), {recursive: true})
    mkdirSync(join(folder, 'xliff'), {recursive: true})
    copyFileSync(reference, join(folder, 'docs/help.md'))
    writeFileSync(join(folder, 'xliff/help.xlf'), edit(xliff12, '>EOP 的說明和支援</target>', '>EOP 說明與支援</target>'))
    const args = ['--docs', join(folder, 'docs'), '--translations', join(folder, 'xliff'), '--out', join(folder, 'docs/merged')]
    expect(await run(args, io())).toBe(0)
    const session = io()
    expect(await run(args, session)).toBe(0)
    expect(session.err).not.toMatch(/merged[\\/]help\.md: no translation file/)
    expect(existsSync(join(folder, 'docs/merged/merged'))).toBe(false)
    expect(readFileSync(join(folder, 'docs/merged/help.md'), 'utf8')).toBe(original.replace('>EOP 的說明和支援</span>', '>EOP 說明與支援</span>'))
  })

  it('takes the document named after DOC from a translation file holding several documents', async () => {
    // The same ids in another document first: only the file named after DOC may be used.
    const other = parse(original, {path: 'other/page.md'})
    const written = writeXliff12([other, document])
    const at = written.lastIndexOf('>EOP 的說明和支援</target>')
    const both = `${written.slice(0, at)}>EOP 說明與支援</target>${written.slice(at + '>EOP 的說明和支援</target>'.length)}`
    expect(await run(['--doc', doc, '--translations', translations('both.xlf', both)], io())).toBe(0)
    expect(readFileSync(doc, 'utf8')).toBe(original.replace('>EOP 的說明和支援</span>', '>EOP 說明與支援</span>'))
  })

  it('merges nothing from a translation file of several documents none or several of which are named after DOC (exit 1)', async () => {
    const named = (at: string) => parse(original, {path: at})
    for (const [name, documents, what] of [
      ['none.xlf', [named('other/page.md'), named('third/page.md')], 'none'],
      ['several.xlf', [named('a/help-and-support-for-eop.md'), named('b/help-and-support-for-eop.md')], 'several']
    ] as const) {
      const file = translations(name, writeXliff12([...documents]).replaceAll('>EOP 的說明和支援</target>', '>EOP 說明與支援</target>'))
      const session = io()
      expect(await run(['--doc', doc, '--translations', file], session), name).toBe(1)
      expect(session.err).toContain(`: error: The translation file holds 2 documents and ${what} named help-and-support-for-eop.md  [document-not-in-translations]`)
      expect(session.err).toMatch(/help-and-support-for-eop\.md: not written: the translation file does not hold this document\n$/)
      expect(readFileSync(doc, 'utf8')).toBe(original)
    }
  })

  it('says how to call it when --translations is missing (exit 2)', async () => {
    const session = io()
    expect(await run(['--doc', doc], session)).toBe(2)
    expect(session.err).toMatch(/--translations is required/)
  })
})

describe('sxs merge says exactly what it did not do', () => {
  /** A batch layout below the work folder: `docs/` with the reference as the given names, `xliff/` with the given files. */
  function batch(name: string, documents: string[], files: Record<string, string>): string {
    const folder = join(work, `${counter}-${name}`)
    for (const document of documents) {
      mkdirSync(join(folder, 'docs', document, '..'), {recursive: true})
      copyFileSync(reference, join(folder, 'docs', document))
    }
    mkdirSync(join(folder, 'xliff'), {recursive: true})
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(folder, 'xliff', file, '..'), {recursive: true})
      writeFileSync(join(folder, 'xliff', file), text)
    }
    return folder
  }
  const edited = (): string => edit(xliff12, '>EOP 的說明和支援</target>', '>EOP 說明與支援</target>')
  const mergedText = original.replace('>EOP 的說明和支援</span>', '>EOP 說明與支援</span>')

  it('prints its usage with --help (exit 0) and refuses calls it cannot take (exit 2)', async () => {
    const help = io()
    expect(await run(['--help'], help)).toBe(0)
    expect(help.out).toMatch(/^Usage: sxs merge --doc DOC\.md --translations FILE \[--out OUT\.md\] \[--allow-stale\]\n {7}sxs merge --docs DIR/)
    for (const [args, message] of [
      [['stray', '--doc', 'a.md', '--translations', 'a.xlf'], "unexpected argument 'stray' (use --doc or --docs)"],
      [['--translations', 'a.xlf'], 'give either --doc DOC.md or --docs DIR'],
      [['--doc', 'a.md', '--docs', 'd', '--translations', 'a.xlf'], 'give either --doc DOC.md or --docs DIR']
    ] as const) {
      const session = io()
      expect(await run([...args], session), message).toBe(2)
      expect(session.err).toContain(message)
    }
  })

  it('batch: refuses folders that are not folders (exit 2)', async () => {
    const folder = batch('not-folders', ['help.md'], {'help.xlf': edited()})
    const notDocs = io()
    expect(await run(['--docs', join(folder, 'docs/help.md'), '--translations', join(folder, 'xliff')], notDocs)).toBe(2)
    expect(notDocs.err).toContain(`--docs ${join(folder, 'docs/help.md')}: not a folder`)
    const notTranslations = io()
    expect(await run(['--docs', join(folder, 'docs'), '--translations', join(folder, 'xliff/help.xlf')], notTranslations)).toBe(2)
    expect(notTranslations.err).toContain(`--translations ${join(folder, 'xliff/help.xlf')}: not a folder (the batch form pairs folders)`)
    const missing = io()
    expect(await run(['--docs', join(folder, 'nothing'), '--translations', join(folder, 'xliff')], missing)).toBe(2)
    expect(missing.err).toContain(`--docs ${join(folder, 'nothing')}: not a folder`)
    const noTranslations = io()
    expect(await run(['--docs', join(folder, 'docs'), '--translations', join(folder, 'nothing')], noTranslations)).toBe(2)
    expect(noTranslations.err).toContain(`--translations ${join(folder, 'nothing')}: not a folder (the batch form pairs folders)`)
    expect(readFileSync(join(folder, 'docs/help.md'), 'utf8')).toBe(original)
  })

  it('batch: pairs `.xliff`, `.json` and `.po` files too, refuses two for one document, names every extension it looked for', async () => {
    // Only the final `.md` is the extension: `v1.md.notes.md` pairs with `v1.md.notes.xlf`.
    const folder = batch('extensions', ['a.md', 'b.md', 'c.md', 'd.md', 'v1.md.notes.md'], {'a.xliff': edited(), 'b.json': writeJson(document).replace('"target":"EOP 的說明和支援"', '"target":"EOP 說明與支援"'), 'c.po': writePo(document).replace('msgstr "EOP 的說明和支援"', 'msgstr "EOP 說明與支援"'), 'v1.md.notes.xlf': edited()})
    const session = io()
    expect(await run(['--docs', join(folder, 'docs'), '--translations', join(folder, 'xliff')], session)).toBe(0)
    for (const name of ['a', 'b', 'c', 'v1.md.notes']) expect(readFileSync(join(folder, `docs/${name}.md`), 'utf8'), name).toBe(mergedText)
    expect(session.err).toContain(`${counter}-extensions/docs/d.md: no translation file (d.xlf, d.xliff, d.json, d.po): skipped\n`)
    expect(session.err).toMatch(/\nmerge: 4 document\(s\), 0 with problems \(reported above\)\n$/)

    writeFileSync(join(folder, 'xliff/a.json'), writeJson(document))
    const two = io()
    expect(await run(['--docs', join(folder, 'docs'), '--translations', join(folder, 'xliff')], two)).toBe(2)
    expect(two.err).toContain(`a.md has several translation files (${join(folder, 'xliff/a.xliff')}, ${join(folder, 'xliff/a.json')}): give one folder per format`)
  })

  it('batch: counts the documents with problems and exits with the worst code, not the last one\'s', async () => {
    const stale = edit(edited(), '<source>Help and support for EOP</source>', '<source>Help and Support for EOP</source>')
    const folder = batch('worst', ['a.md', 'b.md', 'c.md'], {'a.xlf': stale, 'b.xlf': edited(), 'c.xlf': edited()})
    const session = io()
    expect(await run(['--docs', join(folder, 'docs'), '--translations', join(folder, 'xliff')], session)).toBe(1)
    expect(session.err).toMatch(/\nmerge: 3 document\(s\), 1 with problems \(reported above\)\n$/)
    expect(readFileSync(join(folder, 'docs/a.md'), 'utf8')).toBe(original)
    expect(readFileSync(join(folder, 'docs/c.md'), 'utf8')).toBe(mergedText)
  })

  it('batch: --shard i/n merges each document in exactly one shard', async () => {
    const names = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md']
    const folder = batch('shards', names, Object.fromEntries(names.map((name) => [name.replace('.md', '.xlf'), edited()])))
    const merged = (): string[] => names.filter((name) => readFileSync(join(folder, 'docs', name), 'utf8') === mergedText)
    const first = io()
    expect(await run(['--docs', join(folder, 'docs'), '--translations', join(folder, 'xliff'), '--shard', '1/2'], first)).toBe(0)
    // Shard 1 of 2 by the hash of the path below DIR (src/cli/engine/shard.ts), as extract and check split.
    expect(merged()).toEqual(['a.md', 'c.md'])
    expect(first.err).toMatch(/\nmerge: 2 document\(s\), 0 with problems/)
    expect(await run(['--docs', join(folder, 'docs'), '--translations', join(folder, 'xliff'), '--shard', '2/2'], io())).toBe(0)
    expect(merged()).toEqual(names)
  })

  it('a document or translation file that is not UTF-8: exit 1 at the first bad byte; one it cannot read: exit 2', async () => {
    const file = translations('help.xlf', edited())
    writeFileSync(doc, Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n')]))
    const latin1 = io()
    expect(await run(['--doc', doc, '--translations', file], latin1)).toBe(1)
    expect(latin1.err).toContain(`${counter}/help-and-support-for-eop.md: not written: the document is not UTF-8\n`)
    copyFileSync(reference, doc)
    const badTranslations = translations('latin1.xlf', '')
    writeFileSync(badTranslations, Buffer.concat([Buffer.from('<xliff>'), Buffer.from([0xe9]), Buffer.from('</xliff>')]))
    const latin1Translations = io()
    expect(await run(['--doc', doc, '--translations', badTranslations], latin1Translations)).toBe(1)
    expect(latin1Translations.err).toContain(`${counter}/help-and-support-for-eop.md: not written: the translations are not UTF-8\n`)
    const folderAsDocument = io()
    expect(await run(['--doc', join(work, String(counter)), '--translations', file], folderAsDocument)).toBe(2)
    expect(folderAsDocument.err).toMatch(new RegExp(`^${counter}: error: cannot read the document: `))
    const folderAsTranslations = io()
    expect(await run(['--doc', doc, '--translations', join(work, String(counter))], folderAsTranslations)).toBe(2)
    expect(folderAsTranslations.err).toMatch(new RegExp(`^${counter}: error: cannot read the translations: `))
    expect(readFileSync(doc, 'utf8')).toBe(original)
  })

  it('a document it cannot parse: exit 1, not written', async () => {
    const deep = `${original}\n<table>${'<tr><td><table>'.repeat(5_000)}\n`
    writeFileSync(doc, deep)
    const session = io()
    expect(await run(['--doc', doc, '--translations', translations('help.xlf', edited())], session)).toBe(1)
    expect(session.err).toMatch(new RegExp(`\\n${counter}/help-and-support-for-eop\\.md: not written: the document could not be parsed\\n$`))
    expect(readFileSync(doc, 'utf8')).toBe(deep)
  })

  it('names files below the working folder relatively, others absolutely, and where --out went', async () => {
    const out = join(tmpdir(), `sxs-merge-out-${process.pid}-${counter}.md`)
    const session = io()
    try {
      expect(await run(['--doc', doc, '--translations', translations('help.xlf', edited()), '--out', out], session)).toBe(0)
    } finally {
      rmSync(out, {force: true})
    }
    expect(session.err).toBe(`${counter}/help-and-support-for-eop.md: 1 merged, 75 unchanged, 0 kept, 0 refused, 0 unknown → ${out}\n`)
    const inside = io()
    expect(await run(['--doc', doc, '--translations', translations('help.xlf', edited()), '--out', join(work, `${counter}-o/x.md`)], inside)).toBe(0)
    expect(inside.err).toBe(`${counter}/help-and-support-for-eop.md: 1 merged, 75 unchanged, 0 kept, 0 refused, 0 unknown → ${counter}-o/x.md\n`)
  })

  it('batch: writes no output through a symbolic link that leaves --out', async () => {
    const folder = batch('escape', ['sub/help.md', 'alone.md'], {'sub/help.xlf': edited()})
    const outside = join(folder, 'outside')
    mkdirSync(outside)
    mkdirSync(join(folder, 'merged'))
    symlinkSync(outside, join(folder, 'merged/sub'))
    const session = io()
    expect(await run(['--docs', join(folder, 'docs'), '--translations', join(folder, 'xliff'), '--out', join(folder, 'merged')], session)).toBe(2)
    expect(session.err).toContain('error: cannot write: refused: the path leads outside')
    expect(existsSync(join(outside, 'help.md'))).toBe(false)
    // The copy of a document without a translation file is guarded the same way.
    rmSync(join(folder, 'merged/sub'))
    symlinkSync(outside, join(folder, 'merged/sub'))
    writeFileSync(join(folder, 'xliff/alone.xlf'), edited())
    rmSync(join(folder, 'xliff/sub/help.xlf'))
    const copy = io()
    expect(await run(['--docs', join(folder, 'docs'), '--translations', join(folder, 'xliff'), '--out', join(folder, 'merged')], copy)).toBe(2)
    expect(copy.err).toContain('error: cannot copy to')
    expect(copy.err).toContain('refused: the path leads outside')
    expect(existsSync(join(outside, 'help.md'))).toBe(false)
  })
})
