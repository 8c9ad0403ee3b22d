/**
 * `sxs render DOC.md… [--out DIR] [--side target|source|both] [--html]`: regenerate the localized document
 * (`DIR/localized/<path>.md`, each pair replaced by its target) and the source-language document
 * (`DIR/source/<path>.md`, each pair replaced by its source) from bilingual documents; with `--html`, a
 * review page of the segments side by side (`DIR/review/<path>.html`).
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {createMessage} from '../../document/messages.js'
import {renderSide, type Side} from '../../render/documents.js'
import {renderReview, renderReviewIndex, type ReviewIndexEntry} from '../../render/html.js'
import {check, tally} from '../../check/index.js'
import {ConfigError, configResolver, loadConfig, type ConfigResolver} from '../../check/config.js'
import {exitCode, type Io} from '../io.js'
import {DecodeError, expandInputs, outputGuard, outputPath, printable, readIfExists, readUtf8, refuseSharedOutputs, requireInputs, UsageError, writeOutput} from '../files.js'
import {decodeFailure, describeError, usageError, usageFailure} from '../report.js'
import {parseOrReport} from '../parse-or-report.js'
import {formatMessage} from '../reporters/compact.js'
import {readShardOption, selectShard, type Shard} from '../engine/index.js'

const folders: Record<Side, string> = {target: 'localized', source: 'source'}
/** Pair markup that a clean rendered document must not hold. */
const pairMarkup = /<span\b[^>]*(?:data-ttu-id|data-stu-id|sxs-lookup)/gi

const help = `Usage: sxs render DOC.md… [--out DIR] [--side target|source|both] [--html [--config FILE]] [--shard i/n]

Writes DIR/localized/<path>.md (each pair replaced by its target) and, with --side source or both,
DIR/source/<path>.md (each pair replaced by its source); DIR defaults to out. --html also writes
DIR/review/<path>.html, a review page per document (source and target rendered side by side, check's
findings at their segments, a filter for the segments with findings) and DIR/review/index.html, the
documents with their counts; check's configuration is read as check reads it (--config FILE, or
.sxsrc.json). --shard i/n renders only shard i of n (the split extract and check use).
`

export async function run(argv: string[], io: Io): Promise<number> {
  let inputs: string[]
  let out: string
  let sides: Side[]
  let html: boolean
  let shard: Shard | undefined
  let configFile: string | undefined
  try {
    const {values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {out: {type: 'string'}, side: {type: 'string'}, html: {type: 'boolean'}, config: {type: 'string'}, shard: {type: 'string'}, help: {type: 'boolean', short: 'h'}}
    })
    if (values.help) {
      io.stdout(help)
      return exitCode.ok
    }
    if (positionals.length === 0) throw new UsageError('give one or more documents (files, folders or globs)')
    const side = values.side ?? 'target'
    if (side !== 'target' && side !== 'source' && side !== 'both') throw new UsageError(`--side must be target, source or both, not '${side}'`)
    sides = side === 'both' ? ['target', 'source'] : [side]
    inputs = positionals
    html = values.html ?? false
    configFile = values.config
    shard = readShardOption(values.shard)
    out = path.resolve(io.cwd, values.out ?? 'out')
  } catch (error) {
    return usageFailure('render', error, io)
  }

  let files
  try {
    files = selectShard(await expandInputs(inputs, io.cwd), shard)
    requireInputs(files)
    refuseSharedOutputs(files)
  } catch (error) {
    return usageFailure('render', error, io)
  }
  let config: ConfigResolver | undefined
  if (html) {
    try {
      config = configResolver(await loadConfig(io.cwd, readIfExists, configFile), io.cwd)
    } catch (error) {
      return usageError('render', error instanceof ConfigError ? error.message : `cannot read the configuration: ${(error as Error).message}`, io)
    }
  }
  const reviewFolder = path.join(out, 'review')
  const reviewed: ReviewIndexEntry[] = []
  let status: number = exitCode.ok
  let written = 0
  let failed = 0
  // One for the run: each output folder's real path is found once (files.ts).
  const guard = outputGuard({within: out, inputs: files})
  for (const file of files) {
    const before = status
    let text: string
    try {
      text = await readUtf8(file.absolute)
    } catch (error) {
      // Not UTF-8 is the document's problem (exit 1, at the first bad byte); unreadable is I/O (exit 2).
      if (error instanceof DecodeError) {
        io.stderr(formatMessage(file.path, decodeFailure(error)))
        status = Math.max(status, exitCode.failure)
      } else {
        io.stderr(`${printable(file.path)}: error: cannot read: ${describeError(error)}\n`)
        status = exitCode.usage
      }
      continue
    }
    const document = parseOrReport(text, file.path, io)
    if (!document) {
      status = Math.max(status, exitCode.failure)
      continue
    }
    for (const message of document.messages) io.stderr(formatMessage(file.path, message))
    if (status === exitCode.ok && document.messages.some((message) => message.fatal)) status = exitCode.failure
    if (html) {
      const destination = outputPath(reviewFolder, file.relative, '.html')
      const findings = check(document, config?.optionsFor(file.absolute) ?? {}, text)
      try {
        await writeOutput(destination, renderReview(document, {title: file.relative, findings}), guard)
        reviewed.push({href: path.relative(reviewFolder, destination).split(path.sep).map(encodeURIComponent).join('/'), title: file.relative, language: document.languages.target, segments: document.segments.length, ...tally(findings)})
        written++
      } catch (error) {
        io.stderr(`${printable(destination)}: error: cannot write: ${describeError(error)}\n`)
        status = exitCode.usage
      }
    }
    for (const side of sides) {
      const rendered = renderSide(document, side)
      const destination = outputPath(path.join(out, folders[side]), file.relative, '.md')
      try {
        await writeOutput(destination, rendered, guard)
        written++
      } catch (error) {
        io.stderr(`${printable(destination)}: error: cannot write: ${describeError(error)}\n`)
        status = exitCode.usage
        continue
      }
      pairMarkup.lastIndex = 0
      const left = pairMarkup.exec(rendered)
      if (left) {
        // A pair the parser could not read (an unclosed span, a target without its source) stays as written.
        const before = rendered.slice(0, left.index).split('\n')
        const place = {line: before.length, column: before[before.length - 1]!.length + 1, offset: left.index}
        const message = createMessage('pair markup is left: a broken pair was kept as written', {ruleId: 'pair-markup-left', place, fatal: false})
        io.stderr(formatMessage(path.relative(io.cwd, destination), message))
      }
    }
    if (status !== before) failed++
  }
  if (html && reviewed.length > 0) {
    const destination = path.join(reviewFolder, 'index.html')
    try {
      await writeOutput(destination, renderReviewIndex(reviewed, {title: 'Review'}), guard)
    } catch (error) {
      io.stderr(`${printable(destination)}: error: cannot write: ${describeError(error)}\n`)
      status = exitCode.usage
    }
  }
  const where = path.relative(io.cwd, out) || '.'
  io.stderr(`render: ${files.length} file(s), ${written} document(s) written to ${where.startsWith('..') ? out : where}${failed > 0 ? `, ${failed} file(s) with errors` : ''}\n`)
  return status
}
