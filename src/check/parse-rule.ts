/** Rules whose problems the parser already found (its messages carry the rule id): they only pass them on. */
import type {Rule, RuleContext} from './rule.js'

export function parseRule(rule: Omit<Rule, 'check'>): Rule {
  return {
    ...rule,
    check(context: RuleContext) {
      for (const message of context.document.messages) {
        if (message.ruleId !== rule.id || !message.place) continue
        context.report(message.reason, message.place, message.fatal === false ? {warning: true} : {})
      }
    }
  }
}
