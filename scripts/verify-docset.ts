/**
 * `npm run verify -- DIR…`: every invariant the dev-corpus tests hold, over any folders of bilingual documents
 * (a docset of your own, or documents from docsets the corpus does not have). For each `*.md` file:
 * - the document prints back byte for byte, and has one segment per `data-ttu-id`;
 * - the fast block path (or the masked remark parse) gives the contexts and code blocks of the full remark parse;
 *   the files it declines are counted by its reason, and so are the rendered sides (target, source) it declines
 *   (check reads a side's blocks when it may hold a table: remark, cold, where the fast path declines);
 * - XLIFF 1.2, XLIFF 2.0 and JSON written, read back and merged give the file back unchanged, with no message;
 * - every XLIFF validates against the OASIS schemas (../shared/tools/validate-xliff, when it is there);
 * - check runs; its findings are counted by rule (findings are the documents' problems, not sxs's).
 * Pairs the rehype reference finds otherwise are listed apart: it cannot see pairs that cross blocks.
 * Exit 1 when an invariant fails. A script, not a test: the corpus tests are the tests.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse} from '../src/document/parse.js'
import {print} from '../src/document/print.js'
import {scanPairs} from '../src/document/pairs.js'
import {fastAttempt} from '../src/document/fast-blocks.js'
import {findReferencePairs} from '../src/document/reference.js'
import {merge} from '../src/merge/index.js'
import {check} from '../src/check/index.js'
import {readTranslations, writeJson, writeXliff12, writeXliff20} from '../src/formats/index.js'
import {expandInputs} from '../src/cli/files.js'
import {renderSide} from '../src/render/documents.js'
import {structureOf} from '../test/helpers/structure.js'

const validator = fileURLToPath(new URL('../../shared/tools/validate-xliff', import.meta.url))

/** What the parses must agree on (front matter, messages, segments' ids, contexts and positions, code blocks). */
const structure = (text: string, options: {path: string; mask?: boolean}): string => JSON.stringify(structureOf(text, options))

/** `name count` pairs, most first (then by name, so the line is the same from run to run). */
const tally = (counts: ReadonlyMap<string, number>): string =>
  [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ')

const inputs = process.argv.slice(2)
if (inputs.length === 0) {
  console.error('usage: npm run verify -- DIR…')
  process.exit(2)
}
const problems: string[] = []
const reference: string[] = []
const findings = new Map<string, number>()
const work = mkdtempSync(path.join(tmpdir(), 'sxs-verify-'))
const xliffs: string[] = []
let files = 0
let characters = 0
let segments = 0
/** Files the fast path left to remark, counted by its reason. */
const declines = new Map<string, number>()
let declined = 0
/** Rendered sides the fast path left to remark, counted by its reason. */
const sideDeclines = new Map<string, number>()
let sidesDeclined = 0
try {
  // The documents extract and check would take from these inputs.
  for (const {absolute: file, path: name} of await expandInputs(inputs)) {
    const text = readFileSync(file, 'utf8')
    files++
    characters += text.length
    if (!text.includes('data-ttu-id')) continue
    try {
      const document = parse(text, {path: name})
      segments += document.segments.length
      if (print(document) !== text) problems.push(`${name}: does not print back byte for byte`)
      const attributes = text.match(/data-ttu-id/g)?.length ?? 0
      if (attributes !== document.segments.length) problems.push(`${name}: ${document.segments.length} segments for ${attributes} data-ttu-id`)
      const pairs = scanPairs(text).pairs
      const fast = fastAttempt(text, pairs, () => () => undefined)
      if ('declined' in fast) {
        declined++
        declines.set(fast.declined, (declines.get(fast.declined) ?? 0) + 1)
      }
      for (const side of ['target', 'source'] as const) {
        const rendered = fastAttempt(renderSide(document, side), [], () => () => undefined)
        if ('declined' in rendered) {
          sidesDeclined++
          sideDeclines.set(rendered.declined, (sideDeclines.get(rendered.declined) ?? 0) + 1)
        }
      }
      if (structure(text, {path: name}) !== structure(text, {path: name, mask: false})) problems.push(`${name}: the fast or masked parse differs from the full remark parse`)
      const seen = new Set(findReferencePairs(text).pairs.map((pair) => pair.pairStart))
      const unseen = pairs.filter((pair) => !seen.has(pair.pairStart)).length
      if (unseen > 0) reference.push(`${name}: ${unseen} pair(s) the rehype reference does not find (crossing blocks, or HTML it repairs)`)
      for (const [format, write] of [['XLIFF 1.2', writeXliff12], ['XLIFF 2.0', writeXliff20], ['JSON', writeJson]] as const) {
        const written = write(document)
        if (format !== 'JSON') {
          const copy = path.join(work, `${xliffs.length}.xlf`)
          writeFileSync(copy, written)
          xliffs.push(copy)
        }
        const read = readTranslations(written, {path: name})
        for (const message of read.messages) problems.push(`${name}: reading its ${format}: ${message.reason}`)
        const merged = merge(document, read.units)
        if (merged.text !== text) problems.push(`${name}: its ${format} merged back does not give the file`)
        for (const message of merged.messages) problems.push(`${name}: merging its ${format}: ${message.reason}`)
      }
      for (const message of check(document)) {
        const key = `${message.ruleId} (${message.fatal ? 'error' : 'warning'})`
        findings.set(key, (findings.get(key) ?? 0) + 1)
      }
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    }
  }
  if (xliffs.length > 0 && existsSync(validator)) {
    // LC_ALL=C: the validator's `sed` reads the first 4 KiB as bytes, which may cut a UTF-8 character.
    const validated = spawnSync(validator, xliffs, {encoding: 'utf8', env: {...process.env, LC_ALL: 'C'}})
    if (validated.status !== 0) problems.push(`XLIFF validation: ${validated.stdout}${validated.stderr}`.trim())
  }
} finally {
  rmSync(work, {recursive: true, force: true})
}

console.log(`${files} file(s), ${(characters / 1e6).toFixed(2)} M characters, ${segments} segment(s); the fast path declined ${declined} file(s) (remark read them)`)
if (declined > 0) console.log(`fast path declines: ${tally(declines)}`)
console.log(`rendered sides: the fast path declined ${sidesDeclined}${sidesDeclined > 0 ? ` (${tally(sideDeclines)})` : ''}`)
console.log(`check findings: ${tally(findings) || 'none'}`)
for (const line of reference) console.log(line)
if (problems.length > 0) {
  console.log(`${problems.length} problem(s):`)
  for (const problem of problems) console.log(`- ${problem}`)
  process.exitCode = 1
} else console.log('every invariant holds')
