/**
 * `sxs merge --doc DOC.md --translations FILE [--out OUT.md] [--allow-stale]`
 * `sxs merge --docs DIR --translations DIR [--out DIR] [--allow-stale]`
 *
 * Reads translations (XLIFF 1.2, XLIFF 2.0, JSON or gettext PO, as `extract` writes them or as a CAT tool returns
 * them), merges their targets into the bilingual documents and writes the result atomically: to `--out`,
 * or in place. A document is written only when its translations could be read and none is stale (unless
 * `--allow-stale`); a refused unit (broken codes or structure) keeps the document's target and is reported.
 * The batch form into another folder copies the documents that have no translation file unchanged, so that
 * `--out` holds every document of the docset (human-translated pages, those not yet back from translation).
 * Exit code: 0 merged, 1 something was refused or could not be read, 2 usage or I/O error.
 */
import {promises as fs} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {MergeStatistics} from '../../merge/index.js'
import {mergeTranslations} from '../../merge/translations.js'
import {exitCode, type Io} from '../io.js'
import {DecodeError, expandInputs, outputGuard, printable, type OutputGuard, readRegularFile, readUtf8, UsageError, writeOutput} from '../files.js'
import {decodeFailure, describeError, usageFailure} from '../report.js'
import {parseOrReport} from '../parse-or-report.js'
import {formatMessage} from '../reporters/compact.js'
import {readShardOption, shardOf} from '../engine/index.js'

const help = `Usage: sxs merge --doc DOC.md --translations FILE [--out OUT.md] [--allow-stale]
       sxs merge --docs DIR --translations DIR [--out DIR] [--allow-stale] [--shard i/n]

Writes the targets of FILE (XLIFF 1.2, XLIFF 2.0, JSON or PO) into DOC.md, in place unless --out is given.
The batch form pairs DIR/<path>.md with <path>.xlf, <path>.xliff, <path>.json or <path>.po below the translations folder;
with --out, a document that has no translation file is copied there unchanged.
  --allow-stale   merge units whose source differs from the document's (still reported)
  --shard i/n     batch form: merge only shard i of n of the documents (the split extract and check use)
`

interface Job {
  document: string
  /** Undefined: the document has no translation file (batch form); it is copied to `out` unchanged. */
  translations: string | undefined
  out: string
  /** Batch form: the run's guard of the output folder, which no output may leave (a symlinked folder below it). */
  guard?: OutputGuard
}

const translationExtensions = ['.xlf', '.xliff', '.json', '.po']

export async function run(argv: string[], io: Io): Promise<number> {
  let jobs: Job[]
  let batch = false
  let allowStale: boolean
  try {
    const {values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        doc: {type: 'string'},
        docs: {type: 'string'},
        translations: {type: 'string'},
        out: {type: 'string'},
        'allow-stale': {type: 'boolean'},
        shard: {type: 'string'},
        help: {type: 'boolean', short: 'h'}
      }
    })
    if (values.help) {
      io.stdout(help)
      return exitCode.ok
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (use --doc or --docs)`)
    if ((values.doc === undefined) === (values.docs === undefined)) throw new UsageError('give either --doc DOC.md or --docs DIR')
    if (values.translations === undefined) throw new UsageError('--translations is required')
    allowStale = values['allow-stale'] ?? false
    const resolve = (file: string): string => path.resolve(io.cwd, file)
    if (values.doc !== undefined) {
      jobs = [{document: resolve(values.doc), translations: resolve(values.translations), out: resolve(values.out ?? values.doc)}]
    } else {
      batch = true
      const docs = resolve(values.docs!)
      const shard = readShardOption(values.shard)
      const inShard = (relative: string): boolean => !shard || shardOf(relative, shard.count) === shard.index
      jobs = await pairFolder(docs, resolve(values.translations), resolve(values.out ?? values.docs!), io, inShard)
    }
  } catch (error) {
    return usageFailure('merge', error, io)
  }

  let status: number = exitCode.ok
  const worst = (code: number): void => {
    status = Math.max(status, code)
  }
  let withProblems = 0
  for (const job of jobs) {
    const code = await mergeOne(job, allowStale, io)
    if (code !== exitCode.ok) withProblems++
    worst(code)
  }
  // The batch form's total; one document's line above is already the summary of the single form.
  if (batch) io.stderr(`merge: ${jobs.length} document(s), ${withProblems} with problems (reported above)\n`)
  return status
}

/** Each `DIR/<path>.md` with the translation file `<path>.xlf|.xliff|.json` below the translations folder. */
async function pairFolder(docs: string, translations: string, out: string, io: Io, inShard: (relative: string) => boolean): Promise<Job[]> {
  const stat = await fs.stat(docs).catch(() => undefined)
  if (!stat?.isDirectory()) throw new UsageError(`--docs ${docs}: not a folder`)
  const translationStat = await fs.stat(translations).catch(() => undefined)
  if (!translationStat?.isDirectory()) throw new UsageError(`--translations ${translations}: not a folder (the batch form pairs folders)`)
  const jobs: Job[] = []
  // One for the run: the output folder resolved once (files.ts).
  const guard = outputGuard({within: out})
  // The documents extract and check take from the folder (node_modules, .git and hidden files left out).
  // Nor the documents of an --out folder inside DIR: they are this command's outputs (a run before this one).
  const outInside = path.relative(docs, out)
  const isOutput = (relative: string): boolean => outInside !== '' && !outInside.startsWith('..') && !path.isAbsolute(outInside) && relative.startsWith(outInside + path.sep)
  const documents = (await expandInputs([docs], io.cwd)).map((file) => file.relative).filter((relative) => !isOutput(relative))
  for (const relative of documents.filter(inShard)) {
    const stem = relative.replace(/\.md$/i, '')
    const found: string[] = []
    for (const extension of translationExtensions) {
      const candidate = path.join(translations, stem + extension)
      if (await fs.stat(candidate).then((s) => s.isFile(), () => false)) found.push(candidate)
    }
    if (found.length > 1) throw new UsageError(`${relative} has several translation files (${found.join(', ')}): give one folder per format`)
    if (found.length === 0 && path.resolve(out) === path.resolve(docs)) {
      io.stderr(`${printable(path.join(docs, relative))}: no translation file (${translationExtensions.map((extension) => stem + extension).join(', ')}): skipped\n`)
      continue
    }
    jobs.push({document: path.join(docs, relative), translations: found[0], out: path.join(out, relative), guard})
  }
  return jobs
}

function shown(file: string, io: Io): string {
  const relative = path.relative(io.cwd, file)
  return printable(relative.startsWith('..') || path.isAbsolute(relative) ? file : relative)
}

function summary(statistics: MergeStatistics): string {
  return `${statistics.merged} merged, ${statistics.unchanged} unchanged, ${statistics.missing} kept, ${statistics.refused} refused, ${statistics.unknown} unknown`
}

async function mergeOne(job: Job, allowStale: boolean, io: Io): Promise<number> {
  const documentName = shown(job.document, io)
  if (job.translations === undefined) return copyUnchanged(job, documentName, io)
  const translationsName = shown(job.translations, io)
  let documentText: string
  let translationText: string
  // Not UTF-8 is the file's problem (exit 1, at the first bad byte, as extract and check say it); unreadable is I/O (exit 2).
  try {
    documentText = await readUtf8(job.document)
  } catch (error) {
    if (error instanceof DecodeError) {
      io.stderr(formatMessage(documentName, decodeFailure(error)))
      io.stderr(`${documentName}: not written: the document is not UTF-8\n`)
      return exitCode.failure
    }
    io.stderr(`${documentName}: error: cannot read the document: ${describe(error)}\n`)
    return exitCode.usage
  }
  try {
    translationText = await readUtf8(job.translations)
  } catch (error) {
    if (error instanceof DecodeError) {
      io.stderr(formatMessage(translationsName, decodeFailure(error)))
      io.stderr(`${documentName}: not written: the translations are not UTF-8\n`)
      return exitCode.failure
    }
    io.stderr(`${translationsName}: error: cannot read the translations: ${describe(error)}\n`)
    return exitCode.usage
  }

  const document = parseOrReport(documentText, documentName, io)
  if (!document) {
    io.stderr(`${documentName}: not written: the document could not be parsed\n`)
    return exitCode.failure
  }
  const outcome = mergeTranslations(document, translationText, {documentPath: documentName, translationsPath: translationsName, allowStale})
  for (const message of outcome.messages) io.stderr(formatMessage(String(message.file), message))
  if (!outcome.ok) {
    const why = {unreadable: 'the translations could not be read', 'document-not-in-file': 'the translation file does not hold this document', 'no-unit-matches': 'no unit of the translation file is in this document'}
    io.stderr(`${documentName}: not written: ${why[outcome.reason]}\n`)
    return exitCode.failure
  }
  const result = outcome.merged
  const refusedAll = result.messages.some((message) => message.fatal && message.ruleId === 'stale-source')
  if (refusedAll) {
    io.stderr(`${documentName}: not written: stale translations (the source changed since extraction); re-extract, or merge anyway with --allow-stale\n`)
    return exitCode.failure
  }

  const inPlace = path.resolve(job.out) === path.resolve(job.document)
  if (!(inPlace && !result.changed)) {
    try {
      await writeOutput(job.out, result.text, job.guard)
    } catch (error) {
      io.stderr(`${shown(job.out, io)}: error: cannot write: ${describe(error)}\n`)
      return exitCode.usage
    }
  }
  io.stderr(`${documentName}: ${summary(result.statistics)}${inPlace ? '' : ` → ${shown(job.out, io)}`}\n`)
  return result.messages.some((message) => message.fatal) ? exitCode.failure : exitCode.ok
}

/** A document without a translation file, copied byte for byte (whatever its encoding) into the --out folder. */
async function copyUnchanged(job: Job, documentName: string, io: Io): Promise<number> {
  try {
    await writeOutput(job.out, readRegularFile(job.document), job.guard)
  } catch (error) {
    io.stderr(`${documentName}: error: cannot copy to ${shown(job.out, io)}: ${describe(error)}\n`)
    return exitCode.usage
  }
  io.stderr(`${documentName}: no translation file: copied unchanged → ${shown(job.out, io)}\n`)
  return exitCode.ok
}

function describe(error: unknown): string {
  return error instanceof DecodeError ? `${error.message} (line ${error.line}, column ${error.column})` : describeError(error)
}
