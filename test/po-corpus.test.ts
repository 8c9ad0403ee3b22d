/**
 * gettext PO over the whole dev corpus: `msgfmt --check` accepts every document's PO, and merging each back
 * gives the document byte for byte. Kept apart from test/po.test.ts: it takes minutes (one msgfmt per
 * document), and the mutation run (vitest.mutate.config.ts) leaves corpus-wide tests out, as each mutant of
 * the reader would run it. Needs Debian's gettext (`.ci/run` installs it).
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {readTranslations, unitIds, writePo} from '../src/formats/index.js'
import {merge} from '../src/merge/index.js'
import {corpusDir, corpusFiles} from './helpers/corpus.js'

const work = mkdtempSync(join(tmpdir(), 'sxs-po-corpus-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

/** `msgfmt --check`: its exit code and what it printed. */
function msgfmt(path: string): {status: number | null; output: string} {
  const run = spawnSync('msgfmt', ['--check', '-o', '/dev/null', path], {encoding: 'utf8'})
  return {status: run.status, output: run.stdout + run.stderr}
}

describe('the dev corpus', () => {
  it('msgfmt --check passes on every document’s PO, and merging each back gives the document byte for byte', () => {
    const folder = join(work, 'corpus')
    mkdirSync(folder)
    let units = 0
    const failures: string[] = []
    const files = corpusFiles()
    for (const [index, path] of files.entries()) {
      const text = readFileSync(path, 'utf8')
      const document = parse(text, {path: relative(corpusDir, path)})
      const po = writePo(document)
      const read = readTranslations(po)
      expect(read.messages.map(String), document.path).toEqual([])
      expect([...read.units.keys()], document.path).toEqual(unitIds(document))
      units += read.units.size
      const merged = merge(document, read.units)
      if (merged.text !== text || merged.messages.length > 0) failures.push(document.path!)
      writeFileSync(join(folder, `${index}.po`), po)
    }
    expect(failures).toEqual([])
    expect(units).toBe(82_412)
    // One msgfmt per file (it checks one domain at a time); a failure names its file and line.
    const refused = files.map((_, index) => msgfmt(join(folder, `${index}.po`))).filter((result) => result.status !== 0)
    expect(refused.map((result) => result.output)).toEqual([])
  }, 300_000)
})
