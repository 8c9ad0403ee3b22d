/**
 * Hostile-input fuzzing of the CLI (issue 18). Real documents (source-docs and the dev corpus) and their
 * XLIFF 1.2 / 2.0 / JSON are mutated (pieces that start blocks, span and backtick storms, deep nesting,
 * huge lines, CR-only and CRLF endings, a BOM, invalid UTF-8, truncation, DOCTYPE and entity attempts,
 * JSON fields of the wrong type), and the commands are run on them. After every run:
 *   - no crash: `main` never throws and nothing printed looks like a stack trace;
 *   - no hang: a case runs in a child process and is killed past 5 s + 2 s per 100 KB of input;
 *   - nothing is written outside `out/` (merge: but the document it merges into);
 *   - a merge that is refused leaves the document byte-identical;
 *   - a merge that is written gives a document in which `check` finds no error it did not have.
 * Then a scaling phase: extract + check of storm inputs at 1x and 4x the size; a ratio far above 4 (16 is
 * quadratic) fails. It prints the counts and exits 1 on any failure.
 *
 *   npx tsx scripts/fuzz.ts [--seconds 60] [--seed 18] [--no-scaling]
 *
 * test/fuzz.test.ts runs a few cases of it in process (no watchdog: vitest's timeout is the bound).
 */
import {fork} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {main} from '../src/cli/main.js'
import type {Io} from '../src/cli/io.js'
import {check} from '../src/check/index.js'
import {parse} from '../src/document/parse.js'
import {writeJson, writeXliff12, writeXliff20} from '../src/formats/index.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const corpus = path.join(root, '..', 'shared', 'corpus', 'dev')

/** Real bilingual documents to start from: the reference document and up to 40 corpus files (the smaller ones). */
export function seedDocuments(limit = 40): string[] {
  const documents = [readFileSync(path.join(root, 'source-docs', 'help-and-support-for-eop.md'), 'utf8')]
  try {
    const files = readdirSync(corpus, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'README.md')
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
      .filter((file) => statSync(file).size < 40_000)
    const step = Math.max(1, Math.floor(files.length / limit))
    for (let index = 0; index < files.length && documents.length <= limit; index += step) documents.push(readFileSync(files[index]!, 'utf8'))
  } catch {
    // No corpus beside the repository: the reference document alone.
  }
  return documents
}

/** A small seeded generator (the same seed and case index give the same case). */
function generator(seed: number): {int: (below: number) => number; pick: <T>(items: readonly T[]) => T} {
  let state = seed >>> 0 || 1
  const next = (): number => {
    // xorshift32
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 2 ** 32
  }
  return {int: (below) => Math.floor(next() * below), pick: (items) => items[Math.floor(next() * items.length)]!}
}

/** What CommonMark and the pair reader are sensitive to. */
const pieces = ['\n', '\n\n', '\r', '\r\n', '```', '~~~', '`', '``', '<!--', '-->', '<span>', '</span>', '<span data-ttu-id="zz-1">', '</span><span class="sxs-lookup"><span data-stu-id="zz-1">', '# ', '- ', '1. ', '> ', '> [!NOTE]\n> ', '***', '---\n', '    ', '\t', '|', '\\|', '\\', '[a](b', '](', '![x](', '<div>', '</div>', '<table>', '<td>', '&amp;', '&#0;', '<![CDATA[', '<?xml', '\u0000', '\u0085', '\u2028', '\uFEFF', '\uD800', '改', '😀']

export type CaseKind = 'document' | 'translations'

export interface FuzzCase {
  kind: CaseKind
  /** What was done, for the report. */
  label: string
  document: string | Uint8Array
  /** For `translations` cases: the translation file and its name. */
  translations?: {name: string; content: string}
}

/**
 * Case `index` of `seed`, from `documents`. `scale` multiplies the sizes of storms, nesting and huge lines
 * (1: up to 20,000 pieces, 60,000 deep, 500 KB lines; the test runs small ones).
 */
export function makeCase(documents: readonly string[], seed: number, index: number, scale = 1): FuzzCase {
  const random = generator(seed * 1_000_003 + index)
  const original = random.pick(documents)
  const size = (most: number): number => Math.max(1, Math.round(random.int(most) * scale))
  if (random.int(3) > 0) return documentCase(original, random, size)
  return translationsCase(original, random, size)
}

function documentCase(text: string, random: ReturnType<typeof generator>, size: (most: number) => number): FuzzCase {
  const at = (): number => random.int(text.length + 1)
  const kind = random.int(10)
  switch (kind) {
    case 0: {
      const piece = random.pick(['<span>', '`', '[a](b', '<!--', 'a <!--', '<?', '~~~\n', '> ', '|', '<span data-ttu-id="x-1">'])
      const count = size(20_000)
      const where = at()
      return {kind: 'document', label: `storm ${JSON.stringify(piece)} x${count}`, document: text.slice(0, where) + piece.repeat(count) + text.slice(where)}
    }
    case 1: {
      const where = at()
      return {kind: 'document', label: 'huge line', document: text.slice(0, where) + 'a'.repeat(size(500_000)) + text.slice(where)}
    }
    case 2:
      return {kind: 'document', label: random.int(2) ? 'CR-only line endings' : 'CRLF and a BOM', document: random.int(2) ? text.replace(/\r?\n/g, '\r') : '\uFEFF' + text.replace(/\r?\n/g, '\r\n')}
    case 3:
      return {kind: 'document', label: 'truncated', document: text.slice(0, at())}
    case 4: {
      const bytes = Buffer.from(text)
      const where = random.int(bytes.length + 1)
      return {kind: 'document', label: 'invalid UTF-8', document: Buffer.concat([bytes.subarray(0, where), Buffer.from([random.pick([0xff, 0xc3, 0xed, 0x80])]), bytes.subarray(where)])}
    }
    case 5: {
      const start = at()
      const end = Math.min(text.length, start + random.int(2000))
      return {kind: 'document', label: random.int(2) ? 'range deleted' : 'range doubled', document: random.int(2) ? text.slice(0, start) + text.slice(end) : text.slice(0, end) + text.slice(start)}
    }
    default: {
      let mutated = text
      const edits = 1 + random.int(8)
      for (let edit = 0; edit < edits; edit++) {
        const where = random.int(mutated.length + 1)
        mutated = mutated.slice(0, where) + random.pick(pieces) + mutated.slice(where)
      }
      return {kind: 'document', label: `${edits} piece(s) inserted`, document: mutated}
    }
  }
}

function translationsCase(text: string, random: ReturnType<typeof generator>, size: (most: number) => number): FuzzCase {
  const document = parse(text)
  const format = random.pick(['xlf', 'xliff20', 'json'] as const)
  const written = format === 'xlf' ? writeXliff12(document) : format === 'xliff20' ? writeXliff20(document) : writeJson(document)
  const name = format === 'json' ? 't.json' : 't.xlf'
  const kind = random.int(8)
  let content = written
  let label: string
  if (kind <= 2) {
    // Edit targets as a translator (or a broken tool) might: pieces at random places inside targets.
    const targets = format === 'json' ? /"target":"((?:[^"\\]|\\.)*)"/g : /<target[^>]*>([^<]*)<\/target>/g
    const found = [...written.matchAll(targets)]
    const edits = 1 + random.int(6)
    for (let edit = 0; edit < edits && found.length > 0; edit++) {
      const match = random.pick(found)
      const inner = match[1]!
      const cut = random.int(inner.length + 1)
      let piece = random.pick(pieces)
      piece = format === 'json' ? JSON.stringify(piece).slice(1, -1) : piece.replace(/&(?!amp;)/g, '&amp;').replace(/</g, '&lt;')
      content = content.replace(match[0], match[0].replace(inner, inner.slice(0, cut) + piece + inner.slice(cut)))
    }
    label = `${format}: ${edits} target edit(s)`
  } else if (kind === 3) {
    content = written.slice(0, random.int(written.length))
    label = `${format}: truncated`
  } else if (kind === 4) {
    const depth = size(60_000)
    content = format === 'json' ? '['.repeat(depth) + ']'.repeat(depth) : written.replace(/<target([^>]*)>/, (open) => `${open}${'<mrk mtype="x">'.repeat(depth)}x${'</mrk>'.repeat(depth)}`)
    label = `${format}: nested ${depth} deep`
  } else if (kind === 5) {
    content =
      format === 'json'
        ? written.replace(/"target":"(?:[^"\\]|\\.)*"/, random.pick(['"target":1', '"target":[]', '"target":{}', '"target":null']))
        : `<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY a "${'a'.repeat(10)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n` + written.replace(/^<\?xml[^>]*>\n?/, '').replace(/<target([^>]*)>/, '<target$1>&b;&xxe;')
    label = format === 'json' ? 'json: a field of the wrong type' : `${format}: DOCTYPE with entities`
  } else if (kind === 6) {
    content = format === 'json' ? random.pick(['[]', '{"segments":[null]}', '{}', 'null', '"x"']) : written.replace(/ xmlns="[^"]*"/, random.pick(['', ' xmlns="urn:oasis:names:tc:xliff:document:2.0"', ' xmlns="urn:oasis:names:tc:xliff:document:1.2"']))
    label = `${format}: wrong shape or namespace`
  } else {
    content = written.replace(/(id|ctype|xid)="/, '$1="' + 'x'.repeat(size(100_000)))
    label = `${format}: huge attribute`
  }
  return {kind: 'translations', label, document: text, translations: {name, content}}
}

export interface Outcome {
  /** Problems found; empty when the case passed. */
  failures: string[]
  /** Merge cases: whether the merged document was written. */
  mergeWritten?: boolean
}

/** Everything below `folder` with its bytes, relative paths with `/`. */
function snapshot(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  for (const entry of readdirSync(folder, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    files.set(path.relative(folder, file).split(path.sep).join('/'), readFileSync(file))
  }
  return files
}

/** A line of a Node stack trace. */
const stackLine = /^\s+at .+(?:\(.+:\d+:\d+\)|:\d+:\d+)$/m

function errorsOf(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  try {
    for (const message of check(parse(text))) {
      if (message.fatal !== true) continue
      counts.set(message.ruleId ?? '', (counts.get(message.ruleId ?? '') ?? 0) + 1)
    }
  } catch {
    counts.set('parse-error', 1)
  }
  return counts
}

/** Run the commands on one case in a fresh folder and check the guarantees. */
export async function runCase(fuzzCase: FuzzCase): Promise<Outcome> {
  const work = mkdtempSync(path.join(tmpdir(), 'sxs-fuzz-'))
  const failures: string[] = []
  let mergeWritten: boolean | undefined
  try {
    mkdirSync(path.join(work, 'docs'))
    const documentPath = path.join(work, 'docs', 'x.md')
    writeFileSync(documentPath, fuzzCase.document)
    const run = async (argv: string[], allowed: (file: string) => boolean): Promise<number | undefined> => {
      const before = snapshot(work)
      let printed = ''
      const io: Io = {cwd: work, isTTY: false, stdout: (text) => void (printed += text), stderr: (text) => void (printed += text)}
      let code: number | undefined
      try {
        code = await main(argv, io)
      } catch (error) {
        failures.push(`sxs ${argv[0]} threw: ${error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 3).join(' | ') : String(error)}`)
      }
      if (stackLine.test(printed)) failures.push(`sxs ${argv[0]} printed a stack trace: ${printed.slice(0, 300)}`)
      if (code !== undefined && ![0, 1, 2].includes(code)) failures.push(`sxs ${argv[0]} exited ${code}`)
      const after = snapshot(work)
      for (const [file, bytes] of after) {
        const old = before.get(file)
        if ((old === undefined || !old.equals(bytes)) && !allowed(file)) failures.push(`sxs ${argv[0]} wrote ${file}, outside what it may write`)
      }
      for (const file of before.keys()) if (!after.has(file) && !allowed(file)) failures.push(`sxs ${argv[0]} removed ${file}`)
      return code
    }
    const inOut = (file: string): boolean => file.startsWith('out/')
    if (fuzzCase.kind === 'document') {
      await run(['extract', 'docs', '--out', 'out', '--no-cache', '--target-lang', 'ja-JP'], inOut)
      await run(['check', 'docs', '--no-cache'], () => false)
      await run(['render', 'docs', '--out', 'out'], inOut)
    } else {
      writeFileSync(path.join(work, fuzzCase.translations!.name), fuzzCase.translations!.content)
      const original = readFileSync(documentPath)
      await run(['merge', '--doc', 'docs/x.md', '--translations', fuzzCase.translations!.name], (file) => file === 'docs/x.md')
      const merged = readFileSync(documentPath)
      mergeWritten = !merged.equals(original)
      if (mergeWritten) {
        const before = errorsOf(original.toString('utf8'))
        for (const [rule, count] of errorsOf(merged.toString('utf8'))) {
          if (count > (before.get(rule) ?? 0)) failures.push(`merge accepted a document that check finds a new ${rule} error in`)
        }
      }
    }
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
  return {failures, ...(mergeWritten === undefined ? {} : {mergeWritten})}
}

/** How long a case may take: 5 s, plus 2 s per 100 KB of its input. */
export function timeBound(fuzzCase: FuzzCase): number {
  const size = (typeof fuzzCase.document === 'string' ? fuzzCase.document.length : fuzzCase.document.length) + (fuzzCase.translations?.content.length ?? 0)
  return 5000 + (size / 100_000) * 2000
}

/**
 * Inputs built to hit one step hard, `n` pieces each, from the reference document. `[a](b` repeated and an
 * unclosed `<!--` repeated in a paragraph sent the document to remark (the fast path declined them), which is
 * superlinear on both (80,000 `[a](b`: 95 s; 20,000 `a <!--`: 107 s); a CR-only file went to remark whatever
 * it held. Code parity (check's inline-markup, merge's guard) was cubic in the code spans a pair changes.
 */
export function storms(): Record<string, (n: number) => string> {
  const reference = seedDocuments(0)[0]!
  const open = reference.indexOf('>', reference.indexOf('<span data-ttu-id=')) + 1
  const sourceOpen = reference.indexOf('>', reference.indexOf('<span data-stu-id=')) + 1
  return {
    '[a](b repeated': (n) => reference + '\n' + '[a](b'.repeat(n) + '\n',
    '[a](b repeated, CR-only line endings': (n) => (reference + '\n' + '[a](b'.repeat(n) + '\n').replace(/\r?\n/g, '\r'),
    'backticks in a target': (n) => reference.slice(0, open) + '`'.repeat(n) + reference.slice(open),
    // Code parity paired every lost with every added code span: 5,000 changed took check 75 s.
    'code spans changed in a pair': (n) => reference.slice(0, open) + '`x` '.repeat(n / 4) + reference.slice(open, sourceOpen) + '`y` '.repeat(n / 4) + reference.slice(sourceOpen),
    'nested <span> in a target': (n) => reference.slice(0, open) + '<span>'.repeat(n) + 'x' + '</span>'.repeat(n) + reference.slice(open),
    'unclosed <span> storm': (n) => reference.slice(0, open) + '<span>'.repeat(n) + reference.slice(open),
    'a huge line': (n) => reference + 'a'.repeat(n * 20) + '\n',
    '<!-- storm': (n) => reference.slice(0, open) + '<!--'.repeat(n / 10) + reference.slice(open),
    // In the reference's last paragraph, which has a link before its pairs (so its inline content is read).
    'unclosed <!-- in a paragraph': (n) => reference + ' ' + 'a <!--'.repeat(n) + '\n',
    'unclosed <? and <!x in a paragraph': (n) => reference + ' ' + 'a <? <!x'.repeat(n / 2) + '\n',
    'many pairs': (n) => reference + `<span data-ttu-id="zz-1">t</span><span class="sxs-lookup"><span data-stu-id="zz-1">s</span></span>\n\n`.repeat(n / 10)
  }
}

/** Milliseconds extract + check (no cache) take on `document`, in a fresh folder. */
export async function extractAndCheck(document: string): Promise<number> {
  const work = mkdtempSync(path.join(tmpdir(), 'sxs-fuzz-scale-'))
  try {
    mkdirSync(path.join(work, 'docs'))
    writeFileSync(path.join(work, 'docs', 'x.md'), document)
    const io: Io = {cwd: work, isTTY: false, stdout: () => {}, stderr: () => {}}
    const started = performance.now()
    await main(['extract', 'docs', '--out', 'out', '--no-cache', '--target-lang', 'ja-JP'], io)
    await main(['check', 'docs', '--no-cache'], io)
    return performance.now() - started
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

/** Extract + check of storm inputs at 1x and 4x: the ratio of their times (4 is linear, 16 quadratic). */
export async function scaling(report: (line: {input: string; ratio: number; seconds: number}) => void = () => {}): Promise<Array<{input: string; ratio: number; seconds: number}>> {
  const results: Array<{input: string; ratio: number; seconds: number}> = []
  for (const [input, make] of Object.entries(storms())) {
    const time = (n: number): Promise<number> => extractAndCheck(make(n))
    await time(2_000)
    // The best of two at each size: one slow run on a shared machine is not a trend.
    const small = Math.min(await time(10_000), await time(10_000))
    const large = Math.min(await time(40_000), await time(40_000))
    results.push({input, ratio: large / Math.max(small, 1), seconds: large / 1000})
    report(results[results.length - 1]!)
  }
  return results
}

// ---- The command line: a parent process that runs cases in a child and kills it on a hang. ----

interface Options {
  seconds: number
  seed: number
  scaling: boolean
}

function readOptions(argv: string[]): Options {
  const value = (name: string, fallback: number): number => {
    const at = argv.indexOf(name)
    return at < 0 ? fallback : Number(argv[at + 1])
  }
  return {seconds: value('--seconds', 60), seed: value('--seed', 18), scaling: !argv.includes('--no-scaling')}
}

type ChildMessage = {type: 'start'; index: number; bound: number; label: string} | {type: 'done'; index: number; label: string; outcome: Outcome}

async function child(seed: number, from: number): Promise<void> {
  const documents = seedDocuments()
  for (let index = from; ; index++) {
    const fuzzCase = makeCase(documents, seed, index)
    process.send!({type: 'start', index, bound: timeBound(fuzzCase), label: fuzzCase.label} satisfies ChildMessage)
    const outcome = await runCase(fuzzCase)
    process.send!({type: 'done', index, label: fuzzCase.label, outcome} satisfies ChildMessage)
  }
}

async function parent(options: Options): Promise<number> {
  const deadline = Date.now() + options.seconds * 1000
  const counts = {inputs: 0, crashes: 0, hangs: 0, outsideWrites: 0, brokenAccepted: 0, otherFailures: 0, merges: 0, mergesWritten: 0}
  const reported: string[] = []
  let next = 0
  while (Date.now() < deadline) {
    await new Promise<void>((resolve) => {
      const worker = fork(fileURLToPath(import.meta.url), ['--child', String(options.seed), String(next)], {stdio: ['ignore', 'ignore', 'inherit', 'ipc']})
      let timer: NodeJS.Timeout | undefined
      let current: {index: number; label: string} | undefined
      const stop = (): void => {
        clearTimeout(timer)
        worker.kill('SIGKILL')
      }
      const overall = setTimeout(stop, Math.max(0, deadline - Date.now()))
      worker.on('message', (message: ChildMessage) => {
        if (message.type === 'start') {
          current = message
          clearTimeout(timer)
          timer = setTimeout(() => {
            counts.inputs++
            counts.hangs++
            reported.push(`case ${message.index} (${message.label}): no answer within ${(message.bound / 1000).toFixed(1)} s`)
            next = message.index + 1
            current = undefined
            stop()
          }, message.bound)
          return
        }
        clearTimeout(timer)
        current = undefined
        next = message.index + 1
        counts.inputs++
        if (message.outcome.mergeWritten !== undefined) {
          counts.merges++
          if (message.outcome.mergeWritten) counts.mergesWritten++
        }
        for (const failure of message.outcome.failures) {
          if (/threw|stack trace|exited/.test(failure)) counts.crashes++
          else if (/outside what it may write|removed/.test(failure)) counts.outsideWrites++
          else if (/new .* error/.test(failure)) counts.brokenAccepted++
          else counts.otherFailures++
          if (reported.length < 20) reported.push(`case ${message.index} (${message.label}): ${failure}`)
        }
      })
      worker.on('exit', (code, signal) => {
        clearTimeout(timer)
        clearTimeout(overall)
        // A child that died on its own (not killed by us) while running a case: a crash of that case.
        if (current && signal !== 'SIGKILL') {
          counts.inputs++
          counts.crashes++
          reported.push(`case ${current.index} (${current.label}): the process died (${signal ?? `exit ${code}`})`)
          next = current.index + 1
        }
        resolve()
      })
    })
  }
  console.log(`fuzz (seed ${options.seed}, ${options.seconds} s): ${counts.inputs} inputs tried, ${counts.crashes} crashes, ${counts.hangs} hangs, ${counts.outsideWrites} writes outside --out, ${counts.brokenAccepted} broken documents accepted, ${counts.otherFailures} other failures; ${counts.merges} merges, ${counts.mergesWritten} written`)
  for (const line of reported) console.log(`  ${line}`)
  let failed = counts.crashes + counts.hangs + counts.outsideWrites + counts.brokenAccepted + counts.otherFailures > 0
  if (options.scaling) {
    await scaling(({input, ratio, seconds}) => {
      // 4x the input: linear is 4, quadratic 16; 8 leaves room for a noisy machine (and under 1 s, timer noise).
      const bad = ratio > 8 && seconds > 1
      failed ||= bad
      console.log(`scaling ${input}: 4x the input took ${ratio.toFixed(1)}x the time (${seconds.toFixed(2)} s)${bad ? '  SUPERLINEAR' : ''}`)
    })
  }
  return failed ? 1 : 0
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') void child(Number(process.argv[3]), Number(process.argv[4]))
  else void parent(readOptions(process.argv.slice(2))).then((code) => (process.exitCode = code))
}
