/**
 * A bounded run of scripts/fuzz.ts in CI: real documents and their translation files, mutated, through
 * extract, check, render and merge, with small storms (the script runs the large ones, with a watchdog for
 * hangs and the 1x/4x scaling measurements). Every case: no throw, no stack trace, nothing written outside
 * --out, a refused merge leaves the document as it was, an accepted one adds no check error. And every storm
 * input of the script, at 20,000 pieces, within the script's time bound (remark was superlinear on some:
 * 20,000 `[a](b` took extract + check 11 s, 20,000 `a <!--` in a paragraph 238 s; check's code parity was cubic
 * in the code spans a pair changes, 5,000 of them 75 s).
 */
import {describe, expect, it} from 'vitest'
import {extractAndCheck, makeCase, runCase, seedDocuments, storms, timeBound} from '../scripts/fuzz.js'

const documents = seedDocuments(8)

describe('fuzz (bounded)', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: 25 cases keep every guarantee`, async () => {
      const failures: string[] = []
      let merges = 0
      for (let index = 0; index < 25; index++) {
        const fuzzCase = makeCase(documents, seed, index, 0.05)
        const outcome = await runCase(fuzzCase)
        if (outcome.mergeWritten !== undefined) merges++
        failures.push(...outcome.failures.map((failure) => `case ${index} (${fuzzCase.label}): ${failure}`))
      }
      expect(failures).toEqual([])
      expect(merges).toBeGreaterThan(0)
    }, 120_000)
  }

  it('extract + check of every storm input at 20,000 pieces stays within the time bound of a fuzz case', async () => {
    const slow: string[] = []
    for (const [input, make] of Object.entries(storms())) {
      const document = make(20_000)
      const took = await extractAndCheck(document)
      const bound = timeBound({kind: 'document', label: input, document})
      if (took > bound) slow.push(`${input}: ${(took / 1000).toFixed(1)} s, bound ${(bound / 1000).toFixed(1)} s`)
    }
    expect(slow).toEqual([])
  }, 600_000)
})
