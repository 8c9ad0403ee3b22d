/**
 * Memory does not grow with the number of files: the same real documents, 4 and 16 times over, give about the
 * same peak RSS for extract and check (each run in a child process of its own, as `npm run bench` measures it:
 * scripts/bench-sxs.mjs, cold cache). Not once against many: V8 grows its heap during the first second or
 * two of a run whatever comes next (one copy peaked at 86 MB, 6, 12 and 24 copies at 139, 142 and 150 MB),
 * and as sxs got faster 4 copies ended inside that growth (115 MB, against 150 MB for 16 on a CI run with two test
 * workers): 8 copies (about 250 documents) reach the plateau.
 */
import {spawnSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {corpusDir, corpusFiles} from './helpers/corpus.js'

const phase = fileURLToPath(new URL('../scripts/bench-sxs.mjs', import.meta.url))
const copies = {few: 8, many: 32}

let work: string
let runs = 0

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sxs-memory-'))
  const picked = corpusFiles().filter((_, index) => index % 22 === 0)
  for (const file of picked) {
    const relative = path.relative(corpusDir, file)
    for (const [name, count] of Object.entries(copies)) {
      for (let copy = 0; copy < count; copy++) await cp(file, path.join(work, name, `copy-${copy}`, relative))
    }
  }
})

afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

/** Peak RSS in bytes of one cold run of `command` over `docs`. */
async function peak(command: 'extract' | 'check', docs: string): Promise<number> {
  // A folder (and so a cache) of its own for every run: each one is cold.
  const scratch = path.join(work, `${command}-${path.basename(docs)}-${runs++}`)
  await mkdir(scratch, {recursive: true})
  const run = spawnSync(process.execPath, [phase, command, path.join(work, docs), scratch, '1'], {encoding: 'utf8'})
  expect(run.status, run.stderr).toBe(0)
  const figures = JSON.parse(run.stdout.trimEnd().split('\n').at(-1)!) as {rss: number; note: string}
  expect(figures.note).toMatch(/^[1-9]\d* parsed/)
  return figures.rss
}

describe('memory', () => {
  for (const command of ['extract', 'check'] as const) {
    it(`${command}: peak RSS over ${copies.many} copies of the files stays about that of ${copies.few}`, async () => {
      const few = await peak(command, 'few')
      const bound = few * 1.2 + 10e6
      // A document or an output kept per file would add hundreds of megabytes here (744 more documents);
      // garbage collection timing and check's report (it holds every message) move the peak by some
      // megabytes. On a busy machine the concurrent marker falls behind and the heap grows further (a CI
      // run beside another job: check 181 MB, where 143-146 MB is usual): that noise only ever adds, so
      // the lower of two runs is the measure. A leak fails both.
      let many = await peak(command, 'many')
      if (many >= bound) many = Math.min(many, await peak(command, 'many'))
      expect(many).toBeLessThan(bound)
    })
  }
})
