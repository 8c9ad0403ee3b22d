/**
 * The file-processing engine the commands share: the inputs (sorted, `--shard i/n` applied) go through
 * stat → content hash (from the input records, inputs.ts, or read and hashed) → cache lookup → task (in a
 * worker thread or in-process, from the bytes read) → cache store, a bounded number of files
 * in flight, and come back to the command **in input order** to be written and reported; progress goes
 * to stderr and a summary line ends the run. Nothing is kept per file once the command has consumed it,
 * so memory does not grow with the number of files.
 */
import {statSync, type Stats} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import type {Io} from '../io.js'
import {readRegularFile, UsageError, type InputFile} from '../files.js'
import {tasks, type TaskName, type Tasks} from '../tasks/index.js'
import {Cache, defaultCacheDir, sha256Hex, type CacheStats} from './cache.js'
import {InputIndex, type InputStats} from './inputs.js'
import {Progress, type Summary} from './progress.js'
import {inProcess, workerPool, type Runner} from './pool.js'
import {parseShard, selectShard, type Shard} from './shard.js'

export {parseShard, selectShard, shardOf, type Shard} from './shard.js'
export type {Summary} from './progress.js'

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

export type Outcome<R> = {ok: true; result: R; cached: boolean; recompute: () => Promise<R>} | {ok: false; error: unknown}

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
}

export interface RunResult extends Summary {
  cache: CacheStats | undefined
  /** Inputs vouched for by their records (not read) and inputs hashed; undefined without a cache. */
  inputs: InputStats | undefined
}

type Internal<R> = Outcome<R> | {ok: false; error: unknown; internal: true}

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
  const task = tasks[spec.task] as unknown as {valid: (value: unknown, options: Tasks[Name]['options']) => value is Tasks[Name]['result']}

  const planned = engine.jobs ?? (files.length >= workerThreshold.files && totalBytes >= workerThreshold.bytes ? defaultJobs() : 1)
  let runner: Runner | undefined
  const getRunner = (): Runner => (runner ??= planned > 1 ? workerPool(planned) : inProcess)

  // Two bounds on the files in flight: reading, hashing and cache lookups run up to `lookAhead` files ahead
  // of the one being consumed (cache hits are small); parsing only `computeAhead` files ahead, because a
  // fresh result holds every output text until it is written. In the main thread parsing is one at a time:
  // 2 ahead is enough (a window of 8 held more results: 430 MB instead of 310 MB peak RSS on the dev corpus);
  // workers get two files each so that none waits for the main thread.
  const computeAhead = planned > 1 ? planned * 2 + 2 : 2
  const lookAhead = Math.max(16, computeAhead)
  let consumed = 0
  let recomputed = 0
  let aborted = false
  const waiting: Array<{index: number; resolve: () => void}> = []
  const computeSlot = (index: number): Promise<void> | undefined =>
    index < consumed + computeAhead ? undefined : new Promise((resolve) => waiting.push({index, resolve}))
  const release = (): void => {
    for (let at = waiting.length - 1; at >= 0; at--) {
      if (waiting[at]!.index < consumed + computeAhead) waiting.splice(at, 1)[0]!.resolve()
    }
  }

  const processOne = async (file: InputFile, index: number): Promise<Internal<Tasks[Name]['result']>> => {
    const options = spec.options(file)
    const stat = stats[index]
    const read = (): Buffer => readRegularFile(file.absolute)
    // A result is computed from the bytes read for it and stored under the key of exactly those bytes.
    const compute = async (bytes: Buffer, content: string | undefined): Promise<Tasks[Name]['result']> => {
      const result = await getRunner().run({task: spec.task, options, bytes})
      if (cache) await cache.set(cache.key(spec.task, options, content ?? sha256Hex(bytes)), result, {deferBlobs: spec.deferBlobs ?? false})
      return result
    }
    const lookup = async (content: string): Promise<Internal<Tasks[Name]['result']> | undefined> => {
      const hit = await cache?.get(cache.key(spec.task, options, content), (value): value is Tasks[Name]['result'] => task.valid(value, options))
      if (hit === undefined) return undefined
      // Once per file at most, and counted as a parse; from the bytes as they are then.
      let again: Promise<Tasks[Name]['result']> | undefined
      const recompute = (): Promise<Tasks[Name]['result']> => (again ??= (recomputed++, compute(read(), undefined)))
      return {ok: true, result: hit, cached: true, recompute}
    }
    // A file its input record vouches for is neither read nor hashed, unless its result is missing.
    const known = stat && inputs?.known(file.absolute, stat)
    const vouched = known === undefined ? undefined : await lookup(known)
    if (vouched) return vouched
    let bytes: Buffer
    try {
      bytes = read()
    } catch (error) {
      return {ok: false, error}
    }
    let content: string | undefined
    if (inputs) {
      content = sha256Hex(bytes)
      inputs.hashed(file.absolute, stat, statTakenAt, content)
      const hit = content === known ? undefined : await lookup(content)
      if (hit) return hit
    }
    await computeSlot(index)
    if (aborted) return {ok: false, error: new Error('run aborted'), internal: true}
    try {
      return {ok: true, result: await compute(bytes, content), cached: false, recompute: () => compute(bytes, content)}
    } catch (error) {
      return {ok: false, error, internal: true}
    }
  }

  const summary: Summary = {files: files.length, bytes: totalBytes, segments: 0, errors: 0, warnings: 0, cached: 0, parsed: 0, workers: 0}
  const pending: Array<Promise<Internal<Tasks[Name]['result']>> | undefined> = []
  let next = 0
  const context: ConsumeContext = {log: (text) => progress.log(text), cache}
  try {
    for (let index = 0; index < files.length; index++) {
      while (next < files.length && next < index + lookAhead) {
        pending[next] = processOne(files[next]!, next)
        next++
      }
      const outcome = (await pending[index])!
      pending[index] = undefined
      if ('internal' in outcome) throw outcome.error
      if (outcome.ok) {
        if (outcome.cached) summary.cached++
        else summary.parsed++
      }
      const counts = await spec.consume(files[index]!, outcome, context)
      summary.segments += counts.segments
      summary.errors += counts.errors
      summary.warnings += counts.warnings
      progress.advance(sizes[index]!)
      consumed = index + 1
      release()
    }
  } finally {
    // Let every started file settle before the workers go (a failure above must not leave them running,
    // nor files waiting for a slot that will never come).
    aborted = true
    consumed = Number.POSITIVE_INFINITY
    release()
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
