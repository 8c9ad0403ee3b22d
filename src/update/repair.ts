/**
 * An old target carried over to a new source that has the same words but other markup (a changed URL, an
 * edited link target, bold added, different escaping). The inline codes of the old source and of the new
 * one are matched kind by kind, in order (the first link with the first link, …); a matched code takes the
 * new markup in the target. When a kind's counts differ (bold added, a link removed), that kind's codes
 * stay as the old target has them and the repair is incomplete: the target keeps its translation, `check`'s
 * inline-markup rule points at the difference, and the report lists the unit for review.
 */
import {codeSegment, codeText, rebuild} from '../inline/index.js'
import type {InlineCode} from '../inline/types.js'

export interface Repair {
  text: string
  /** Every code of the new source has its counterpart in the target. */
  complete: boolean
}

export function repairTarget(oldSource: string, oldTarget: string, newSource: string): Repair | undefined {
  const old = codeSegment(oldSource, oldTarget)
  const fresh = codeText(newSource)
  const sourceIds = new Set(old.source.flatMap((part) => (typeof part === 'string' ? [] : [part.id])))
  const oldSourceCodes = old.codes.filter((code) => sourceIds.has(code.id))
  const byKind = (codes: readonly InlineCode[]): Map<string, InlineCode[]> => {
    const map = new Map<string, InlineCode[]>()
    for (const code of codes) {
      const key = `${code.kind}/${code.type}`
      const list = map.get(key)
      if (list) list.push(code)
      else map.set(key, [code])
    }
    return map
  }
  const before = byKind(oldSourceCodes)
  const after = byKind(fresh.codes)
  let complete = true
  const table = new Map<string, InlineCode>()
  for (const code of old.codes) table.set(code.id, code)
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const olds = before.get(key) ?? []
    const news = after.get(key) ?? []
    if (olds.length !== news.length) {
      complete = false
      continue
    }
    olds.forEach((code, index) => table.set(code.id, {...news[index]!, id: code.id}))
  }
  const {text, unknown} = rebuild(old.target, table)
  return unknown.length > 0 ? undefined : {text, complete}
}
