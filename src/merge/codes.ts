/**
 * Inline code verification: a new target must have code parity with its source (`src/inline/parity.ts`,
 * the definition `check`'s `inline-markup` rule reports by): no link, image, inline code, emphasis or HTML
 * lost, changed, added or left unclosed.
 *
 * One allowance: a target with parity with the document's current target is accepted: the difference from
 * the source was there before the translator came (machine translation moved a `**`), and it is `check`'s
 * to report, not merge's to refuse.
 */
import type {Segment} from '../document/types.js'
import {codeParity} from '../inline/index.js'
import type {StructureProblem} from './structure.js'

export function codeProblems(segment: Segment, target: string): StructureProblem[] {
  const problems = codeParity(segment.source, target)
  if (problems.length === 0) return []
  if (codeParity(segment.target, target).length === 0) return []
  return problems.map((problem) => ({ruleId: `code-${problem.type}`, reason: problem.reason}))
}
