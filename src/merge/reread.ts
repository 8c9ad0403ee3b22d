/**
 * The structural guard of merge: the merged text is read again with the document reader (`parse`, the
 * reading every command uses), and every pair must come back where it was: the same pairs in the same
 * order, each with its texts as merged and in the same block with the same context. A target that starts
 * a code fence, a list item, a heading, a quote or an HTML comment on a line of its own, or that splits
 * its pair across two blocks, changes that reading, whatever its characters; no list of prefixes can say so.
 */
import {parse} from '../document/parse.js'
import type {BilingualDocument, Segment, SegmentContext} from '../document/types.js'

/**
 * Why `text` does not read as `expected` (the document with its new targets), or undefined when it does.
 * `changed`: indexes of the segments whose target is new; those whose target has a line break must also
 * end in the block they start in (a thematic break or an HTML block on a line of their own splits a
 * paragraph while every pair keeps the context of its start), unless their pair already did so in
 * `original` (the document before the merge: a real document's broken pair is not the translation's doing).
 */
export function rereadProblem(original: BilingualDocument, expected: BilingualDocument, text: string, changed: readonly number[] = []): string | undefined {
  let reread: BilingualDocument
  try {
    reread = parse(text)
  } catch (error) {
    return `the document could not be read again (${error instanceof Error ? error.message : String(error)})`
  }
  const before = expected.segments
  const after = reread.segments
  const length = Math.min(before.length, after.length)
  for (let index = 0; index < length; index++) {
    const problem = segmentChange(before[index]!, after[index]!)
    if (problem) return problem
  }
  if (before.length !== after.length) return `the document would be read with ${after.length} pairs instead of ${before.length}`
  for (const index of changed) {
    if (!/[\r\n]/.test(after[index]!.target)) continue
    if (splitsItsBlock(reread, after[index]!) && !splitsItsBlock(original, original.segments[index]!)) {
      return `pair \`${after[index]!.id}\` would start in one block and end in another`
    }
  }
  return undefined
}

/** Whether `segment`'s pair ends past the end of the leaf block it starts in, as `document`'s own block parse reads it. */
function splitsItsBlock(document: BilingualDocument, segment: Segment): boolean {
  const start = segment.position.pair.start.offset!
  const end = segment.position.pair.end.offset!
  const block = document.blocks.find((candidate) => candidate.start <= start && start < candidate.end)
  return block !== undefined && end > block.end
}

function segmentChange(was: Segment, now: Segment): string | undefined {
  if (was.id !== now.id || was.target !== now.target || was.source !== now.source) {
    return `pair \`${was.id}\` would no longer be read as one pair with its texts`
  }
  const from = describeContext(was.context)
  const to = describeContext(now.context)
  if (from !== to || JSON.stringify(was.context) !== JSON.stringify(now.context)) {
    return `pair \`${was.id}\` would be read ${from === to ? 'in another block' : `as ${to} instead of ${from}`}`
  }
  return undefined
}

function describeContext(context: SegmentContext): string {
  return context.block === context.kind ? context.block : `${context.kind} (${context.block})`
}
