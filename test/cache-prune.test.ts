/**
 * `sxs cache prune`: what recent runs used stays (entries, the blobs they refer to, ledgers, input records), the rest goes
 * once older than --max-age, and a pruned cache still gives exactly the results of a fresh one.
 */
import {existsSync} from 'node:fs'
import {cp, mkdir, mkdtemp, readFile, rm, utimes, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {main} from '../src/cli/main.js'
import {entryFolder} from '../src/cli/engine/cache.js'
import {inputFolder} from '../src/cli/engine/inputs.js'
import {corpusFiles} from './helpers/corpus.js'
import {listFiles, readTree} from './helpers/files.js'
import {recordingIo} from './helpers/io.js'

let work: string
let cache: string
const day = 24 * 60 * 60 * 1000

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sxs-prune-'))
  cache = path.join(work, 'cache')
  // Two real documents: a.md stays in use, b.md stops being used.
  const [a, b] = corpusFiles().filter((file) => file.includes('ja-JP')).slice(0, 2)
  await cp(a!, path.join(work, 'docs', 'a.md'))
  await cp(b!, path.join(work, 'docs', 'b.md'))
  // The clock stands still at the copy: the documents stay "just written" for every run of a test, so no
  // run keeps input records for them (the racy-clean rule), however slow the machine is between runs.
  vi.spyOn(Date, 'now').mockReturnValue(Date.now())
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(work, {recursive: true, force: true})
})

async function sxs(...argv: string[]): Promise<{code: number; out: string; err: string}> {
  const io = recordingIo(work)
  const code = await main(argv, io)
  return {code, out: io.out, err: io.err}
}

/** Make every file in the cache look `days` old (what time does to a cache between CI runs). */
async function age(days: number): Promise<void> {
  const then = new Date(Date.now() - days * day)
  for (const file of await listFiles(cache)) await utimes(path.join(cache, file), then, then)
}

// Three formats named here, not the default: each document has one output (one blob) per format.
const extract = (...inputs: string[]) => sxs('extract', ...inputs, '--out', 'out', '--cache-dir', 'cache', '--format', 'xliff12,xliff20,json')
const parsed = (err: string): number => Number(/\((\d+) parsed/.exec(err)?.[1])
const folder = (files: string[], name: string) => files.filter((file) => file.startsWith(`${name}${path.sep}`))

describe('sxs cache prune', () => {
  it('keeps what a recent run used and removes what only an old run used', async () => {
    expect((await extract('docs')).code).toBe(0)
    // The input records of a folder no run reads any more (these documents are too new to have records).
    await mkdir(path.join(cache, inputFolder))
    await writeFile(path.join(cache, inputFolder, 'gone.json'), '{}')
    const before = await listFiles(cache)
    expect(folder(before, entryFolder)).toHaveLength(2)
    expect(folder(before, 'blobs')).toHaveLength(6)
    await age(10)
    // A later run uses a.md only (a cache hit: no parse), and records that in its run log.
    const later = await extract('docs/a.md')
    expect(parsed(later.err)).toBe(0)

    const dry = await sxs('cache', 'prune', '--cache-dir', 'cache', '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.out).toMatch(/^cache prune \(dry run\): would remove 1 entry, 3 blob\(s\), 0 ledger\(s\), 1 input record\(s\), 1 run log\(s\)/)
    expect(await listFiles(cache)).toHaveLength(before.length + 1)

    const pruned = await sxs('cache', 'prune', '--cache-dir', 'cache')
    expect(pruned.out).toMatch(/^cache prune: removed 1 entry, 3 blob\(s\), 0 ledger\(s\), 1 input record\(s\), 1 run log\(s\) \(0\.0 MB\); kept 1 entry, 3 blob\(s\), 1 ledger\(s\), 0 input record\(s\), 1 run log\(s\) in cache\n$/)
    const after = await listFiles(cache)
    expect(folder(after, entryFolder)).toHaveLength(1)
    expect(folder(after, 'blobs')).toHaveLength(3)

    // a.md is still warm, even with its outputs gone (its blobs stayed); b.md is parsed again.
    const outputs = await readTree(path.join(work, 'out'))
    await rm(path.join(work, 'out'), {recursive: true})
    const again = await extract('docs')
    expect(again.code).toBe(0)
    expect(parsed(again.err)).toBe(1)
    expect(await readTree(path.join(work, 'out'))).toEqual(outputs)
  })

  it('keeps everything younger than --max-age, and --max-age 0 empties the cache', async () => {
    await extract('docs')
    await age(3)
    const kept = await sxs('cache', 'prune', '--cache-dir', 'cache', '--max-age', '5')
    expect(kept.out).toMatch(/removed 0 entries, 0 blob\(s\), 0 ledger\(s\), 0 input record\(s\), 0 run log\(s\).*kept 2 entries, 6 blob\(s\), 1 ledger\(s\), 0 input record\(s\), 1 run log\(s\)/)
    const emptied = await sxs('cache', 'prune', '--cache-dir', 'cache', '--max-age', '0')
    expect(emptied.out).toMatch(/removed 2 entries, 6 blob\(s\), 1 ledger\(s\), 0 input record\(s\), 1 run log\(s\)/)
    // Empty but for its marker: still a cache that sxs made.
    expect(await listFiles(cache)).toEqual(['CACHEDIR.TAG'])
    // The outputs are untouched (the blobs were hard links to them), and the next run simply parses again.
    const again = await extract('docs')
    expect(parsed(again.err)).toBe(2)
  })

  it('removes entries of other cache schemas and old leftovers of interrupted writes, and nothing it does not know', async () => {
    await extract('docs')
    await mkdir(path.join(cache, 'v1', 'ab'), {recursive: true})
    await writeFile(path.join(cache, 'v1', 'ab', 'old.json'), 'sxs-cache 1 …')
    await writeFile(path.join(cache, entryFolder, '.left-over.json.1a2b-0-7.tmp'), 'half')
    await writeFile(path.join(cache, 'notes.txt'), 'mine')
    await age(2)
    const pruned = await sxs('cache', 'prune', '--cache-dir', 'cache', '--max-age', '7')
    expect(pruned.out).toMatch(/removed 0 entries, 0 blob\(s\), 0 ledger\(s\), 0 input record\(s\), 0 run log\(s\), 2 other/)
    const files = await listFiles(cache)
    expect(files.some((file) => file.startsWith('v1'))).toBe(false)
    expect(files.some((file) => file.endsWith('.tmp'))).toBe(false)
    expect(await readFile(path.join(cache, 'notes.txt'), 'utf8')).toBe('mine')
  })

  it('removes nothing from a folder that sxs did not make as its cache', async () => {
    // A folder of the user's own whose names look like a cache's, given by mistake, with old files.
    const mine = path.join(work, 'mine')
    for (const name of ['v1/a.txt', 'v3/ab/b.json', 'blobs/ab/c', 'outputs/d', 'inputs/e', 'runs/f.txt', 'notes.txt']) {
      await mkdir(path.dirname(path.join(mine, name)), {recursive: true})
      await writeFile(path.join(mine, name), name)
    }
    const old = new Date(Date.now() - 30 * day)
    for (const file of await listFiles(mine)) await utimes(path.join(mine, file), old, old)
    const before = await readTree(mine)
    const refused = await sxs('cache', 'prune', '--cache-dir', 'mine', '--max-age', '0')
    expect(refused).toEqual({code: 2, out: '', err: 'sxs cache prune: mine has no CACHEDIR.TAG, so it is not a cache that sxs made; nothing removed (an sxs cache is safe to delete by hand)\n'})
    expect(await readTree(mine)).toEqual(before)
    // Nor does a run that uses it as its cache mark it: it is not empty, so not sxs's to sweep.
    expect((await sxs('extract', 'docs', '--out', 'out', '--cache-dir', 'mine')).code).toBe(0)
    expect((await sxs('cache', 'prune', '--cache-dir', 'mine', '--max-age', '0')).code).toBe(2)
    expect(await readFile(path.join(mine, 'notes.txt'), 'utf8')).toBe('notes.txt')
    expect(await readFile(path.join(mine, 'v1', 'a.txt'), 'utf8')).toBe('v1/a.txt')
    // A cache that sxs made carries the marker from its first run.
    await sxs('extract', 'docs', '--out', 'out', '--cache-dir', 'fresh')
    expect(await readFile(path.join(work, 'fresh', 'CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55\n/)
    // A cache an sxs from before the marker made (only its own folders) is marked by the next run, so that
    // upgrading sxs does not leave it unprunable.
    const upgraded = path.join(work, 'upgraded')
    for (const name of ['v2/ab/old.json', 'blobs/ab/c', 'outputs/d', 'runs/f.txt', 'inputs/e']) {
      await mkdir(path.dirname(path.join(upgraded, name)), {recursive: true})
      await writeFile(path.join(upgraded, name), name)
    }
    expect((await sxs('cache', 'prune', '--cache-dir', 'upgraded')).code).toBe(2)
    expect((await sxs('extract', 'docs', '--out', 'out', '--cache-dir', 'upgraded')).code).toBe(0)
    expect((await sxs('cache', 'prune', '--cache-dir', 'upgraded')).code).toBe(0)
    expect(existsSync(path.join(upgraded, 'v2'))).toBe(false)
  })

  it('refuses a bad --max-age or a missing action with exit code 2, and says when there is no cache', async () => {
    expect((await sxs('cache', 'prune', '--max-age', 'soon')).code).toBe(2)
    const nowhere = await sxs('cache', 'prune', '--cache-dir', 'no-such-cache')
    expect(nowhere).toEqual({code: 0, out: 'cache prune: no cache at no-such-cache, nothing to prune\n', err: ''})
    const missing = await sxs('cache')
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/expected 'prune'/)
  })
})
