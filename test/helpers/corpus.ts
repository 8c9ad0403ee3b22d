/** The dev corpus: every bilingual `.md` file below `../shared/corpus/dev`, except the two READMEs. */
import {readdirSync} from 'node:fs'
import {join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'

export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/dev', import.meta.url))

/** `README.md` describes the corpus; the nl-NL repository's own README is not an article. */
const notCorpus = new Set(['README.md', 'microsoft-365-docs-pr.nl-NL/README.md'])

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
