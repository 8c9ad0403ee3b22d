/**
 * Segment texts ↔ coded content with a code table shared by source and target.
 *
 * Ids: the source's codes are numbered 1, 2, 3, … in order of appearance (a pair counts where it opens);
 * each target code takes the id of the first unused source code with the same kind and native data (a pair:
 * the same open and close data), so the same markup has the same id on both sides; a target code with no
 * counterpart gets a fresh id after the source's. Every format (XLIFF 1.2, XLIFF 2.0, JSON) uses these ids.
 */
import {mayHoldMarkup, scanTokens, tokenize} from './tokenize.js'
import type {CodeKind, CodeProblem, CodeRef, CodedContent, CodedSegment, InlineCode, InlineToken} from './types.js'

/** Identity of a code for matching: kind and native data (`''` for an open unit never closed). */
function keyOf(unit: Unit): string {
  if (unit.close === undefined) return `${unit.kind}\u0000${unit.open}`
  return unit.end === undefined ? '' : `${unit.kind}\u0000${unit.open}\u0000${unit.close}`
}

/**
 * `keyOf(a) === keyOf(b)` without making the keys: `codeSegment` compares each target code with a few
 * source codes, and the two strings per code were most of what it allocated.
 */
function sameKey(a: Unit, b: Unit): boolean {
  if (a.close !== undefined && a.end === undefined) return b.close !== undefined && b.end === undefined
  return a.kind === b.kind && a.open === b.open && a.close === b.close && (b.close === undefined || b.end !== undefined)
}

interface Unit {
  /** Position in the token list of the open (or standalone) token. */
  start: number
  /** Position of the close token, for a pair. */
  end?: number
  kind: CodeKind
  open: string
  close?: string
}

/**
 * The codes of a token list, in order of appearance (pairs at their open token). Plain loops and arrays,
 * no closures: this runs for every segment text (tsx also wraps each closure it creates in `__name`).
 */
function units(tokens: InlineToken[]): Unit[] {
  const result: Unit[] = []
  /** Open units by `pair` (small integers from one tokenization). */
  const openAt: Array<Unit | undefined> = []
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.type === 'text') continue
    if (token.type === 'standalone') {
      result.push({start: index, kind: token.kind, open: token.data})
    } else if (token.type === 'open') {
      const unit: Unit = {start: index, kind: token.kind, open: token.data, close: ''}
      openAt[token.pair!] = unit
      result.push(unit)
    } else {
      const unit = openAt[token.pair!]
      if (unit) {
        unit.end = index
        unit.close = token.data
      }
    }
  }
  return result
}

/** Coded content of a token list, given the id of each code token (`ids[index]`; a close token takes its open's). */
function content(tokens: InlineToken[], ids: Array<string | undefined>): CodedContent {
  const out: CodedContent = []
  const pairs: Array<string | undefined> = []
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.type === 'text') {
      out.push(token.value)
      continue
    }
    const id = token.type === 'close' ? pairs[token.pair!]! : ids[index]!
    if (token.type === 'open') pairs[token.pair!] = id
    out.push({type: token.type, id})
  }
  return out
}

/** Coded content of tokens that are all text (the common case): their values. */
function textContent(tokens: InlineToken[]): CodedContent | undefined {
  const out: CodedContent = []
  for (const token of tokens) {
    if (token.type !== 'text') return undefined
    out.push(token.value)
  }
  return out
}

/** Code one text on its own (ids 1, 2, …). */
export function codeText(text: string): {content: CodedContent; codes: InlineCode[]} {
  const coded = codeSegment(text, undefined)
  return {content: coded.source, codes: coded.codes}
}

/**
 * Code a segment's source and target together, so that the same markup gets the same id on both sides.
 * With `target` undefined, `target` of the result is empty.
 */
export function codeSegment(source: string, target: string | undefined): CodedSegment {
  // Most segments hold no markup (no character that starts any): their coded content is their text, with
  // no tokens made and no ids to match (what the general way below gives them).
  const sourceMarkup = mayHoldMarkup(source)
  const targetMarkup = target !== undefined && mayHoldMarkup(target)
  if (!sourceMarkup && !targetMarkup) {
    return {source: source === '' ? [] : [source], target: target === undefined || target === '' ? [] : [target], codes: []}
  }
  const sourceTokens = sourceMarkup ? scanTokens(source) : tokenize(source)
  const targetTokens = target === undefined ? [] : targetMarkup ? scanTokens(target) : tokenize(target)
  // Texts the scanner found no markup in: no codes either.
  const sourceText = textContent(sourceTokens)
  const targetText = sourceText && textContent(targetTokens)
  if (sourceText && targetText) return {source: sourceText, target: targetText, codes: []}
  const codes: InlineCode[] = []
  const sourceUnits = units(sourceTokens)
  const sourceIds: Array<string | undefined> = []
  /** The id of each source unit. */
  const ids: string[] = []
  let next = 1
  for (const unit of sourceUnits) {
    const id = String(next++)
    ids.push(id)
    sourceIds[unit.start] = id
    codes.push(toCode(id, unit))
  }
  // Each target code takes the first source code of the same key not taken yet: found by a scan when the
  // source has a few codes (nearly always), by lists per key otherwise.
  const targetIds: Array<string | undefined> = []
  const count = sourceUnits.length
  const byKey = count > 16 ? listsByKey(sourceUnits, ids) : undefined
  let taken = 0
  for (const unit of units(targetTokens)) {
    let id: string | undefined
    if (byKey !== undefined) id = byKey.get(keyOf(unit))?.shift()
    else {
      for (let index = 0; index < count; index++) {
        if ((taken & (1 << index)) === 0 && sameKey(sourceUnits[index]!, unit)) {
          taken |= 1 << index
          id = ids[index]
          break
        }
      }
    }
    if (id === undefined) {
      id = String(next++)
      codes.push(toCode(id, unit))
    }
    targetIds[unit.start] = id
  }
  return {source: content(sourceTokens, sourceIds), target: content(targetTokens, targetIds), codes}
}

/** The ids of the units of each key, in order. */
function listsByKey(list: Unit[], ids: string[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>()
  for (let index = 0; index < list.length; index++) {
    const key = keyOf(list[index]!)
    const same = byKey.get(key)
    if (same) same.push(ids[index]!)
    else byKey.set(key, [ids[index]!])
  }
  return byKey
}

function toCode(id: string, unit: Unit): InlineCode {
  return unit.close === undefined
    ? {id, kind: unit.kind, type: 'standalone', data: unit.open}
    : {id, kind: unit.kind, type: 'paired', open: unit.open, close: unit.close}
}

/**
 * The code with this id in a code list: `codeSegment` numbers its codes 1, 2, 3, … in list order, so the
 * id's position is tried first; any other list is searched.
 */
export function codeById(codes: readonly InlineCode[], id: string): InlineCode | undefined {
  const guess = codes[Number(id) - 1]
  return guess !== undefined && guess.id === id ? guess : codes.find((code) => code.id === id)
}

/** A code table by id. */
export function codeTable(codes: Iterable<InlineCode>): Map<string, InlineCode> {
  const table = new Map<string, InlineCode>()
  for (const code of codes) table.set(code.id, code)
  return table
}

/** The native text a reference stands for: its own `data`, else the table's; `undefined` when unknown. */
export function codeData(ref: CodeRef, table: Map<string, InlineCode>): string | undefined {
  if (ref.data !== undefined) return ref.data
  const code = table.get(ref.id)
  if (!code) return undefined
  if (code.type === 'standalone') return ref.type === 'standalone' ? code.data : undefined
  if (ref.type === 'open') return code.open
  if (ref.type === 'close') return code.close
  // A paired code referenced as a standalone placeholder (`<x/>` for a `<g>` code): both halves.
  return undefined
}

/**
 * Coded content → markdown. References whose native text is unknown (no `data`, no such id in the table)
 * are left out and returned in `unknown`; the caller reports them.
 */
export function rebuild(
  coded: CodedContent,
  codes: Map<string, InlineCode> | Iterable<InlineCode>
): {text: string; unknown: CodeRef[]} {
  const table = codes instanceof Map ? codes : codeTable(codes)
  let text = ''
  const unknown: CodeRef[] = []
  for (const part of coded) {
    if (typeof part === 'string') {
      text += part
      continue
    }
    const data = codeData(part, table)
    if (data === undefined) unknown.push(part)
    else text += data
  }
  return {text, unknown}
}

/** Structure of coded content: every close after its open, every open closed, no id used twice. */
export function checkCodedContent(coded: CodedContent, codes: Map<string, InlineCode> | Iterable<InlineCode>): CodeProblem[] {
  const table = codes instanceof Map ? codes : codeTable(codes)
  const problems: CodeProblem[] = []
  const open = new Set<string>()
  const seen = new Map<string, number>()
  for (const part of coded) {
    if (typeof part === 'string') continue
    const code = table.get(part.id)
    const kind = code?.kind
    const data = codeData(part, table) ?? ''
    if (!code && part.data === undefined) {
      problems.push({type: 'unknown', kind, data, id: part.id, count: 1, reason: `Unknown inline code \`${part.id}\``})
      continue
    }
    if (part.type === 'close') {
      if (!open.delete(part.id)) {
        problems.push({type: 'unbalanced', kind, data, id: part.id, count: 1, reason: `Inline code \`${part.id}\` (${show(data)}) closes before it opens`})
      }
      continue
    }
    const count = (seen.get(part.id) ?? 0) + 1
    seen.set(part.id, count)
    if (count === 2) {
      problems.push({type: 'duplicated', kind, data, id: part.id, count: 1, reason: `Inline code \`${part.id}\` (${show(data)}) is used more than once`})
    }
    if (part.type === 'open') open.add(part.id)
  }
  for (const id of open) {
    const code = table.get(id)
    const data = code ? (code.type === 'paired' ? code.open : code.data) : ''
    problems.push({type: 'unbalanced', kind: code?.kind, data, id, count: 1, reason: `Inline code \`${id}\` (${show(data)}) opens but never closes`})
  }
  return problems
}

function show(data: string): string {
  return JSON.stringify(data.length > 60 ? data.slice(0, 57) + '…' : data)
}

function countByKey(list: Unit[]): Map<string, {unit: Unit; count: number}> {
  const map = new Map<string, {unit: Unit; count: number}>()
  for (const unit of list) {
    const key = keyOf(unit)
    const entry = map.get(key)
    if (entry) entry.count++
    else map.set(key, {unit, count: 1})
  }
  return map
}

/**
 * Compare the codes of a (translated) target with its source, both as markdown: the target is tokenized
 * again, so markup a translator moved where it no longer parses (a `**` before a space, a `](url)` split
 * by a line) counts as missing. Returns missing, extra, duplicated and unbalanced codes (none: `[]`).
 */
export function verifyCodes(source: string, target: string): CodeProblem[] {
  const sourceUnits = units(tokenize(source))
  const targetTokens = tokenize(target)
  const targetUnits = units(targetTokens)
  const inSource = countByKey(sourceUnits)
  const inTarget = countByKey(targetUnits)
  const problems: CodeProblem[] = []
  // Tags paired in the source but standing alone in the target are unbalanced (reported once, as such).
  const sourcePairedTags = new Set<string>()
  for (const unit of sourceUnits) if (unit.close !== undefined && unit.kind === 'html') sourcePairedTags.add(unit.open).add(unit.close)
  const unbalancedData = new Set<string>()
  for (const [key, {unit, count}] of inTarget) {
    if (unit.close === undefined && unit.kind === 'html' && sourcePairedTags.has(unit.open) && !inSource.has(key)) {
      unbalancedData.add(unit.open)
      problems.push({type: 'unbalanced', kind: 'html', data: unit.open, count, reason: `Tag ${show(unit.open)} is unbalanced in the target`})
    }
  }
  for (const [key, {unit, count}] of inSource) {
    const found = inTarget.get(key)?.count ?? 0
    if (found < count) {
      if (unit.close !== undefined && unit.kind === 'html' && (unbalancedData.has(unit.open) || unbalancedData.has(unit.close))) continue
      const data = unit.close === undefined ? unit.open : `${unit.open}…${unit.close}`
      const missing = count - found
      problems.push({type: 'missing', kind: unit.kind, data, count: missing, reason: `${describe(unit.kind)} ${show(data)} is missing from the target${missing > 1 ? ` (${missing} times)` : ''}`})
    } else if (found > count) {
      const data = unit.close === undefined ? unit.open : `${unit.open}…${unit.close}`
      const extra = found - count
      problems.push({type: 'duplicated', kind: unit.kind, data, count: extra, reason: `${describe(unit.kind)} ${show(data)} appears ${found} times in the target, ${count} in the source`})
    }
  }
  for (const [key, {unit, count}] of inTarget) {
    if (inSource.has(key) || unbalancedData.has(unit.open)) continue
    const data = unit.close === undefined ? unit.open : `${unit.open}…${unit.close}`
    problems.push({type: 'extra', kind: unit.kind, data, count, reason: `${describe(unit.kind)} ${show(data)} is in the target but not in the source`})
  }
  return problems
}

/** What each kind of code is called in messages (merge's, and check's parity: `src/inline/parity.ts`). */
export const codeKindNames: Record<CodeKind, string> = {
  strong: 'bold',
  emphasis: 'italics',
  delete: 'strikethrough',
  link: 'link',
  image: 'image',
  inlineCode: 'inline code',
  autolink: 'autolink',
  url: 'URL',
  html: 'HTML',
  entity: 'entity',
  escape: 'escape',
  break: 'line break',
  char: 'control character'
}

function describe(kind: CodeKind): string {
  const name = codeKindNames[kind]
  return name.charAt(0).toUpperCase() + name.slice(1)
}
