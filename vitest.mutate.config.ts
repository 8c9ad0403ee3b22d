import {defineConfig} from 'vitest/config'

/**
 * The tests a mutation run (`npm run mutate`, StrykerJS) runs against each mutant of the code it mutates
 * (stryker.config.mjs): those that exercise the rules, merge and the translation readers in process. The
 * corpus-wide and real-client tests are left out (they take minutes per run and reach this code through the
 * same functions); the tests that run the built CLI (dist/) cannot see a mutant of src/.
 */
export default defineConfig({
  test: {
    include: [
      'test/check-rules.test.ts',
      'test/check-findings.test.ts',
      'test/check-docs.test.ts',
      'test/check-reference.test.ts',
      'test/check-property.test.ts',
      'test/check-config.test.ts',
      'test/check-disable.test.ts',
      'test/check-reporters.test.ts',
      'test/check-sides.test.ts',
      'test/check-false-alarms.test.ts',
      'test/check-qa.test.ts',
      'test/check-parity-property.test.ts',
      'test/inline-parity.test.ts',
      'test/merge.test.ts',
      'test/merge-cli.test.ts',
      'test/merge-nothing.test.ts',
      'test/merge-reread.test.ts',
      'test/check-facts.test.ts',
      'test/read-errors.test.ts',
      'test/po.test.ts',
      'test/formats.test.ts',
      'test/writers-exact.test.ts',
      'test/roundtrip-property.test.ts',
      'test/review-state.test.ts',
      'test/cli.test.ts'
    ],
    // A fixed fast-check seed, and the mutated modules loaded before any test (see the file).
    setupFiles: ['test/helpers/mutation-setup.ts'],
    testTimeout: 120_000,
    // A corpus parse in a beforeAll took over vitest's 10 s hook default on the shared machine: the dry run
    // failed, or a mutant run "killed" a mutant by a timeout that has nothing to do with it.
    hookTimeout: 120_000,
    pool: 'forks'
  }
})
