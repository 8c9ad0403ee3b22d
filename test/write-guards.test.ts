/**
 * Where commands write and never write (issue 18): no output replaces a device, a FIFO, a folder or an
 * input; a symbolic link is written through (the link stays); nothing lands outside --out; two inputs never
 * share an output; a FIFO among the inputs is an error, not a hang; long file names can be written.
 */
import {execFileSync} from 'node:child_process'
import {chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {parse} from '../src/document/parse.js'
import {writeXliff12} from '../src/formats/index.js'
import {listFiles} from './helpers/files.js'
import {recordingIo} from './helpers/io.js'

const reference = fileURLToPath(new URL('../source-docs/help-and-support-for-eop.md', import.meta.url))
const original = readFileSync(reference, 'utf8')
/** The translations with one target edited, so that a merge changes the document. */
const edited = (() => {
  const xliff = writeXliff12(parse(original, {path: 'help-and-support-for-eop.md'}))
  const target = /<target[^>]*>([^<]+)<\/target>/.exec(xliff)!
  return xliff.replace(target[0], target[0].replace(target[1]!, `${target[1]!}（改）`))
})()

let work: string
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'sxs-guards-'))
})
afterEach(() => rmSync(work, {recursive: true, force: true}))

const at = (...parts: string[]): string => path.join(work, ...parts)
function put(relative: string, text: string): string {
  mkdirSync(path.dirname(at(relative)), {recursive: true})
  writeFileSync(at(relative), text)
  return at(relative)
}
const fifo = (relative: string): string => {
  mkdirSync(path.dirname(at(relative)), {recursive: true})
  execFileSync('mkfifo', [at(relative)])
  return at(relative)
}
async function sxs(...argv: string[]): Promise<{code: number; out: string; err: string}> {
  const io = recordingIo(work)
  const code = await main(argv, io)
  return {code, out: io.out, err: io.err}
}

describe('merge writes only where it may', () => {
  it('refuses an --out that is a FIFO (or any non-file) and leaves it as it is', async () => {
    put('doc.md', original)
    put('t.xlf', edited)
    fifo('pipe')
    const result = await sxs('merge', '--doc', 'doc.md', '--translations', 't.xlf', '--out', 'pipe')
    expect(result.code).toBe(2)
    expect(result.err).toContain('pipe: error: cannot write: refused: a FIFO is there, not a regular file')
    expect(lstatSync(at('pipe')).isFIFO()).toBe(true)
    mkdirSync(at('folder'))
    expect((await sxs('merge', '--doc', 'doc.md', '--translations', 't.xlf', '--out', 'folder')).code).toBe(2)
    expect(lstatSync(at('folder')).isDirectory()).toBe(true)
  })

  it('merges a symlinked document in place through its link: the link stays, its target changes, its mode is kept', async () => {
    put('real/doc.md', original)
    chmodSync(at('real/doc.md'), 0o640)
    symlinkSync(path.join('real', 'doc.md'), at('doc.md'))
    put('t.xlf', edited)
    const result = await sxs('merge', '--doc', 'doc.md', '--translations', 't.xlf')
    expect(result.code).toBe(0)
    expect(lstatSync(at('doc.md')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(at('doc.md'))).toBe(path.join('real', 'doc.md'))
    expect(readFileSync(at('real/doc.md'), 'utf8')).toContain('（改）')
    expect(statSync(at('real/doc.md')).mode & 0o777).toBe(0o640)
    // --out onto a link writes its target too, and a link to nothing is refused.
    put('other.md', 'mine\n')
    symlinkSync('other.md', at('link.md'))
    expect((await sxs('merge', '--doc', 'real/doc.md', '--translations', 't.xlf', '--out', 'link.md')).code).toBe(0)
    expect(lstatSync(at('link.md')).isSymbolicLink()).toBe(true)
    expect(readFileSync(at('other.md'), 'utf8')).toContain('（改）')
    symlinkSync('nowhere.md', at('dangling.md'))
    const dangling = await sxs('merge', '--doc', 'real/doc.md', '--translations', 't.xlf', '--out', 'dangling.md')
    expect(dangling.code).toBe(2)
    expect(dangling.err).toContain('refused: a symbolic link to nothing (nowhere.md)')
  })

  it('never writes outside --docs through a symlinked folder in it, in place or to --out', async () => {
    put('docs/a/doc.md', original)
    put('elsewhere/doc.md', original)
    symlinkSync(at('elsewhere'), at('docs', 'linked'))
    put('tr/a/doc.xlf', edited)
    put('tr/linked/doc.xlf', edited)
    const result = await sxs('merge', '--docs', 'docs', '--translations', 'tr')
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/refused: the path leads outside .*docs, to .*elsewhere/)
    expect(readFileSync(at('elsewhere/doc.md'), 'utf8')).toBe(original)
    expect(readFileSync(at('docs/a/doc.md'), 'utf8')).toContain('（改）')
  })

  it('reports a FIFO given as --doc or --translations instead of waiting for a writer', async () => {
    put('doc.md', original)
    put('t.xlf', edited)
    fifo('pipe.md')
    fifo('pipe.xlf')
    const asDoc = await sxs('merge', '--doc', 'pipe.md', '--translations', 't.xlf')
    expect(asDoc.code).toBe(2)
    expect(asDoc.err).toContain('pipe.md: error: cannot read the document: not a regular file (a FIFO)')
    const asTranslations = await sxs('merge', '--doc', 'doc.md', '--translations', 'pipe.xlf')
    expect(asTranslations.code).toBe(2)
    expect(asTranslations.err).toContain('pipe.xlf: error: cannot read the translations: not a regular file (a FIFO)')
    expect(readFileSync(at('doc.md'), 'utf8')).toBe(original)
  }, 10_000)
})

describe('render and extract write only below --out, never over an input', () => {
  it('render refuses to replace its own input with the localized text', async () => {
    put('localized/x.md', original)
    const result = await sxs('render', 'localized/x.md', '--out', '.')
    expect(result.code).toBe(2)
    expect(result.err).toContain('refused: it is one of the inputs, which the output would replace')
    expect(readFileSync(at('localized/x.md'), 'utf8')).toBe(original)
  })

  it('refuses two inputs that would write the same outputs, before writing anything', async () => {
    put('a/x.md', original)
    put('b/X.md', original)
    for (const command of ['extract', 'render']) {
      const result = await sxs(command, 'a', 'b', '--out', 'out')
      expect(result.code).toBe(2)
      expect(result.err).toMatch(/a[/\\]x\.md and b[/\\]X\.md would have the same outputs/)
    }
    expect(await listFiles(work)).toEqual(['a/x.md', 'b/X.md'].map((file) => file.split('/').join(path.sep)))
  })

  it('refuses a glob that climbs out of the folder it starts from', async () => {
    put('docs/sub/x.md', original)
    put('other/y.md', original)
    const result = await sxs('extract', 'docs/*/../../other/*.md', '--out', 'out', '--no-cache')
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/matches .*y\.md, outside docs where the pattern starts/)
  })

  it('does not write through a symbolic link in --out to a place outside it', async () => {
    put('docs/x.md', original)
    mkdirSync(at('out'))
    mkdirSync(at('elsewhere'))
    symlinkSync(at('elsewhere'), at('out', 'json'))
    const result = await sxs('extract', 'docs', '--out', 'out', '--no-cache')
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/cannot write output: refused: the path leads outside .*out, to .*elsewhere/)
    expect(await listFiles(at('elsewhere'))).toEqual([])
  })

  it('extract follows an output that is a link only inside --out, and reports each refused file in input order', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) put(`docs/${name}.md`, original)
    put('out/kept/a.json', 'old\n')
    chmodSync(at('out/kept/a.json'), 0o640)
    mkdirSync(at('out/json'))
    symlinkSync(path.join('..', 'kept', 'a.json'), at('out/json/a.json'))
    put('elsewhere/b.json', 'theirs\n')
    symlinkSync(at('elsewhere/b.json'), at('out/json/b.json'))
    symlinkSync('nowhere.json', at('out/json/c.json'))
    // Another name for an input: replacing it would replace the document.
    execFileSync('ln', [at('docs/d.md'), at('out/json/d.json')])
    // A folder that is a link inside --out (relative): its outputs land in its target.
    put('docs/sub/f.md', original)
    mkdirSync(at('out/store'))
    symlinkSync('../store', at('out/json/sub'))
    const result = await sxs('extract', 'docs', '--out', 'out', '--no-cache', '--no-progress')
    expect(result.code).toBe(2)
    const refusals = result.err.split('\n').filter((line) => line.includes('cannot write output'))
    expect(refusals).toEqual([
      expect.stringMatching(/^docs[/\\]b\.md: error: cannot write output: refused: the path leads outside .*out, to .*elsewhere[/\\]b\.json$/),
      expect.stringMatching(/^docs[/\\]c\.md: error: cannot write output: refused: a symbolic link to nothing \(nowhere\.json\) is there$/),
      'docs/d.md: error: cannot write output: refused: it is one of the inputs, which the output would replace'.split('/').join(path.sep)
    ])
    expect(lstatSync(at('out/json/a.json')).isSymbolicLink()).toBe(true)
    expect(readFileSync(at('out/kept/a.json'), 'utf8')).toContain('"segments"')
    expect(statSync(at('out/kept/a.json')).mode & 0o777).toBe(0o640)
    expect(readFileSync(at('elsewhere/b.json'), 'utf8')).toBe('theirs\n')
    expect(readFileSync(at('docs/d.md'), 'utf8')).toBe(original)
    expect(readFileSync(at('out/json/e.json'), 'utf8')).toContain('"segments"')
    expect(lstatSync(at('out/json/sub')).isSymbolicLink()).toBe(true)
    expect(readFileSync(at('out/store/f.json'), 'utf8')).toContain('"segments"')
  })

  it('reports a FIFO among the inputs or as --config and goes on with the other files', async () => {
    put('docs/a.md', original)
    // A folder's listing leaves FIFOs out, but not a symbolic link to one.
    fifo('pipe')
    symlinkSync(at('pipe'), at('docs', 'b.md'))
    for (const command of ['extract', 'check']) {
      const result = await sxs(command, 'docs', '--no-cache', ...(command === 'extract' ? ['--out', 'out'] : []))
      expect(result.code).toBeGreaterThan(0)
      expect(result.err + result.out).toContain('not a regular file (a FIFO)')
    }
    expect(readFileSync(at('out/json/a.json'), 'utf8')).toContain('"segments"')
    const named = await sxs('render', 'docs/b.md', '--out', 'out')
    expect(named.code).toBe(2)
    expect(named.err).toMatch(/^sxs render: docs[/\\]b\.md: not a regular file or folder\n/)
    fifo('sxs.config.json')
    const config = await sxs('render', 'docs/a.md', '--html', '--config', 'sxs.config.json', '--out', 'out')
    expect(config.code).toBe(2)
  }, 20_000)

  it('writes outputs whose names are near the 255-byte limit (the temporary name is shortened)', async () => {
    const name = `${'長'.repeat(80)}.md` // 243 bytes
    expect(Buffer.byteLength(name)).toBe(243)
    put(path.join('docs', name), original)
    const result = await sxs('extract', 'docs', '--out', 'out', '--no-cache')
    expect(result.code).toBe(0)
    expect(readFileSync(at('out', 'json', `${'長'.repeat(80)}.json`), 'utf8')).toContain('"segments"')
  })
})

describe('the batch merge into --out still copies and merges', () => {
  it('copies a document without translations whole and merges the other', async () => {
    put('docs/a.md', original)
    put('docs/b.md', original)
    put('tr/a.xlf', edited)
    expect((await sxs('merge', '--docs', 'docs', '--translations', 'tr', '--out', 'merged')).code).toBe(0)
    expect(readFileSync(at('merged/b.md'), 'utf8')).toBe(original)
    expect(readFileSync(at('merged/a.md'), 'utf8')).toContain('（改）')
  })
})
