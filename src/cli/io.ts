/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
  /** Whether stderr is a terminal (progress bars only then). */
  isTTY: boolean
  /** Milliseconds, for progress and timings; tests pass a fake clock (default `performance.now`). */
  now?: () => number
  /** Terminal width for the progress bar (default: stderr's columns, or 80). */
  columns?: number
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY)
}

/** Exit codes, as unified-engine: 0 clean, 1 findings or failed files, 2 usage or I/O. */
export const exitCode = {ok: 0, failure: 1, usage: 2} as const

export type Command = (argv: string[], io: Io) => Promise<number>
