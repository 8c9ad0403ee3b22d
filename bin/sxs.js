#!/usr/bin/env node
// The `sxs` executable: runs the compiled build of the CLI (one bundled file, built on first use and again
// whenever a source changes: src/cli/build.js), or, when it cannot be built, the TypeScript sources through tsx.
import {compiledBuild} from '../src/cli/build.js'

const build = compiledBuild()
let main
if (build) {
  ;({main} = await import(build.cli))
} else {
  const {register} = await import('tsx/esm/api')
  register()
  ;({main} = await import('../src/cli/main.ts'))
}
process.exitCode = await main(process.argv.slice(2))
