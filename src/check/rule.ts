/**
 * What a rule is: an id (its file name), a default severity, a description with bad and good examples
 * (the docs and the tests both read them), and a function that reports problems on one document.
 */
import type {VFileMessage} from 'vfile-message'
import type {Point as UnistPoint, Position as UnistPosition} from 'unist'
import type {BilingualDocument, Point, Position, Segment} from '../document/types.js'
import type {CheckRuleId} from '../document/message-ids.js'
import type {Facts} from './analysis.js'
import type {RelatedPlace} from '../document/messages.js'

export type Severity = 'error' | 'warning'

export interface RuleExample {
  /** What the example shows, one line. */
  title: string
  /** A bilingual markdown document (small, real where possible). */
  markdown: string
  /**
   * Every message the rule gives on the example, in full, as `exampleMessage` writes it
   * (`line:column-line:column: severity: reason`), in check's order: the test compares exactly, and the docs show
   * them. A good example has none, unless it is there to show a warning.
   */
  messages: string[]
  /** Options the example needs (`targetLanguage`). */
  options?: Partial<CheckOptions>
}

export interface Rule {
  /** Registered in src/document/message-ids.ts (`checkRuleIds`), like every id sxs emits. */
  id: CheckRuleId
  severity: Severity
  /** One paragraph: what the rule finds and why it matters. */
  description: string
  bad: RuleExample[]
  good: RuleExample[]
  check(context: RuleContext): void
}

export interface CheckOptions {
  /** Expected `ms.contentlocale` (the CLI's `--target-lang`); unset: any, as long as there is one. */
  targetLanguage?: string | undefined
  /** Per-rule settings: `off`, `warning` (`warn`, 1) or `error` (2); unnamed rules keep their default. */
  rules?: Record<string, RuleSetting>
}

export type RuleSetting = 'off' | 'warn' | 'warning' | 'error' | 0 | 1 | 2

export interface ReportOptions {
  /** Report as a warning although the rule is an error rule (e.g. the source already has the problem). */
  warning?: boolean
  segment?: Segment
  /** Another place the problem involves (where a duplicated id was first used), shown by every reporter. */
  related?: RelatedPlace
}

export interface RuleContext {
  document: BilingualDocument
  /** The bilingual file's text (`print(document)`). */
  text: string
  options: CheckOptions
  /** What several rules read (tables, prose lines…), computed once per document when first asked. */
  facts: Facts
  /** Place of an offset range in the bilingual file. */
  position(start: number, end: number): Position
  point(offset: number): Point
  report(reason: string, place: Position | Point | UnistPosition | UnistPoint, options?: ReportOptions): void
}

/** A message with what sxs adds to vfile's: the segment it is about. */
export type CheckMessage = VFileMessage & {segmentId?: string}
