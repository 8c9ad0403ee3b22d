/** The output formats of `sxs check`. */
import type {Reporter} from './types.js'
import {stylish} from './stylish.js'
import {json} from './json.js'
import {github} from './github.js'
import {compact} from './compact.js'

export type {FileResult, Reporter, ReportContext} from './types.js'

/**
 * Each format's reporter, loaded when asked for: SARIF describes every rule, and so loads the rules (and with
 * them the parser), which a run whose findings all come from the cache otherwise never needs.
 */
export const reporters: Record<string, () => Promise<Reporter>> = {
  stylish: async () => stylish,
  compact: async () => compact,
  json: async () => json,
  github: async () => github,
  sarif: async () => (await import('./sarif.js')).sarif
}
