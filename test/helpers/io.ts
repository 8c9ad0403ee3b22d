/** An `Io` for running commands in tests: it records what they print instead of printing it. */
import type {Io} from '../../src/cli/io.js'

export interface RecordingIo extends Io {
  /** Everything written to stdout. */
  out: string
  /** Everything written to stderr. */
  err: string
}

export function recordingIo(cwd: string, options: {isTTY?: boolean} = {}): RecordingIo {
  const io: RecordingIo = {
    out: '',
    err: '',
    cwd,
    isTTY: options.isTTY ?? false,
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text)
  }
  return io
}
