/** The five output formats of `sxs check`: stylish, compact, json, github annotations, SARIF 2.1.0 (validated against its schema). */
import {describe, expect, it} from 'vitest'
import {mkdtempSync, writeFileSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {pair} from '../src/check/example.js'
import {escapeData, escapeProperty} from '../src/cli/reporters/github.js'
import {run} from '../src/cli/commands/check.js'
import type {Io} from '../src/cli/io.js'

async function runCheck(argv: string[], cwd: string): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const io: Io = {stdout: (out) => void (stdout += out), stderr: (out) => void (stderr += out), cwd, isTTY: false}
  const code = await run(argv, io)
  return {code, stdout, stderr}
}

const folder = mkdtempSync(path.join(tmpdir(), 'sxs-reporters-'))
const text = [
  '---',
  'ms.contentlocale: de-DE',
  '---',
  `${pair('90f5f-103', 'Hilfe', 'Help')}`,
  '',
  `${pair('90f5f-103', 'Hilfe: 100%, sofort', 'Help')}`,
  '',
  `${pair('90f5f-106', 'Ende', 'End')}`,
  ''
].join('\n')
writeFileSync(path.join(folder, 'a b.md'), text)
writeFileSync(path.join(folder, 'clean.md'), `${pair('90f5f-103', 'Hilfe', 'Help')}\n`)

describe('reporters', () => {
  it('stylish: file:line:column  severity  message  rule-id, grouped by file, with a summary', async () => {
    const {code, stdout} = await runCheck([folder], folder)
    expect(code).toBe(1)
    expect(stdout).toBe(
      [
        'a b.md',
        '  a b.md:6:1  error    Duplicate id `90f5f-103`  duplicate-id',
        '                       ↳ 4:1 First used here',
        '  a b.md:8:1  warning  Ids jump from `90f5f-103` to `90f5f-106`: 90f5f-104 to 90f5f-105 missing (no merged id, image alt text or link title explains it)  id-gap',
        '',
        '✖ 2 problem(s) (1 error(s), 1 warning(s)) in 2 file(s)',
        ''
      ].join('\n')
    )
  })

  it('compact: the one-line form every command prints its messages in, then the tally', async () => {
    const {code, stdout} = await runCheck([folder, '--format', 'compact'], folder)
    expect(code).toBe(1)
    expect(stdout).toBe(
      [
        'a b.md:6:1: error: Duplicate id `90f5f-103` (first used here: line 4, column 1)  [duplicate-id]',
        'a b.md:8:1: warning: Ids jump from `90f5f-103` to `90f5f-106`: 90f5f-104 to 90f5f-105 missing (no merged id, image alt text or link title explains it)  [id-gap]',
        '1 error(s), 1 warning(s) in 2 file(s)',
        ''
      ].join('\n')
    )
  })

  it('json: an array of flat problems', async () => {
    const {stdout} = await runCheck([folder, '--format', 'json'], folder)
    expect(JSON.parse(stdout)).toEqual([
      {file: 'a b.md', line: 6, column: 1, endLine: 6, endColumn: 130, severity: 'error', ruleId: 'duplicate-id', message: 'Duplicate id `90f5f-103`', segmentId: '90f5f-103', related: {line: 4, column: 1, endLine: 4, endColumn: 116, message: 'First used here'}},
      {
        file: 'a b.md',
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 114,
        severity: 'warning',
        ruleId: 'id-gap',
        message: 'Ids jump from `90f5f-103` to `90f5f-106`: 90f5f-104 to 90f5f-105 missing (no merged id, image alt text or link title explains it)',
        segmentId: '90f5f-106',
        related: null
      }
    ])
  })

  it('github: one annotation per line, escaped, with a summary notice', async () => {
    const {stdout} = await runCheck([folder, '--format', 'github'], folder)
    const lines = stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) [^\n]*::[^\n]*$/)
    expect(lines[0]).toBe('::error file=a b.md,line=6,col=1,endLine=6,endColumn=130,title=duplicate-id::Duplicate id `90f5f-103` (first used here: line 4, column 1)')
    expect(lines[2]).toBe('::notice title=sxs check::1 error(s) and 1 warning(s) in 2 file(s)')
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext')
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25')
  })

  it('sarif: valid SARIF 2.1.0 with one rule descriptor per rule and repo-relative URIs', async () => {
    const {stdout} = await runCheck([folder, '--format', 'sarif'], folder)
    const log = JSON.parse(stdout) as {runs: Array<{tool: {driver: {rules: Array<{id: string}>}}; columnKind: string; results: Array<{ruleId: string; ruleIndex: number; level: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string; uriBaseId: string}; region: {startLine: number}}}>}>}>}
    const require = createRequire(import.meta.url)
    const schemaPath = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json')
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object
    // CommonJS packages: under NodeNext their default import is `module.exports`, whose `default` is the export.
    const interop = <T>(module: T): T extends {default: infer D} ? D : T => ((module as {default?: unknown}).default ?? module) as never
    const Ajv = interop(ajvDraft04)
    const addFormats = interop(ajvFormats)
    const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
    addFormats(ajv)
    const validate = ajv.compile(schema)
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true)
    const run = log.runs[0]!
    expect(run.columnKind).toBe('utf16CodeUnits')
    const ids = run.tool.driver.rules.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(run.results.map((result) => [result.ruleId, ids[result.ruleIndex], result.level, result.locations[0]!.physicalLocation.artifactLocation.uri, result.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['duplicate-id', 'duplicate-id', 'error', 'a%20b.md', 6],
      ['id-gap', 'id-gap', 'warning', 'a%20b.md', 8]
    ])
    // A related place (where the duplicated id was first used) is a related location, as code scanning shows it.
    expect((run.results[0] as unknown as {relatedLocations: unknown}).relatedLocations).toEqual([
      {id: 1, physicalLocation: {artifactLocation: {uri: 'a%20b.md', uriBaseId: '%SRCROOT%'}, region: {startLine: 4, startColumn: 1, endLine: 4, endColumn: 116}}, message: {text: 'First used here'}}
    ])
    expect((run.results[1] as unknown as {relatedLocations?: unknown}).relatedLocations).toBeUndefined()
  })

  it('a related place survives the cache and the worker boundary (messages cross both as plain data)', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'sxs-reporters-cache-'))
    const fresh = (await runCheck([folder, '--format', 'json', '--no-cache'], folder)).stdout
    const filling = (await runCheck([folder, '--format', 'json', '--cache-dir', cache], folder)).stdout
    const cached = (await runCheck([folder, '--format', 'json', '--cache-dir', cache], folder)).stdout
    const workers = (await runCheck([folder, '--format', 'json', '--no-cache', '--jobs', '2'], folder)).stdout
    expect((JSON.parse(fresh) as Array<{related: unknown}>)[0]!.related).toEqual({line: 4, column: 1, endLine: 4, endColumn: 116, message: 'First used here'})
    expect([filling, cached, workers]).toEqual([fresh, fresh, fresh])
  })

  it('exit 2 on a bad option, an unknown format or a missing input', async () => {
    expect((await runCheck(['--format', 'xml'], folder)).code).toBe(2)
    expect((await runCheck(['--max-warnings', 'many'], folder)).code).toBe(2)
    expect((await runCheck(['--no-such-option'], folder)).code).toBe(2)
    expect((await runCheck(['missing-folder'], folder)).code).toBe(2)
    expect((await runCheck([folder, '--config', 'missing.json'], folder)).code).toBe(2)
  })

  it('exit 1 for a file that is not UTF-8 (an error of the document, as extract says), reported at the byte', async () => {
    const bad = mkdtempSync(path.join(tmpdir(), 'sxs-bad-'))
    writeFileSync(path.join(bad, 'latin1.md'), Buffer.from([0x48, 0x69, 0x0a, 0xe9, 0x0a]))
    const {code, stdout} = await runCheck([bad, '--format', 'json'], bad)
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toMatchObject([{file: 'latin1.md', line: 2, column: 1, severity: 'error', ruleId: 'encoding', message: 'not valid UTF-8 (byte 0xe9 at offset 3)'}])
    // SARIF describes it too (code scanning shows a result's rule descriptor).
    const log = JSON.parse((await runCheck([bad, '--format', 'sarif'], bad)).stdout) as {runs: Array<{tool: {driver: {rules: Array<{id: string}>}}; results: Array<{ruleId: string; ruleIndex: number}>}>}
    const run = log.runs[0]!
    expect(run.results.map((result) => [result.ruleId, run.tool.driver.rules[result.ruleIndex]?.id])).toEqual([['encoding', 'encoding']])
  })

  it('reads .sxsrc.json: rules turned off, re-graded', async () => {
    const configured = mkdtempSync(path.join(tmpdir(), 'sxs-config-'))
    writeFileSync(path.join(configured, 'a.md'), text)
    writeFileSync(path.join(configured, '.sxsrc.json'), JSON.stringify({rules: {'duplicate-id': 'warn', 'id-gap': 'off'}}))
    const {code, stdout} = await runCheck(['.', '--format', 'json'], configured)
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as Array<{ruleId: string; severity: string}>).map((p) => [p.ruleId, p.severity])).toEqual([['duplicate-id', 'warning']])
    expect((await runCheck(['.', '--target-lang', 'nl-NL', '--format', 'json'], configured)).code).toBe(1)
  })
})
