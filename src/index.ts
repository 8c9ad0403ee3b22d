/** The public API of sxs. */
export {parse} from './document/parse.js'
export type {ParseOptions} from './document/parse.js'
export {print} from './document/print.js'
export type * from './document/types.js'
