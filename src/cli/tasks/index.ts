/**
 * The per-file work of the commands that the engine can run in a worker thread or take from the cache:
 * `(bytes, options) → plain data` (strings, numbers, plain messages), never a file write or a print.
 */
import {extractFile, isExtractResult, type ExtractOptions, type ExtractResult} from './extract.js'
import {checkFile, isCheckResult, type CheckFileOptions, type CheckResult} from './check.js'

export interface Tasks {
  extract: {options: ExtractOptions; result: ExtractResult}
  check: {options: CheckFileOptions; result: CheckResult}
}

export type TaskName = keyof Tasks

export const tasks: {[Name in TaskName]: {run: (bytes: Uint8Array, options: Tasks[Name]['options']) => Tasks[Name]['result']; valid: (value: unknown, options: Tasks[Name]['options']) => value is Tasks[Name]['result']}} = {
  extract: {run: extractFile, valid: isExtractResult},
  check: {run: checkFile, valid: (value: unknown): value is CheckResult => isCheckResult(value)}
}

/** What a worker receives: which task, its options and the file's bytes. */
export interface TaskRequest<Name extends TaskName = TaskName> {
  task: Name
  options: Tasks[Name]['options']
  bytes: Uint8Array
}

export function runTask<Name extends TaskName>(request: TaskRequest<Name>): Tasks[Name]['result'] {
  return tasks[request.task].run(request.bytes, request.options)
}
