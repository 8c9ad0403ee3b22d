/**
 * Inline code verification: a new target must carry the inline codes of its source (links and their
 * URLs, bold, inline code, HTML tags, escapes, entities…): none missing, duplicated, extra or unbalanced.
 *
 * Two allowances, both harmless to the document:
 * - an extra escape or entity (`\|` in a table cell, `&nbsp;`) only makes a character literal;
 * - a target that keeps exactly the codes of the document's current target is accepted: the difference
 *   from the source was there before the translator came (machine translation moved a `**`), and it is
 *   `check`'s to report, not merge's to refuse.
 */
import type {Segment} from '../document/types.js'
import {verifyCodes} from '../inline/index.js'
import type {StructureProblem} from './structure.js'

const literalKinds = new Set(['escape', 'entity'])

export function codeProblems(segment: Segment, target: string): StructureProblem[] {
  const problems = verifyCodes(segment.source, target).filter(
    (problem) => !(problem.type === 'extra' && problem.kind !== undefined && literalKinds.has(problem.kind))
  )
  if (problems.length === 0) return []
  if (verifyCodes(segment.target, target).length === 0) return []
  return problems.map((problem) => ({ruleId: `code-${problem.type}`, reason: problem.reason}))
}
