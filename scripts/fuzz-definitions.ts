/**
 * Random documents of link reference definitions (valid, broken by a title, indented, unclosed) and of the
 * links, images and brackets that may refer to them, among paragraphs, headings, lists, quotes and tables:
 * wherever the fast path answers, its segments, contexts and code blocks must be the full remark parse's.
 * Prints how many it answered and the first differences. test/fast-path.test.ts runs a smaller set.
 *
 *   npx tsx scripts/fuzz-definitions.ts [seed] [count]
 */
import {fastStructure} from '../src/document/fast-blocks.js'
import {scanPairs} from '../src/document/pairs.js'
import {pairDocuments, structureOf} from '../test/helpers/structure.js'

const doc = pairDocuments()
const summary = (text: string, options: {mask?: boolean}): string => JSON.stringify(structureOf(text, options))
let seed = Number(process.argv[2] ?? 7)
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const pick = <T>(a: T[]): T => a[Math.floor(random() * a.length)]!
const labels = ['r', 'R', ' r ', 'q', 's', 'a b', 'A  B', 'x\\]y', 'é', 'É']
const dests = ['/url', '<a b>', '<>', 'a(b)c', 'http://x.com/a_b', '/u"t"', '/u\\x', '(x)']
const titles = ['', ' "T"', " 't'", ' (t)', ' "a "b" c"', ' "unclosed', ' text', '  ', ' "T" x', " 'a'b'"]
const defn = () => `${pick(['', ' ', '   ', '    '])}[${pick(labels)}]:${pick([' ', '', '  ', '\t'])}${pick(dests)}${pick(titles)}`
const inl = () => pick(['P', `[${pick(labels)}] P`, `[x [${pick(labels)}] P](u)`, `![i][${pick(labels)}] P`, `[${pick(labels)}][] P`, `[x][${pick(labels)}] P`, `[P](u) [s][${pick(labels)}]`, `\`[${pick(labels)}]\` P`, `[${pick(labels)}](<bad) P`, `<b>[${pick(labels)}]</b> P`, `[a ${'`'}x]${'`'} [r] P`, `[[r]] P`, `[r]: P`])
const lineKinds = [defn, defn, inl, inl, () => '', () => '', () => '# ' + inl(), () => '- ' + inl(), () => '> ' + inl(), () => '===', () => '---', () => '    ' + inl(), () => '"T"', () => '| a | b |', () => '|---|---|']
let answered = 0, diff = 0
for (let i = 0; i < Number(process.argv[3] ?? 20000); i++) {
  const lines = Array.from({length: 1 + Math.floor(random() * 8)}, () => pick(lineKinds)())
  const text = doc(lines.join('\n') + '\n')
  if (fastStructure(text, scanPairs(text).pairs, () => () => undefined) === undefined) continue
  answered++
  if (summary(text, {}) !== summary(text, {mask: false})) { diff++; if (diff <= 5) console.log('DIFF\n' + lines.join('\n') + '\n----') }
}
console.log({answered, diff})
if (diff > 0) process.exitCode = 1
