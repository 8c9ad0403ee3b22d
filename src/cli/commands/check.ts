/**
 * `sxs check [inputs…] [--format stylish|json|github|sarif] [--max-warnings N] [--config FILE] [--target-lang TAG]`
 *
 * A thin shell over `check()`: expand inputs, read each file, parse, check, format. A file that cannot
 * be read becomes a fatal message on that file and the run goes on. Exit 0 clean, 1 errors (or more
 * warnings than `--max-warnings`), 2 when the command could not run (bad option, config, unreadable input).
 */
import {promises as fs} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {parse} from '../../document/parse.js'
import {createMessage} from '../../document/messages.js'
import {check, tally, type CheckMessage} from '../../check/index.js'
import {ConfigError, loadConfig} from '../../check/config.js'
import {DecodeError, expandInputs, readUtf8, UsageError} from '../files.js'
import {exitCode, type Io} from '../io.js'
import {reporters, type FileResult} from '../reporters/index.js'

export const checkUsage = `Usage: sxs check [inputs…] [options]

Validate ids, pairs, tables and content of bilingual documents (default input: source-docs).

Options:
  --format stylish|json|github|sarif   output format (default: stylish)
  --max-warnings N                     exit 1 when there are more than N warnings (default: no limit)
  --config FILE                        configuration file (default: .sxsrc.json or the "sxs" key of package.json)
  --target-lang TAG                    expected ms.contentlocale of every document
  -h, --help                           this help

Exit codes: 0 clean, 1 errors (or too many warnings), 2 usage or I/O problem.
Rules: docs/rules.md
`

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return undefined
    throw error
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  let values: {format?: string; 'max-warnings'?: string; config?: string; 'target-lang'?: string; help?: boolean}
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
        help: {type: 'boolean', short: 'h'}
      }
    }))
  } catch (error) {
    io.stderr(`sxs check: ${(error as Error).message}\n\n${checkUsage}`)
    return exitCode.usage
  }
  if (values.help) {
    io.stdout(checkUsage)
    return exitCode.ok
  }
  const format = values.format ?? 'stylish'
  const reporter = reporters[format]
  if (!reporter) {
    io.stderr(`sxs check: unknown format '${format}' (use stylish, json, github or sarif)\n`)
    return exitCode.usage
  }
  let maxWarnings = Number.POSITIVE_INFINITY
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings']
    if (!/^-?\d+$/.test(raw)) {
      io.stderr(`sxs check: --max-warnings needs a whole number, got '${raw}'\n`)
      return exitCode.usage
    }
    maxWarnings = Number(raw) < 0 ? Number.POSITIVE_INFINITY : Number(raw)
  }

  let config
  try {
    config = (await loadConfig(io.cwd, readIfExists, values.config)).config
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SyntaxError) {
      io.stderr(`sxs check: ${error.message}\n`)
      return exitCode.usage
    }
    throw error
  }

  let files
  try {
    files = await expandInputs(positionals.length > 0 ? positionals : ['source-docs'], io.cwd)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sxs check: ${error.message}\n`)
      return exitCode.usage
    }
    throw error
  }
  if (files.length === 0) {
    io.stderr('sxs check: no markdown files in the inputs\n')
    return exitCode.usage
  }

  const options = {targetLanguage: values['target-lang'] ?? config.targetLanguage, ...(config.rules ? {rules: config.rules} : {})}
  const results: FileResult[] = []
  let unreadable = 0
  for (const file of files) {
    const absolute = path.resolve(io.cwd, file.path)
    let text: string
    try {
      text = await readUtf8(absolute)
    } catch (error) {
      unreadable++
      const place = error instanceof DecodeError ? {line: error.line, column: error.column} : {line: 1, column: 1}
      const message = createMessage(`Cannot read file: ${(error as Error).message}`, {ruleId: 'read-error', place: {...place, offset: 0}}) as CheckMessage
      message.file = file.path
      results.push({path: file.path, messages: [message]})
      continue
    }
    let messages: CheckMessage[]
    try {
      messages = check(parse(text, {path: file.path}), options)
    } catch (error) {
      const message = createMessage(`Cannot parse file: ${(error as Error).message}`, {ruleId: 'parse-error', place: {line: 1, column: 1, offset: 0}}) as CheckMessage
      message.file = file.path
      messages = [message]
    }
    results.push({path: file.path, messages})
  }

  io.stdout(reporter(results, {cwd: io.cwd, color: format === 'stylish' && io.isTTY && !process.env['NO_COLOR']}))
  const {errors, warnings} = tally(results.flatMap((result) => result.messages))
  if (unreadable > 0) return exitCode.usage
  if (errors > 0) return exitCode.failure
  if (warnings > maxWarnings) {
    io.stderr(`sxs check: ${warnings} warning(s), more than --max-warnings ${maxWarnings}\n`)
    return exitCode.failure
  }
  return exitCode.ok
}
