// The compiled build of sxs: the CLI and its worker, each bundled into one plain JavaScript file by esbuild
// and kept under node_modules/.cache/sxs/build/<fingerprint>/, where the fingerprint is the SHA-256 of the
// sources, package.json and package-lock.json. Why: run through tsx, every module goes through loader hooks
// on another thread and is transformed on load, so `sxs` took 1-2 s to start and each worker thread 3 s
// (more than it saved on a 2-core machine); the bundle starts in about 0.2 s. There is no build step to
// forget: a changed source changes the fingerprint, and the next run builds again (about 1 s).
//
// Plain JavaScript (typed by build.d.ts), because `bin/sxs.js` loads it before anything can compile
// TypeScript. Everything here fails soft: without esbuild or a writable folder, callers fall back to tsx.
import {createHash, randomBytes} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

/* global SXS_BUILD_FINGERPRINT */

/** The package's root folder (only meaningful when running from the sources). */
const root = fileURLToPath(new URL('../../', import.meta.url))

/** Builds older than this, of other fingerprints, are deleted after a build (a run may still be using one). */
const staleAfterMs = 60 * 60 * 1000

/** @type {string | undefined} */
let fingerprint

/** Whether this code is running from the bundle (esbuild replaced `SXS_BUILD_FINGERPRINT` with a string). */
export function isBundled() {
  return typeof SXS_BUILD_FINGERPRINT === 'string'
}

/**
 * The version of sxs as far as results go: package.json (version and pinned dependencies), the lock file and
 * the text of every source file, so that a changed parser or rule never reads an older run's results, and
 * never runs an older build.
 * @returns {string}
 */
export function codeFingerprint() {
  if (typeof SXS_BUILD_FINGERPRINT === 'string') return SXS_BUILD_FINGERPRINT
  if (fingerprint !== undefined) return fingerprint
  const hash = createHash('sha256')
  for (const name of ['package.json', 'package-lock.json']) {
    const file = path.join(root, name)
    if (existsSync(file)) hash.update(`\0${name}\0`).update(readFileSync(file))
  }
  const sources = path.join(root, 'src')
  const files = readdirSync(sources, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && /\.(?:ts|mts|js|mjs|json)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
  for (const file of files) {
    hash.update(`\0${path.relative(sources, file)}\0`)
    hash.update(readFileSync(file))
  }
  fingerprint = hash.digest('hex')
  return fingerprint
}

/**
 * The bundled CLI and worker for the current sources, built now if they are not there yet; undefined when
 * they cannot be (no esbuild, a read-only folder, a build error): the caller then runs the sources with tsx.
 * Set SXS_NO_BUILD=1 to always run the sources.
 * @returns {{cli: string, worker: string} | undefined} file URLs
 */
export function compiledBuild() {
  if (process.env.SXS_NO_BUILD === '1') return undefined
  if (isBundled()) return {cli: new URL('./cli.mjs', import.meta.url).href, worker: new URL('./worker.mjs', import.meta.url).href}
  try {
    const builds = path.join(root, 'node_modules', '.cache', 'sxs', 'build')
    const folder = path.join(builds, codeFingerprint())
    const urls = {cli: pathToFileURL(path.join(folder, 'cli.mjs')).href, worker: pathToFileURL(path.join(folder, 'worker.mjs')).href}
    if (existsSync(path.join(folder, 'worker.mjs'))) return urls
    build(folder)
    prune(builds, folder)
    return urls
  } catch {
    return undefined
  }
}

/** Bundle both entries into a temporary folder, then rename it into place (another process may have won). */
function build(folder) {
  /** @type {typeof import('esbuild')} */
  const esbuild = createRequire(import.meta.url)('esbuild')
  const temporary = `${folder}.${randomBytes(6).toString('hex')}.tmp`
  mkdirSync(temporary, {recursive: true})
  try {
    esbuild.buildSync({
      entryPoints: {cli: path.join(root, 'src/cli/main.ts'), worker: path.join(root, 'src/cli/engine/worker-entry.ts')},
      outdir: temporary,
      outExtension: {'.js': '.mjs'},
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      // Dependencies too: loading remark's hundreds of small modules one by one took longer than all the rest.
      // Not piscina, which finds its own worker file next to it, nor what only the sources' path uses.
      external: ['piscina', 'esbuild', 'tsx'],
      define: {SXS_BUILD_FINGERPRINT: JSON.stringify(path.basename(folder))},
      // Some dependencies are CommonJS and `require` Node's own modules: give the ES module bundle a `require`.
      banner: {js: "import {createRequire as __sxsCreateRequire} from 'node:module'; const require = __sxsCreateRequire(import.meta.url);"}
    })
    writeFileSync(path.join(temporary, 'README'), 'A compiled build of sxs (see src/cli/build.js); safe to delete.\n')
    try {
      renameSync(temporary, folder)
    } catch (error) {
      if (!existsSync(path.join(folder, 'worker.mjs'))) throw error
    }
  } finally {
    rmSync(temporary, {recursive: true, force: true})
  }
}

function prune(builds, keep) {
  for (const name of readdirSync(builds)) {
    const folder = path.join(builds, name)
    if (folder === keep) continue
    try {
      if (Date.now() - statSync(folder).mtimeMs > staleAfterMs) rmSync(folder, {recursive: true, force: true})
    } catch {
      // Another process pruned it.
    }
  }
}
