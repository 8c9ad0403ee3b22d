/**
 * V8 tuning for the `sxs` process (the CLI only: the library leaves its host's V8 as it is).
 *
 * A run of sxs is short and touches a lot of code once: about 300 functions (the parse, some 30 check rules,
 * the writers) get optimized within the first second, several more than once as rare paths show up late. In a
 * cold `sxs check` of the dev corpus TurboFan's compiling was ~40 % of all instructions (callgrind), more than
 * the rules' own work or GC. Without inlining, each optimized function compiles alone, so a compile is
 * smaller and a deopt throws away less: measured interleaved (2 cores, 4 rounds each), a cold check took
 * 3.03-3.39 user s against 3.58-4.02 (wall 2.23-2.50 s against 2.34-2.74), the same findings byte for byte.
 * Steady-state code is a little slower without inlining (an in-process loop parsing the corpus again and
 * again: 250-265 ms a round against 220-240), and a run four times the corpus was still no slower as a
 * whole. Set before any command's code loads, so every function it optimizes, in this thread and in the
 * worker threads (V8's flags are the process's), is compiled the same way.
 * docs/performance.md has the measurements.
 */
import {setFlagsFromString} from 'node:v8'

export function tuneCompilerForShortRuns(): void {
  setFlagsFromString('--no-turbo-inlining')
}
