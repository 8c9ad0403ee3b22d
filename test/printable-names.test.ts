/**
 * File names are printed escaped (issue 18): a newline in a name would split a diagnostic, and a line that
 * starts with `::error` is a command to GitHub Actions; ESC would start a terminal escape sequence.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {printable} from '../src/cli/files.js'
import {recordingIo} from './helpers/io.js'

const reference = readFileSync(fileURLToPath(new URL('../source-docs/help-and-support-for-eop.md', import.meta.url)), 'utf8')
// A document with findings (an unclosed target span), so that every command has something to say about it.
const broken = reference.replace('</span><span class="sxs-lookup">', '<span class="sxs-lookup">')
const hostile = 'a\n::error file=x.md::pwned\u001b[31m.md'

let work: string
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'sxs-names-'))
  mkdirSync(path.join(work, 'docs'))
  writeFileSync(path.join(work, 'docs', hostile), broken)
})
afterEach(() => rmSync(work, {recursive: true, force: true}))

async function sxs(...argv: string[]): Promise<string> {
  const io = recordingIo(work)
  await main(argv, io)
  return io.out + io.err
}

describe('printable names', () => {
  it('escapes control characters and leaves other names as they are', () => {
    expect(printable(hostile)).toBe('a\\n::error file=x.md::pwned\\u001b[31m.md')
    expect(printable('docs/ja-JP/記事 1.md')).toBe('docs/ja-JP/記事 1.md')
  })

  for (const argv of [
    ['extract', 'docs', '--out', 'out', '--no-cache'],
    ['check', 'docs', '--no-cache'],
    ['check', 'docs', '--no-cache', '--format', 'github'],
    ['render', 'docs', '--out', 'out']
  ]) {
    it(`sxs ${argv.join(' ')} prints the name on one line, escaped`, async () => {
      const output = await sxs(...argv)
      // GitHub's annotations escape the name their own way (%0A for the newline, %3A for ':').
      expect(output).toContain(argv.includes('github') ? 'a%0A%3A%3Aerror' : 'a\\n::error file=x.md::pwned\\u001b[31m.md')
      expect(output).not.toContain('\u001b')
      for (const line of output.split('\n')) expect(line.startsWith('::error file=x.md::pwned')).toBe(false)
    })
  }
})
