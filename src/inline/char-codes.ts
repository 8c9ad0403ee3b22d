/**
 * The UTF-16 code units the scanners compare `charCodeAt` results against, by name (micromark's `codes`,
 * with its names; `charCodes` here, as "codes" are a segment's inline codes in sxs). In `inline/`, the
 * lowest layer, so that the document scanners (pairs, fast path) and the inline tokenizer share one list.
 * Only the units some scanner reads are here.
 */
export const charCodes = {
  horizontalTab: 0x09,
  lineFeed: 0x0a,
  formFeed: 0x0c,
  carriageReturn: 0x0d,
  /** Also the first code unit that is no C0 control character. */
  space: 0x20,
  exclamationMark: 0x21,
  quotationMark: 0x22,
  ampersand: 0x26,
  apostrophe: 0x27,
  leftParenthesis: 0x28,
  rightParenthesis: 0x29,
  asterisk: 0x2a,
  plusSign: 0x2b,
  dash: 0x2d,
  slash: 0x2f,
  digit0: 0x30,
  digit9: 0x39,
  lessThan: 0x3c,
  greaterThan: 0x3e,
  questionMark: 0x3f,
  uppercaseA: 0x41,
  uppercaseH: 0x48,
  uppercaseW: 0x57,
  uppercaseZ: 0x5a,
  leftSquareBracket: 0x5b,
  backslash: 0x5c,
  rightSquareBracket: 0x5d,
  underscore: 0x5f,
  graveAccent: 0x60,
  lowercaseA: 0x61,
  lowercaseH: 0x68,
  lowercaseM: 0x6d,
  lowercaseN: 0x6e,
  lowercaseP: 0x70,
  lowercaseS: 0x73,
  lowercaseT: 0x74,
  lowercaseW: 0x77,
  lowercaseZ: 0x7a,
  verticalBar: 0x7c,
  tilde: 0x7e,
  del: 0x7f,
  /** The first code unit past ASCII. */
  nonAscii: 0x80,
  highSurrogateFirst: 0xd800,
  highSurrogateLast: 0xdbff,
  lowSurrogateFirst: 0xdc00,
  lowSurrogateLast: 0xdfff,
  lineSeparator: 0x2028,
  paragraphSeparator: 0x2029,
  /** U+FFFE and U+FFFF: noncharacters XML 1.0 cannot carry. */
  nonCharacterFffe: 0xfffe,
  nonCharacterFfff: 0xffff
} as const

/** The bit an ASCII letter's upper and lower case differ by: `code | asciiCaseBit` is the lower case. */
export const asciiCaseBit = 0x20

/**
 * Whether `/\s/` matches a code unit, by code: ASCII tab to carriage return and space, and beyond ASCII the
 * others ECMAScript's white space and line terminators are (U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
 * U+202F, U+205F, U+3000, U+FEFF: the Zs category has held these since Unicode 6.3). No one-character string
 * and regular expression per character (for CJK text, every character is beyond ASCII); a test compares
 * it with `/\s/` for every code unit.
 */
export function isWhiteSpaceCode(code: number): boolean {
  if (code < charCodes.nonAscii) return code === charCodes.space || (code >= charCodes.horizontalTab && code <= charCodes.carriageReturn)
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/**
 * `text.trim() === ''`: nothing but white space (`\s`, what `trim` removes). Stops at the first other
 * character (the first, in nearly every segment text) and makes no trimmed copy; the rules ask it of every
 * source and target.
 */
export function isBlank(text: string): boolean {
  for (let at = 0; at < text.length; at++) if (!isWhiteSpaceCode(text.charCodeAt(at))) return false
  return true
}
