/**
 * The configuration ESLint users expect (`ignores`, per-path `overrides`, paths relative to the configuration
 * file, clear errors for a bad one) and the output options (`--quiet`: errors only; `--no-progress`), through
 * the library (config.ts) and through `sxs check` with injected I/O.
 */
import {describe, expect, it} from 'vitest'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pair} from '../src/check/example.js'
import {ConfigError, configResolver, loadConfig, validateConfig} from '../src/check/config.js'
import {main} from '../src/cli/main.js'
import {recordingIo} from './helpers/io.js'

describe('validateConfig', () => {
  it('accepts ignores and overrides, a lone pattern as a list of one', () => {
    expect(validateConfig({ignores: 'legacy/', overrides: [{files: 'includes/**', rules: {'id-gap': 'warn'}, targetLanguage: 'fr-FR'}]}, 'x')).toEqual({
      ignores: ['legacy/'],
      overrides: [{files: ['includes/**'], rules: {'id-gap': 'warning'}, targetLanguage: 'fr-FR'}]
    })
  })

  it('says which file and what is wrong', () => {
    const bad: Array<[unknown, string]> = [
      [{ignores: [1]}, '.sxsrc.json: `ignores` must be a list of glob patterns (non-empty strings)'],
      [{ignores: []}, '.sxsrc.json: `ignores` must name at least one pattern'],
      [{overrides: {files: ['a']}}, '.sxsrc.json: `overrides` must be a list of objects such as {"files": ["includes/**"], "rules": {…}}'],
      [{overrides: [{rules: {}}]}, '.sxsrc.json: overrides[0]: `files` is missing (the patterns it applies to)'],
      [{overrides: [{files: ['a'], rules: {'id-gap': 'loud'}}]}, '.sxsrc.json: overrides[0]: rule `id-gap`: invalid rule setting "loud" (use "off", "warn" or "error")'],
      [{overrides: [{files: ['a']}, {files: ['b'], rules: {'no-such-rule': 'off'}}]}, '.sxsrc.json: overrides[1]: unknown rule `no-such-rule`'],
      [{overrides: [{files: ['a'], ignores: ['b']}]}, '.sxsrc.json: overrides[0]: unknown key `ignores` (expected `files`, `targetLanguage`, `rules`)'],
      [{ignore: ['a']}, '.sxsrc.json: unknown key `ignore` (expected `targetLanguage`, `rules`, `ignores`, `overrides`)']
    ]
    for (const [value, message] of bad) {
      expect(() => validateConfig(value, '.sxsrc.json')).toThrow(ConfigError)
      expect(() => validateConfig(value, '.sxsrc.json')).toThrow(message)
    }
  })

  it('a file that is not JSON: its name, line and column', async () => {
    const read = async () => '{\n  "rules": {,}\n}\n'
    await expect(loadConfig('/repo', read)).rejects.toThrow(/^\/repo\/\.sxsrc\.json:2:13: not valid JSON: /)
  })
})

describe('configResolver', () => {
  const loaded = {
    path: '/repo/.sxsrc.json',
    config: validateConfig(
      {
        targetLanguage: 'de-DE',
        rules: {'id-gap': 'error'},
        ignores: ['legacy/', '**/*.draft.md'],
        overrides: [
          {files: ['includes/**'], rules: {'id-gap': 'off', 'duplicate-id': 'warn'}},
          {files: ['includes/fr/*.md'], targetLanguage: 'fr-FR', rules: {'id-gap': 'warn'}}
        ]
      },
      'x'
    )
  }
  const resolver = configResolver(loaded, '/repo/docs')

  it('ignores paths relative to the configuration file, a pattern ending in / as the whole folder', () => {
    expect(['/repo/legacy/a.md', '/repo/legacy/x/b.md', '/repo/docs/c.draft.md', '/repo/docs/c.md', '/repo/docs/legacy/a.md', '/elsewhere/legacy/a.md'].map((file) => resolver.ignored(file))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false
    ])
  })

  it('applies every matching override in order over the top-level settings', () => {
    expect(resolver.optionsFor('/repo/docs/a.md')).toEqual({targetLanguage: 'de-DE', rules: {'id-gap': 'error'}})
    expect(resolver.optionsFor('/repo/includes/a.md')).toEqual({targetLanguage: 'de-DE', rules: {'id-gap': 'off', 'duplicate-id': 'warning'}})
    expect(resolver.optionsFor('/repo/includes/fr/a.md')).toEqual({targetLanguage: 'fr-FR', rules: {'id-gap': 'warning', 'duplicate-id': 'warning'}})
    // Relative paths are the working folder's (the CLI's inputs).
    expect(resolver.optionsFor('../includes/a.md')).toEqual(resolver.optionsFor('/repo/includes/a.md'))
  })

  it('without a configuration file, patterns are relative to the working folder', () => {
    const plain = configResolver({path: undefined, config: {ignores: ['old/']}}, '/work')
    expect([plain.ignored('/work/old/a.md'), plain.ignored('/work/new/a.md')]).toEqual([true, false])
  })
})

describe('sxs check with a configuration', () => {
  // A duplicate id (error) and an id gap (warning) in every document.
  const document = `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`
  const repo = mkdtempSync(path.join(tmpdir(), 'sxs-config-'))
  for (const file of ['docs/a.md', 'legacy/b.md', 'includes/c.md']) {
    mkdirSync(path.dirname(path.join(repo, file)), {recursive: true})
    writeFileSync(path.join(repo, file), document)
  }
  writeFileSync(path.join(repo, '.sxsrc.json'), JSON.stringify({ignores: ['legacy/'], overrides: [{files: ['includes/**'], rules: {'duplicate-id': 'warn'}}]}))

  /** Each reported message as `path:line ruleId severity`. */
  async function checked(argv: string[], cwd = path.join(repo, 'docs')): Promise<{code: number; found: string[]; err: string}> {
    const io = recordingIo(cwd)
    const code = await main(['check', ...argv, '--no-cache', '--format', 'json'], io)
    const problems = io.out ? (JSON.parse(io.out) as Array<{file: string; line: number; ruleId: string; severity: string}>) : []
    const found = problems.map((problem) => `${path.relative(repo, path.resolve(cwd, problem.file))}:${problem.line} ${problem.ruleId} ${problem.severity}`)
    return {code, found, err: io.err}
  }

  it('skips ignored files and applies overrides, with the configuration found above the working folder', async () => {
    const {code, found} = await checked(['..', '--no-progress'])
    expect(code).toBe(1)
    expect(found).toEqual(['docs/a.md:3 duplicate-id error', 'docs/a.md:5 id-gap warning', 'includes/c.md:3 duplicate-id warning', 'includes/c.md:5 id-gap warning'])
  })

  it('--quiet reports errors only; warnings still count for --max-warnings', async () => {
    expect(await checked(['..', '--quiet', '--no-progress'])).toEqual({code: 1, found: ['docs/a.md:3 duplicate-id error'], err: ''})
    const includes = await checked(['../includes', '--quiet', '--no-progress'])
    expect(includes).toEqual({code: 0, found: [], err: ''})
    const limited = await checked(['../includes', '-q', '--no-progress', '--max-warnings', '1'])
    expect(limited).toEqual({code: 1, found: [], err: 'sxs check: 2 warning(s), more than --max-warnings 1\n'})
  })

  it('--quiet leaves the warnings out of the summary line; --no-progress prints none', async () => {
    const {err} = await checked(['..', '--quiet'])
    expect(err).toMatch(/^check: 2 file\(s\) \([\d.]+ MB\), 6 segment\(s\), 1 error\(s\), 0 warning\(s\) in [\d.]+s \(2 parsed\)\n$/)
    expect((await checked(['..', '--no-progress'])).err).toBe('')
  })

  it('all inputs ignored, or a bad configuration: exit 2 with what is wrong and where', async () => {
    expect(await checked(['../legacy'])).toEqual({code: 2, found: [], err: "sxs check: all 1 markdown file(s) in the inputs are ignored by the configuration's `ignores`\nRun 'sxs check --help' for usage.\n"})
    writeFileSync(path.join(repo, 'bad.json'), '{"overrides": [{"files": ["includes/**"], "rules": {"duplicate-ids": "warn"}}]}')
    expect(await checked(['..', '--config', '../bad.json'])).toEqual({code: 2, found: [], err: 'sxs check: ../bad.json: overrides[0]: unknown rule `duplicate-ids`\nRun \'sxs check --help\' for usage.\n'})
  })

  it('extract --quiet prints errors only', async () => {
    // A target language that differs from ms.contentlocale is a warning of extract; a pair without its source an error.
    const folder = mkdtempSync(path.join(tmpdir(), 'sxs-quiet-'))
    writeFileSync(path.join(folder, 'a.md'), `---\nms.contentlocale: de-DE\n---\n${pair('90f5f-103', 'Hilfe', 'Help')}\n`)
    writeFileSync(path.join(folder, 'b.md'), `---\nms.contentlocale: de-DE\n---\n<span data-ttu-id="90f5f-103">Hilfe</span>\n`)
    const run = async (...flags: string[]) => {
      const io = recordingIo(folder)
      const code = await main(['extract', '.', '--out', 'out', '--no-cache', '--no-progress', '--target-lang', 'fr-FR', ...flags], io)
      return {code, lines: io.err.split('\n').filter(Boolean).map((line) => line.replace(/: (error|warning): .*\[(.*)\]$/, ' $1 $2'))}
    }
    const loud = await run()
    expect(loud.lines).toContain('a.md:2:1 warning target-language')
    expect(loud.lines.some((line) => / error /.test(line))).toBe(true)
    const quiet = await run('--quiet')
    expect(quiet.code).toBe(loud.code)
    expect(quiet.lines).toEqual(loud.lines.filter((line) => / error /.test(line)))
  })

  it('documents the options and the configuration in --help', async () => {
    const io = recordingIo(repo)
    expect(await main(['check', '--help'], io)).toBe(0)
    expect(io.out).toContain('--no-progress')
    expect(io.out).toMatch(/-q, --quiet +report errors only/)
    expect(io.out).toContain('"ignores"')
    expect(io.out).toContain('<!-- sxs-disable-line rule-id -->')
  })
})
