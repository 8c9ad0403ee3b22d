/**
 * Extra memory for `update` (`--memory FILE`): the units of a translation file (XLIFF 1.2, XLIFF 2.0, sxs JSON or
 * PO, as `readTranslations` reads them), typically exported from the OLD revision and translated since. They are
 * matched by source, never by id: the ids of the old revision do not describe the new document (that is what
 * `merge`'s stale-source guard refuses).
 *
 * Two uses. A translated unit whose source is an old pair's source gives that pair its target before the
 * update runs (`applyMemory`): the file is newer than the old document, so every way the cascade reuses the old
 * pair (exact, moved, merged, text-only) carries the translator's work. A translated unit whose source is a new
 * sentence no old pair holds is placed by the cascade's `memory` step, before sub-segment and fuzzy.
 */
import type {BilingualDocument, LineEnding, Segment} from '../document/types.js'
import {withLineEnding} from '../document/line-ending.js'
import {parse} from '../document/parse.js'
import {print} from '../document/print.js'
import {unitIds} from '../document/unit-ids.js'
import type {ReadResult} from '../formats/read.js'
import {codeParity} from '../inline/parity.js'

/** One translated unit of a memory file. */
export interface MemoryUnit {
  /** Unit id in its file (the old revision's pair id when exported from it). */
  id: string
  source: string
  target: string
  /** The memory file, as the caller names it. */
  file: string
  /** The `original` / `path` of its document in the file, when it names one. */
  document: string | undefined
}

/** States that say nobody translated the unit (a copied source is not a translation). */
const untranslated = new Set(['new', 'initial', 'needs-translation'])

/** The translated units of a file read by `readTranslations`: a source, a target that is not empty, a translated state. */
export function memoryUnits(read: ReadResult, file: string): MemoryUnit[] {
  const units: MemoryUnit[] = []
  for (const document of read.documents) {
    for (const [id, unit] of document.units) {
      if (unit.source === undefined || unit.target === undefined || unit.target.trim() === '') continue
      if (unit.state !== undefined && untranslated.has(unit.state)) continue
      units.push({id, source: withoutCr(unit.source), target: unit.target, file, document: document.path})
    }
  }
  return units
}

export interface AppliedMemory {
  /** The old document with the memory's targets (the same object when nothing changed). */
  document: BilingualDocument
  /** Old pairs given a target from the memory, by old id. */
  applied: Array<{id: string; target: string; file: string; unit: string}>
}

/**
 * The old document with each pair's target taken from the memory unit with the same source, when that target
 * differs and keeps the source's links, images, code and HTML (what `merge` would refuse otherwise). Among
 * several units with that source, the one with the pair's own unit id (exported from this document) wins; among
 * several of those (a memory of several documents whose ids repeat), the one `ownDocument` says is of this document.
 */
export function applyMemory(old: BilingualDocument, memory: readonly MemoryUnit[] | MemoryIndex, ownDocument?: (document: string | undefined) => boolean): AppliedMemory {
  const {bySource} = indexMemory(memory)
  if (bySource.size === 0) return {document: old, applied: []}
  const ids = unitIds(old)
  const targets = new Map<Segment, {target: string; unit: MemoryUnit}>()
  old.segments.forEach((segment, index) => {
    const found = bySource.get(withoutCr(segment.source))
    if (!found) return
    const own = found.filter((candidate) => candidate.id === ids[index])
    const unit = (own.length > 1 && ownDocument ? own.find((candidate) => ownDocument(candidate.document)) : undefined) ?? own[0] ?? found[0]!
    // An empty target is no translation (memoryUnits leaves them out; a caller's own units too).
    if (unit.target.trim() === '') return
    const target = withLineEnding(unit.target, old.eol)
    if (withoutCr(target) === withoutCr(segment.target)) return
    if (codeParity(segment.source, target).some((problem) => problem.major)) return
    targets.set(segment, {target, unit})
  })
  if (targets.size === 0) return {document: old, applied: []}
  const parts = old.parts.map((part) => {
    if (typeof part === 'string') return part
    const replaced = targets.get(part)
    return replaced ? {...part, target: replaced.target} : part
  })
  // Parsed again: the old document's positions (which the update reads its blocks by) must be the new text's.
  const document = parse(print({...old, parts}), old.path === undefined ? {} : {path: old.path})
  const applied = [...targets].map(([segment, {target, unit}]) => ({id: segment.id, target, file: unit.file, unit: unit.id}))
  return {document, applied}
}

/**
 * The memory's units by source, in file order: built once for a run (the batch form updates every document
 * with the same memory), so that each document's work is a look-up per pair or sentence, not a pass over the
 * memory (a whole docset's export, read for each of its documents, made the batch quadratic).
 */
export interface MemoryIndex {
  readonly bySource: ReadonlyMap<string, readonly MemoryUnit[]>
}

export function indexMemory(memory: readonly MemoryUnit[] | MemoryIndex): MemoryIndex {
  if (!Array.isArray(memory)) return memory as MemoryIndex
  const bySource = new Map<string, MemoryUnit[]>()
  for (const unit of memory as readonly MemoryUnit[]) {
    const list = bySource.get(unit.source)
    if (list) list.push(unit)
    else bySource.set(unit.source, [unit])
  }
  return {bySource}
}

/** The first unit with a target for a source, its target in the document's line endings: the cascade's `memory` step. */
export function memoryLookup(memory: MemoryIndex, eol: LineEnding): (source: string) => MemoryUnit | undefined {
  return (source) => {
    const unit = memory.bySource.get(source)?.find((candidate) => candidate.target.trim() !== '')
    if (!unit) return undefined
    const target = withLineEnding(unit.target, eol)
    return target === unit.target ? unit : {...unit, target}
  }
}

function withoutCr(text: string): string {
  return text.replace(/\r\n/g, '\n')
}

/**
 * Which of a run's documents (their paths relative to the folder updated, or as given) a memory file's document
 * path names: the same path (letter case and `\` aside), else the one document that ends with it or that it ends
 * with, on a folder boundary (a memory extracted from a parent or a subfolder of the docs folder). Undefined
 * when none or several do.
 */
export function documentLocator(paths: readonly string[]): (path: string | undefined) => number | undefined {
  const exact = new Map<string, number | undefined>()
  const bySuffix = new Map<string, number | undefined>()
  const add = (map: Map<string, number | undefined>, key: string, index: number): void => {
    map.set(key, map.has(key) && map.get(key) !== index ? undefined : index)
  }
  paths.forEach((path, index) => {
    const key = pathKey(path)
    add(exact, key, index)
    for (let at = key.indexOf('/'); at >= 0; at = key.indexOf('/', at + 1)) add(bySuffix, key.slice(at + 1), index)
  })
  return (path) => {
    if (path === undefined || path.trim() === '') return undefined
    const key = pathKey(path)
    if (exact.has(key)) return exact.get(key)
    const found = new Set<number | undefined>()
    if (bySuffix.has(key)) found.add(bySuffix.get(key))
    for (let at = key.indexOf('/'); at >= 0; at = key.indexOf('/', at + 1)) {
      const rest = key.slice(at + 1)
      if (exact.has(rest)) found.add(exact.get(rest))
    }
    return found.size === 1 ? [...found][0] : undefined
  }
}

function pathKey(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').toLowerCase()
}
