/**
 * `check(document, options)`: run every rule on a bilingual document and return its problems as vfile
 * messages (place, `ruleId`, `source: 'sxs'`, `fatal: true` for an error, `false` for a warning), sorted
 * by place. Rules can be turned off or re-graded through `options.rules` (what `.sxsrc.json` holds), and
 * in the document with comments (`<!-- sxs-disable rule-id -->` …, see directives.ts).
 */
import type {Point as UnistPoint, Position as UnistPosition} from 'unist'
import type {BilingualDocument, Point, Position} from '../document/types.js'
import {createLocator} from '../document/positions.js'
import {createMessage} from '../document/messages.js'
import type {CheckMessage, CheckOptions, ReportOptions, Rule, RuleContext, Severity} from './rule.js'
import {rules} from './registry.js'
import {createFacts, printWithPairs} from './analysis.js'
import {proseLines} from './prose.js'
import {applyDirectives} from './directives.js'
import {normalizeSetting, ruleUrl} from './meta.js'

export type {CheckMessage, CheckOptions, Rule, RuleExample, RuleSetting, Severity} from './rule.js'
export {rules} from './registry.js'
export {docsUrl, normalizeSetting, ruleUrl, tally} from './meta.js'

const knownIds = rules.map((rule) => rule.id)

/** `text`: the text `document` was parsed from, if the caller has it (else the document is printed again). */
export function check(document: BilingualDocument, options: CheckOptions = {}, text?: string): CheckMessage[] {
  const printed = printWithPairs(document, text)
  const facts = createFacts(document, printed, proseLines)
  const locator = createLocator(printed.text, document.lineEnds)
  const messages: CheckMessage[] = []
  for (const rule of rules) {
    const setting = options.rules?.[rule.id]
    const configured = setting === undefined ? undefined : normalizeSetting(setting)
    if (configured === 'off') continue
    const context: RuleContext = {
      document,
      text: printed.text,
      options,
      facts,
      position: locator.position,
      point: locator.point,
      report(reason: string, place: Position | Point | UnistPosition | UnistPoint, extra: ReportOptions = {}) {
        const severity: Severity = configured ?? (extra.warning ? 'warning' : rule.severity)
        const message = createMessage(reason, {ruleId: rule.id, place: place as Position, fatal: severity === 'error', ...(extra.related ? {related: extra.related} : {})}) as CheckMessage
        message.url = ruleUrl(rule.id)
        if (document.path !== undefined) message.file = document.path
        if (extra.segment) message.segmentId = extra.segment.id
        messages.push(message)
      }
    }
    runRule(rule, context, messages)
  }
  const kept = applyDirectives(messages, document, printed.text, locator, knownIds)
  return kept.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || String(a.ruleId).localeCompare(String(b.ruleId)))
}

/**
 * A rule that throws is a bug in sxs, not a finding in the document: an `internal-error` that names the rule
 * and carries the error as its cause, and the other rules go on.
 */
function runRule(rule: Rule, context: RuleContext, messages: CheckMessage[]): void {
  try {
    rule.check(context)
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error))
    const message = createMessage(`sxs bug: rule \`${rule.id}\` crashed (${cause.message}); please report it`, {ruleId: 'internal-error', place: {line: 1, column: 1, offset: 0}, cause}) as CheckMessage
    if (context.document.path !== undefined) message.file = context.document.path
    messages.push(message)
  }
}
