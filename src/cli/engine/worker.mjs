// The piscina worker when sxs runs from its TypeScript sources (tests, scripts under tsx): plain JavaScript,
// so that it starts in any thread, then lets tsx (a development dependency) load the TypeScript entry.
import {register} from 'tsx/esm/api'

register()
const {default: runTask} = await import('./worker-entry.ts')

export default runTask
