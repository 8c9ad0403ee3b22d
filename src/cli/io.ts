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
  /**
   * Whether a write to stdout or stderr failed since the run began: `pipe` when the reader went away
   * (`sxs check … | head`), `io` for any other write error. Writes to that stream then stop, quietly.
   */
  lostOutput?: () => 'pipe' | 'io' | undefined
  /** Wait until what was written has reached the streams' readers (or failed to). */
  flush?: () => Promise<void>
}

/** Exit codes, as unified-engine: 0 clean, 1 findings or failed files, 2 usage or I/O. */
export const exitCode = {ok: 0, failure: 1, usage: 2, brokenPipe: 141} as const

let lost: 'pipe' | 'io' | undefined
const closed = new Set<NodeJS.WriteStream>()
const guarded = new Set<NodeJS.WriteStream>()

/**
 * A writer to a standard stream that a closed reader cannot crash: Node reports a write to a pipe whose
 * reader is gone as an `error` event (EPIPE), which, unhandled, ends the process with a stack trace. The
 * stream is marked closed instead and later writes are dropped; the command runs to its end (outputs are
 * written whole, never cut off midway) and `main` turns its exit code into a conventional tool's.
 */
function writer(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => {
    if (closed.has(stream)) return
    if (!guarded.has(stream)) {
      guarded.add(stream)
      stream.on('error', (error: NodeJS.ErrnoException) => failed(stream, error))
    }
    stream.write(text)
  }
}

function failed(stream: NodeJS.WriteStream, error: NodeJS.ErrnoException): void {
  closed.add(stream)
  // A write after the stream was torn down by the first EPIPE is the same broken pipe.
  const pipe = error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED'
  if (lost !== 'io') lost = pipe ? 'pipe' : 'io'
}

/** A pipe's writes complete later: wait for them, so that a reader that went away is known before exiting. */
async function flush(stream: NodeJS.WriteStream): Promise<void> {
  if (closed.has(stream) || !guarded.has(stream)) return
  await new Promise<void>((resolve) =>
    stream.write('', (error) => {
      if (error) failed(stream, error)
      resolve()
    })
  )
}

export const processIo: Io = {
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
  lostOutput: () => lost,
  flush: async () => {
    await flush(process.stdout)
    await flush(process.stderr)
  }
}

export type Command = (argv: string[], io: Io) => Promise<number>
