/** The tasks' work (index.ts: what a run needs without it): the engine's in-process runner and the worker thread's entry. */
import {extractFile} from './extract.js'
import {checkFile} from './check.js'
import type {TaskName, TaskRequest, Tasks} from './index.js'

const work: {[Name in TaskName]: (bytes: Uint8Array, options: Tasks[Name]['options']) => Tasks[Name]['result']} = {
  extract: extractFile,
  check: checkFile
}

export function runTask<Name extends TaskName>(request: TaskRequest<Name>): Tasks[Name]['result'] {
  return work[request.task](request.bytes, request.options)
}
