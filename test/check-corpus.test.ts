/**
 * `check` over the whole dev corpus: no crash, and no rule crying wolf. Parses every file once (slow:
 * remark), then counts errors and warnings per rule; `CORPUS_REPORT=1` prints the table.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {relative} from 'node:path'
import {parse} from '../src/document/parse.js'
import {check, rules} from '../src/check/index.js'
import {corpusDir, corpusFiles} from './helpers/corpus.js'

interface Count {
  errors: number
  warnings: number
  files: Set<string>
  errorFiles: Set<string>
}

describe('check over the dev corpus', () => {
  const files = corpusFiles()
  const counts = new Map<string, Count>()
  const crashes: string[] = []
  let checkMs = 0

  it('checks every file without a crash', () => {
    for (const file of files) {
      const name = relative(corpusDir, file)
      const document = parse(readFileSync(file, 'utf8'), {path: name})
      const start = performance.now()
      const messages = check(document)
      checkMs += performance.now() - start
      for (const message of messages) {
        if (/crashed/.test(message.reason)) crashes.push(`${name}: ${message.reason}`)
        const count = counts.get(message.ruleId ?? '') ?? {errors: 0, warnings: 0, files: new Set<string>(), errorFiles: new Set<string>()}
        if (message.fatal === true) {
          count.errors++
          count.errorFiles.add(name)
        } else count.warnings++
        count.files.add(name)
        counts.set(message.ruleId ?? '', count)
      }
    }
    expect(files.length).toBeGreaterThan(600)
    expect(crashes).toEqual([])
    if (process.env['CORPUS_REPORT']) {
      const rows = rules.map((rule) => {
        const count = counts.get(rule.id)
        return `| \`${rule.id}\` | ${rule.severity} | ${count?.errors ?? 0} | ${count?.warnings ?? 0} | ${count?.files.size ?? 0} |`
      })
      console.log(['| rule | default | errors | warnings | files |', '| --- | --- | --- | --- | --- |', ...rows].join('\n'))
      console.log(`check: ${(checkMs / 1000).toFixed(1)} s for ${files.length} files`)
    }
  })

  it('no rule fires on more than a quarter of the files, no error rule on more than a tenth', () => {
    for (const rule of rules) {
      const count = counts.get(rule.id)
      if (!count) continue
      expect(count.files.size, rule.id).toBeLessThan(files.length / 4)
      expect(count.errorFiles.size, rule.id).toBeLessThan(files.length / 10)
    }
  })

  it('most files have no error at all', () => {
    const withErrors = new Set<string>()
    for (const count of counts.values()) for (const file of count.errorFiles) withErrors.add(file)
    expect(withErrors.size).toBeLessThan(files.length / 4)
  })

  it('finds the same problems, on the same lines, in every file written with CRLF line endings and a BOM', () => {
    // Windows-written docsets: CRLF throughout, some files with a BOM. Only the line ending may differ, so
    // each finding keeps its rule, severity, line and (but on line 1, behind the BOM) column.
    const findings = (text: string, bom: boolean) =>
      check(parse(text)).map((message) => `${message.ruleId} ${message.fatal} ${message.line}:${bom && message.line === 1 ? (message.column ?? 1) - 1 : message.column}`)
    const different: string[] = []
    for (const file of files) {
      const lf = readFileSync(file, 'utf8')
      if (findings(lf, false).join('\n') !== findings('\uFEFF' + lf.replace(/\r?\n/g, '\r\n'), true).join('\n')) different.push(relative(corpusDir, file))
    }
    expect(different).toEqual([])
  })
})
