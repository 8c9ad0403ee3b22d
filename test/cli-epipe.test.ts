/**
 * Every command whose reader goes away (`sxs check … | head`, `sxs extract … 2>&1 | head`) ends quietly:
 * no stack trace, exit code 141 (128 + SIGPIPE, what a shell reports for cat or grep there), and the
 * files it writes are written whole. The real executable runs with the read end of its stdout (or
 * stderr) closed before it writes, so every write it makes there fails with EPIPE.
 */
import {spawn} from 'node:child_process'
import {copyFileSync, mkdtempSync, mkdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {readTree} from './helpers/files.js'
import {recordingIo} from './helpers/io.js'
import {corpusDir} from './helpers/corpus.js'

const bin = fileURLToPath(new URL('../dist/bin/sxs.mjs', import.meta.url))
const work = mkdtempSync(path.join(tmpdir(), 'sxs-epipe-'))
// A real document whose pairs give warnings (unbalanced spans) and errors (check), so that every command prints.
const sample = 'microsoft-365-docs-pr.nl-NL/microsoft-365/admin/manage/centralized-deployment-of-add-ins.md'
mkdirSync(path.join(work, 'docs'))
copyFileSync(path.join(corpusDir, sample), path.join(work, 'docs', 'add-ins.md'))

/** Run `sxs args` with the read end of `closed` shut at once; what the other stream got, and the exit code. */
function withClosed(closed: 'stdout' | 'stderr', args: string[]): Promise<{code: number | null; signal: string | null; other: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {cwd: work, stdio: ['ignore', 'pipe', 'pipe']})
    child[closed].destroy()
    let other = ''
    const open = closed === 'stdout' ? child.stderr : child.stdout
    open.setEncoding('utf8')
    open.on('data', (text: string) => void (other += text))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal, other}))
  })
}

describe('a closed stdout or stderr', () => {
  it('check: the report to a closed stdout ends quietly with 141, in every format', async () => {
    for (const format of ['stylish', 'json', 'github', 'sarif']) {
      expect(await withClosed('stdout', ['check', 'docs', '--no-cache', '--no-progress', '--format', format]), format).toEqual({code: 141, signal: null, other: ''})
    }
  })

  it('help and version to a closed stdout', async () => {
    for (const args of [['--help'], ['--version'], ['check', '--help'], ['extract', '--help'], ['merge', '--help'], ['render', '--help'], ['cache', '--help']]) {
      expect(await withClosed('stdout', args), args.join(' ')).toEqual({code: 141, signal: null, other: ''})
    }
  })

  it('extract and render: messages to a closed stderr end quietly with 141, and the outputs are written whole', async () => {
    expect(await withClosed('stderr', ['extract', 'docs', '--out', 'out-closed', '--no-cache'])).toEqual({code: 141, signal: null, other: ''})
    expect(await main(['extract', 'docs', '--out', 'out-open', '--no-cache', '--no-progress'], recordingIo(work))).toBe(0)
    expect(await readTree(path.join(work, 'out-closed'))).toEqual(await readTree(path.join(work, 'out-open')))

    expect(await withClosed('stderr', ['render', 'docs', '--out', 'render-closed'])).toEqual({code: 141, signal: null, other: ''})
    expect(await main(['render', 'docs', '--out', 'render-open'], recordingIo(work))).toBe(0)
    const rendered = await readTree(path.join(work, 'render-closed'))
    expect(Object.keys(rendered)).toHaveLength(1)
    expect(rendered).toEqual(await readTree(path.join(work, 'render-open')))
  })

  it('merge: its summary to a closed stderr ends quietly with 141, the merged document written whole', async () => {
    const translations = path.join(work, 'out-open', 'json', 'add-ins.json')
    expect(await withClosed('stderr', ['merge', '--doc', 'docs/add-ins.md', '--translations', translations, '--out', 'merged.md'])).toEqual({code: 141, signal: null, other: ''})
    expect(readFileSync(path.join(work, 'merged.md'), 'utf8')).toBe(readFileSync(path.join(work, 'docs', 'add-ins.md'), 'utf8'))
  })

  it('cache prune: its report to a closed stdout', async () => {
    expect(await withClosed('stdout', ['cache', 'prune', '--cache-dir', path.join(work, 'no-cache-here')])).toEqual({code: 141, signal: null, other: ''})
  })

  it('an open pipe: the exit code and the report are the command’s own', async () => {
    const args = ['check', 'docs', '--no-cache', '--no-progress']
    const io = recordingIo(work)
    const expected = await main(args, io)
    expect(io.out).toMatch(/warning/)
    const child = spawn(process.execPath, [bin, ...args], {cwd: work, stdio: ['ignore', 'pipe', 'pipe']})
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => void (out += text))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect([code, out]).toEqual([expected, io.out])
  })
})

describe('main with injected I/O', () => {
  it('maps a lost output to 141 (pipe) or 2 (another write error), after the command ran', async () => {
    // A document with an error: check's own exit code is 1.
    const io = recordingIo(work)
    expect(await main(['check', 'docs', '--no-cache', '--no-progress', '--target-lang', 'fr-FR'], io)).toBe(1)
    expect(await main(['check', 'docs', '--no-cache', '--no-progress'], {...recordingIo(work), lostOutput: () => 'pipe'})).toBe(141)
    expect(await main(['check', 'docs', '--no-cache', '--no-progress'], {...recordingIo(work), lostOutput: () => 'io'})).toBe(2)
  })
})
