/**
 * Setup file of the mutation run only (vitest.mutate.config.ts). CI does not use it.
 *
 * A fixed fast-check seed: every property without a seed of its own draws the same inputs in every run, so a
 * mutant is killed or survives the same way each time. Unseeded, the merge round-trip properties drew new
 * inputs per mutant run: one run killed a reread.ts mutant with a counterexample (seed 2012856181) that the
 * next run never drew, and scores moved between runs of the same code.
 *
 * The mutated modules loaded before any test: `sxs`'s CLI imports its commands lazily, so a test that runs
 * `main([...'merge'...])` was the first to load src/merge/ in its file. Its module-level constants (the guards'
 * regular expressions, the untranslated states, the help text) then counted as covered by that one test
 * ("hybrid" static mutants): with `ignoreStatic`, StrykerJS ran only that test against them, and they
 * survived though the guard tests kill them. Loaded here, they are static for every test file: ignored, as
 * `ignoreStatic` means, whichever tests the run includes (docs/mutation.md lists how they were checked).
 */
import fc from 'fast-check'
import '../../src/cli/commands/merge.js'
import '../../src/check/index.js'
import '../../src/formats/read.js'

fc.configureGlobal({seed: 20})
