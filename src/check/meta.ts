/**
 * What the CLI needs of check before (or without) running a rule: where the rules are documented, how a rule
 * setting reads, and the counts of a list of findings. A module of its own so that a run whose results all come
 * from the cache never loads the rules, the parser and remark (src/cli: the bundle loads them on a cache miss).
 */
import type {RuleSetting, Severity} from './rule.js'

/**
 * Where each rule is documented: docs/rules.md of the installed package (it ships the page; the project has
 * no public URL yet), as an absolute file URL. This module is two levels below the package root in the
 * sources, in the compiled library and in the bundled CLI alike (scripts/build.mjs).
 */
export const docsUrl = new URL('../../docs/rules.md', import.meta.url).href

export function ruleUrl(id: string): string {
  return `${docsUrl}#${id}`
}

/** `off` → undefined; `warn`/`warning`/1 → warning; `error`/2 → error. Throws on anything else. */
export function normalizeSetting(setting: RuleSetting | unknown): Severity | 'off' {
  if (setting === 'off' || setting === 0) return 'off'
  if (setting === 'warn' || setting === 'warning' || setting === 1) return 'warning'
  if (setting === 'error' || setting === 2) return 'error'
  throw new TypeError(`invalid rule setting ${JSON.stringify(setting)} (use "off", "warn" or "error")`)
}

/** Counts of a list of messages: the one tally (vfile-statistics), exported where check's users find it. */
export {tally} from '../document/messages.js'
