/**
 * Progress of a run over many files, on stderr: a bar redrawn in place on a terminal (files, MB, ETA),
 * plain lines when stderr is a file or a CI log (every 10 % or every 5 s, none in the first 2 s so that
 * short runs stay quiet), nothing with `--quiet`. Messages printed during the run go through `log`, which
 * clears the bar first and redraws it after.
 */
import type {Io} from '../io.js'

export interface ProgressOptions {
  io: Io
  /** Command name, the first word of every line. */
  label: string
  files: number
  bytes: number
  quiet: boolean
}

/** Totals a run ends with: the summary line. */
export interface Summary {
  files: number
  bytes: number
  segments: number
  errors: number
  warnings: number
  /** Files whose result came from the cache, and files parsed in this run. */
  cached: number
  parsed: number
  /** Worker threads used (0: in the main thread). */
  workers: number
}

const redrawEvery = 100
const lineEvery = 5000
const silentFor = 2000

export const megabytes = (bytes: number): string => (bytes / 1e6).toFixed(1)

function duration(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000))
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`
}

export class Progress {
  readonly #options: ProgressOptions
  readonly #now: () => number
  readonly #started: number
  #files = 0
  #bytes = 0
  #drawn = false
  #lastDraw = Number.NEGATIVE_INFINITY
  #lastLine: number
  #lastDecile = 0

  constructor(options: ProgressOptions) {
    this.#options = options
    this.#now = options.io.now ?? (() => performance.now())
    this.#started = this.#now()
    this.#lastLine = this.#started
  }

  /** Milliseconds since the run started. */
  get elapsed(): number {
    return this.#now() - this.#started
  }

  /** One more file done, of this many bytes. */
  advance(bytes: number): void {
    this.#files++
    this.#bytes += bytes
    if (this.#options.quiet) return
    const now = this.#now()
    if (this.#options.io.isTTY) {
      if (now - this.#lastDraw >= redrawEvery || this.#files === this.#options.files) this.#draw(now)
      return
    }
    const decile = this.#options.files === 0 ? 10 : Math.floor((this.#files * 10) / this.#options.files)
    const due = decile > this.#lastDecile || now - this.#lastLine >= lineEvery
    if (decile > this.#lastDecile) this.#lastDecile = decile
    if (due && now - this.#started >= silentFor && this.#files < this.#options.files) {
      this.#lastLine = now
      this.#options.io.stderr(`${this.#status(now, 'files')}\n`)
    }
  }

  /** Print a line (a message about a file) without tearing the bar. */
  log(text: string): void {
    if (text === '') return
    const drawn = this.#drawn
    this.#clear()
    this.#options.io.stderr(text)
    if (drawn) this.#draw(this.#now())
  }

  /** Clear the bar and print the summary line (unless quiet). */
  finish(summary: Summary, extra = ''): void {
    this.#clear()
    if (this.#options.quiet) return
    const seconds = (this.elapsed / 1000).toFixed(1)
    const cache = summary.cached > 0 ? `, ${summary.cached} from cache` : ''
    const workers = summary.workers > 0 ? ` on ${summary.workers} worker(s)` : ''
    this.#options.io.stderr(
      `${this.#options.label}: ${summary.files} file(s) (${megabytes(summary.bytes)} MB)${extra}, ${summary.segments} segment(s), ` +
        `${summary.errors} error(s), ${summary.warnings} warning(s) in ${seconds}s (${summary.parsed} parsed${workers}${cache})\n`
    )
  }

  /**
   * The progress text. The bar fills by bytes (the better measure of the work left), so its percentage
   * and ETA follow the megabytes; plain lines come at each tenth of the files, so theirs follow the files.
   */
  #status(now: number, unit: 'files' | 'bytes'): string {
    const {label, files, bytes} = this.#options
    const elapsed = now - this.#started
    const share = unit === 'bytes' && bytes > 0 ? this.#bytes / bytes : files > 0 ? this.#files / files : 1
    const eta = share > 0 && share < 1 ? `, ETA ${duration((elapsed * (1 - share)) / share)}` : ''
    const percent = `(${Math.floor(share * 100)}%)`
    const counts = unit === 'bytes' ? `${this.#files}/${files} files, ${megabytes(this.#bytes)}/${megabytes(bytes)} MB ${percent}` : `${this.#files}/${files} files ${percent}, ${megabytes(this.#bytes)}/${megabytes(bytes)} MB`
    return `${label}: ${counts}, ${duration(elapsed)}${eta}`
  }

  #draw(now: number): void {
    if (this.#options.quiet || !this.#options.io.isTTY) return
    this.#lastDraw = now
    const share = this.#options.bytes > 0 ? this.#bytes / this.#options.bytes : this.#files / Math.max(1, this.#options.files)
    const width = 20
    const full = Math.min(width, Math.floor(share * width))
    const bar = `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`
    const columns = this.#options.io.columns ?? process.stderr.columns ?? 80
    const line = `${bar} ${this.#status(now, 'bytes')}`
    this.#options.io.stderr(`\r\u001B[K${line.slice(0, Math.max(10, columns - 1))}`)
    this.#drawn = true
  }

  #clear(): void {
    if (!this.#drawn) return
    this.#options.io.stderr('\r\u001B[K')
    this.#drawn = false
  }
}
