/**
 * An old target carried over to a new source that has the same words but other markup (a changed URL,
 * an edited link target, different escaping): each inline code of the old source is matched, in order,
 * with the code of the same kind in the new source, and the target gets the new markup. When the codes do
 * not correspond one to one (bold added, a link removed), no repair is made: the translator decides.
 */
import {codeSegment, codeText, rebuild} from '../inline/index.js'
import type {InlineCode} from '../inline/types.js'

export function repairTarget(oldSource: string, oldTarget: string, newSource: string): string | undefined {
  const old = codeSegment(oldSource, oldTarget)
  const fresh = codeText(newSource)
  const sourceIds = new Set(old.source.flatMap((part) => (typeof part === 'string' ? [] : [part.id])))
  const oldSourceCodes = old.codes.filter((code) => sourceIds.has(code.id))
  if (oldSourceCodes.length !== fresh.codes.length) return undefined
  const table = new Map<string, InlineCode>()
  for (const code of old.codes) table.set(code.id, code)
  for (let index = 0; index < oldSourceCodes.length; index++) {
    const before = oldSourceCodes[index]!
    const after = fresh.codes[index]!
    if (before.kind !== after.kind || before.type !== after.type) return undefined
    table.set(before.id, {...after, id: before.id})
  }
  const {text, unknown} = rebuild(old.target, table)
  return unknown.length > 0 ? undefined : text
}
