/**
 * One file's result, the engine's per-file step: the cache entry its input record vouches for (the file is
 * neither read nor hashed), else the file read and hashed and the entry for those bytes, else the task run on
 * those bytes (in a worker or in process, once the compute window lets it) and its result stored under their key.
 */
import type {Stats} from 'node:fs'
import {readRegularFile, type InputFile} from '../files.js'
import {validResult, type TaskName, type Tasks} from '../tasks/index.js'
import {sha256Hex, type Cache} from './cache.js'
import type {InputIndex} from './inputs.js'
import type {Runner} from './pool.js'
import type {ComputeWindow} from './window.js'

export type Outcome<R> = {ok: true; result: R; cached: boolean; recompute: () => Promise<R>} | {ok: false; error: unknown}

/** An outcome, or a failure of sxs itself (a task that threw, a run aborted): the run stops with it. */
export type FileOutcome<R> = Outcome<R> | {ok: false; error: unknown; internal: true}

/** What every file of a run shares. */
export interface FileRun<Name extends TaskName> {
  task: Name
  options: (file: InputFile) => Tasks[Name]['options']
  cache: Cache | undefined
  inputs: InputIndex | undefined
  /** The moment before the stats were taken (inputs.ts: records made from them must be older). */
  statTakenAt: number
  runner: () => Runner
  window: ComputeWindow
  /** The command adopts the blobs of fresh results itself (`Cache.adopt`). */
  deferBlobs: boolean
  /** A cached result was recomputed (it counts as a parse). */
  recomputed: () => void
}

export async function resultOf<Name extends TaskName>(file: InputFile, stat: Stats | undefined, index: number, run: FileRun<Name>): Promise<FileOutcome<Tasks[Name]['result']>> {
  type Result = Tasks[Name]['result']
  const {cache, inputs} = run
  const options = run.options(file)
  const valid = validResult[run.task] as (value: unknown, options: Tasks[Name]['options']) => value is Result
  const read = (): Buffer => readRegularFile(file.absolute)
  // A result is computed from the bytes read for it and stored under the key of exactly those bytes.
  const compute = async (bytes: Buffer, content: string | undefined): Promise<Result> => {
    const result = await run.runner().run({task: run.task, options, bytes})
    if (cache) await cache.set(cache.key(run.task, options, content ?? sha256Hex(bytes)), result, {deferBlobs: run.deferBlobs})
    return result
  }
  const lookup = async (content: string): Promise<FileOutcome<Result> | undefined> => {
    const hit = await cache?.get(cache.key(run.task, options, content), (value): value is Result => valid(value, options))
    if (hit === undefined) return undefined
    // Once per file at most, and counted as a parse; from the bytes as they are then.
    let again: Promise<Result> | undefined
    const recompute = (): Promise<Result> => (again ??= (run.recomputed(), compute(read(), undefined)))
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
    inputs.hashed(file.absolute, stat, run.statTakenAt, content)
    const hit = content === known ? undefined : await lookup(content)
    if (hit) return hit
  }
  await run.window.slot(index)
  if (run.window.aborted) return {ok: false, error: new Error('run aborted'), internal: true}
  try {
    return {ok: true, result: await compute(bytes, content), cached: false, recompute: () => compute(bytes, content)}
  } catch (error) {
    return {ok: false, error, internal: true}
  }
}
