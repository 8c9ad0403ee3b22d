/**
 * The shell around the commands: usage errors in one form (`sxs <command>: <what>`, then where the help is,
 * exit code 2), `sxs help <command>`, and where `check --help` points for the rules. Run on the sources, in
 * process (test/bin.test.ts runs the built bin).
 */
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {check, parse, rules} from '../src/index.js'
import {main} from '../src/cli/main.js'
import {root} from './helpers/build.js'
import {recordingIo} from './helpers/io.js'

async function sxs(...argv: string[]): Promise<{code: number; out: string; err: string}> {
  const io = recordingIo(root)
  const code = await main(argv, io)
  return {code, out: io.out, err: io.err}
}

describe('usage errors', () => {
  const commands = ['extract', 'check', 'merge', 'render', 'cache', 'update']

  it('name the command and the problem in one line, then point at the help, with exit code 2', async () => {
    for (const command of commands) {
      expect(await sxs(command, '--bogus'), command).toEqual({code: 2, out: '', err: `sxs ${command === 'cache' ? 'cache prune' : command}: unknown option '--bogus'\nRun 'sxs ${command} --help' for usage.\n`})
    }
    expect((await sxs('extract', '--out')).err).toBe("sxs extract: option '--out' needs a value\nRun 'sxs extract --help' for usage.\n")
    expect((await sxs('check', '-f')).err).toBe("sxs check: option '--format' needs a value\nRun 'sxs check --help' for usage.\n")
    expect((await sxs('check', '--format', 'xml')).err).toBe("sxs check: unknown format 'xml' (use stylish, compact, json, github or sarif)\nRun 'sxs check --help' for usage.\n")
    expect((await sxs('extract', '--jobs', '0')).err).toBe("sxs extract: --jobs '0' must be a whole number from 1 to 256\nRun 'sxs extract --help' for usage.\n")
    expect((await sxs('render', '--shard', '5/4', 'source-docs')).err).toBe("sxs render: --shard '5/4': i must be between 1 and n, n at least 1 (for example 1/4 … 4/4)\nRun 'sxs render --help' for usage.\n")
    expect((await sxs('merge', '--doc', 'a.md')).err).toBe("sxs merge: --translations is required\nRun 'sxs merge --help' for usage.\n")
    expect((await sxs('check', 'no-such-folder')).err).toBe("sxs check: no-such-folder: no such file or folder\nRun 'sxs check --help' for usage.\n")
  })

  it('an unknown command: the commands there are, and the pointer', async () => {
    const expected = {code: 2, out: '', err: "sxs: unknown command 'frobnicate' (one of extract, check, merge, render, cache, tmx, stats, pseudo, update)\nRun 'sxs --help' for usage.\n"}
    expect(await sxs('frobnicate')).toEqual(expected)
    expect(await sxs('help', 'frobnicate')).toEqual(expected)
  })
})

describe('help', () => {
  it('`sxs help <command>` is `sxs <command> --help`; `sxs help` the overview', async () => {
    for (const command of ['extract', 'check', 'merge', 'render', 'cache']) {
      const help = await sxs('help', command)
      expect(help.code).toBe(0)
      expect(help.out).toMatch(new RegExp(`^Usage: sxs ${command}`))
      expect(help).toEqual(await sxs(command, '--help'))
    }
    const overview = await sxs('help')
    expect(overview.code).toBe(0)
    expect(overview.out).toMatch(/^Usage: sxs <command>/)
    expect(overview.out).toContain('sxs help <command>')
  })

  it('check --help points at the rules page that ships with sxs, and every message links into it', async () => {
    const page = fileURLToPath(new URL('../docs/rules.md', import.meta.url))
    expect((await sxs('check', '--help')).out).toContain(`Rules: ${page}\n`)
    const rule = rules.find((candidate) => candidate.bad.length > 0)!
    const [message] = check(parse(rule.bad[0]!.markdown))
    expect(message!.url).toBe(`${new URL('../docs/rules.md', import.meta.url).href}#${message!.ruleId}`)
    expect(existsSync(page)).toBe(true)
  })
})
