/**
 * Random documents of list items that start with a tab after the marker (`-\tP`, `1. \tP`, a tab reaching 5
 * columns or more) or with a blank line (`-` alone, `1.` followed by spaces or tabs, then content on the next
 * line, after a blank line, or never), under container prefixes (block quotes, list items, indentation) and
 * among paragraphs, setext underlines, indented and fenced code, HTML and tables: wherever the fast path
 * answers, its segments, contexts, leaf blocks and code blocks must be the full remark parse's. Prints how many
 * it answered and the first differences. test/fast-path.test.ts runs a smaller set.
 *
 *   npx tsx scripts/fuzz-list-items.ts [seed] [count]
 */
import {fastStructure} from '../src/document/fast-blocks.js'
import {scanPairs} from '../src/document/pairs.js'
import {pairDocuments, structureOf} from '../test/helpers/structure.js'
import {listItemSoup} from '../test/helpers/list-item-soup.js'

const doc = pairDocuments()
const summary = (text: string, options: {mask?: boolean}): string => JSON.stringify(structureOf(text, options))
let seed = Number(process.argv[2] ?? 11)
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
let answered = 0
let diff = 0
/** Answered soups holding a tab after a marker, and an item starting blank (what this fuzz is for). */
let tabbed = 0
let blankStart = 0
for (let i = 0; i < Number(process.argv[3] ?? 20000); i++) {
  const lines = listItemSoup(random)
  const text = doc(lines.join('\n') + '\n')
  if (fastStructure(text, scanPairs(text).pairs, () => () => undefined) === undefined) continue
  answered++
  if (/^[ >\-+*\d.)]*(?:[-+*]|\d{1,9}[.)]) *\t[ \t]*\S/m.test(text)) tabbed++
  if (/^[ >\-+*\d.)]*(?:[-+*]|\d{1,9}[.)])[ \t]*$/m.test(text)) blankStart++
  if (summary(text, {}) !== summary(text, {mask: false})) {
    diff++
    if (diff <= 5) console.log('DIFF\n' + JSON.stringify(lines.join('\n')) + '\n----')
  }
}
console.log({answered, tabbed, blankStart, diff})
if (diff > 0) process.exitCode = 1
