/** Blocks joined on the English side where the old document had to join them (see old-blocks.ts). */
import {blockKey, type Block} from './blocks.js'
import type {OldBlock} from './old-blocks.js'

/**
 * Where the old document had to join blocks (a pair runs across them), join the same run of English
 * blocks when their text is the joined block's: so that an unchanged stretch is still one block on each side.
 */
export function mirrorJoins(english: string, blocks: Block[], old: readonly OldBlock[]): Block[] {
  const joinedByFirst = new Map<string, OldBlock[]>()
  for (const block of old) {
    if (block.members < 2) continue
    const list = joinedByFirst.get(block.firstKey)
    if (list) list.push(block)
    else joinedByFirst.set(block.firstKey, [block])
  }
  if (joinedByFirst.size === 0) return blocks
  const result: Block[] = []
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!
    const joined = joinedByFirst.get(block.key)?.find((candidate) => {
      const last = blocks[index + candidate.members - 1]
      return last !== undefined && blockKey(english.slice(block.start, last.end)) === candidate.key
    })
    if (!joined) {
      result.push(block)
      continue
    }
    const members = blocks.slice(index, index + joined.members)
    result.push({start: block.start, end: members[members.length - 1]!.end, kind: block.kind, key: joined.key, ranges: members.flatMap((member) => member.ranges)})
    index += joined.members - 1
  }
  return result
}
