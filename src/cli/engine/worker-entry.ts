/** The worker thread's entry (compiled to dist/cli/engine/worker-entry.js and bundled as dist/bin/sxs-worker.mjs): piscina calls the default export. */
export {runTask as default} from '../tasks/run.js'
