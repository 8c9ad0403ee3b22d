/**
 * `sxs update` against the real handoffs in `../shared/corpus/update/dev` (see its README): each triple's
 * old.md + new-en.md through `update`, compared with expected.md as sequences of (source, target) pairs,
 * ids ignored. Shared by test/update.test.ts and scripts/update-histories.ts (the table in docs/update.md).
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse} from '../../src/document/parse.js'
import {check, tally} from '../../src/check/index.js'
import {update, type UpdateResult} from '../../src/update/update.js'

export const historiesDir = fileURLToPath(new URL('../../../shared/corpus/update/dev', import.meta.url))

export interface HistoryMeasure {
  name: string
  /** Expected pairs whose source is an old pair's source (the English of that sentence did not change). */
  unchanged: number
  /** … of which the update kept the old target (any old pair with that source and target). */
  keptOld: number
  /** … of which the pipeline itself kept the old target (the rest are MT refreshes). */
  pipelineKept: number
  /** Boundary agreement over sources that are not old sources (new text): counts for precision/recall. */
  newExpected: number
  newProduced: number
  newAgreed: number
  /** All sources, same counts. */
  allExpected: number
  allProduced: number
  allAgreed: number
  hashEqual: boolean
  errorsBefore: number
  errorsAfter: number
  needsWork: number
  /** The skeleton (everything but the pairs' texts and ids) below the front matter equals expected.md's. */
  skeletonEqual: boolean
  /** The id numbers, in order, equal expected.md's (prefixes differ at every handoff). */
  idsEqual: boolean
  result: UpdateResult
}

export function historyNames(): string[] {
  return readdirSync(historiesDir).sort()
}

const norm = (source: string): string => source.replace(/\s+/g, ' ').trim()

function multiset(values: string[]): Map<string, number> {
  const map = new Map<string, number>()
  for (const value of values) map.set(value, (map.get(value) ?? 0) + 1)
  return map
}

function agreed(a: Map<string, number>, b: Map<string, number>): number {
  let count = 0
  for (const [key, n] of a) count += Math.min(n, b.get(key) ?? 0)
  return count
}

export function measureHistory(name: string): HistoryMeasure {
  const dir = join(historiesDir, name)
  const read = (file: string): string => readFileSync(join(dir, file), 'utf8')
  const old = parse(read('old.md'))
  const expected = parse(read('expected.md'))
  const meta = JSON.parse(read('meta.json')) as {h2: {'ms.openlocfilehash': string}}
  const result = update(old, read('new-en.md'), {oldEnglish: read('old-en.md')})

  const oldPairs = new Set(old.segments.map((segment) => norm(segment.source) + '\u0000' + segment.target))
  const oldSources = new Set(old.segments.map((segment) => norm(segment.source)))
  const produced = new Set(result.document.segments.map((segment) => norm(segment.source) + '\u0000' + segment.target))
  let unchanged = 0
  let keptOld = 0
  let pipelineKept = 0
  for (const segment of expected.segments) {
    const source = norm(segment.source)
    if (!oldSources.has(source)) continue
    unchanged++
    // The update kept an old target for this source: one of the old (source, target) pairs is in the output.
    const oldTargets = old.segments.filter((candidate) => norm(candidate.source) === source)
    if (oldTargets.some((candidate) => produced.has(source + '\u0000' + candidate.target))) keptOld++
    if (oldPairs.has(source + '\u0000' + segment.target)) pipelineKept++
  }
  const expectedSources = expected.segments.map((segment) => norm(segment.source))
  const producedSources = result.document.segments.map((segment) => norm(segment.source))
  const expectedAll = multiset(expectedSources)
  const producedAll = multiset(producedSources)
  const expectedNew = multiset(expectedSources.filter((source) => !oldSources.has(source)))
  const producedNew = multiset(producedSources.filter((source) => !oldSources.has(source)))
  const errors = (document: typeof old): number => tally(check(document)).errors
  const skeleton = (document: typeof old): string =>
    document.parts
      .map((part) => (typeof part === 'string' ? part : '{}'))
      .join('')
      .replace(/^---[\s\S]*?\n---\n/, '')
      .replace(/^\n+/, '')
  const numbers = (document: typeof old): string => document.segments.map((segment) => segment.id.replace(/^.*-/, '')).join(',')
  return {
    name,
    unchanged,
    keptOld,
    pipelineKept,
    newExpected: [...expectedNew.values()].reduce((a, b) => a + b, 0),
    newProduced: [...producedNew.values()].reduce((a, b) => a + b, 0),
    newAgreed: agreed(expectedNew, producedNew),
    allExpected: expectedSources.length,
    allProduced: producedSources.length,
    allAgreed: agreed(expectedAll, producedAll),
    hashEqual: result.frontMatter.openlocfilehash === meta.h2['ms.openlocfilehash'],
    errorsBefore: errors(old),
    errorsAfter: errors(result.document),
    needsWork: result.units.filter((unit) => unit.needsWork).length,
    skeletonEqual: skeleton(result.document) === skeleton(expected),
    idsEqual: numbers(result.document) === numbers(expected),
    result
  }
}

export function f1(agreedCount: number, expectedCount: number, producedCount: number): number {
  if (expectedCount === 0 && producedCount === 0) return 1
  const precision = producedCount === 0 ? 0 : agreedCount / producedCount
  const recall = expectedCount === 0 ? 0 : agreedCount / expectedCount
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
}
