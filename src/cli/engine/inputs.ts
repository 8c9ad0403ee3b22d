/**
 * What the cache knows about input files without reading them: for each file, the stat it had when its
 * bytes were hashed (size, mtime, ctime, inode, device) and the SHA-256 of those bytes. A warm run whose
 * files all match their records reads and hashes no input at all (the cache key needs only the hash);
 * the output ledger trusts its outputs' stats the same way.
 *
 * When a record is trusted (why it cannot be stale):
 * - every field matches. Writing a file changes its ctime, which no program can set back (`touch -r`,
 *   `cp -p` and `rsync -t` restore the mtime only); a file replaced by another (editors' atomic saves,
 *   `git checkout`) has a new inode or ctime.
 * - it is not racy (git's "racy clean" problem): a file changed again within the same timestamp tick as
 *   the stat would keep its stat. A record is kept only when the file's mtime and ctime were more than
 *   `racyMarginMs` older than the moment before the stat, so any later write falls in a later tick (2 s
 *   covers the coarsest file systems, FAT's). A file edited in the last 2 s is simply hashed again.
 * - its hash is of the bytes read after that stat: a file changed between the stat and the read has
 *   another ctime from then on, so the record never matches again.
 * Checkouts and CI restores give every file a new ctime: there the records miss and the files are hashed,
 * as without them. Records live one file per input folder under `inputs/` (a run over a few files reads
 * a few records); a damaged or foreign record file is ignored; losing one costs hashing, never a result.
 */
import {readFileSync, type Stats} from 'node:fs'
import path from 'node:path'
import {writeFileAtomic} from '../files.js'
import {sha256Hex, type Cache} from './cache.js'

export const inputFolder = 'inputs'

/** A file's mtime and ctime must be this much older than the stat for its record to be trusted. */
export const racyMarginMs = 2000

const version = 1

interface InputRecord {
  size: number
  mtimeMs: number
  ctimeMs: number
  ino: number
  dev: number
  /** SHA-256 of the bytes, hex. */
  sha256: string
}

interface FolderRecords {
  /** Where the records file is, relative to the cache folder (`inputs/<sha256 of the folder>.json`). */
  relative: string
  records: Map<string, InputRecord>
  changed: boolean
}

export interface InputStats {
  /** Inputs whose record matched: not read, not hashed. */
  trusted: number
  /** Inputs read and hashed (no record, a changed file, or a racy one). */
  hashed: number
}

export class InputIndex {
  readonly #cache: Cache
  readonly #folders = new Map<string, FolderRecords>()
  readonly stats: InputStats = {trusted: 0, hashed: 0}

  constructor(cache: Cache) {
    this.#cache = cache
  }

  /** The SHA-256 of `file`'s bytes if its record matches `stat` exactly; else undefined (hash it). */
  known(file: string, stat: Stats): string | undefined {
    const record = this.#folder(path.dirname(file)).records.get(path.basename(file))
    if (record === undefined || !matches(record, stat)) return undefined
    this.stats.trusted++
    return record.sha256
  }

  /**
   * Note that `file`, stat'ed as `stat` at `statTakenAt` (Date.now() just before the stat), holds bytes
   * whose SHA-256 is `sha256`. Racy files are not recorded (and lose any older record).
   */
  hashed(file: string, stat: Stats | undefined, statTakenAt: number, sha256: string): void {
    this.stats.hashed++
    const folder = this.#folder(path.dirname(file))
    const name = path.basename(file)
    if (stat === undefined || Math.max(stat.mtimeMs, stat.ctimeMs) >= statTakenAt - racyMarginMs) {
      if (folder.records.delete(name)) folder.changed = true
      return
    }
    const record: InputRecord = {size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, dev: stat.dev, sha256}
    const old = folder.records.get(name)
    if (old && matches(old, stat) && old.sha256 === sha256) return
    folder.records.set(name, record)
    folder.changed = true
  }

  /** Write the records of every folder that changed (atomically; a failure costs hashing next time). */
  async save(): Promise<void> {
    for (const [folder, entry] of this.#folders) {
      if (!entry.changed) continue
      const files = Object.fromEntries([...entry.records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      try {
        await writeFileAtomic(path.join(this.#cache.directory, entry.relative), JSON.stringify({version, folder, files}))
      } catch {
        // Next run hashes these files again.
      }
    }
  }

  #folder(folder: string): FolderRecords {
    let entry = this.#folders.get(folder)
    if (entry !== undefined) return entry
    const relative = `${inputFolder}/${sha256Hex(folder)}.json`
    entry = {relative, records: new Map(), changed: false}
    this.#folders.set(folder, entry)
    this.#cache.use(relative)
    try {
      // Synchronous: one small read per input folder, on the warm path (see `Cache.get`).
      const data = JSON.parse(readFileSync(path.join(this.#cache.directory, relative), 'utf8')) as {version?: unknown; folder?: unknown; files?: unknown}
      if (data.version === version && data.folder === folder && typeof data.files === 'object' && data.files !== null) {
        for (const [name, record] of Object.entries(data.files as Record<string, unknown>)) {
          if (isInputRecord(record)) entry.records.set(name, record)
        }
      }
    } catch {
      // No records yet, or damaged ones: every file of the folder is hashed.
    }
    return entry
  }
}

function matches(record: InputRecord, stat: Stats): boolean {
  return stat.isFile() && record.size === stat.size && record.mtimeMs === stat.mtimeMs && record.ctimeMs === stat.ctimeMs && record.ino === stat.ino && record.dev === stat.dev
}

function isInputRecord(value: unknown): value is InputRecord {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return (
    ['size', 'mtimeMs', 'ctimeMs', 'ino', 'dev'].every((field) => typeof record[field] === 'number') &&
    typeof record['sha256'] === 'string' &&
    /^[0-9a-f]{64}$/.test(record['sha256'])
  )
}
