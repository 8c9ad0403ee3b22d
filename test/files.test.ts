/** The CLI's file helpers: which files a folder input means; UTF-8 encoding through a reused scratch buffer; atomic writes of bytes in pieces. */
import {createHash} from 'node:crypto'
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {encodeUtf8, expandInputs, writeFileAtomic} from '../src/cli/files.js'
import {blobRef, unhashedBlobRef} from '../src/cli/blob.js'

describe('expandInputs', () => {
  it('takes every markdown file below a folder, whatever the case of .md, sorted, without node_modules, .git or hidden files', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'sxs-inputs-'))
    try {
      for (const file of ['docs/a.md', 'docs/B.MD', 'docs/c.Md', 'docs/sub/d.md', 'docs/notes.txt', 'docs/e.markdown', 'docs/node_modules/x.md', 'docs/.git/y.md', 'docs/.hidden.md']) {
        await mkdir(path.dirname(path.join(work, file)), {recursive: true})
        await writeFile(path.join(work, file), '')
      }
      const files = await expandInputs(['docs'], work)
      expect(files.map((file) => file.relative)).toEqual(['B.MD', 'a.md', 'c.Md', 'sub/d.md'])
      expect(files.map((file) => file.path)).toEqual(['docs/B.MD', 'docs/a.md', 'docs/c.Md', 'docs/sub/d.md'].map((file) => file.split('/').join(path.sep)))
      // A file named on the command line is taken whatever its name.
      expect((await expandInputs(['docs/notes.txt'], work)).map((file) => file.relative)).toEqual(['notes.txt'])
    } finally {
      await rm(work, {recursive: true, force: true})
    }
  })
})

describe('encodeUtf8', () => {
  it('equals Buffer.from(text, "utf8") on any text, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 300}), (text) => {
      expect(encodeUtf8(text).equals(Buffer.from(text, 'utf8'))).toBe(true)
    }), {numRuns: 2000})
  })

  it('equals it on texts longer than one encoding step, with a surrogate pair across the step boundary', () => {
    const step = 1 << 20
    const texts = ['x'.repeat(step - 1) + '😀' + 'y', 'a'.repeat(step - 1) + '\ud83d', '漢'.repeat(2 * step + 7), ('é😀' + 'z'.repeat(997)).repeat(3000)]
    for (const text of texts) expect(encodeUtf8(text).equals(Buffer.from(text, 'utf8'))).toBe(true)
  })

  it('returns bytes of their own: a later call does not change an earlier result', () => {
    const first = encodeUtf8('first text')
    encodeUtf8('second, longer text')
    expect(first.toString('utf8')).toBe('first text')
  })
})

describe('writeFileAtomic', () => {
  it('writes bytes given in pieces as their concatenation (extract writes its outputs so, never joined), into a new folder too', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'sxs-atomic-'))
    try {
      const pieces = ['<xliff>', '漢字 😀', '', 'x'.repeat(300_000), '</xliff>\n'].map((text) => Buffer.from(text, 'utf8'))
      const file = path.join(work, 'new', 'folder', 'out.xlf')
      await writeFileAtomic(file, pieces)
      expect((await readFile(file)).equals(Buffer.concat(pieces))).toBe(true)
      // Replaced whole, and no temporary file left beside it.
      await writeFileAtomic(file, [Buffer.from('short')])
      expect(await readFile(file, 'utf8')).toBe('short')
      expect(await readdir(path.dirname(file))).toEqual(['out.xlf'])
      const {sha256, bytes} = blobRef(['a', 'é', 'b'])
      expect(bytes).toEqual([Buffer.from('a'), Buffer.from('é'), Buffer.from('b')])
      expect(sha256).toBe(createHash('sha256').update('aéb').digest('hex'))
      // A run without a cache hashes nothing.
      expect(unhashedBlobRef(['a', 'é', 'b'])).toEqual({sha256: '', bytes})
    } finally {
      await rm(work, {recursive: true, force: true})
    }
  })
})
