/**
 * Reading back what the writers wrote: shared by test/formats.test.ts (the reference document, hard inputs)
 * and test/formats-corpus.test.ts (every dev-corpus document).
 */
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {expect} from 'vitest'
import type {BilingualDocument} from '../../src/document/types.js'
import {readTranslations, unitIds} from '../../src/formats/index.js'

const validator = fileURLToPath(new URL('../../../shared/tools/validate-xliff', import.meta.url))

/** Run validate-xliff on files; LC_ALL=C: its `sed` reads the first 4 KiB as bytes, which may cut a UTF-8 character. */
export function validate(files: string[]): {status: number | null; output: string} {
  const run = spawnSync(validator, files, {encoding: 'utf8', env: {...process.env, LC_ALL: 'C'}})
  return {status: run.status, output: `${run.stdout}${run.stderr}`}
}

/** The text read as a translation file gives every unit of the document, in order, with its source and target exactly. */
export function expectRoundTrip(document: BilingualDocument, text: string): void {
  const read = readTranslations(text, {path: 'x'})
  expect(read.messages.map(String)).toEqual([])
  const ids = unitIds(document)
  expect([...read.units.keys()]).toEqual(ids)
  document.segments.forEach((segment, index) => {
    const unit = read.units.get(ids[index]!)!
    if (unit.source !== segment.source || unit.target !== segment.target) {
      expect({id: segment.id, source: unit.source, target: unit.target}).toEqual({id: segment.id, source: segment.source, target: segment.target})
    }
  })
}
