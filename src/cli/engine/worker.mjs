// The piscina worker when there is no compiled build (src/cli/build.js): plain JavaScript, so that it starts
// in any thread, then lets tsx load the TypeScript entry the compiled worker is built from.
import {register} from 'tsx/esm/api'

register()
const {default: runTask} = await import('./worker-entry.ts')

export default runTask
