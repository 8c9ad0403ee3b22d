/**
 * The todo file's candidates as a TMX 1.4b memory (`--tmx`), for CAT tools that take matches from a memory
 * rather than from `<alt-trans>` (OmegaT): the old pairs offered to the translator, in OmegaT's tag view so
 * that OmegaT matches units with inline codes too (see `sxs tmx --tags omegat`).
 */
import type {BilingualDocument, Segment} from '../document/types.js'
import {tmxMemory, writeTmx} from '../formats/tmx.js'
import type {UpdatedUnit} from './update.js'

export function candidateTmx(old: BilingualDocument, units: readonly UpdatedUnit[]): {text: string; pairs: number} {
  const wanted = new Set(units.flatMap((unit) => (unit.needsWork && unit.candidate ? [unit.candidate.id] : [])))
  const seen = new Set<string>()
  const segments: Segment[] = old.segments.filter((segment) => {
    if (!wanted.has(segment.id) || seen.has(segment.id)) return false
    seen.add(segment.id)
    return true
  })
  const memory = tmxMemory([{document: {...old, segments}}], {tags: 'omegat', includeAll: true})
  return {text: writeTmx(memory), pairs: memory.pairs}
}
