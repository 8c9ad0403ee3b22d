/**
 * `sxs extract [inputs…] [--out DIR] [--format xliff12,xliff20,json] [--source-lang TAG] [--copy-source]`:
 * bilingual documents → `DIR/xliff-1.2/<path>.xlf`, `DIR/xliff-2.0/<path>.xlf`, `DIR/json/<path>.json`.
 * A file that cannot be read or parsed is reported on one line and skipped; the others go on; its
 * previous outputs are left as they were.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {VFileMessage} from 'vfile-message'
import {parse} from '../../document/parse.js'
import {createMessage} from '../../document/messages.js'
import type {BilingualDocument} from '../../document/types.js'
import {writeJson, writeXliff12, writeXliff20, XmlCharError, type WriteOptions} from '../../formats/index.js'
import {exitCode, type Io} from '../io.js'
import {DecodeError, expandInputs, outputPath, readUtf8, UsageError, writeFileAtomic} from '../files.js'
import {describeError, formatMessage, usageFailure} from '../report.js'

export const formats = {
  xliff12: {folder: 'xliff-1.2', extension: '.xlf', write: writeXliff12},
  xliff20: {folder: 'xliff-2.0', extension: '.xlf', write: writeXliff20},
  json: {folder: 'json', extension: '.json', write: writeJson}
} satisfies Record<string, {folder: string; extension: string; write: (document: BilingualDocument, options: WriteOptions) => string}>

export type FormatName = keyof typeof formats

const help = `Usage: sxs extract [inputs…] [--out DIR] [--format xliff12,xliff20,json] [--source-lang TAG] [--copy-source] [--quiet]

Inputs are files, folders (every *.md below) or globs; default: source-docs. Outputs, named after each
document's path relative to its input folder (a lone file: its name), with .md dropped:
  DIR/xliff-1.2/<path>.xlf   DIR/xliff-2.0/<path>.xlf   DIR/json/<path>.json      (DIR defaults to out)
--source-lang TAG   source language (default en-US; the documents do not say)
--copy-source       write each source as the target too (for CAT tools such as OmegaT that translate <target>)
`

export async function run(argv: string[], io: Io): Promise<number> {
  let inputs: string[]
  let out: string
  let selected: FormatName[]
  let sourceLanguage: string
  let copySource: boolean
  let quiet: boolean
  try {
    const {values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: {type: 'string'},
        format: {type: 'string'},
        'source-lang': {type: 'string'},
        'copy-source': {type: 'boolean'},
        quiet: {type: 'boolean', short: 'q'},
        help: {type: 'boolean', short: 'h'}
      }
    })
    if (values.help) {
      io.stdout(help)
      return exitCode.ok
    }
    inputs = positionals.length > 0 ? positionals : ['source-docs']
    out = path.resolve(io.cwd, values.out ?? 'out')
    selected = parseFormats(values.format ?? 'xliff12,xliff20,json')
    sourceLanguage = values['source-lang'] ?? 'en-US'
    if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(sourceLanguage)) throw new UsageError(`extract: --source-lang '${sourceLanguage}' is not a language tag`)
    copySource = values['copy-source'] ?? false
    quiet = values.quiet ?? false
  } catch (error) {
    return usageFailure(error, io, help)
  }

  let files
  try {
    files = await expandInputs(inputs, io.cwd)
  } catch (error) {
    return usageFailure(error, io, help)
  }

  const started = performance.now()
  let failed = 0
  let segments = 0
  let written = 0
  for (const file of files) {
    const messages: VFileMessage[] = []
    let document: BilingualDocument | undefined
    try {
      const text = await readUtf8(path.resolve(io.cwd, file.path))
      document = parse(text, {path: file.relative, sourceLanguage})
      messages.push(...document.messages)
      if (!text.includes('data-ttu-id') && !text.includes('sxs-lookup')) {
        messages.push(createMessage('Not a bilingual document: no `data-ttu-id` target spans', {ruleId: 'not-bilingual', place: {line: 1, column: 1, offset: 0}}))
      }
    } catch (error) {
      const place = error instanceof DecodeError ? {line: error.line, column: error.column, offset: 0} : {line: 1, column: 1, offset: 0}
      messages.push(createMessage(describeError(error), {ruleId: error instanceof DecodeError ? 'encoding' : 'read', place}))
    }

    const fatal = messages.some((message) => message.fatal)
    if (!quiet || fatal) for (const message of messages) io.stderr(formatMessage(file.path, message))
    if (fatal || !document) {
      failed++
      continue
    }

    // Serialize every format first, so that a failure leaves all of this file's outputs as they were.
    const outputs: Array<[string, string]> = []
    try {
      for (const name of selected) {
        const format = formats[name]
        outputs.push([outputPath(path.join(out, format.folder), file.relative, format.extension), format.write(document, {copySource})])
      }
    } catch (error) {
      if (!(error instanceof XmlCharError)) throw error
      io.stderr(`${file.path}: error: ${error.message}  [xml-char]\n`)
      failed++
      continue
    }
    try {
      for (const [target, content] of outputs) await writeFileAtomic(target, content)
    } catch (error) {
      io.stderr(`${file.path}: error: cannot write output: ${describeError(error)}\n`)
      failed++
      continue
    }
    written++
    segments += document.segments.length
  }

  if (!quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    io.stderr(`extract: ${written} of ${files.length} file(s), ${segments} segment(s) → ${path.relative(io.cwd, out) || '.'} (${selected.join(', ')})${failed ? `, ${failed} failed` : ''} in ${seconds}s\n`)
  }
  return failed > 0 ? exitCode.failure : exitCode.ok
}

function parseFormats(value: string): FormatName[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean)
  const aliases: Record<string, FormatName> = {xliff12: 'xliff12', 'xliff-1.2': 'xliff12', xliff20: 'xliff20', 'xliff-2.0': 'xliff20', json: 'json'}
  const selected = names.map((name) => {
    const format = aliases[name.toLowerCase()]
    if (!format) throw new UsageError(`extract: unknown format '${name}' (choose from xliff12, xliff20, json)`)
    return format
  })
  if (selected.length === 0) throw new UsageError('extract: --format needs at least one format')
  return [...new Set(selected)]
}
