/**
 * `sxs extract [inputs…] [--out DIR] [--format xliff12,json] [--source-lang TAG] [--copy-source]`:
 * bilingual documents → `DIR/xliff-1.2/<path>.xlf`, `DIR/json/<path>.json` (and `DIR/xliff-2.0/<path>.xlf`,
 * `DIR/po/<path>.po` on request: the translators' tools here, translate-toolkit and OmegaT, read XLIFF 1.2 only).
 * A file that cannot be read or parsed is reported on one line and skipped; the others go on; its
 * previous outputs are left as they were.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {createMessage} from '../../document/messages.js'
import {exitCode, type Io} from '../io.js'
import {languageArgs, readLanguageOptions} from '../languages.js'
import {expandInputs, outputGuard, outputPath, printable, refuseSharedOutputs, requireInputs, UsageError, writeOutput} from '../files.js'
import {describeError, usageFailure} from '../report.js'
import {formatMessage} from '../reporters/compact.js'
import {engineArgs, engineHelp, processFiles, readEngineOptions, type EngineOptions} from '../engine/index.js'
import {formats, type ExtractOptions, type FormatName} from '../tasks/extract-result.js'
import {fromPlain} from '../tasks/messages.js'
import {Cache} from '../engine/cache.js'
import {OutputLedger} from '../engine/ledger.js'

export {formats, type FormatName} from '../tasks/extract-result.js'

const help = `Usage: sxs extract [inputs…] [--out DIR] [--format xliff12,json] [--source-lang TAG] [--target-lang TAG] [--copy-source]
                   [--shard i/n] [--jobs N] [--cache-dir DIR] [--no-cache] [--no-progress] [--quiet]

Inputs are files, folders (every *.md below) or globs; default: source-docs. Outputs, named after each
document's path relative to its input folder (a lone file: its name), with .md dropped:
  DIR/xliff-1.2/<path>.xlf   DIR/json/<path>.json      (DIR defaults to out)
  DIR/xliff-2.0/<path>.xlf   DIR/po/<path>.po          (on request)
--format LIST       formats, comma-separated: xliff12, xliff20, json, po (default xliff12,json)
--source-lang TAG   source language (default en-US; the documents do not say)
--target-lang TAG   target language of documents without ms.contentlocale (else warned, und); warned where it differs
--copy-source       write each source as the target too (for CAT tools such as OmegaT that translate <target>)
${engineHelp()}`

export async function run(argv: string[], io: Io): Promise<number> {
  let inputs: string[]
  let out: string
  let selected: FormatName[]
  let sourceLanguage: string
  let targetLanguage: string | undefined
  let copySource: boolean
  let engine: EngineOptions
  let quiet: boolean
  try {
    const {values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: {type: 'string'},
        format: {type: 'string'},
        ...languageArgs,
        'copy-source': {type: 'boolean'},
        ...engineArgs,
        help: {type: 'boolean', short: 'h'}
      }
    })
    if (values.help) {
      io.stdout(help)
      return exitCode.ok
    }
    inputs = positionals.length > 0 ? positionals : ['source-docs']
    out = path.resolve(io.cwd, values.out ?? 'out')
    selected = parseFormats(values.format ?? defaultFormats)
    ;({sourceLanguage, targetLanguage} = readLanguageOptions(values))
    copySource = values['copy-source'] ?? false
    engine = readEngineOptions(values, io)
    quiet = values.quiet ?? false
  } catch (error) {
    return usageFailure('extract', error, io)
  }

  let files
  try {
    files = await expandInputs(inputs, io.cwd)
    requireInputs(files)
    refuseSharedOutputs(files)
  } catch (error) {
    return usageFailure('extract', error, io)
  }

  let failed = 0
  let written = 0
  let skipped = 0
  let withErrors = 0
  // Files that could not be read, outputs that could not be written: I/O problems, exit 2.
  let unwritable = 0
  // What earlier runs wrote into `out`: outputs whose files are untouched and whose text is the same are not rewritten.
  const cache = engine.cacheDir === false ? undefined : new Cache(engine.cacheDir)
  const ledger = await OutputLedger.open(cache, out)
  // One for the run: each output folder's real path is found once (files.ts).
  const guard = outputGuard({within: out, inputs: files})
  const run = await processFiles({
    label: 'extract',
    task: 'extract',
    files,
    io,
    engine,
    options: (file): ExtractOptions => ({relative: file.relative, sourceLanguage, ...(targetLanguage === undefined ? {} : {targetLanguage}), formats: selected, copySource, ...(cache ? {} : {hash: false})}),
    summaryExtra: ` → ${path.relative(io.cwd, out) || '.'} (${selected.join(', ')})`,
    // Each output written is linked into the cache as its blob (no second copy of 10× the input).
    deferBlobs: true,
    cache,
    // A file's writes run while the next files are parsed (their messages still print in input order).
    consumeAtOnce: 4,
    async consume(file, outcome, {log, cache}) {
      if (!outcome.ok) {
        const message = createMessage(describeError(outcome.error), {ruleId: 'read-error', place: {line: 1, column: 1, offset: 0}})
        log(formatMessage(file.path, message))
        failed++
        unwritable++
        return {segments: 0, errors: 1, warnings: 0}
      }
      const {result} = outcome
      const messages = result.messages.map(fromPlain)
      const errors = messages.filter((message) => message.fatal === true).length
      const counts = {segments: 0, errors, warnings: messages.length - errors}
      // `--quiet`: errors only, as ESLint's.
      const shown = quiet ? messages.filter((message) => message.fatal === true) : messages
      log(shown.map((message) => formatMessage(file.path, message)).join(''))
      if (result.error !== null) {
        log(`${printable(file.path)}: error: ${result.error}  [xml-char]\n`)
        failed++
        return {...counts, errors: counts.errors + 1}
      }
      if (result.skipped && errors === 0) {
        skipped++
        return counts
      }
      if (result.outputs === null) {
        failed++
        return counts
      }
      // Written despite its errors (front matter that is not YAML): the run still exits 1.
      if (errors > 0) withErrors++
      const targets = selected.map((name) => outputPath(path.join(out, formats[name].folder), file.relative, formats[name].extension))
      // The formats' files are written side by side (their system calls overlap in the thread pool).
      const writeOne = async (target: string, index: number): Promise<void> => {
        const output = result.outputs![index]!
        if (await ledger.upToDate(target, output.sha256)) {
          if (output.bytes !== null && cache) {
            // Linking changes the file's ctime: note the file as it is after the link.
            await cache.adopt(output.sha256, target, output.bytes)
            await ledger.wrote(target, output.sha256)
          }
          return
        }
        let bytes = output.bytes ?? (await cache?.blob(output.sha256))
        const fresh = bytes === undefined || output.bytes !== null
        if (bytes === undefined) {
          // A cached result whose output is gone from the cache: parse the file again (once for all formats).
          bytes = (await outcome.recompute()).outputs?.[index]?.bytes ?? undefined
          if (bytes === undefined) throw new Error('the cache lost an output and parsing again did not give it back')
        }
        await writeOutput(target, bytes, guard)
        if (fresh) await cache?.adopt(output.sha256, target, bytes)
        await ledger.wrote(target, output.sha256)
      }
      try {
        const settled = await Promise.allSettled(targets.map(writeOne))
        const failure = settled.find((outcome) => outcome.status === 'rejected')
        if (failure) throw failure.reason
      } catch (error) {
        for (const target of targets) ledger.forget(target)
        log(`${printable(file.path)}: error: cannot write output: ${describeError(error)}\n`)
        failed++
        unwritable++
        return {...counts, errors: counts.errors + 1}
      }
      written++
      return {...counts, segments: result.segments}
    }
  })
  await ledger.save()
  if (!engine.noProgress && (failed > 0 || skipped > 0)) {
    const notBilingual = skipped > 0 ? `, ${skipped} not bilingual (skipped)` : ''
    io.stderr(`extract: ${written} of ${run.files} file(s) written${notBilingual}${failed > 0 ? `, ${failed} failed` : ''}\n`)
  }
  if (unwritable > 0) return exitCode.usage
  return failed > 0 || withErrors > 0 ? exitCode.failure : exitCode.ok
}

/** XLIFF 1.2 and JSON: what the translators' tools here read (translate-toolkit 3.8 and OmegaT 3.6 read no XLIFF 2.0). */
const defaultFormats = 'xliff12,json'

function parseFormats(value: string): FormatName[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean)
  const aliases: Record<string, FormatName> = {xliff12: 'xliff12', 'xliff-1.2': 'xliff12', xliff20: 'xliff20', 'xliff-2.0': 'xliff20', json: 'json', po: 'po'}
  const selected = names.map((name) => {
    const format = aliases[name.toLowerCase()]
    if (!format) throw new UsageError(`unknown format '${name}' (choose from xliff12, xliff20, json, po)`)
    return format
  })
  if (selected.length === 0) throw new UsageError('--format needs at least one format')
  return [...new Set(selected)]
}
