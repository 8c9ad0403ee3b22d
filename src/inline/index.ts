/** Inline markup inside segment texts ↔ protected codes: one module for every format and for merge. */
export {tokenize, untokenize, hasInvalidXmlChar, mayHoldMarkup} from './tokenize.js'
export {codeSegment, codeText, codeById, codeTable, codeData, rebuild, checkCodedContent, verifyCodes} from './codes.js'
export type * from './types.js'
export {codeParity, normalizeUrl} from './parity.js'
export type {ParityChange, ParityKind, ParityProblem} from './parity.js'
