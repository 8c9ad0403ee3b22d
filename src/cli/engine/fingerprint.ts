/**
 * The version of sxs as far as results go: a SHA-256 over package.json (version and pinned dependencies),
 * the lock file, the build settings and the text of every file of the code, so that a changed parser or rule
 * never reads an older run's results from the cache. The built CLI (dist/bin/sxs.mjs, scripts/build.mjs) carries
 * the fingerprint of the sources it was built from, so it never hashes anything at run time.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** Replaced by a string literal in the bundled CLI (esbuild `define`); undeclared everywhere else. */
declare const SXS_BUILD_FINGERPRINT: string | undefined

/** Files of the package root that change what the code does, beside the code itself. */
const rootFiles = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs']

/**
 * SHA-256 (hex) of the root files of package folder `root` and of every file below `code` (the sources,
 * or the compiled modules of an installed package), in a stable order.
 */
export function fingerprintOf(root: string, code: string): string {
  const hash = createHash('sha256')
  for (const name of rootFiles) {
    const file = path.join(root, name)
    if (existsSync(file)) hash.update(`\0${name}\0`).update(readFileSync(file))
  }
  const files = existsSync(code)
    ? readdirSync(code, {recursive: true, withFileTypes: true})
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort()
    : []
  for (const file of files) hash.update(`\0${path.relative(code, file)}\0`).update(readFileSync(file))
  return hash.digest('hex')
}

let fingerprint: string | undefined

/** The fingerprint of the code that is running (computed once per process). */
export function codeFingerprint(): string {
  if (typeof SXS_BUILD_FINGERPRINT === 'string') return SXS_BUILD_FINGERPRINT
  // This module is <root>/<src or dist>/cli/engine/fingerprint.{ts,js}: its code folder is two levels up.
  fingerprint ??= fingerprintOf(fileURLToPath(new URL('../../../', import.meta.url)), fileURLToPath(new URL('../../', import.meta.url)))
  return fingerprint
}

/** Whether this is the bundled CLI (dist/bin/sxs.mjs) rather than the sources or the compiled modules. */
export function isBundled(): boolean {
  return typeof SXS_BUILD_FINGERPRINT === 'string'
}
