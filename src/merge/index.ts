/**
 * Apply translated targets to a bilingual document, by id, with guards: stale sources refuse the whole
 * document (unless `allowStale`), targets whose inline codes or structure would break the document are
 * refused one by one, and everything that is not a replaced target stays byte for byte.
 *
 * Pure: a document and units in, a new document, its text and messages out.
 */
import type {VFileMessage} from 'vfile-message'
import type {BilingualDocument, Point, Segment} from '../document/types.js'
import {withLineEnding} from '../document/line-ending.js'
import {print} from '../document/print.js'
import {withTargets} from '../document/layout.js'
import {createMessage} from '../document/messages.js'
import type {MessageId} from '../document/message-ids.js'
import {structureProblems} from './structure.js'
import {codeProblems} from './codes.js'
import {unitIds} from '../document/unit-ids.js'
import {rereadProblem} from './reread.js'

/** One unit of a translation file, as the format readers return it. */
export interface TranslationUnit {
  /** The source the translator saw; compared with the document's source (stale check). */
  source?: string | undefined
  /** The translated text; `undefined` when the unit has no target. */
  target?: string | undefined
  /** The unit's state as the file says it (`translated`, `new`, `needs-translation`, `final`, …). */
  state?: string | undefined
  /** Where the unit is in the translation file (used to point at units the document does not have). */
  place?: Point | undefined
}

export interface MergeOptions {
  /** Merge units whose source differs from the document's (each is still reported, as a warning). */
  allowStale?: boolean
}

export interface MergeStatistics {
  /** Targets replaced by a different text. */
  merged: number
  /** Units whose target equals the document's. */
  unchanged: number
  /** Segments with no unit (or a unit without target): they keep their target. */
  missing: number
  /** Units refused (stale, broken codes, broken structure, empty target). */
  refused: number
  /** Units in the translations that the document does not have. */
  unknown: number
}

export interface MergeResult {
  /** The merged document (the input document when nothing could be written). */
  document: BilingualDocument
  /** `print(document)`. */
  text: string
  messages: VFileMessage[]
  statistics: MergeStatistics
  /** Whether the text differs from the input document's. */
  changed: boolean
}

/** States that say the target was never translated: a target equal to the source then is a copy, not a translation. */
const untranslatedStates = new Set(['new', 'initial', 'needs-translation'])

/** White space other than a plain space, and invisible characters, as escapes (`\n`, `\u00A0`), so that a difference in them shows. */
function visibleSpace(text: string): string {
  return text.replace(/[\t\n\r\f\v\u0085\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F-\u2064\u3000\uFEFF]/g, (char) =>
    char === '\n' ? '\\n' : char === '\r' ? '\\r' : char === '\t' ? '\\t' : `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
  )
}

/**
 * The two texts where they differ: whole when short, else from a little before the first difference (the
 * same stretch of both, so the difference shows, which a common start cut at the same length hid), with
 * white space made visible.
 */
function differing(document: string, file: string): [string, string] {
  if (document.length <= 60 && file.length <= 60) return [visibleSpace(document), visibleSpace(file)]
  let common = 0
  while (common < document.length && common < file.length && document[common] === file[common]) common++
  const start = Math.max(0, common - 20)
  const cut = (text: string): string => (start > 0 ? '…' : '') + visibleSpace(text.slice(start, common + 40)) + (text.length > common + 40 ? '…' : '')
  return [cut(document), cut(file)]
}

/** XML parsers turn CRLF into LF: a source that differs only so is the same source. */
function sameText(a: string, b: string): boolean {
  return a === b || a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n')
}

/** In a CRLF document, a line break that came back as LF (from XML, from a CAT tool) is written as CRLF again. */

/**
 * `units` are keyed by unit id, as `extract` writes them: the pair id, and `<id>:<k>` for the k-th repeat of
 * an id in the document (see `unitIds` in src/formats/common.ts).
 */
export function merge(document: BilingualDocument, units: ReadonlyMap<string, TranslationUnit>, options: MergeOptions = {}): MergeResult {
  const allowStale = options.allowStale ?? false
  const messages: VFileMessage[] = []
  const statistics: MergeStatistics = {merged: 0, unchanged: 0, missing: 0, refused: 0, unknown: 0}
  const targets = new Map<Segment, string>()
  let stale = 0

  function report(segment: Segment, ruleId: MessageId, reason: string, fatal = true): void {
    messages.push(createMessage(`\`${segment.id}\`: ${reason}`, {ruleId, place: segment.position.target, fatal}))
  }

  // Units are keyed as the format writers key them: the pair id, `<id>:<k>` for its k-th repeat.
  const ids = unitIds(document)
  for (const [index, segment] of document.segments.entries()) {
    const unit = units.get(ids[index]!)
    if (unit === undefined || unit.target === undefined) {
      statistics.missing++
      continue
    }
    if (unit.source !== undefined && !sameText(unit.source, segment.source)) {
      stale++
      const [mine, theirs] = differing(segment.source, unit.source)
      report(
        segment,
        'stale-source',
        `the translation was made for another source: the document has “${mine}”, the translation file “${theirs}”` +
          (allowStale ? ' (allowed by --allow-stale)' : ''),
        !allowStale
      )
      if (!allowStale) {
        statistics.refused++
        continue
      }
    }
    if (sameText(unit.target, segment.target)) {
      // Equal, or equal but for CRs that XML dropped: the document keeps its own bytes.
      statistics.unchanged++
      continue
    }
    const target = withLineEnding(unit.target, document.eol)
    if (unit.state !== undefined && untranslatedStates.has(unit.state) && sameText(target, unit.source ?? segment.source)) {
      // A copied source (`extract --copy-source`) that nobody translated: keep the document's target.
      statistics.missing++
      continue
    }
    if (target === '' && segment.target !== '') {
      statistics.refused++
      report(segment, 'empty-translation', 'the translation is empty: the document keeps its target', false)
      continue
    }
    const problems = [...codeProblems(segment, target), ...structureProblems(segment, target)]
    if (problems.length > 0) {
      statistics.refused++
      for (const problem of problems) report(segment, problem.ruleId, `not merged: ${problem.reason}`)
      continue
    }
    targets.set(segment, target)
    statistics.merged++
  }

  const known = new Set(ids)
  for (const [id, unit] of units) {
    if (known.has(id)) continue
    statistics.unknown++
    const where = unit.place ? ` (line ${unit.place.line} of the translation file)` : ''
    messages.push(
      createMessage(`\`${id}\`: the translation file has a unit that the document does not have${where}`, {
        ruleId: 'unknown-unit',
        place: {line: 1, column: 1, offset: 0},
        fatal: false
      })
    )
  }

  if ((stale > 0 && !allowStale) || targets.size === 0) {
    return {document, text: print(document), messages, statistics: stale > 0 && !allowStale ? {...statistics, merged: 0} : statistics, changed: false}
  }
  const accepted = keepStructure(document, targets, (segment, reason) => {
    statistics.merged--
    statistics.refused++
    report(segment, 'block-structure', `not merged: ${reason}`)
  })
  if (accepted.size === 0) return {document, text: print(document), messages, statistics, changed: false}
  const merged = withTargets(document, accepted)
  return {document: merged.document, text: merged.text, messages, statistics, changed: true}
}

/** Documents read again at most this often per merge; past it, a failing group of targets is refused whole. */
const rereadBudget = 64

/**
 * The targets that keep the document's reading (`rereadProblem`), each refused one reported. All of them
 * are tried at once (one more read of the document when nothing is wrong); when that fails, the changed
 * segments are split in halves, each half tried on top of what is already accepted, down to the single
 * target to blame: a few reads per refused target. Every accepted set was read whole, so the result is.
 */
function keepStructure(document: BilingualDocument, targets: ReadonlyMap<Segment, string>, refuse: (segment: Segment, reason: string) => void): Map<Segment, string> {
  const accepted = new Map<Segment, string>()
  let budget = rereadBudget
  const problemWith = (extra: readonly Segment[]): string | undefined => {
    budget--
    const trial = new Map(accepted)
    for (const segment of extra) trial.set(segment, targets.get(segment)!)
    const merged = withTargets(document, trial)
    const changed = document.segments.flatMap((segment, index) => (trial.has(segment) ? [index] : []))
    return rereadProblem(document, merged.document, merged.text, changed)
  }
  const settle = (group: readonly Segment[]): void => {
    if (group.length === 0) return
    if (budget <= 0) {
      for (const segment of group) refuse(segment, 'the targets together would change how the document is read (too many such targets to tell which)')
      return
    }
    const problem = problemWith(group)
    if (problem === undefined) {
      for (const segment of group) accepted.set(segment, targets.get(segment)!)
      return
    }
    if (group.length === 1) {
      refuse(group[0]!, `it would change how the document is read: ${problem}`)
      return
    }
    const half = group.length >> 1
    settle(group.slice(0, half))
    settle(group.slice(half))
  }
  settle([...targets.keys()])
  return accepted
}
