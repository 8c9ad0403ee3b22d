/**
 * How the fast path (fast-blocks.ts, fast-inline.ts) gives up on a file: `decline()` throws a `Decline`,
 * which `fastStructure` turns into "ask remark".
 */
export class Decline extends Error {}

/** Where the last declined file was given up (a source line of the fast path), for measuring coverage. */
export let lastDecline: string | undefined
/** The offset of the line the block scanner is on, reported with `lastDecline`. */
let lineAt = 0

export function setDeclineLine(offset: number): void {
  lineAt = offset
}

export function decline(): never {
  const error = new Decline()
  lastDecline = `${error.stack?.split('\n')[2]?.replace(/.*\/(fast-[a-z]+\.ts:)/, '$1').replace(/\)$/, '')} @${lineAt}`
  throw error
}
