// The piscina worker: plain JavaScript, so that it starts in any thread (under `tsx`, `bin/sxs.js` or
// vitest), then lets tsx load the TypeScript task modules. Each task: bytes + options → plain data.
import {register} from 'tsx/esm/api'

register()
const {runTask} = await import('../tasks/index.ts')

export default runTask
