/**
 * `sxs update OLD.md NEW-EN.md --out NEW.md [--xliff todo.xlf] [--tmx todo.tmx] [--report update.json] [--threshold 75]
 * [--source-commit SHA] [--handoff-date DATE] [--max-needs-translation N]`
 *
 * `sxs update --docs DIR --english DIR --out DIR [--xliff DIR] [--tmx DIR] [--report update.json] …`
 *
 * Brings a bilingual document (the batch form: every document of a docset whose English is at the same
 * relative path, letter case aside) to a new English revision (src/update/): unchanged sentences keep their
 * targets, changed ones go to the translator. Every output is written atomically and only when the update
 * succeeded (a document that cannot be read or parsed writes nothing). Exit code: 0 updated, 1 the input
 * could not be read or more units need translation than `--max-needs-translation` allows (the outputs are
 * still written), 2 usage or I/O error. `--memory FILE` (repeatable): a translation file (XLIFF 1.2, 2.0, JSON, PO),
 * typically exported from the old revision and translated since, used by source (src/update/memory.ts).
 * `--old-english FILE` (batch: DIR): the English OLD.md was made from, so that a changed title, description or
 * keywords is noticed (src/update/front-matter.ts).
 */
import {promises as fs} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {exitCode, type Io} from '../io.js'
import {DecodeError, decodeUtf8, expandInputs, outputPath, readRegularFile, readUtf8, UsageError, writeFileAtomic} from '../files.js'
import {describeError, decodeFailure, parseFailure, usageFailure} from '../report.js'
import {parseOrReport} from '../parse-or-report.js'
import {formatMessage} from '../reporters/compact.js'
import {EnglishParseError, update, type UpdateResult} from '../../update/update.js'
import {todoXliff, todoXliff20} from '../../update/xliff.js'
import {countsLine, updateReport, type UpdateReport} from '../../update/report.js'
import {candidateTmx} from '../../update/tmx.js'
import {documentLocator, indexMemory, memoryUnits, type MemoryIndex, type MemoryUnit} from '../../update/memory.js'
import {sha1} from '../../update/front-matter.js'
import {readTranslations} from '../../formats/read.js'
import {unitIds} from '../../document/unit-ids.js'
import {codeSegment} from '../../inline/index.js'
import type {BilingualDocument, Segment} from '../../document/types.js'
import {parse} from '../../document/parse.js'

const help = `Usage: sxs update OLD.md NEW-EN.md --out NEW.md [--xliff todo.xlf] [--xliff20 todo2.xlf] [--tmx todo.tmx] [--report update.json]
                  [--old-english OLD-EN.md] [--memory FILE]… [--threshold 75] [--source-commit SHA] [--handoff-date DATE] [--max-needs-translation N]
       sxs update --docs DIR --english DIR --out DIR [--old-english DIR] [--xliff DIR] [--tmx DIR] [--report update.json] [options]

Brings the bilingual OLD.md to the English revision NEW-EN.md: unchanged blocks are copied as they are,
changed ones are cut into sentences and each is matched with the old pairs (exact, moved, merged,
text-only with its markup repaired, sub-segment, fuzzy, new); ids are renumbered in order.
  --out FILE                 the new bilingual document (required)
  --xliff FILE               XLIFF 1.2 with only the units that need work, old pairs as alt-trans
  --xliff20 FILE             the same units as XLIFF 2.0, old pairs as <mtc:match> (matches module)
  --tmx FILE                 the same old pairs as a TMX 1.4b memory in OmegaT's tag view (OmegaT's fuzzy matches)
  --report FILE              JSON: counts per match class, old→new id map, changed and deleted pairs
  --old-english FILE         the English OLD.md was made from: a changed title, description or keywords is
                             then written in English and flagged (else kept, reported as unverified)
  --memory FILE              a translation file (XLIFF 1.2/2.0, JSON, PO) exported from the old revision and
                             translated since, matched by source: its translated targets replace the old
                             ones and place new sentences it holds exactly (repeatable)
  --threshold N              lowest fuzzy score (0-100) offered as a candidate (default 75)
  --source-commit SHA        ms.sourcegitcommit to write (kept as it was when not given)
  --handoff-date DATE        ms.lasthandoff to write (kept as it was when not given)
  --max-needs-translation N  exit 1 when more than N units need a translator (in all documents together)
The batch form updates every DIR/<path>.md whose English is --english DIR/<path>.md (letter case aside) into
--out DIR/<path>.md, with DIR/<path>.xlf (.tmx) in the --xliff, --xliff20 (--tmx) folders, and one report.
`

interface Job {
  old: string
  /** The old document's path as a memory file's `original`/`path` names it: relative to --docs (batch), as given (single). */
  relative: string
  english: string
  oldEnglish: string | undefined
  out: string
  xliff: string | undefined
  xliff20: string | undefined
  tmx: string | undefined
}

interface Settings {
  report: string | undefined
  /** Memory files and their text, read once. */
  memory: Array<{file: string; text: string}>
  /** Their translated units, read and indexed once for the run (`readMemory`). */
  memoryIndex?: MemoryIndex
  /** Which job a memory file's document path names (`documentLocator`). */
  locate?: (document: string | undefined) => number | undefined
  threshold: number
  sourceCommit: string | undefined
  handoffDate: string | undefined
  maxNeeds: number | undefined
}

function readInteger(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, not '${value}'`)
  return Number(value)
}

export async function run(argv: string[], io: Io): Promise<number> {
  let jobs: Job[]
  let settings: Settings
  let batch = false
  try {
    const {values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: {type: 'string'},
        docs: {type: 'string'},
        english: {type: 'string'},
        'old-english': {type: 'string'},
        xliff: {type: 'string'},
        xliff20: {type: 'string'},
        tmx: {type: 'string'},
        report: {type: 'string'},
        memory: {type: 'string', multiple: true},
        threshold: {type: 'string'},
        'source-commit': {type: 'string'},
        'handoff-date': {type: 'string'},
        'max-needs-translation': {type: 'string'},
        help: {type: 'boolean', short: 'h'}
      }
    })
    if (values.help) {
      io.stdout(help)
      return exitCode.ok
    }
    const resolve = (file: string): string => path.resolve(io.cwd, file)
    settings = {
      report: values.report === undefined ? undefined : resolve(values.report),
      memory: (values.memory ?? []).map((file) => ({file: resolve(file), text: ''})),
      threshold: readInteger('threshold', values.threshold, 0, 100) ?? 75,
      sourceCommit: values['source-commit'],
      handoffDate: values['handoff-date'],
      maxNeeds: readInteger('max-needs-translation', values['max-needs-translation'], 0, Number.MAX_SAFE_INTEGER)
    }
    if (values.docs !== undefined || values.english !== undefined) {
      batch = true
      if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (the batch form takes --docs and --english)`)
      if (values.docs === undefined || values.english === undefined) throw new UsageError('the batch form needs both --docs DIR and --english DIR')
      if (values.out === undefined) throw new UsageError('--out DIR is required')
      const out = resolve(values.out)
      if (out === resolve(values.docs)) throw new UsageError('--out must be another folder than --docs (the old documents are inputs)')
      const folder = (value: string | undefined): string | undefined => (value === undefined ? undefined : resolve(value))
      jobs = await pairFolders(resolve(values.docs), resolve(values.english), out, {xliff: folder(values.xliff), xliff20: folder(values.xliff20), tmx: folder(values.tmx), oldEnglish: folder(values['old-english'])}, io)
    } else {
      if (positionals.length !== 2) throw new UsageError(`give the old bilingual document and the new English (${positionals.length} file(s) given)`)
      if (values.out === undefined) throw new UsageError('--out NEW.md is required')
      jobs = [
        {
          old: resolve(positionals[0]!),
          relative: positionals[0]!,
          english: resolve(positionals[1]!),
          oldEnglish: values['old-english'] === undefined ? undefined : resolve(values['old-english']),
          out: resolve(values.out),
          xliff: values.xliff === undefined ? undefined : resolve(values.xliff),
          xliff20: values.xliff20 === undefined ? undefined : resolve(values.xliff20),
          tmx: values.tmx === undefined ? undefined : resolve(values.tmx)
        }
      ]
    }
    for (const job of jobs) {
      const outputs = [job.out, job.xliff, job.xliff20, job.tmx, settings.report].filter((file) => file !== undefined)
      for (const file of outputs) {
        if (settings.memory.some((entry) => entry.file === file)) throw new UsageError(`${path.relative(io.cwd, file)} is a --memory input: write the outputs elsewhere`)
      }
      for (const file of outputs) {
        if (file === job.old || file === job.english || file === job.oldEnglish) throw new UsageError(`${path.relative(io.cwd, file)} is an input: write the outputs elsewhere`)
      }
      if (new Set(outputs).size !== outputs.length) throw new UsageError('--out, --xliff, --xliff20, --tmx and --report must be different files')
    }
  } catch (error) {
    return usageFailure('update', error, io)
  }

  const name = (file: string): string => path.relative(io.cwd, file) || file
  for (const entry of settings.memory) {
    try {
      entry.text = await readUtf8(entry.file)
    } catch (error) {
      if (error instanceof DecodeError) {
        io.stderr(formatMessage(name(entry.file), decodeFailure(error)))
        return exitCode.failure
      }
      io.stderr(`${name(entry.file)}: error: cannot read: ${describeError(error)}\n`)
      return exitCode.usage
    }
  }
  if (settings.memory.length > 0) {
    settings.locate = documentLocator(jobs.map((job) => job.relative))
    const memory = readMemory(jobs, settings.locate, settings.memory, io, name)
    if (!memory) return exitCode.failure
    settings.memoryIndex = memory
  }
  const reports: UpdateReport[] = []
  let status: number = exitCode.ok
  let needs = 0
  for (const [index, job] of jobs.entries()) {
    const done = await updateOne(job, index, settings, io, name)
    status = Math.max(status, done.code)
    if (done.report) {
      reports.push(done.report)
      needs += done.report.counts.needsWork + done.report.counts.frontMatterToTranslate
    }
  }
  if (settings.report && reports.length > 0) {
    const text = batch ? JSON.stringify(batchReport(reports), null, 2) : JSON.stringify(reports[0], null, 2)
    try {
      await writeFileAtomic(settings.report, text + '\n')
    } catch (error) {
      io.stderr(`update: cannot write: ${describeError(error)}\n`)
      return exitCode.usage
    }
  }
  if (batch) io.stderr(`update: ${jobs.length} document(s), ${reports.length} updated, ${needs} unit(s) need translation\n`)
  if (settings.maxNeeds !== undefined && needs > settings.maxNeeds) {
    io.stderr(`update: ${needs} unit(s) need translation, more than --max-needs-translation ${settings.maxNeeds}\n`)
    status = Math.max(status, exitCode.failure)
  }
  return status
}

/** One document: read, update, write; the report, or undefined when nothing was written. */
async function updateOne(job: Job, index: number, settings: Settings, io: Io, name: (file: string) => string): Promise<{code: number; report: UpdateReport | undefined}> {
  const texts: string[] = []
  for (const file of [job.old, job.english, ...(job.oldEnglish === undefined ? [] : [job.oldEnglish])]) {
    try {
      texts.push(await readUtf8(file))
    } catch (error) {
      if (error instanceof DecodeError) {
        io.stderr(formatMessage(name(file), decodeFailure(error)))
        return {code: exitCode.failure, report: undefined}
      }
      io.stderr(`${name(file)}: error: cannot read: ${describeError(error)}\n`)
      return {code: exitCode.usage, report: undefined}
    }
  }
  const old = parseOrReport(texts[0]!, name(job.old), io)
  if (!old) return {code: exitCode.failure, report: undefined}
  const fatal = old.messages.filter((message) => message.fatal)
  if (fatal.length > 0) {
    for (const message of fatal) io.stderr(formatMessage(name(job.old), message))
    io.stderr(`update: ${name(job.old)} has ${fatal.length} broken pair(s): fix them first (sxs check); nothing written\n`)
    return {code: exitCode.failure, report: undefined}
  }
  const oldEnglish = texts[2]
  const recorded = old.frontMatter?.data['ms.openlocfilehash']
  if (oldEnglish !== undefined && typeof recorded === 'string' && sha1(oldEnglish) !== recorded) {
    io.stderr(`${name(job.oldEnglish!)}: warning: not the English ${name(job.old)} was made from (its SHA-1 is ${sha1(oldEnglish)}, ms.openlocfilehash says ${recorded}); used as given\n`)
  }
  let result: UpdateResult
  try {
    result = update(old, texts[1]!, {threshold: settings.threshold, sourceCommit: settings.sourceCommit, handoffDate: settings.handoffDate, path: name(job.out), memory: settings.memoryIndex, memoryDocument: (document) => settings.locate?.(document) === index, oldEnglish})
  } catch (error) {
    if (error instanceof EnglishParseError) io.stderr(formatMessage(name(job.english), parseFailure(error.error, error.text)))
    else io.stderr(`${name(job.english)}: error: cannot update: ${describeError(error)}\n`)
    return {code: exitCode.failure, report: undefined}
  }
  const report = updateReport(result, {old: name(job.old), english: name(job.english), out: name(job.out)})
  try {
    await writeFileAtomic(job.out, result.text)
    if (job.xliff) await writeFileAtomic(job.xliff, todoXliff(result.document, result.units, result.frontMatter.translate))
    if (job.xliff20) await writeFileAtomic(job.xliff20, todoXliff20(result.document, result.units, result.frontMatter.translate))
    if (job.tmx) await writeFileAtomic(job.tmx, candidateTmx(result.base, result.units).text)
  } catch (error) {
    io.stderr(`update: cannot write: ${describeError(error)}\n`)
    return {code: exitCode.usage, report: undefined}
  }
  const keys = result.frontMatter.translate.map((todo) => todo.key)
  const front = keys.length > 0 ? `; front matter to translate: ${keys.join(', ')}` : ''
  io.stderr(`update: ${name(job.out)}: ${result.units.length} unit(s): ${countsLine(result)}; ${report.counts.needsWork} need translation${front}\n`)
  return {code: exitCode.ok, report}
}

/**
 * The translated units of the memory files, read once for the run and indexed by source (a docset's memory read
 * for each of its documents made the batch quadratic). Codes a CAT tool returned without their native data are
 * resolved by unit id from the old document the unit came from: the run's document its file names
 * (`original`/`path`, `documentLocator`); a unit naming none of them, from the document updated when the run
 * has one (the file was exported from it, as before), else from its own source only (ids repeat from document to
 * document: another document's pair with that id would give it codes that are not its own). Undefined, with the
 * errors printed once, when a file cannot be read as a translation file: nothing is written then.
 */
function readMemory(
  jobs: readonly Job[],
  locate: (document: string | undefined) => number | undefined,
  files: Settings['memory'],
  io: Io,
  name: (file: string) => string
): MemoryIndex | undefined {
  const segmentsOf = new Map<number, Map<string, Segment> | undefined>()
  const codes = (id: string, document: string | undefined): ReturnType<typeof codeSegment>['codes'] | undefined => {
    const index = locate(document) ?? (jobs.length === 1 ? 0 : undefined)
    if (index === undefined) return undefined
    if (!segmentsOf.has(index)) segmentsOf.set(index, segmentsById(jobs[index]!.old))
    const segment = segmentsOf.get(index)?.get(id)
    return segment && codeSegment(segment.source, segment.target).codes
  }
  const units: MemoryUnit[] = []
  let failed = false
  for (const entry of files) {
    const read = readTranslations(entry.text, {path: name(entry.file), codes})
    for (const message of read.messages) io.stderr(formatMessage(name(entry.file), message))
    if (read.messages.some((message) => message.fatal)) {
      failed = true
      continue
    }
    units.push(...memoryUnits(read, name(entry.file)))
  }
  if (failed) {
    const documents = jobs.length === 1 ? name(jobs[0]!.old) : `any of the ${jobs.length} documents`
    io.stderr(`update: a --memory file cannot be read: nothing written for ${documents}\n`)
    return undefined
  }
  return indexMemory(units)
}

/**
 * An old document's pairs by unit id, for the memory's codes; undefined when it cannot be read or parsed (its
 * update says why). Read apart from its update, which comes later: only the pairs are kept meanwhile.
 */
function segmentsById(file: string): Map<string, Segment> | undefined {
  let document: BilingualDocument
  try {
    document = parse(decodeUtf8(readRegularFile(file)), {path: file})
  } catch {
    return undefined
  }
  const ids = unitIds(document)
  return new Map(document.segments.map((segment, index) => [ids[index]!, segment]))
}

/** Every `docs/<path>.md` whose English is `english/<path>.md` (letter case aside: localized repositories rename folders). */
async function pairFolders(
  docs: string,
  english: string,
  out: string,
  folders: {xliff: string | undefined; xliff20: string | undefined; tmx: string | undefined; oldEnglish: string | undefined},
  io: Io
): Promise<Job[]> {
  for (const [option, folder] of [['--docs', docs], ['--english', english], ...(folders.oldEnglish === undefined ? [] : [['--old-english', folders.oldEnglish] as const])] as const) {
    const stat = await fs.stat(folder).catch(() => undefined)
    if (!stat?.isDirectory()) throw new UsageError(`${option} ${folder}: not a folder`)
  }
  const englishFiles = new Map<string, string>()
  for (const file of await expandInputs([english], io.cwd)) englishFiles.set(file.relative.toLowerCase(), file.absolute)
  const oldEnglishFiles = new Map<string, string>()
  if (folders.oldEnglish !== undefined) for (const file of await expandInputs([folders.oldEnglish], io.cwd)) oldEnglishFiles.set(file.relative.toLowerCase(), file.absolute)
  const jobs: Job[] = []
  for (const file of await expandInputs([docs], io.cwd)) {
    const source = englishFiles.get(file.relative.toLowerCase())
    if (source === undefined) {
      io.stderr(`${path.relative(io.cwd, file.absolute)}: no English at ${path.join(path.relative(io.cwd, english), file.relative)}: skipped\n`)
      continue
    }
    jobs.push({
      old: file.absolute,
      relative: file.relative,
      english: source,
      oldEnglish: oldEnglishFiles.get(file.relative.toLowerCase()),
      out: outputPath(out, file.relative, '.md'),
      xliff: folders.xliff === undefined ? undefined : outputPath(folders.xliff, file.relative, '.xlf'),
      xliff20: folders.xliff20 === undefined ? undefined : outputPath(folders.xliff20, file.relative, '.xlf'),
      tmx: folders.tmx === undefined ? undefined : outputPath(folders.tmx, file.relative, '.tmx')
    })
  }
  return jobs
}

function batchReport(reports: readonly UpdateReport[]): {report: 'sxs-update-batch'; version: 1; totals: Record<string, number>; documents: readonly UpdateReport[]} {
  const totals: Record<string, number> = {}
  for (const report of reports) for (const [key, value] of Object.entries(report.counts)) totals[key] = (totals[key] ?? 0) + value
  return {report: 'sxs-update-batch', version: 1, totals: {documents: reports.length, ...totals}, documents: reports}
}
