/**
 * `--shard i/n`: a stable split of the inputs over `n` machines (a CI matrix). A file belongs to shard
 * `hash(relative path) mod n`, so adding or removing a file never moves the others, every file is in
 * exactly one shard, and every machine agrees without talking to the others.
 */
import {createHash} from 'node:crypto'
import {UsageError, type InputFile} from '../files.js'

export interface Shard {
  /** 1-based, as CI matrices count: `1/4` … `4/4`. */
  index: number
  count: number
}

/** `i/n` with 1 ≤ i ≤ n → a shard; anything else is a usage error. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  if (!match) throw new UsageError(`--shard '${value}' is not i/n (for example 1/4)`)
  const index = Number(match[1])
  const count = Number(match[2])
  if (count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new UsageError(`--shard '${value}': i must be between 1 and n, n at least 1 (for example 1/4 … 4/4)`)
  }
  return {index, count}
}

/** Which shard (1-based) of `count` a path falls in: the first 6 bytes of its SHA-1, mod count. */
export function shardOf(relative: string, count: number): number {
  const digest = createHash('sha1').update(relative.split('\\').join('/'), 'utf8').digest()
  return (digest.readUIntBE(0, 6) % count) + 1
}

/** The inputs of one shard, in their original (sorted) order. */
export function selectShard(files: readonly InputFile[], shard: Shard | undefined): InputFile[] {
  if (!shard || shard.count === 1) return [...files]
  return files.filter((file) => shardOf(file.relative, shard.count) === shard.index)
}
