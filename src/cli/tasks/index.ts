/**
 * The per-file work of the commands that the engine can run in a worker thread or take from the cache:
 * `(bytes, options) → plain data` (strings, numbers, plain messages), never a file write or a print.
 * This module holds what a run needs when every result comes from the cache (the tasks' names, options,
 * results and the shape check of a cached one); the work itself is run.ts, loaded on the first cache miss
 * (in the bundled CLI a chunk of its own: the parser, the rules, remark and the writers).
 */
import {isExtractResult, type ExtractOptions, type ExtractResult} from './extract-result.js'
import {isCheckResult, type CheckFileOptions, type CheckResult} from './check-result.js'

export interface Tasks {
  extract: {options: ExtractOptions; result: ExtractResult}
  check: {options: CheckFileOptions; result: CheckResult}
}

export type TaskName = keyof Tasks

/** Whether a value (from the cache) is a result of the task run with these options. */
export const validResult: {[Name in TaskName]: (value: unknown, options: Tasks[Name]['options']) => value is Tasks[Name]['result']} = {
  extract: isExtractResult,
  check: (value: unknown): value is CheckResult => isCheckResult(value)
}

/** What a worker receives: which task, its options and the file's bytes. */
export interface TaskRequest<Name extends TaskName = TaskName> {
  task: Name
  options: Tasks[Name]['options']
  bytes: Uint8Array
}
