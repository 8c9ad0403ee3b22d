/**
 * `sxs tmx [inputs…] --out memory.tmx [--source-lang TAG] [--target-lang TAG] [--include-all]`: one TMX 1.4b
 * translation memory of a docset's aligned pairs. Pairs `check` reports errors on, and empty or
 * untranslated ones, are left out unless `--include-all`. The memory is written atomically, and only
 * when every document could be read (else nothing is written, exit 1).
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {tmxMemory, writeTmx, type TmxDocument} from '../../formats/tmx.js'
import {brokenPairs, checkedDocuments} from '../checked.js'
import {expandInputs, requireInputs, type InputFile, printable, UsageError, writeOutput} from '../files.js'
import {exitCode, type Io} from '../io.js'
import {languageArgs, readLanguageOptions} from '../languages.js'
import {describeError, usageFailure} from '../report.js'

const help = `Usage: sxs tmx [inputs…] --out FILE.tmx [--source-lang TAG] [--target-lang TAG] [--include-all] [--tags tmx|omegat]

Writes one TMX 1.4b translation memory of the documents' pairs (default input: source-docs): inline
markup as <bpt>/<ept>/<ph> with the codes of the XLIFF, identical pairs merged (usagecount), and
<prop>s x-sxs-document, x-sxs-id and x-sxs-translationtype for each place a pair comes from.
--source-lang TAG   source language (default en-US); targets: each document's ms.contentlocale
--target-lang TAG   target language of documents without ms.contentlocale
--include-all       also pairs check reports errors on, and empty or untranslated pairs
--tags omegat       inline codes as OmegaT's tag shortcuts in the text (<f0>…</f0>, <a1/>), not as
                    <bpt>/<ept>/<ph>: OmegaT 3.6 then matches units with codes inside their text too
`

export async function run(argv: string[], io: Io): Promise<number> {
  let files: InputFile[]
  let out: string
  let sourceLanguage: string
  let targetLanguage: string | undefined
  let includeAll: boolean
  let tags: 'tmx' | 'omegat'
  try {
    const {values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: {type: 'string'},
        ...languageArgs,
        'include-all': {type: 'boolean'},
        tags: {type: 'string'},
        help: {type: 'boolean', short: 'h'}
      }
    })
    if (values.help) {
      io.stdout(help)
      return exitCode.ok
    }
    if (values.out === undefined) throw new UsageError('--out FILE.tmx is required')
    const inputs = positionals.length > 0 ? positionals : ['source-docs']
    out = path.resolve(io.cwd, values.out)
    ;({sourceLanguage, targetLanguage} = readLanguageOptions(values))
    includeAll = values['include-all'] ?? false
    const tagsValue = values.tags ?? 'tmx'
    if (tagsValue !== 'tmx' && tagsValue !== 'omegat') throw new UsageError(`--tags must be tmx or omegat, not '${tagsValue}'`)
    tags = tagsValue
    files = await expandInputs(inputs, io.cwd)
    requireInputs(files)
  } catch (error) {
    return usageFailure('tmx', error, io)
  }

  const tally = {failed: 0}
  const documents: TmxDocument[] = []
  for await (const {document, messages} of checkedDocuments(files, io, {sourceLanguage, targetLanguage}, tally)) {
    documents.push({document, broken: brokenPairs(messages)})
  }
  if (tally.failed > 0) {
    io.stderr(`tmx: ${tally.failed} file(s) could not be read: nothing written\n`)
    return exitCode.failure
  }
  const memory = tmxMemory(documents, {sourceLanguage, includeAll, tags})
  try {
    await writeOutput(out, writeTmx(memory), {inputs: files})
  } catch (error) {
    io.stderr(`${printable(path.relative(io.cwd, out))}: error: cannot write: ${describeError(error)}\n`)
    return exitCode.usage
  }
  const {broken, empty, untranslated, omegat} = memory.excluded
  let left = includeAll ? '' : `; left out: ${broken} with errors, ${empty} empty, ${untranslated} untranslated`
  if (tags === 'omegat') left += `${left === '' ? '; left out:' : ','} ${omegat} OmegaT could not give back`
  io.stderr(`tmx: ${memory.pairs} pair(s) as ${memory.units.length} unit(s) from ${documents.length} document(s) → ${path.relative(io.cwd, out) || out}${left}\n`)
  return exitCode.ok
}
