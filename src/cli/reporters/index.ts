/** The output formats of `sxs check`. */
import type {Reporter} from './types.js'
import {stylish} from './stylish.js'
import {json} from './json.js'
import {github} from './github.js'
import {sarif} from './sarif.js'
import {compact} from './compact.js'

export type {FileResult, Reporter, ReportContext} from './types.js'
export const reporters: Record<string, Reporter> = {stylish, compact, json, github, sarif}
