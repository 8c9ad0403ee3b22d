/**
 * Mutation testing (issue 20): `npm run mutate` runs StrykerJS over the code whose bugs the unit tests must
 * catch: the check rules, merge, the translation reader and the merge command. Not part of CI (a full run takes
 * hours on 2 cores); the report goes to reports/mutation/. `npx stryker run --mutate src/merge/structure.ts`
 * runs one file; add `--incremental` to test only the mutants whose code or tests changed since the last run
 * (the file below, ignored by git with the rest of reports/). docs/mutation.md has the scores and the survivors.
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: {configFile: 'vitest.mutate.config.ts'},
  mutate: ['src/check/rules/**/*.ts', 'src/merge/**/*.ts', 'src/formats/read.ts', 'src/cli/commands/merge.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: {fileName: 'reports/mutation/index.html'},
  jsonReporter: {fileName: 'reports/mutation/mutation.json'},
  concurrency: 2,
  timeoutMS: 60_000,
  // The dry run of read.ts's tests (corpus-wide format tests among them) passed the 5-minute default on the shared machine.
  dryRunTimeoutMinutes: 20,
  tempDirName: '.stryker-tmp',
  incrementalFile: 'reports/mutation/stryker-incremental.json'
}
