/**
 * What a command last wrote into an output folder, kept in the cache: for each output file the SHA-256 of
 * its text and the size, mtime, ctime and inode the file had right after the write (and its link into the cache). An output whose file still
 * has exactly these and whose new text has the same SHA-256 is not written again (a warm run then reads
 * no output text at all). Anything else (no record, a file edited, touched, replaced or deleted since, a
 * damaged ledger) means: write it. A lost record costs one write, never a stale file.
 */
import {statSync} from 'node:fs'
import path from 'node:path'
import {fsCalls, writeFileAtomic} from '../files.js'
import {ledgerFolder, sha256Hex, type Cache} from './cache.js'

interface Written {
  sha256: string
  size: number
  mtimeMs: number
  /**
   * Any write to the file changes it, and no program can set it back: an output is a hard link of its cache
   * blob, so a blob damaged in place (same size, mtime set back) damages the output too, and only the
   * ctime tells. It is taken after the link is made (linking changes it too).
   */
  ctimeMs: number
  ino: number
}

const version = 2

export class OutputLedger {
  readonly #file: string | undefined
  readonly #records: Map<string, Written>
  #changed = false
  /** Outputs found up to date (not written), for tests and the bench. */
  skipped = 0

  private constructor(file: string | undefined, records: Map<string, Written>) {
    this.#file = file
    this.#records = records
  }

  /** The ledger of `folder` in `cache` (none without a cache: every output is written). */
  static async open(cache: Cache | undefined, folder: string): Promise<OutputLedger> {
    if (!cache) return new OutputLedger(undefined, new Map())
    const name = sha256Hex(path.resolve(folder))
    const file = path.join(cache.directory, ledgerFolder, `${name}.json`)
    cache.use(`${ledgerFolder}/${name}.json`)
    const records = new Map<string, Written>()
    try {
      const data = JSON.parse(await fsCalls.readFile(file, 'utf8')) as {version?: unknown; files?: unknown}
      if (data.version === version && typeof data.files === 'object' && data.files !== null) {
        for (const [target, record] of Object.entries(data.files as Record<string, unknown>)) {
          if (isWritten(record)) records.set(target, record)
        }
      }
    } catch {
      // No ledger yet, or a damaged one: start empty.
    }
    return new OutputLedger(file, records)
  }

  /** Whether `target` holds exactly the text whose SHA-256 is `sha256`, as this ledger last wrote it. */
  async upToDate(target: string, sha256: string): Promise<boolean> {
    const record = this.#records.get(target)
    if (!record || record.sha256 !== sha256) return false
    let stat
    try {
      stat = statSync(target, {throwIfNoEntry: false})
    } catch {
      return false
    }
    const fresh = stat !== undefined && stat.isFile() && stat.size === record.size && stat.mtimeMs === record.mtimeMs && stat.ctimeMs === record.ctimeMs && stat.ino === record.ino
    if (fresh) this.skipped++
    return fresh
  }

  /** Note what was just written to `target`. */
  async wrote(target: string, sha256: string): Promise<void> {
    if (!this.#file) return
    const stat = await fsCalls.stat(target).catch(() => undefined)
    if (stat) this.#records.set(target, {sha256, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino})
    else this.#records.delete(target)
    this.#changed = true
  }

  /** Forget `target` (its write failed). */
  forget(target: string): void {
    if (this.#records.delete(target)) this.#changed = true
  }

  async save(): Promise<void> {
    if (!this.#file || !this.#changed) return
    try {
      await writeFileAtomic(this.#file, JSON.stringify({version, files: Object.fromEntries(this.#records)}))
    } catch {
      // Next run writes its outputs again.
    }
  }
}

function isWritten(value: unknown): value is Written {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return typeof record['sha256'] === 'string' && typeof record['size'] === 'number' && typeof record['mtimeMs'] === 'number' && typeof record['ctimeMs'] === 'number' && typeof record['ino'] === 'number'
}
