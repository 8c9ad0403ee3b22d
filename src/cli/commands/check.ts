/**
 * `sxs check [inputs…] [--format stylish|compact|json|github|sarif] [--max-warnings N] [--config FILE] [--target-lang TAG] [--quiet]`
 *
 * A thin shell over `check()`: expand inputs (less the configuration's `ignores`), read each file, parse,
 * check with the options the configuration gives its path, format. A file that cannot be read becomes a
 * fatal message on that file and the run goes on. Exit 0 clean, 1 errors (a document that is not UTF-8 or
 * cannot be parsed among them, or more warnings than `--max-warnings`), 2 when the command could not run
 * (bad option, config, an input that cannot be read from disk). `--quiet` reports errors only; warnings
 * still count for `--max-warnings` (as ESLint's).
 */
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {docsUrl, tally} from '../../check/meta.js'
import {ConfigError, configResolver, loadConfig, type ConfigResolver} from '../../check/config.js'
import {expandInputs, readIfExists} from '../files.js'
import {usageError, usageFailure} from '../report.js'
import {exitCode, type Io} from '../io.js'
import {reporters, type FileResult} from '../reporters/index.js'
import {engineArgs, engineHelp, processFiles, readEngineOptions, type EngineOptions} from '../engine/index.js'
import {readError, type CheckFileOptions} from '../tasks/check-result.js'
import {fromPlain} from '../tasks/messages.js'

export const checkUsage = `Usage: sxs check [inputs…] [options]

Validate ids, pairs, tables and content of bilingual documents (default input: source-docs).

Options:
  --format F                           output format: stylish, compact, json, github, sarif (default: stylish)
  --max-warnings N                     exit 1 when there are more than N warnings (default: no limit)
  --config FILE                        configuration file (default: .sxsrc.json or the "sxs" key of package.json)
  --target-lang TAG                    expected ms.contentlocale of every document (over the configuration's)
  -h, --help                           this help
${engineHelp(37, '  ')}
Configuration (.sxsrc.json): "rules", "targetLanguage", "ignores" (globs of files to skip) and "overrides"
([{"files": ["includes/**"], "rules": {…}}]), paths relative to the configuration file. In a document:
<!-- sxs-disable rule-id --> … <!-- sxs-enable rule-id -->, <!-- sxs-disable-next-line rule-id -->,
<!-- sxs-disable-line rule-id --> (inside a table row's last cell), <!-- sxs-disable-file rule-id -->.
Exit codes: 0 clean, 1 errors (or too many warnings), 2 usage or I/O problem.
Rules: ${fileURLToPath(docsUrl)}
`

export async function run(argv: string[], io: Io): Promise<number> {
  let values: {format?: string; 'max-warnings'?: string; config?: string; 'target-lang'?: string; quiet?: boolean; help?: boolean} & Parameters<typeof readEngineOptions>[0]
  let positionals: string[]
  try {
    ;({values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f'},
        'max-warnings': {type: 'string'},
        config: {type: 'string', short: 'c'},
        'target-lang': {type: 'string'},
        ...engineArgs,
        help: {type: 'boolean', short: 'h'}
      }
    }))
  } catch (error) {
    return usageFailure('check', error, io)
  }
  if (values.help) {
    io.stdout(checkUsage)
    return exitCode.ok
  }
  let engine: EngineOptions
  try {
    engine = readEngineOptions(values, io)
  } catch (error) {
    return usageFailure('check', error, io)
  }
  const format = values.format ?? 'stylish'
  const loadReporter = Object.hasOwn(reporters, format) ? reporters[format] : undefined
  if (!loadReporter) {
    return usageError('check', `unknown format '${format}' (use stylish, compact, json, github or sarif)`, io)
  }
  let maxWarnings = Number.POSITIVE_INFINITY
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings']
    if (!/^-?\d+$/.test(raw)) {
      return usageError('check', `--max-warnings needs a whole number, got '${raw}'`, io)
    }
    maxWarnings = Number(raw) < 0 ? Number.POSITIVE_INFINITY : Number(raw)
  }

  let config: ConfigResolver
  try {
    config = configResolver(await loadConfig(io.cwd, readIfExists, values.config), io.cwd)
  } catch (error) {
    // A configuration that cannot be read (no permission) is as much a usage problem as a bad one.
    return usageError('check', error instanceof ConfigError ? error.message : `cannot read the configuration: ${(error as Error).message}`, io)
  }

  let files
  try {
    files = await expandInputs(positionals.length > 0 ? positionals : ['source-docs'], io.cwd)
  } catch (error) {
    return usageFailure('check', error, io)
  }
  if (files.length === 0) {
    return usageError('check', 'no markdown files in the inputs', io)
  }
  const found = files.length
  files = files.filter((file) => !config.ignored(file.absolute))
  if (files.length === 0) return usageError('check', `all ${found} markdown file(s) in the inputs are ignored by the configuration's \`ignores\``, io)

  const quiet = values.quiet ?? false
  const results: FileResult[] = []
  let unreadable = 0
  let totalWarnings = 0
  await processFiles({
    label: 'check',
    task: 'check',
    files,
    io,
    engine,
    options: (file): CheckFileOptions => {
      const options = config.optionsFor(file.absolute)
      const targetLanguage = values['target-lang'] ?? options.targetLanguage
      return {...options, ...(targetLanguage === undefined ? {} : {targetLanguage}), path: file.path}
    },
    consume(file, outcome) {
      let messages
      if (!outcome.ok) {
        messages = [fromPlain(readError(`Cannot read file: ${(outcome.error as Error).message}`, file.path, {line: 1, column: 1}))]
      } else {
        messages = outcome.result.messages.map(fromPlain)
      }
      if (!outcome.ok) unreadable++
      const {errors, warnings} = tally(messages)
      totalWarnings += warnings
      // `--quiet`: the warnings are counted (for --max-warnings) but neither reported nor in the summary.
      results.push({path: file.path, messages: quiet ? messages.filter((message) => message.fatal === true) : messages})
      return {segments: outcome.ok ? outcome.result.segments : 0, errors, warnings: quiet ? 0 : warnings}
    }
  })

  const reporter = await loadReporter()
  io.stdout(reporter(results, {cwd: io.cwd, color: format === 'stylish' && io.isTTY && !process.env['NO_COLOR']}))
  const {errors} = tally(results.flatMap((result) => result.messages))
  const warnings = totalWarnings
  if (unreadable > 0) return exitCode.usage
  if (errors > 0) return exitCode.failure
  if (warnings > maxWarnings) {
    io.stderr(`sxs check: ${warnings} warning(s), more than --max-warnings ${maxWarnings}\n`)
    return exitCode.failure
  }
  return exitCode.ok
}
