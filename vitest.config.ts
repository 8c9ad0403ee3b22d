import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ rebuilt when the sources changed, for the tests that run the built CLI (test/setup/build.ts).
    globalSetup: ['test/setup/build.ts'],
    // Corpus-wide tests parse 24 MB of real documents and run real tools (xmllint, translate-toolkit, OmegaT).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks'
  }
})
