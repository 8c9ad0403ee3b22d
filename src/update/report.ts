/** The update report (`--report update.json`): counts per match class, the id map, what moved, was repaired or left. */
import {matchClasses, type MatchClass} from './cascade.js'
import type {UpdateResult} from './update.js'

export interface UpdateReport {
  report: 'sxs-update'
  version: 1
  files: {old: string; english: string; out: string}
  counts: Record<MatchClass, number> & {deleted: number; needsWork: number; markupToReview: number; fromMemory: number; frontMatterToTranslate: number; units: number}
  blocks: UpdateResult['blocks']
  renumbered: boolean
  frontMatter: UpdateResult['frontMatter']
  idMap: Record<string, string>
  /** Every unit not reused exactly in place, or whose target an extra memory file gave, in document order. */
  changes: Array<{id: string; class: MatchClass; oldId?: string; candidate?: {id: string; score: number}; markupToReview?: true; memory?: {file: string; unit: string}}>
  deleted: Array<{id: string; source: string}>
}

export function updateReport(result: UpdateResult, files: UpdateReport['files']): UpdateReport {
  const counts = {
    ...result.counts,
    deleted: result.deleted.length,
    needsWork: result.units.filter((unit) => unit.needsWork).length,
    markupToReview: result.units.filter((unit) => unit.markupToReview).length,
    fromMemory: result.units.filter((unit) => unit.memory).length,
    frontMatterToTranslate: result.frontMatter.translate.length,
    units: result.units.length
  }
  const changes = result.units
    .filter((unit) => unit.class !== 'exact' || unit.memory)
    .map((unit) => ({
      id: unit.id,
      class: unit.class,
      ...(unit.oldId === undefined ? {} : {oldId: unit.oldId}),
      ...(unit.candidate === undefined ? {} : {candidate: {id: unit.candidate.id, score: unit.candidate.score}}),
      ...(unit.markupToReview ? {markupToReview: true as const} : {}),
      ...(unit.memory ? {memory: unit.memory} : {})
    }))
  return {
    report: 'sxs-update',
    version: 1,
    files,
    counts,
    blocks: result.blocks,
    renumbered: result.renumbered,
    frontMatter: result.frontMatter,
    idMap: result.idMap,
    changes,
    deleted: result.deleted.map(({id, source}) => ({id, source}))
  }
}

/** One line for the terminal: `exact 40, moved 1, …`. */
export function countsLine(result: UpdateResult): string {
  return [...matchClasses.filter((name) => result.counts[name] > 0).map((name) => `${name} ${result.counts[name]}`), `deleted ${result.deleted.length}`].join(', ')
}
