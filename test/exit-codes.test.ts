/**
 * One behaviour in every command (issue 18): 0 clean; 1 problems in the input (findings, a document that
 * is not UTF-8, with its place and `[encoding]`); 2 usage or I/O (inputs that name no document, a file
 * that cannot be read, an output that cannot be written).
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {parse} from '../src/document/parse.js'
import {writeXliff12} from '../src/formats/index.js'
import {recordingIo} from './helpers/io.js'

const reference = readFileSync(fileURLToPath(new URL('../source-docs/help-and-support-for-eop.md', import.meta.url)), 'utf8')

let work: string
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'sxs-exit-'))
})
afterEach(() => rmSync(work, {recursive: true, force: true}))

function put(relative: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(path.join(work, relative)), {recursive: true})
  writeFileSync(path.join(work, relative), content)
}
async function sxs(...argv: string[]): Promise<{code: number; text: string}> {
  const io = recordingIo(work)
  const code = await main(argv, io)
  return {code, text: io.out + io.err}
}

describe('exit codes', () => {
  it('2 for inputs that name no document, in every command that takes documents', async () => {
    mkdirSync(path.join(work, 'empty'))
    for (const argv of [['extract', '--no-cache'], ['check', '--no-cache'], ['render'], ['stats'], ['tmx', '--out', 'm.tmx']]) {
      const result = await sxs(argv[0]!, 'empty', ...argv.slice(1))
      expect(result.code, argv[0]).toBe(2)
      expect(result.text, argv[0]).toContain(`sxs ${argv[0]}: no markdown files in the inputs`)
    }
  })

  it('1 for a document that is not UTF-8, with its place and [encoding], in every command', async () => {
    const bytes = Buffer.concat([Buffer.from(reference.slice(0, 40)), Buffer.from([0xff]), Buffer.from(reference.slice(40))])
    put('docs/x.md', bytes)
    put('t.xlf', writeXliff12(parse(reference)))
    put('t-bad.xlf', Buffer.concat([Buffer.from('<?xml version="1.0"?>\n<xliff '), Buffer.from([0xfe])]))
    put('ok.md', reference)
    const runs = {
      extract: ['extract', 'docs', '--no-cache'],
      check: ['check', 'docs', '--no-cache'],
      render: ['render', 'docs'],
      merge: ['merge', '--doc', 'docs/x.md', '--translations', 't.xlf'],
      'merge (translations)': ['merge', '--doc', 'ok.md', '--translations', 't-bad.xlf']
    }
    for (const [name, argv] of Object.entries(runs)) {
      const result = await sxs(...argv)
      expect(result.code, name).toBe(1)
      expect(result.text, name).toMatch(/not valid UTF-8 \(byte 0x(ff|fe) at offset \d+\)/)
      expect(result.text, name).toMatch(/encoding/)
      if (name !== 'check') expect(result.text, name).toMatch(/(x\.md|t-bad\.xlf):\d+:\d+: error: not valid UTF-8 .*\[encoding\]/)
    }
    expect(readFileSync(path.join(work, 'ok.md'), 'utf8')).toBe(reference)
  })

  it('2 for a file that cannot be read or an output that cannot be written', async () => {
    put('docs/a.md', reference)
    execFileSync('mkfifo', [path.join(work, 'pipe')])
    symlinkSync(path.join(work, 'pipe'), path.join(work, 'docs', 'b.md'))
    for (const command of ['extract', 'check']) {
      const result = await sxs(command, 'docs', '--no-cache')
      expect(result.code, command).toBe(2)
      expect(result.text, command).toContain('not a regular file (a FIFO)')
    }
    put('a-file', 'x')
    for (const command of ['extract', 'render']) {
      const result = await sxs(command, 'docs/a.md', '--out', 'a-file', ...(command === 'extract' ? ['--no-cache'] : []))
      expect(result.code, command).toBe(2)
      expect(result.text, command).toContain('cannot write')
    }
  })
})
