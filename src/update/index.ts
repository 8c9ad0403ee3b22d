/** `sxs update`: a bilingual document brought to a new English revision (see update.ts). */
export {update} from './update.js'
export type {UpdateOptions, UpdateResult, UpdatedUnit, UnitCandidate} from './update.js'
export {todoXliff} from './xliff.js'
export {updateReport, countsLine} from './report.js'
export type {UpdateReport} from './report.js'
export type {MatchClass} from './cascade.js'
export {memoryUnits, applyMemory, indexMemory, documentLocator} from './memory.js'
export type {MemoryUnit, MemoryIndex} from './memory.js'
