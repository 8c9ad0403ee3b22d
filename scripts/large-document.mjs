#!/usr/bin/env node
/**
 * A large bilingual document for measuring (issue 18): the dev corpus's bodies joined (front matter dropped)
 * to about MB megabytes under one front matter, ending with what makes the fast path decline, or nothing.
 *
 *   node scripts/large-document.mjs MB OUT [footnote|tab|definition|none]
 *   /usr/bin/time -v node dist/bin/sxs.mjs extract OUT --out /tmp/x --no-cache
 */
import {readFileSync, readdirSync, writeFileSync, statSync, mkdirSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const [, , megabytes, out, tail = 'footnote'] = process.argv
const tails = {
  footnote: 'See the note.[^1]\n\n[^1]: A footnote.\n',
  tab: '- a\n\t- b\n',
  definition: '> [x]: /u\n',
  none: ''
}
if (!megabytes || !out || !(tail in tails)) {
  console.error('usage: node scripts/large-document.mjs MB OUT [footnote|tab|definition|none]')
  process.exit(2)
}
const root = fileURLToPath(new URL('../../shared/corpus/dev', import.meta.url))
const files = []
const walk = (folder) => {
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry)
    if (statSync(path).isDirectory()) walk(path)
    else if (path.endsWith('.md') && path !== join(root, 'README.md')) files.push(path)
  }
}
walk(root)
const bodies = files.map((file) => readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))
const parts = ['---\ntitle: joined\nms.contentlocale: de-DE\n---\n']
for (let size = 0, index = 0; size < Number(megabytes) * 1e6; index++) {
  const body = bodies[index % bodies.length]
  parts.push(body.endsWith('\n') ? body : `${body}\n`, '\n')
  size += body.length + 1
}
parts.push(tails[tail])
mkdirSync(dirname(out), {recursive: true})
writeFileSync(out, parts.join(''))
