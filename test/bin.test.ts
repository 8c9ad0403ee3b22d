/**
 * The built CLI (dist/bin/sxs.mjs and its worker dist/bin/sxs-worker.mjs, scripts/build.mjs), run as users run it:
 * plain Node, no tsx. Every other test runs the TypeScript sources in process (`main()`); this one proves
 * that the bundle behaves exactly as they do. Vitest's global setup rebuilds dist/ first when the sources
 * changed (test/setup/build.ts), so this never runs a stale build.
 */
import {spawnSync} from 'node:child_process'
import {cp, mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {builtBin, root} from './helpers/build.js'
import {corpusDir, corpusFiles} from './helpers/corpus.js'
import {readTree} from './helpers/files.js'
import {recordingIo} from './helpers/io.js'

let work: string
let docs: string

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sxs-bin-'))
  docs = path.join(work, 'docs')
  // A handful of real documents from several docsets and languages, some with real errors.
  const picked = corpusFiles().filter((_, index) => index % 97 === 0)
  for (const file of picked) await cp(file, path.join(docs, path.relative(corpusDir, file)))
})

afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

function bin(args: string[]): {status: number | null; stdout: string; stderr: string} {
  const run = spawnSync(process.execPath, [builtBin, ...args], {cwd: work, encoding: 'utf8'})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

async function sources(args: string[]): Promise<{status: number; stdout: string; stderr: string}> {
  const io = recordingIo(work)
  const status = await main(args, io)
  return {status, stdout: io.out, stderr: io.err}
}

describe('the built sxs', () => {
  it('prints the version of package.json', async () => {
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {version: string}
    expect(bin(['--version'])).toEqual({status: 0, stdout: `${manifest.version}\n`, stderr: ''})
  })

  it('checks exactly as the sources do (messages, format, exit code)', async () => {
    const args = ['check', 'docs', '--format', 'json', '--no-cache', '--no-progress']
    const built = bin(args)
    const expected = await sources(args)
    expect(built).toEqual(expected)
    expect(JSON.parse(built.stdout).length).toBeGreaterThan(0)
  })

  it('extracts exactly the bytes the sources write, in the main thread and in its bundled workers', async () => {
    const expected = await sources(['extract', 'docs', '--out', 'sources', '--no-cache', '--no-progress'])
    const built = bin(['extract', 'docs', '--out', 'built', '--no-cache', '--no-progress'])
    const workers = bin(['extract', 'docs', '--out', 'workers', '--no-cache', '--no-progress', '--jobs', '2'])
    expect([built.status, workers.status]).toEqual([expected.status, expected.status])
    const tree = await readTree(path.join(work, 'sources'))
    expect(Object.keys(tree).length).toBeGreaterThan(10)
    expect(await readTree(path.join(work, 'built'))).toEqual(tree)
    expect(await readTree(path.join(work, 'workers'))).toEqual(tree)
  })

  it('carries the fingerprint of its sources: it reads the cache the sources wrote', async () => {
    const args = ['check', 'docs', '--format', 'json', '--cache-dir', path.join(work, 'cache')]
    const cold = await sources(args)
    expect(cold.stderr).toMatch(/\([1-9]\d* parsed\)\n$/)
    const warm = bin(args)
    expect(warm.stderr).toMatch(/\(0 parsed, [1-9]\d* from cache\)\n$/)
    expect(warm.stdout).toBe(cold.stdout)
  })

  it('fails with its own message, not a stack trace, on a command it does not know', () => {
    const run = bin(['frobnicate'])
    expect(run.status).toBe(2)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})
