/** Where sxs itself is installed, and its version: from its package.json, in the sources and in the build. */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

let root: string | undefined

/**
 * The folder of sxs's package.json: the nearest one above this module, which is src/cli/ in the sources,
 * dist/cli/ compiled and dist/ in the bundled CLI.
 */
export function packageRoot(): string {
  if (root !== undefined) return root
  let folder = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(folder, 'package.json')) && path.dirname(folder) !== folder) folder = path.dirname(folder)
  root = folder
  return root
}

/** The `version` of sxs's package.json. */
export function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8'))
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined
  return typeof version === 'string' ? version : 'unknown'
}
