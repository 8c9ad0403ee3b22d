import {availableParallelism} from 'node:os'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ rebuilt when the sources changed, for the tests that run the built CLI (test/setup/build.ts).
    globalSetup: ['test/setup/build.ts'],
    // Corpus-wide tests parse 24 MB of real documents and run real tools (xmllint, translate-toolkit, OmegaT).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // Vitest's default in run mode is one worker fewer than the cores: on the 2-core CI machine that is one, and
    // the suite ran its files one after another. The tests are CPU-bound or wait on real clients (pocount,
    // OmegaT, xmllint, Chromium), so a worker per core keeps both cores busy.
    maxWorkers: availableParallelism()
  }
})
