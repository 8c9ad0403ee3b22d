/** The worker thread's entry in the compiled build (src/cli/build.js): piscina calls the default export. */
export {runTask as default} from '../tasks/index.js'
