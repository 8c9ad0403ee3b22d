/**
 * Worker threads for the per-file tasks (piscina), started on first use and always torn down. The tasks' code
 * (tasks/run.ts: the parser, the rules, the writers) and piscina are loaded on the first task, not before: a
 * run whose results all come from the cache needs neither, and loading them was most of its time.
 */
import type {TaskName, TaskRequest, Tasks} from '../tasks/index.js'
import {isBundled} from './fingerprint.js'

export interface Runner {
  run<Name extends TaskName>(request: TaskRequest<Name>): Promise<Tasks[Name]['result']>
  /** Worker threads in use (0: the main thread). */
  readonly workers: number
  close(): Promise<void>
}

/** Run tasks in the main thread, one at a time (a single file, a small run, `--jobs 1`). */
export const inProcess: Runner = {
  run: async (request) => (await import('../tasks/run.js')).runTask(request),
  workers: 0,
  close: async () => {}
}

/**
 * The worker's module: the bundled worker beside the bundled CLI (dist/bin/sxs-worker.mjs), the compiled entry
 * beside this module (dist/cli/engine/worker-entry.js), or, running the TypeScript sources (tests, scripts
 * under tsx), worker.mjs, which loads them through tsx (a development dependency).
 */
function workerModule(): {filename: string; compiled: boolean} {
  if (isBundled()) return {filename: new URL('./sxs-worker.mjs', import.meta.url).href, compiled: true}
  if (import.meta.url.endsWith('.js')) return {filename: new URL('./worker-entry.js', import.meta.url).href, compiled: true}
  return {filename: new URL('./worker.mjs', import.meta.url).href, compiled: false}
}

/** A pool of `threads` workers; each task's bytes are copied to the worker, its plain result copied back. */
export function workerPool(threads: number): Runner {
  const {filename, compiled} = workerModule()
  const started = import('piscina').then(({Piscina}) => new Piscina({
    filename,
    // Not the parent's flags: under `tsx` (tests, the bench) they load tsx's hooks into every worker again.
    ...(compiled ? {execArgv: []} : {}),
    minThreads: threads,
    // Tasks queue in the pool without limit; the engine bounds how many files are in flight.
    maxThreads: threads
  }))
  return {
    run: async (request) => (await started).run(request),
    workers: threads,
    close: async () => (await started).destroy()
  }
}
