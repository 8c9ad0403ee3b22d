/**
 * The incremental cache: what a command computed for one file, keyed by the SHA-256 of everything the
 * result depends on (the file's bytes, the command and its options, the sxs code and a schema version).
 * Entries live under `node_modules/.cache/sxs` of the nearest package (or `--cache-dir`), one file each,
 * written atomically; the folder is safe to delete at any time.
 *
 * An entry is never trusted: it carries the length and SHA-256 of its body, its key, and the command
 * validates the shape of its value. A truncated, corrupted or foreign entry is a miss and is rewritten.
 * The SHA-256 of an input's bytes comes from hashing them, or from the input records (inputs.ts).
 */
import {createHash, randomBytes} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {encodeUtf8, fsCalls, writeFileAtomic} from '../files.js'
import {codeFingerprint} from './fingerprint.js'
import {bytesLength, isBlobRef, type BlobRef, type Bytes} from '../blob.js'

/** SHA-256, hex: of a file's bytes (cache keys, blob names), an entry's body, a folder's path (record names). */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Bump when the layout of entries or of any cached value changes. */
export const cacheSchema = 3

const magic = `sxs-cache ${cacheSchema}`

/** The folders of a cache: entries of this schema (`v<schema>`), blobs, output ledgers and run logs (input records: inputs.ts). */
export const entryFolder = `v${cacheSchema}`
export const blobFolder = 'blobs'
export const ledgerFolder = 'outputs'
export const runLogFolder = 'runs'

/**
 * The marker of a folder that sxs made as its cache, in the Cache Directory Tagging format (backup tools
 * skip such folders too). `sxs cache prune` deletes nothing in a folder without it: `--cache-dir` may name
 * any folder, and one of the user's own must never be swept.
 */
export const cacheTagFile = 'CACHEDIR.TAG'
export const cacheTagSignature = 'Signature: 8a477f597d28d172789f06886806bc55'
const cacheTag = `${cacheTagSignature}\n# This folder is the cache of sxs. It is safe to delete; \`sxs cache prune\` works only where this file is.\n`

/** Whether `directory` carries the marker of an sxs cache. */
export function isMarkedCache(directory: string): boolean {
  try {
    return readFileSync(path.join(directory, cacheTagFile), 'latin1').startsWith(cacheTagSignature)
  } catch {
    return false
  }
}

/**
 * Mark `directory` as an sxs cache when sxs is the one making it: it does not exist yet, or is empty. A
 * folder that already holds other files is used but never marked, so prune never empties it. Failures
 * (a read-only disk) are ignored: they cost pruning, nothing else.
 */
function markCache(directory: string): void {
  try {
    if (isMarkedCache(directory)) return
    if (existsSync(directory) && readdirSync(directory).length > 0) return
    mkdirSync(directory, {recursive: true})
    writeFileSync(path.join(directory, cacheTagFile), cacheTag, {flag: 'wx'})
  } catch {
    // Unmarked: usable, not prunable.
  }
}

/** Where the entry of `key` is, relative to the cache folder (as run logs name it). */
function entryPath(key: string): string {
  return `${entryFolder}/${key.slice(0, 2)}/${key}.json`
}

/** `node_modules/.cache/sxs` of the nearest folder (from `cwd` up) holding a package.json, else of `cwd`. */
export function defaultCacheDir(cwd: string): string {
  let folder = path.resolve(cwd)
  for (;;) {
    if (existsSync(path.join(folder, 'package.json'))) return path.join(folder, 'node_modules', '.cache', 'sxs')
    const parent = path.dirname(folder)
    if (parent === folder) return path.join(path.resolve(cwd), 'node_modules', '.cache', 'sxs')
    folder = parent
  }
}

export interface CacheStats {
  hits: number
  misses: number
  /** Entries found but refused (truncated, corrupted, wrong key or shape); each was rebuilt. */
  rejected: number
  writes: number
}

export class Cache {
  readonly directory: string
  readonly stats: CacheStats = {hits: 0, misses: 0, rejected: 0, writes: 0}
  /** What this run used (entries hit or written, ledgers), relative to `directory`: its run log (see `saveRunLog`). */
  readonly #used = new Set<string>()

  constructor(directory: string) {
    this.directory = directory
    markCache(directory)
  }

  /** Note that this run used `relative` (a path inside the cache, with `/`), so that `sxs cache prune` keeps it. */
  use(relative: string): void {
    this.#used.add(relative)
  }

  /**
   * Write what this run used as one file under `runs/` (a line per path; its mtime is when the run ended).
   * `sxs cache prune` keeps what recent run logs name and deletes the rest: entries are never touched on a
   * hit, so their own times cannot tell. One small write per run; a failure costs only pruning accuracy.
   */
  async saveRunLog(): Promise<void> {
    if (this.#used.size === 0) return
    try {
      await writeFileAtomic(path.join(this.directory, runLogFolder, `${Date.now()}-${process.pid}-${randomBytes(3).toString('hex')}.txt`), [...this.#used].join('\n') + '\n')
    } catch {
      // Pruning may then drop entries this run used: they are made again when next needed.
    }
  }

  /**
   * The key of one file's result: SHA-256 over schema, code, command, options and the SHA-256 of the file's
   * bytes (`sha256Hex`; the input records know it for a file they need not read).
   */
  key(command: string, options: unknown, content: string): string {
    return sha256Hex(`${magic}\0${codeFingerprint()}\0${command}\0${JSON.stringify(options)}\0${content}`)
  }

  path(key: string): string {
    return path.join(this.directory, entryPath(key))
  }

  /** The value stored under `key` if there is one and it passes every check (and `valid`); else undefined. */
  async get<T>(key: string, valid: (value: unknown) => value is T): Promise<T | undefined> {
    let raw: Buffer
    try {
      // Synchronous reads: a warm run is thousands of small reads, and each promise read costs several
      // thread-pool round trips (a warm extract of the dev corpus took 0.6 s with them).
      raw = readFileSync(this.path(key))
    } catch {
      this.stats.misses++
      return undefined
    }
    const value = decodeEntry(raw, key)
    if (value === undefined || !valid(value.value)) {
      this.stats.rejected++
      this.stats.misses++
      return undefined
    }
    this.stats.hits++
    this.use(entryPath(key))
    return value.value
  }

  /**
   * Store a value (atomically: a reader sees the old entry, the new one or none). Every blob reference in
   * it is stored without its text; the text is written as a blob first, unless `deferBlobs` (the caller
   * then `adopt`s each output file it writes, which links it instead of copying it). An entry whose blob
   * is missing is still sound: its reader parses the file again. Failures are ignored: a read-only or
   * full disk costs speed, never correctness.
   */
  async set(key: string, value: unknown, options: {deferBlobs?: boolean} = {}): Promise<void> {
    try {
      const blobs: BlobRef[] = []
      const packed = JSON.stringify(value, (_, field: unknown) => {
        if (!isBlobRef(field) || field.bytes === null) return field
        blobs.push(field)
        return {sha256: field.sha256, bytes: null}
      })
      if (!options.deferBlobs) for (const blob of blobs) await this.#putBlob(blob)
      await writeFileAtomic(this.path(key), encodeEntry(key, JSON.parse(packed)))
      this.stats.writes++
      this.use(entryPath(key))
    } catch {
      // Speed lost, nothing else.
    }
  }

  blobPath(sha256: string): string {
    return path.join(this.directory, blobFolder, sha256.slice(0, 2), sha256)
  }

  /** The bytes of a blob, if it is there and they still hash to its name. */
  async blob(sha256: string): Promise<Buffer | undefined> {
    try {
      const bytes = await fsCalls.readFile(this.blobPath(sha256))
      if (sha256Hex(bytes) !== sha256) {
        // Damaged (or an output linked here and then edited in place): drop it, so that it is made again.
        await fsCalls.rm(this.blobPath(sha256), {force: true})
        return undefined
      }
      return bytes
    } catch {
      return undefined
    }
  }

  /**
   * Make the file just written at `file` (whose bytes hash to `sha256`) the blob of those bytes: a hard link
   * (no copy; were the file later edited in place, `blob()` would see the hash differ and refuse it), or a
   * copy of `bytes` where links are impossible (another file system).
   */
  async adopt(sha256: string, file: string, bytes: Bytes): Promise<void> {
    const blob = this.blobPath(sha256)
    try {
      try {
        await fsCalls.link(file, blob)
      } catch (error) {
        // The shard folder usually exists: make it only when the link says it does not.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
        await fsCalls.mkdir(path.dirname(blob), {recursive: true})
        await fsCalls.link(file, blob)
      }
    } catch (error) {
      // Already there (content-addressed: the same bytes), or links are impossible: copy.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return
      await this.#putBlob({sha256, bytes}).catch(() => {})
    }
  }

  async #putBlob(blob: BlobRef): Promise<void> {
    const file = this.blobPath(blob.sha256)
    // Content-addressed: a blob of the right size is (almost surely) this one; `blob()` verifies on read.
    if ((statSync(file, {throwIfNoEntry: false})?.size ?? -1) === bytesLength(blob.bytes!)) return
    await writeFileAtomic(file, blob.bytes!)
  }
}

/** `sxs-cache 1 <sha256 of body> <body length>\n<body>`, the body being `{"key":…,"value":…}`. */
export function encodeEntry(key: string, value: unknown): string {
  const body = encodeUtf8(JSON.stringify({key, value}))
  const digest = sha256Hex(body)
  return `${magic} ${digest} ${body.length}\n${body.toString('utf8')}`
}

export function decodeEntry(raw: Buffer, key: string): {value: unknown} | undefined {
  const newline = raw.indexOf(10)
  if (newline < 0 || newline > 200) return undefined
  const header = raw.subarray(0, newline).toString('latin1').split(' ')
  if (header.length !== 4 || `${header[0]} ${header[1]}` !== magic) return undefined
  const body = raw.subarray(newline + 1)
  if (String(body.length) !== header[3]) return undefined
  if (sha256Hex(body) !== header[2]) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as {key?: unknown}).key !== key || !('value' in parsed)) return undefined
  return {value: (parsed as {value: unknown}).value}
}
