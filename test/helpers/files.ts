/** Folders as the tests compare them: the files below a folder, and their texts. */
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'

/** Every file below `directory`, as sorted paths relative to it (none when it does not exist). */
export async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, {recursive: true, withFileTypes: true}).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .sort()
}

/** Every file below `directory` with its text, by relative path. */
export async function readTree(directory: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {}
  for (const file of await listFiles(directory)) tree[file] = await readFile(path.join(directory, file), 'utf8')
  return tree
}
