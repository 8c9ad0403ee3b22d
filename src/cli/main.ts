/** `sxs <command> …`: a thin shell over the library. The `sxs` bin is this module, bundled (dist/bin/sxs.mjs). */
import {realpathSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {processIo, exitCode, type Command, type Io} from './io.js'
import {usage} from './usage.js'
import {packageVersion} from './package.js'
import {tuneCompilerForShortRuns} from './compiler-tuning.js'

/** Each command is `commands/<name>.ts`, exporting `run`; loaded on demand so start-up stays small. */
const commands: Record<string, () => Promise<{run: Command}>> = {
  extract: () => import('./commands/extract.js'),
  check: () => import('./commands/check.js'),
  merge: () => import('./commands/merge.js'),
  render: () => import('./commands/render.js'),
  cache: () => import('./commands/cache.js'),
  tmx: () => import('./commands/tmx.js'),
  stats: () => import('./commands/stats.js'),
  pseudo: () => import('./commands/pseudo.js'),
  update: () => import('./commands/update.js')
}

/**
 * Run a command. When its output's reader went away (`sxs check … | head`), the exit code is 141
 * (128 + SIGPIPE), what a shell reports for cat or grep in the same place; another failed write is an
 * I/O problem (2). Either way nothing more is printed.
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const code = await dispatch(argv, io)
  await io.flush?.()
  const lost = io.lostOutput?.()
  return lost === 'pipe' ? exitCode.brokenPipe : lost === 'io' ? exitCode.usage : code
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout(usage)
    return name === undefined ? exitCode.usage : exitCode.ok
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${packageVersion()}\n`)
    return exitCode.ok
  }
  // `sxs help <command>` is `sxs <command> --help`.
  const command = name === 'help' ? rest[0]! : name
  const load = Object.hasOwn(commands, command) ? commands[command] : undefined
  if (!load) {
    io.stderr(`sxs: unknown command '${command}' (one of ${Object.keys(commands).join(', ')})\nRun 'sxs --help' for usage.\n`)
    return exitCode.usage
  }
  return (await load()).run(name === 'help' ? ['--help'] : rest, io)
}

/** Whether this module is the program node runs (the `sxs` bin is a symbolic link to the file: compare real paths). */
function isProgram(): boolean {
  const program = process.argv[1]
  if (program === undefined) return false
  try {
    return realpathSync(program) === fileURLToPath(import.meta.url)
  } catch {
    return false
  }
}

if (isProgram()) {
  tuneCompilerForShortRuns()
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      // A bug in sxs itself, not in the user's input: say so plainly, without hiding it.
      processIo.stderr(`sxs: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exitCode = exitCode.usage
    }
  )
}
