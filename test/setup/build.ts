/**
 * Vitest global setup: most tests run the TypeScript sources in process (`main()` and the library), and
 * the tests that run the built CLI or package (bin.test.ts, package.test.ts, readme.test.ts, memory.test.ts)
 * need dist/ to be the build of these sources. `npm ci` builds it; after an edit, this builds it again
 * once, before any test starts, so that no test runs a stale build.
 */
import {ensureBuild} from '../helpers/build.js'

export default function setup(): void {
  ensureBuild()
}
