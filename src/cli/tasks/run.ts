/**
 * The tasks' work (index.ts: what a run needs without it), for the engine's in-process runner and the worker
 * thread's entry. Each task's module is loaded on its first use: check's run needs none of extract's writers
 * (XLIFF, JSON, PO with gettext-parser and iconv-lite), extract's none of check's rules.
 */
import type {TaskName, TaskRequest, Tasks} from './index.js'

type Work<Name extends TaskName> = (bytes: Uint8Array, options: Tasks[Name]['options']) => Tasks[Name]['result']

const load: {[Name in TaskName]: () => Promise<Work<Name>>} = {
  extract: async () => (await import('./extract.js')).extractFile,
  check: async () => (await import('./check.js')).checkFile
}

export async function runTask<Name extends TaskName>(request: TaskRequest<Name>): Promise<Tasks[Name]['result']> {
  const work = (await load[request.task]()) as Work<Name>
  return work(request.bytes, request.options)
}
