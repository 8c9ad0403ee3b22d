/**
 * Expected outputs kept in files ("golden" files): compared exactly, and written only on purpose, with
 * `UPDATE=1` (then review the diff before committing it). A missing file is a failure, never filled in
 * silently: a test that writes what it compares against cannot fail.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {expect} from 'vitest'

export const updating = process.env['UPDATE'] === '1'

export function expectGolden(file: string | URL, actual: string): void {
  const path = typeof file === 'string' ? file : fileURLToPath(file)
  if (updating) {
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(path, actual)
  }
  expect(existsSync(path), `${path} is missing: run the test with UPDATE=1 and review what it writes`).toBe(true)
  expect(actual).toBe(readFileSync(path, 'utf8'))
}
