/**
 * The file-processing engine the commands share: the inputs (sorted, `--shard i/n` applied) go through
 * stat → content hash (from the input records, inputs.ts, or read and hashed) → cache lookup → task (in a
 * worker thread or in-process, from the bytes read) → cache store, a bounded number of files
 * in flight, and come back to the command **in input order** to be written and reported; progress goes
 * to stderr and a summary line ends the run. Nothing is kept per file once the command has consumed it,
 * so memory does not grow with the number of files.
 *
 * The steps, each a function of its own: `processFiles` plans the run (stats, `plannedJobs`, cache, progress)
 * and closes it; `consumeInOrder` hands results to the command in order; `resultOf` (file-result.ts) is one
 * file's cache-or-compute; `ComputeWindow` (window.ts) bounds the parsing ahead.
 */
import {statSync, type Stats} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import type {Io} from '../io.js'
import {UsageError, type InputFile} from '../files.js'
import type {TaskName, Tasks} from '../tasks/index.js'
import {Cache, defaultCacheDir, type CacheStats} from './cache.js'
import {resultOf, type FileOutcome, type FileRun, type Outcome} from './file-result.js'
import {ComputeWindow} from './window.js'
import {InputIndex, type InputStats} from './inputs.js'
import {Progress, type Summary} from './progress.js'
import {inProcess, workerPool, type Runner} from './pool.js'
import {parseShard, selectShard, type Shard} from './shard.js'

export {parseShard, selectShard, shardOf, type Shard} from './shard.js'
export type {Summary} from './progress.js'
export type {Outcome} from './file-result.js'

export interface EngineOptions {
  shard: Shard | undefined
  /** Worker threads; 1: in the main thread; undefined: decide from the run's size and the cores. */
  jobs: number | undefined
  /** Cache folder, or false for `--no-cache`. */
  cacheDir: string | false
  /** `--no-progress`: no progress on stderr and no summary line. */
  noProgress: boolean
}

/** The options every file command takes, for `parseArgs`. */
export const engineArgs = {
  shard: {type: 'string'},
  jobs: {type: 'string', short: 'j'},
  'cache-dir': {type: 'string'},
  'no-cache': {type: 'boolean'},
  'no-progress': {type: 'boolean'},
  quiet: {type: 'boolean', short: 'q'}
} as const

const helpRows: Array<[string, string]> = [
  ['--shard i/n', 'process only shard i of n (a stable split by path, for CI matrices)'],
  ['--jobs N', 'worker threads (default: cores - 1 for large runs, none on 1-2 cores; 1: none)'],
  ['--cache-dir DIR', 'cache folder (default: node_modules/.cache/sxs of the nearest package)'],
  ['--no-cache', 'neither read nor write the cache'],
  ['--no-progress', 'no progress and no summary line on stderr'],
  ['-q, --quiet', 'report errors only, no warnings (as ESLint\'s --quiet)']
]

/** The engine options' lines of a command's help, flags padded to `width`. */
export function engineHelp(width = 20, indent = ''): string {
  return helpRows.map(([flag, text]) => `${indent}${flag.padEnd(width)}${text}\n`).join('')
}

/** `--shard i/n` alone, for the commands that do not run through the engine (merge, render). */
export function readShardOption(value: string | undefined): Shard | undefined {
  return value === undefined ? undefined : parseShard(value)
}

export function readEngineOptions(
  values: {shard?: string | undefined; jobs?: string | undefined; 'cache-dir'?: string | undefined; 'no-cache'?: boolean | undefined; 'no-progress'?: boolean | undefined},
  io: Io
): EngineOptions {
  const shard = readShardOption(values.shard)
  let jobs: number | undefined
  if (values.jobs !== undefined) {
    if (!/^\d+$/.test(values.jobs) || Number(values.jobs) < 1 || Number(values.jobs) > 256) throw new UsageError(`--jobs '${values.jobs}' must be a whole number from 1 to 256`)
    jobs = Number(values.jobs)
  }
  if (values['no-cache'] && values['cache-dir'] !== undefined) throw new UsageError(`give either --cache-dir or --no-cache, not both`)
  return {
    shard,
    jobs,
    cacheDir: values['no-cache'] ? false : path.resolve(io.cwd, values['cache-dir'] ?? defaultCacheDir(io.cwd)),
    noProgress: values['no-progress'] ?? false
  }
}

/**
 * Below these a run stays in the main thread: starting a worker (loading sxs, remark, the rules) costs about as
 * much as parsing a few megabytes, and a warm cache needs no parsing at all.
 */
export const workerThreshold = {files: 8, bytes: 4_000_000}

/**
 * Worker threads when the run is large enough: one per core but one (the main thread reads, hashes,
 * writes and reports), at most 8; on 1 or 2 cores none. Measured on 2 cores (dev corpus, cold, compiled
 * workers): extract 8.9 s with 2 workers against 10.1 s in the main thread for 435 MB peak RSS against
 * 247 MB; check was slower with workers (5.1 s against 4.3 s: each worker warms its own JIT).
 */
export function defaultJobs(cores = availableParallelism()): number {
  return cores <= 2 ? 1 : Math.min(cores - 1, 8)
}

export interface ConsumeContext {
  /** Print text (messages about the file) without tearing the progress bar. */
  log: (text: string) => void
  cache: Cache | undefined
}

/** What a file adds to the summary. */
export interface Counts {
  segments: number
  errors: number
  warnings: number
}

export interface RunSpec<Name extends TaskName> {
  /** Command name for progress and summary. */
  label: string
  task: Name
  files: readonly InputFile[]
  /** The task's options for one file: everything its result depends on besides the bytes (the cache key). */
  options: (file: InputFile) => Tasks[Name]['options']
  io: Io
  engine: EngineOptions
  /**
   * Called once per file, in input order: write outputs, print messages (through `log`, which keeps the
   * progress bar intact), and say what the file adds to the summary. `ok: false`: the file could not be read.
   */
  consume: (file: InputFile, outcome: Outcome<Tasks[Name]['result']>, context: ConsumeContext) => Promise<Counts> | Counts
  /** Text after the MB figure in the summary line (e.g. where the outputs went). */
  summaryExtra?: string
  /** The command adopts the blobs of fresh results itself (`Cache.adopt`, after writing its outputs). */
  deferBlobs?: boolean
  /** The command's own cache of `engine.cacheDir`, when it uses the cache too (one run log for both). */
  cache?: Cache | undefined
  /**
   * Files whose `consume` may be under way at once (default 1: one after the other). Extract's consume
   * mostly waits for its writes: with a few at once, the next files are parsed while the writes run. Their
   * `log` texts and counts still come out in input order (a file's text is held until the files before it
   * are done).
   */
  consumeAtOnce?: number
}

export interface RunResult extends Summary {
  cache: CacheStats | undefined
  /** Inputs vouched for by their records (not read) and inputs hashed; undefined without a cache. */
  inputs: InputStats | undefined
}

export async function processFiles<Name extends TaskName>(spec: RunSpec<Name>): Promise<RunResult> {
  const {io, engine} = spec
  const files = selectShard(spec.files, engine.shard)
  // The moment before the stats: input records made from them must be older than it (inputs.ts).
  const statTakenAt = Date.now()
  const stats = statAll(files)
  const sizes = stats.map((stat) => stat?.size ?? 0)
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0)
  const progress = new Progress({io, label: spec.label, files: files.length, bytes: totalBytes, quiet: engine.noProgress})
  const cache = engine.cacheDir === false ? undefined : (spec.cache ?? new Cache(engine.cacheDir))
  const inputs = cache && new InputIndex(cache)
  const planned = plannedJobs(engine, files.length, totalBytes)
  let runner: Runner | undefined
  let recomputed = 0
  const run: FileRun<Name> = {
    task: spec.task,
    options: spec.options,
    cache,
    inputs,
    statTakenAt,
    runner: () => (runner ??= planned > 1 ? workerPool(planned) : inProcess),
    window: new ComputeWindow(computeAhead(planned)),
    deferBlobs: spec.deferBlobs ?? false,
    recomputed: () => recomputed++
  }

  const summary: Summary = {files: files.length, bytes: totalBytes, segments: 0, errors: 0, warnings: 0, cached: 0, parsed: 0, workers: 0}
  const pending: Array<Promise<FileOutcome<Tasks[Name]['result']>> | undefined> = []
  try {
    const lookAhead = Math.max(16, computeAhead(planned))
    const context: ConsumeContext = {log: (text) => progress.log(text), cache}
    await consumeInOrder({files, stats, spec, run, pending, lookAhead, context}, (index, outcome, counts) => {
      if (outcome.ok) {
        if (outcome.cached) summary.cached++
        else summary.parsed++
      }
      summary.segments += counts.segments
      summary.errors += counts.errors
      summary.warnings += counts.warnings
      progress.advance(sizes[index]!)
    })
  } finally {
    // Let every started file settle before the workers go (a failure above must not leave them running,
    // nor files waiting for a slot that will never come).
    run.window.abort()
    await Promise.allSettled(pending.filter(Boolean))
    summary.workers = runner?.workers ?? 0
    summary.parsed += recomputed
    summary.cached -= recomputed
    await runner?.close()
    await inputs?.save()
    await cache?.saveRunLog()
  }
  progress.finish(summary, spec.summaryExtra)
  return {...summary, cache: cache?.stats, inputs: inputs?.stats}
}

/** Worker threads for a run: as asked (`--jobs`), else none below `workerThreshold`, else `defaultJobs()`. */
function plannedJobs(engine: EngineOptions, files: number, bytes: number): number {
  return engine.jobs ?? (files >= workerThreshold.files && bytes >= workerThreshold.bytes ? defaultJobs() : 1)
}

/**
 * Files parsed ahead of the one consumed. In the main thread parsing is one at a time: 2 ahead is enough (a
 * window of 8 held more results: 430 MB instead of 310 MB peak RSS on the dev corpus); workers get two files
 * each so that none waits for the main thread.
 */
function computeAhead(jobs: number): number {
  return jobs > 1 ? jobs * 2 + 2 : 2
}

/**
 * The files' results to the command's `consume`, in input order. Reading, hashing and cache lookups run up to
 * `lookAhead` files ahead of the one consumed (cache hits are small); parsing only as far as the compute
 * window lets it (file-result.ts). Up to `spec.consumeAtOnce` consumes run at once; each is counted, and its
 * text printed, once the ones before it are done. A failure of sxs itself (not of a file) ends the run by
 * throwing, once the consumes under way have settled.
 */
async function consumeInOrder<Name extends TaskName>(
  step: {
    files: readonly InputFile[]
    stats: ReadonlyArray<Stats | undefined>
    spec: RunSpec<Name>
    run: FileRun<Name>
    /** The files in flight, by index (the caller waits for them when the run ends). */
    pending: Array<Promise<FileOutcome<Tasks[Name]['result']>> | undefined>
    lookAhead: number
    context: ConsumeContext
  },
  counted: (index: number, outcome: Outcome<Tasks[Name]['result']>, counts: Counts) => void
): Promise<void> {
  const {files, stats, spec, run, pending, lookAhead, context} = step
  const atOnce = Math.max(1, spec.consumeAtOnce ?? 1)
  const log = new OrderedLog(context.log)
  // The consumes under way, oldest first.
  const underWay: Array<{index: number; outcome: Outcome<Tasks[Name]['result']>; counts: Promise<Counts>}> = []
  const finishOldest = async (): Promise<void> => {
    const {index, outcome, counts} = underWay[0]!
    counted(index, outcome, await counts)
    underWay.shift()
    log.done(index)
  }
  let next = 0
  try {
    for (let index = 0; index < files.length; index++) {
      while (next < files.length && next < index + lookAhead) {
        pending[next] = resultOf(files[next]!, stats[next], next, run)
        next++
      }
      const outcome = (await pending[index])!
      pending[index] = undefined
      if ('internal' in outcome) throw outcome.error
      const counts = (async () => spec.consume(files[index]!, outcome, {...context, log: log.of(index)}))()
      // Not unhandled while it waits its turn (`finishOldest` rethrows its failure).
      counts.catch(() => {})
      underWay.push({index, outcome, counts})
      while (underWay.length >= atOnce) await finishOldest()
      // Handed over: the files parsed ahead count from here (the files under way hold their results too,
      // `consumeAtOnce - 1` more at most).
      run.window.consumed(index + 1)
    }
    while (underWay.length > 0) await finishOldest()
  } finally {
    // A failure above: no consume is left running when the run ends.
    await Promise.allSettled(underWay.map((entry) => entry.counts))
  }
}

/**
 * Text logged by files consumed at once, in input order: the oldest file under way prints at once; a later
 * one's text is held until every file before it is done.
 */
class OrderedLog {
  readonly #print: (text: string) => void
  /** The file whose text is printed as it comes. */
  #current = 0
  readonly #held = new Map<number, string[]>()

  constructor(print: (text: string) => void) {
    this.#print = print
  }

  /** The `log` of file `index`. */
  of(index: number): (text: string) => void {
    return (text) => {
      if (index === this.#current) this.#print(text)
      else if (text !== '') {
        const held = this.#held.get(index)
        if (held) held.push(text)
        else this.#held.set(index, [text])
      }
    }
  }

  /** File `index` is done: the next file's held text is printed, and from now on its text as it comes. */
  done(index: number): void {
    this.#current = index + 1
    const held = this.#held.get(this.#current)
    if (held === undefined) return
    this.#held.delete(this.#current)
    for (const text of held) this.#print(text)
  }
}

/** Each file's stat (undefined for one that cannot be stat'ed: reading it will report why). */
function statAll(files: readonly InputFile[]): Array<Stats | undefined> {
  return files.map((file) => {
    try {
      return statSync(file.absolute, {throwIfNoEntry: false})
    } catch {
      return undefined
    }
  })
}
