/**
 * `sxs update OLD.md NEW-EN.md --out NEW.md [--xliff todo.xlf] [--tmx todo.tmx] [--report update.json] [--threshold 75]
 * [--source-commit SHA] [--handoff-date DATE] [--max-needs-translation N]`
 *
 * Brings a bilingual document to a new English revision (src/update/): unchanged sentences keep their
 * targets, changed ones go to the translator. Every output is written atomically and only when the update
 * succeeded (a document that cannot be read or parsed writes nothing). Exit code: 0 updated, 1 the input
 * could not be read or more units need translation than `--max-needs-translation` allows (the outputs are
 * still written), 2 usage or I/O error. Not built yet: the batch form over a docset, XLIFF 2.0 candidates,
 * taking an old XLIFF as extra memory.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {exitCode, type Io} from '../io.js'
import {DecodeError, readUtf8, UsageError, writeFileAtomic} from '../files.js'
import {describeError, formatMessage, decodeFailure, parseOrReport, usageFailure} from '../report.js'
import {update, type UpdateResult} from '../../update/update.js'
import {todoXliff} from '../../update/xliff.js'
import {countsLine, updateReport} from '../../update/report.js'
import {candidateTmx} from '../../update/tmx.js'

const help = `Usage: sxs update OLD.md NEW-EN.md --out NEW.md [--xliff todo.xlf] [--tmx todo.tmx] [--report update.json]
                  [--threshold 75] [--source-commit SHA] [--handoff-date DATE] [--max-needs-translation N]

Brings the bilingual OLD.md to the English revision NEW-EN.md: unchanged blocks are copied as they are,
changed ones are cut into sentences and each is matched with the old pairs (exact, moved, merged,
text-only with its markup repaired, sub-segment, fuzzy, new); ids are renumbered in order.
  --out FILE                 the new bilingual document (required)
  --xliff FILE               XLIFF 1.2 with only the units that need work, old pairs as alt-trans
  --tmx FILE                 the same old pairs as a TMX 1.4b memory in OmegaT's tag view (OmegaT's fuzzy matches)
  --report FILE              JSON: counts per match class, old→new id map, changed and deleted pairs
  --threshold N              lowest fuzzy score (0-100) offered as a candidate (default 75)
  --source-commit SHA        ms.sourcegitcommit to write (kept as it was when not given)
  --handoff-date DATE        ms.lasthandoff to write (kept as it was when not given)
  --max-needs-translation N  exit 1 when more than N units need a translator
`

interface Options {
  old: string
  english: string
  out: string
  xliff: string | undefined
  tmx: string | undefined
  report: string | undefined
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
  let options: Options
  try {
    const {values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: {type: 'string'},
        xliff: {type: 'string'},
        tmx: {type: 'string'},
        report: {type: 'string'},
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
    if (positionals.length !== 2) throw new UsageError(`give the old bilingual document and the new English (${positionals.length} file(s) given)`)
    if (values.out === undefined) throw new UsageError('--out NEW.md is required')
    const resolve = (file: string): string => path.resolve(io.cwd, file)
    options = {
      old: resolve(positionals[0]!),
      english: resolve(positionals[1]!),
      out: resolve(values.out),
      xliff: values.xliff === undefined ? undefined : resolve(values.xliff),
      tmx: values.tmx === undefined ? undefined : resolve(values.tmx),
      report: values.report === undefined ? undefined : resolve(values.report),
      threshold: readInteger('threshold', values.threshold, 0, 100) ?? 75,
      sourceCommit: values['source-commit'],
      handoffDate: values['handoff-date'],
      maxNeeds: readInteger('max-needs-translation', values['max-needs-translation'], 0, Number.MAX_SAFE_INTEGER)
    }
    const outputs = [options.out, options.xliff, options.tmx, options.report].filter((file) => file !== undefined)
    for (const file of outputs) {
      if (file === options.old || file === options.english) throw new UsageError(`${path.relative(io.cwd, file)} is an input: write the outputs elsewhere`)
    }
    if (new Set(outputs).size !== outputs.length) throw new UsageError('--out, --xliff, --tmx and --report must be different files')
  } catch (error) {
    return usageFailure('update', error, io)
  }

  const name = (file: string): string => path.relative(io.cwd, file) || file
  const texts: string[] = []
  for (const file of [options.old, options.english]) {
    try {
      texts.push(await readUtf8(file))
    } catch (error) {
      if (error instanceof DecodeError) {
        io.stderr(formatMessage(name(file), decodeFailure(error)))
        return exitCode.failure
      }
      io.stderr(`${name(file)}: error: cannot read: ${describeError(error)}\n`)
      return exitCode.usage
    }
  }
  const old = parseOrReport(texts[0]!, name(options.old), io)
  if (!old) return exitCode.failure
  const fatal = old.messages.filter((message) => message.fatal)
  if (fatal.length > 0) {
    for (const message of fatal) io.stderr(formatMessage(name(options.old), message))
    io.stderr(`update: ${name(options.old)} has ${fatal.length} broken pair(s): fix them first (sxs check); nothing written\n`)
    return exitCode.failure
  }
  let result: UpdateResult
  try {
    result = update(old, texts[1]!, {threshold: options.threshold, sourceCommit: options.sourceCommit, handoffDate: options.handoffDate, path: name(options.out)})
  } catch (error) {
    io.stderr(`${name(options.english)}: error: cannot update: ${describeError(error)}\n`)
    return exitCode.failure
  }

  const needs = result.units.filter((unit) => unit.needsWork).length
  try {
    await writeFileAtomic(options.out, result.text)
    if (options.xliff) await writeFileAtomic(options.xliff, todoXliff(result.document, result.units))
    if (options.tmx) await writeFileAtomic(options.tmx, candidateTmx(old, result.units).text)
    if (options.report) {
      const report = updateReport(result, {old: name(options.old), english: name(options.english), out: name(options.out)})
      await writeFileAtomic(options.report, JSON.stringify(report, null, 2) + '\n')
    }
  } catch (error) {
    io.stderr(`update: cannot write: ${describeError(error)}\n`)
    return exitCode.usage
  }
  io.stderr(`update: ${name(options.out)}: ${result.units.length} unit(s): ${countsLine(result)}; ${needs} need translation\n`)
  if (options.maxNeeds !== undefined && needs > options.maxNeeds) {
    io.stderr(`update: ${needs} unit(s) need translation, more than --max-needs-translation ${options.maxNeeds}\n`)
    return exitCode.failure
  }
  return exitCode.ok
}
