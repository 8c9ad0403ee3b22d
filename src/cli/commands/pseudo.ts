/**
 * `sxs pseudo [inputs…] --out DIR [--format md,xliff12,xliff20,json,po] [--expansion PERCENT]`: the
 * documents with pseudo-translated targets (see src/pseudo), to test rendering and layout before real
 * translations arrive. `md` writes the bilingual documents (`DIR/<path>.md`); a translation format writes
 * what `merge` reads back into the original documents (`DIR/<format folder>/<path>.<ext>`, as extract names
 * them): the merged document is then exactly `DIR/<path>.md`. Nothing is written over an input.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {parse} from '../../document/parse.js'
import {writeFormats, XmlCharError} from '../../formats/index.js'
import {pseudoDocument} from '../../pseudo/index.js'
import {expandInputs, type InputFile, outputGuard, outputPath, readUtf8, refuseSharedOutputs, UsageError, writeOutput} from '../files.js'
import {exitCode, type Io} from '../io.js'
import {languageArgs, readLanguageOptions} from '../languages.js'
import {describeError, parseFailure, usageFailure} from '../report.js'
import {formatMessage} from '../reporters/compact.js'
import {formats, type FormatName} from '../tasks/extract.js'

const help = `Usage: sxs pseudo [inputs…] --out DIR [--format md,xliff12,xliff20,json,po] [--expansion PERCENT]
                  [--source-lang TAG] [--target-lang TAG]

Pseudo-translates the documents (default input: source-docs): each target becomes its source with the
letters accented, about a third longer, between ⟦ and ⟧, inline codes (links, bold, code, HTML) kept.
--format md         the bilingual documents with pseudo targets: DIR/<path>.md (default)
--format xliff12,…  translation files of them, named as extract names its outputs (DIR/json/<path>.json,
                    …): merging one into the original document gives DIR/<path>.md byte for byte
--expansion N       how much longer, in percent of the letters and digits (default 33)
`

type PseudoFormat = 'md' | FormatName

const names: Record<string, PseudoFormat> = {md: 'md', xliff12: 'xliff12', 'xliff-1.2': 'xliff12', xliff20: 'xliff20', 'xliff-2.0': 'xliff20', json: 'json', po: 'po'}

function parseFormats(value: string): PseudoFormat[] {
  const selected = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => {
      const format = names[name.toLowerCase()]
      if (!format) throw new UsageError(`unknown format '${name}' (choose from md, xliff12, xliff20, json, po)`)
      return format
    })
  if (selected.length === 0) throw new UsageError('--format needs at least one format')
  return [...new Set(selected)]
}

export async function run(argv: string[], io: Io): Promise<number> {
  let files: InputFile[]
  let out: string
  let selected: PseudoFormat[]
  let expansion: number | undefined
  let sourceLanguage: string
  let targetLanguage: string | undefined
  try {
    const {values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: {type: 'string'},
        format: {type: 'string'},
        expansion: {type: 'string'},
        ...languageArgs,
        help: {type: 'boolean', short: 'h'}
      }
    })
    if (values.help) {
      io.stdout(help)
      return exitCode.ok
    }
    if (values.out === undefined) throw new UsageError('--out DIR is required (pseudo never writes over the documents)')
    out = path.resolve(io.cwd, values.out)
    selected = parseFormats(values.format ?? 'md')
    if (values.expansion !== undefined) {
      const percent = Number(values.expansion)
      if (!/^\d+(\.\d+)?$/.test(values.expansion.trim()) || percent > 1000) throw new UsageError(`--expansion must be a percentage from 0 to 1000, not '${values.expansion}'`)
      expansion = percent / 100
    }
    ;({sourceLanguage, targetLanguage} = readLanguageOptions(values))
    files = await expandInputs(positionals.length > 0 ? positionals : ['source-docs'], io.cwd)
    refuseSharedOutputs(files)
  } catch (error) {
    return usageFailure('pseudo', error, io)
  }

  const targets = (file: InputFile): string[] =>
    selected.map((format) => (format === 'md' ? outputPath(out, file.relative, '.md') : outputPath(path.join(out, formats[format].folder), file.relative, formats[format].extension)))
  // An output that is an input would replace a real document with its pseudo-translation.
  const inputs = new Set(files.map((file) => file.absolute))
  for (const file of files) {
    const clash = targets(file).find((target) => inputs.has(target))
    if (clash !== undefined) return usageFailure('pseudo', new UsageError(`--out ${path.relative(io.cwd, out) || '.'} would write over the input ${path.relative(io.cwd, clash)}: choose another folder`), io)
  }

  let failed = 0
  let segments = 0
  let refused = 0
  let written = 0
  // One for the run: each output folder's real path is found once (files.ts).
  const guard = outputGuard({within: out, inputs: files})
  for (const file of files) {
    let text: string
    try {
      text = await readUtf8(file.absolute)
    } catch (error) {
      io.stderr(`${file.path}: error: cannot read: ${describeError(error)}\n`)
      failed++
      continue
    }
    const options = {path: file.relative, sourceLanguage, targetLanguage}
    let outputs: string[]
    try {
      const document = parse(text, options)
      const result = pseudoDocument(document, expansion === undefined ? {} : {expansion})
      for (const message of result.messages) io.stderr(formatMessage(file.path, message))
      refused += result.statistics.refused
      segments += result.statistics.merged + result.statistics.unchanged
      // The translation files are written from the pseudo document read again (its targets' places are new).
      const formatsWanted = selected.filter((format): format is FormatName => format !== 'md')
      const written = formatsWanted.length === 0 ? [] : writeFormats(parse(result.text, options), formatsWanted)
      outputs = selected.map((format) => (format === 'md' ? result.text : written[formatsWanted.indexOf(format)]!))
    } catch (error) {
      if (error instanceof XmlCharError) io.stderr(`${file.path}: error: ${error.message}  [xml-char]\n`)
      else io.stderr(formatMessage(file.path, parseFailure(error, text)))
      failed++
      continue
    }
    try {
      const destinations = targets(file)
      // Never over an input, a device or a link out of --out (writeOutput's guards, as extract's and render's).
      for (const [index, destination] of destinations.entries()) await writeOutput(destination, outputs[index]!, guard)
      written++
    } catch (error) {
      io.stderr(`${file.path}: error: cannot write: ${describeError(error)}\n`)
      failed++
    }
  }
  const where = path.relative(io.cwd, out) || '.'
  io.stderr(
    `pseudo: ${written} of ${files.length} document(s), ${segments} segment(s) pseudo-translated${refused > 0 ? `, ${refused} refused by merge's guards (reported above)` : ''} → ${where.startsWith('..') ? out : where} (${selected.join(', ')})\n`
  )
  return failed > 0 || refused > 0 ? exitCode.failure : exitCode.ok
}
