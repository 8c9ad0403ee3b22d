/**
 * How `update` reads the blocks of both sides (blocks.ts): parse's fast path where it answers
 * (blocks-fast.ts), remark's mdast elsewhere (blocks-remark.ts); the two are one reading
 * (test/update-speed.test.ts).
 */
import type {BlockReading} from './blocks.js'
import {readFastBlocks} from './blocks-fast.js'
import {readBlocksRemark} from './blocks-remark.js'

export function readBlocks(text: string): BlockReading {
  return readFastBlocks(text) ?? readBlocksRemark(text)
}
