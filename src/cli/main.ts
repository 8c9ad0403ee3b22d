/** `sxs <command> …`: a thin shell over the library. */
import {processIo, exitCode, type Command, type Io} from './io.js'
import {usage} from './usage.js'

/** Each command is `commands/<name>.ts`, exporting `run`; loaded on demand so start-up stays small. */
const commands: Record<string, () => Promise<{run: Command}>> = {
  extract: () => import('./commands/extract.js'),
  check: () => import('./commands/check.js'),
  merge: () => import('./commands/merge.js'),
  render: () => import('./commands/render.js'),
  cache: () => import('./commands/cache.js'),
  tmx: () => import('./commands/tmx.js'),
  stats: () => import('./commands/stats.js')
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage)
    return name === undefined ? exitCode.usage : exitCode.ok
  }
  if (name === '--version' || name === '-v') {
    io.stdout('0.1.0\n')
    return exitCode.ok
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!load) {
    io.stderr(`sxs: unknown command '${name}'\n\n${usage}`)
    return exitCode.usage
  }
  return (await load()).run(rest, io)
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      // A bug in sxs itself, not in the user's input: say so plainly, without hiding it.
      process.stderr.write(`sxs: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exitCode = exitCode.usage
    }
  )
}
