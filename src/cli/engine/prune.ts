/**
 * Pruning the cache (`sxs cache prune`), by mark and sweep. Entries are never touched on a hit (a warm run
 * would pay a system call per file), so their times cannot say whether they are still used; instead every
 * run leaves a run log of the entries, ledgers and input records it used (`Cache.saveRunLog`). What the run logs of the
 * last `maxAge` name is live, and so is every blob a live entry refers to; anything else that is older
 * than `maxAge` goes, as do run logs older than it, entry folders of other cache schemas, and temporary
 * files left by interrupted writes (after an hour). Files younger than `maxAge` always stay: they may belong to a run still
 * going, whose log is not written yet. Pruning never makes the cache wrong, only colder: a pruned entry or
 * blob is made again when next needed.
 */
import {promises as fs, type Stats} from 'node:fs'
import path from 'node:path'
import {blobFolder, cacheSchema, decodeEntry, entryFolder, ledgerFolder, runLogFolder} from './cache.js'
import {isBlobRef} from '../blob.js'
import {inputFolder} from './inputs.js'

export interface PruneOptions {
  /** Keep what was used or written within this many milliseconds. */
  maxAgeMs: number
  /** The current time (tests); default `Date.now()`. */
  now?: number
  /** Only count what would go. */
  dryRun?: boolean
}

export interface PruneCounts {
  entries: number
  blobs: number
  ledgers: number
  /** Input records (one file per input folder). */
  inputs: number
  runLogs: number
  /** Entry folders of other cache schemas, temporary files. */
  other: number
}

export interface PruneReport {
  kept: PruneCounts
  removed: PruneCounts
  /** Bytes the removals free (a blob that is still an output's hard link frees nothing). */
  freedBytes: number
}

/** Temporary files of interrupted writes are removed once this old (no write takes this long), or `maxAge`. */
const temporaryGraceMs = 60 * 60 * 1000

export async function pruneCache(directory: string, options: PruneOptions): Promise<PruneReport> {
  const now = options.now ?? Date.now()
  const cutoff = now - options.maxAgeMs
  const zero = (): PruneCounts => ({entries: 0, blobs: 0, ledgers: 0, inputs: 0, runLogs: 0, other: 0})
  const report: PruneReport = {kept: zero(), removed: zero(), freedBytes: 0}
  const recent = (stats: Stats): boolean => stats.mtimeMs >= cutoff
  const remove = async (file: string, stats: Stats, kind: keyof PruneCounts): Promise<void> => {
    report.removed[kind]++
    if (stats.isFile() && stats.nlink <= 1) report.freedBytes += stats.size
    if (!options.dryRun) await fs.rm(file, {recursive: true, force: true})
  }
  const temporary = async (file: string, stats: Stats): Promise<boolean> => {
    if (!path.basename(file).endsWith('.tmp')) return false
    if (stats.mtimeMs < now - Math.min(options.maxAgeMs, temporaryGraceMs)) await remove(file, stats, 'other')
    return true
  }

  // Mark: what recent runs used.
  const live = new Set<string>()
  for (const {file, stats} of await listFiles(path.join(directory, runLogFolder))) {
    if (await temporary(file, stats)) continue
    if (!recent(stats)) {
      await remove(file, stats, 'runLogs')
      continue
    }
    report.kept.runLogs++
    for (const line of (await fs.readFile(file, 'utf8')).split('\n')) if (line) live.add(line)
  }
  const isLive = (file: string, stats: Stats): boolean => recent(stats) || live.has(path.relative(directory, file).split(path.sep).join('/'))

  // Sweep the entries, marking the blobs of those that stay.
  const liveBlobs = new Set<string>()
  for (const {file, stats} of await listFiles(path.join(directory, entryFolder), 2)) {
    if (await temporary(file, stats)) continue
    if (!isLive(file, stats)) {
      await remove(file, stats, 'entries')
      continue
    }
    report.kept.entries++
    const entry = decodeEntry(await fs.readFile(file), path.basename(file, '.json'))
    if (entry) collectBlobs(entry.value, liveBlobs)
  }
  for (const name of await listNames(directory)) {
    // Entries of another schema are never read again.
    if (/^v\d+$/.test(name) && name !== `v${cacheSchema}`) {
      const folder = path.join(directory, name)
      await remove(folder, await fs.stat(folder), 'other')
    }
  }
  for (const {file, stats} of await listFiles(path.join(directory, blobFolder), 2)) {
    if (await temporary(file, stats)) continue
    if (liveBlobs.has(path.basename(file)) || recent(stats)) report.kept.blobs++
    else await remove(file, stats, 'blobs')
  }
  for (const {file, stats} of await listFiles(path.join(directory, ledgerFolder))) {
    if (await temporary(file, stats)) continue
    if (isLive(file, stats)) report.kept.ledgers++
    else await remove(file, stats, 'ledgers')
  }
  for (const {file, stats} of await listFiles(path.join(directory, inputFolder))) {
    if (await temporary(file, stats)) continue
    if (isLive(file, stats)) report.kept.inputs++
    else await remove(file, stats, 'inputs')
  }
  if (!options.dryRun) for (const folder of [entryFolder, blobFolder]) await removeEmptyFolders(path.join(directory, folder))
  return report
}

/** Every blob reference (`{sha256, bytes: null}`) inside a cached value. */
function collectBlobs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collectBlobs(item, into)
  else if (isBlobRef(value)) into.add(value.sha256)
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collectBlobs(item, into)
}

async function listNames(folder: string): Promise<string[]> {
  try {
    return await fs.readdir(folder)
  } catch {
    return []
  }
}

/** The files of `folder` (`depth` 2: of its sub-folders, the cache's shard layout), with their stats. */
async function listFiles(folder: string, depth: 1 | 2 = 1): Promise<Array<{file: string; stats: Stats}>> {
  const found: Array<{file: string; stats: Stats}> = []
  for (const name of await listNames(folder)) {
    const file = path.join(folder, name)
    const stats = await fs.lstat(file).catch(() => undefined)
    if (!stats) continue
    if (depth === 2 && stats.isDirectory()) found.push(...(await listFiles(file)))
    else if (stats.isFile()) found.push({file, stats})
  }
  return found
}

async function removeEmptyFolders(folder: string): Promise<void> {
  for (const name of await listNames(folder)) {
    // rmdir refuses a folder that is not empty (or that another run has just filled): that one stays.
    await fs.rmdir(path.join(folder, name)).catch(() => {})
  }
}
