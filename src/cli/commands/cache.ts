/**
 * `sxs cache prune [--max-age DAYS] [--cache-dir DIR] [--dry-run]`: delete what recent runs of sxs did not
 * use from the cache (see engine/prune.ts), so that a cache kept between CI runs stops growing.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {exitCode, type Io} from '../io.js'
import {UsageError} from '../files.js'
import {describeError, usageFailure} from '../report.js'
import {cacheTagFile, defaultCacheDir, isMarkedCache} from '../engine/cache.js'
import {pruneCache, type PruneCounts} from '../engine/prune.js'

const help = `Usage: sxs cache prune [--max-age DAYS] [--cache-dir DIR] [--dry-run]

Delete from the cache what no run of sxs used in the last DAYS days (default 7; fractions allowed; 0 empties
the cache). Every extract and check run records what it used; pruning keeps that, the outputs those
entries refer to, and anything written within DAYS, and removes the rest. A pruned entry is made again
when next needed: pruning never makes a result wrong, only slower to get the first time. A folder that
sxs did not make as its cache (it has no CACHEDIR.TAG) is refused, and nothing in it is removed.
--max-age DAYS     keep what was used within DAYS days (default 7)
--cache-dir DIR    the cache (default: node_modules/.cache/sxs of the nearest package)
--dry-run          say what would be removed, remove nothing
`

const dayMs = 24 * 60 * 60 * 1000

export async function run(argv: string[], io: Io): Promise<number> {
  let directory: string
  let maxAgeMs: number
  let dryRun: boolean
  try {
    const {values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {'max-age': {type: 'string'}, 'cache-dir': {type: 'string'}, 'dry-run': {type: 'boolean'}, help: {type: 'boolean', short: 'h'}}
    })
    if (values.help) {
      io.stdout(help)
      return exitCode.ok
    }
    if (positionals.length !== 1 || positionals[0] !== 'prune') throw new UsageError(`expected 'prune', got ${positionals.length === 0 ? 'nothing' : `'${positionals.join(' ')}'`}`)
    const days = values['max-age'] ?? '7'
    if (!/^\d+(\.\d+)?$/.test(days)) throw new UsageError(`--max-age '${days}' must be a number of days (e.g. 7 or 0.5)`)
    maxAgeMs = Number(days) * dayMs
    directory = path.resolve(io.cwd, values['cache-dir'] ?? defaultCacheDir(io.cwd))
    dryRun = values['dry-run'] ?? false
  } catch (error) {
    return usageFailure('cache prune', error, io)
  }
  const relative = path.relative(io.cwd, directory)
  const where = relative.startsWith('..') || path.isAbsolute(relative) ? directory : relative || '.'
  if (!existsSync(directory)) {
    io.stdout(`cache prune: no cache at ${where}, nothing to prune\n`)
    return exitCode.ok
  }
  if (!isMarkedCache(directory)) {
    // Maybe the user's own folder, given by mistake (or a cache an older sxs made): remove nothing.
    io.stderr(`sxs cache prune: ${where} has no ${cacheTagFile}, so it is not a cache that sxs made; nothing removed (an sxs cache is safe to delete by hand)\n`)
    return exitCode.usage
  }
  try {
    const {kept, removed, freedBytes} = await pruneCache(directory, {maxAgeMs, dryRun})
    io.stdout(
      `cache prune${dryRun ? ' (dry run)' : ''}: ${dryRun ? 'would remove' : 'removed'} ${counts(removed)}` +
        `${removed.other > 0 ? `, ${removed.other} other (old schema, leftovers)` : ''} (${(freedBytes / 1e6).toFixed(1)} MB); ` +
        `kept ${counts(kept)} in ${where}\n`
    )
    return exitCode.ok
  } catch (error) {
    io.stderr(`sxs cache prune: ${describeError(error)}\n`)
    return exitCode.usage
  }
}

function counts(of: PruneCounts): string {
  return `${of.entries} entr${of.entries === 1 ? 'y' : 'ies'}, ${of.blobs} blob(s), ${of.ledgers} ledger(s), ${of.inputs} input record(s), ${of.runLogs} run log(s)`
}
