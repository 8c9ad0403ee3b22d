/** The dev corpus: every `.md` file below `../shared/corpus/dev` but its own README (661 files, as MANIFEST.tsv lists). */
import {readdirSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'

export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/dev', import.meta.url))

/** The top `README.md` describes the corpus; `microsoft-365-docs-pr.nl-NL/README.md` is a bilingual corpus file like the others. */
const notCorpus = new Set(['README.md'])

/** Absolute paths of the corpus files, sorted. */
export function corpusFiles(): string[] {
  const files: string[] = []
  for (const entry of readdirSync(corpusDir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue
    const path = join(entry.parentPath, entry.name)
    if (!notCorpus.has(relative(corpusDir, path).split(sep).join('/'))) files.push(path)
  }
  return files.sort()
}
