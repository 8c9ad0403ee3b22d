/**
 * `npm run verify -- DIR…` (scripts/verify-docset.ts), the corpus invariants over any folder: it holds them on
 * the reference document and a corpus file with recovered span problems, counts the fast path's declines by
 * reason, and says how to call it.
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {corpusDir} from './helpers/corpus.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-docset.ts', ...args], {cwd: root, encoding: 'utf8'})

describe('npm run verify', () => {
  it('holds every invariant on real documents and counts what check finds', {timeout: 120_000}, () => {
    const recovered = path.join(corpusDir, 'microsoft-365-docs-pr.nl-NL/microsoft-365/admin/manage/centralized-deployment-of-add-ins.md')
    const result = run('source-docs', recovered)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^2 file\(s\), [\d.]+ M characters, \d+ segment\(s\); the fast path declined 0 file\(s\)/)
    // The file was chosen for its recovered span problems (pairs.ts reports them; check counts them).
    expect(lines[1]).toBe('rendered sides: the fast path declined 0')
    expect(lines[2]).toContain('unbalanced-span (warning) 2')
    expect(lines.at(-1)).toBe('every invariant holds')
  })

  it('counts the files the fast path declines by its reason', {timeout: 120_000}, () => {
    // Corpus lines with one construct added each that the fast path leaves to remark (see SOURCE there).
    const result = run('test/fixtures/verify-declines')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      '4 file(s), 0.00 M characters, 7 segment(s); the fast path declined 4 file(s) (remark read them)',
      'fast path declines: footnote 2, definition 1, tab 1',
      'rendered sides: the fast path declined 8 (footnote 4, definition 2, tab 2)',
      'check findings: id-gap (warning) 2',
      'every invariant holds'
    ])
  })

  it('says how to call it without a folder (exit 2)', () => {
    const result = run()
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('usage: npm run verify -- DIR…')
  })
})
