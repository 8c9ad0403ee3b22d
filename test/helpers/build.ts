/**
 * The build in dist/ (scripts/build.mjs) and whether it was made from the sources as they are now: tests and
 * the bench that run the built CLI must never run an older build without saying so.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {fingerprintOf} from '../../src/cli/engine/fingerprint.js'

export const root = fileURLToPath(new URL('../../', import.meta.url))

/** The `sxs` bin as built (package.json `bin`). */
export const builtBin = path.join(root, 'dist', 'bin', 'sxs.mjs')

/** Whether dist/ holds the build of the current sources (its .fingerprint is theirs). */
export function buildIsCurrent(): boolean {
  let built = ''
  try {
    built = readFileSync(path.join(root, 'dist', '.fingerprint'), 'utf8').trim()
  } catch {
    return false
  }
  return built === fingerprintOf(root, path.join(root, 'src'))
}

/** Build dist/ again unless it is current (a few seconds when the sources changed; nothing otherwise). */
export function ensureBuild(): void {
  if (!buildIsCurrent()) execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {cwd: root, stdio: 'inherit'})
}
