/**
 * The compiled build (src/cli/build.js): `bin/sxs.js` runs one bundled file, workers run another; both must
 * behave exactly as the TypeScript sources do under tsx, and a build is named by the sources' fingerprint.
 */
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {cp, mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {codeFingerprint, compiledBuild} from '../src/cli/build.js'
import {workerPool} from '../src/cli/engine/pool.js'
import {runTask} from '../src/cli/tasks/index.js'
import {corpusDir, corpusFiles} from './helpers/corpus.js'
import {readTree} from './helpers/files.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const bin = path.join(root, 'bin', 'sxs.js')

let work: string
let docs: string

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sxs-build-'))
  docs = path.join(work, 'docs')
  // A handful of real documents from several docsets and languages, one with real errors.
  const picked = corpusFiles().filter((_, index) => index % 97 === 0)
  for (const file of picked) await cp(file, path.join(docs, path.relative(corpusDir, file)))
})

afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

function sxs(args: string[], env: Record<string, string> = {}): {status: number | null; stdout: string; stderr: string} {
  const run = spawnSync(process.execPath, [bin, ...args], {cwd: work, encoding: 'utf8', env: {...process.env, ...env}})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

describe('the compiled build', () => {
  it('is named by the fingerprint of the sources, and holds the CLI and the worker', () => {
    const build = compiledBuild()
    expect(build).toBeDefined()
    const cli = fileURLToPath(build!.cli)
    expect(path.basename(path.dirname(cli))).toBe(codeFingerprint())
    expect(existsSync(cli)).toBe(true)
    expect(existsSync(fileURLToPath(build!.worker))).toBe(true)
  })

  it('checks exactly as the sources run through tsx do (messages, format, exit code)', () => {
    const args = ['check', 'docs', '--format', 'json', '--no-cache', '--no-progress']
    const compiled = sxs(args)
    const sources = sxs(args, {SXS_NO_BUILD: '1'})
    expect(compiled.stderr).toBe(sources.stderr)
    expect(compiled.status).toBe(sources.status)
    expect(compiled.stdout).toBe(sources.stdout)
    expect(JSON.parse(compiled.stdout).length).toBeGreaterThan(0)
  })

  it('extracts exactly the bytes the sources write, in the main thread and in workers', async () => {
    const compiled = sxs(['extract', 'docs', '--out', 'compiled', '--no-cache', '--no-progress'])
    const workers = sxs(['extract', 'docs', '--out', 'workers', '--no-cache', '--no-progress', '--jobs', '2'])
    const sources = sxs(['extract', 'docs', '--out', 'sources', '--no-cache', '--no-progress'], {SXS_NO_BUILD: '1'})
    // Without a build, the workers run the sources through tsx (src/cli/engine/worker.mjs).
    const sourceWorkers = sxs(['extract', 'docs', '--out', 'source-workers', '--no-cache', '--no-progress', '--jobs', '2'], {SXS_NO_BUILD: '1'})
    expect([compiled.status, workers.status, sourceWorkers.status]).toEqual([sources.status, sources.status, sources.status])
    const expected = await readTree(path.join(work, 'sources'))
    expect(Object.keys(expected).length).toBeGreaterThan(10)
    expect(await readTree(path.join(work, 'compiled'))).toEqual(expected)
    expect(await readTree(path.join(work, 'workers'))).toEqual(expected)
    expect(await readTree(path.join(work, 'source-workers'))).toEqual(expected)
  })

  it('runs tasks in compiled worker threads with the results of the sources', async () => {
    const pool = workerPool(1)
    try {
      for (const file of corpusFiles().filter((_, index) => index % 131 === 0)) {
        const bytes = await readFile(file)
        const request = {task: 'extract' as const, options: {relative: path.relative(corpusDir, file), sourceLanguage: 'en-US', formats: ['xliff12' as const, 'json' as const], copySource: false}, bytes}
        const fromWorker = await pool.run(request)
        const here = runTask(request)
        expect(fromWorker.messages).toEqual(here.messages)
        expect(fromWorker.outputs?.map((output) => output.sha256)).toEqual(here.outputs?.map((output) => output.sha256))
      }
    } finally {
      await pool.close()
    }
  })
})
