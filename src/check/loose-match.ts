/**
 * Where a text holds an ASCII token's characters in any case, with white space allowed between them
 * (`o365importtool. exe` for `O365ImportTool.exe`): what `new RegExp(characters joined by '\\s*', 'i').exec`
 * finds, read without compiling a pattern per token (compiling one per token and document was most of
 * protected-token-changed's time spent on what a target has instead of a token).
 */
import {asciiCaseBit, charCodes, isWhiteSpaceCode} from '../inline/char-codes.js'

const ASCII = /^[\0-\x7f]*$/

/** The same character to a case-insensitive, non-Unicode regex, for ASCII characters (the only ones that match ASCII). */
function sameAscii(a: number, b: number): boolean {
  if (a === b) return true
  const lower = a | asciiCaseBit
  return lower === (b | asciiCaseBit) && lower >= charCodes.lowercaseA && lower <= charCodes.lowercaseZ
}

/**
 * The leftmost stretch of `text` that holds `token` (white space in it left out) in any case, with white
 * space allowed between its characters; undefined when there is none, and null (not judged: the caller
 * compiles the pattern) for a token beyond ASCII. In a case-insensitive, non-Unicode regex an ASCII
 * character matches only itself in either case (no character beyond ASCII), which is all this compares.
 */
export function looseMatch(token: string, text: string): string | undefined | null {
  const characters = token.replace(/\s+/g, '')
  if (!ASCII.test(characters)) return null
  if (characters.length === 0) return ''
  const first = characters.charCodeAt(0)
  for (let start = 0; start < text.length; start++) {
    if (!sameAscii(text.charCodeAt(start), first)) continue
    let at = start + 1
    let index = 1
    for (; index < characters.length; index++) {
      // Greedy `\s*` and then a character that is no white space: the spaces are all skipped.
      while (at < text.length && isWhiteSpaceCode(text.charCodeAt(at))) at++
      if (at >= text.length || !sameAscii(text.charCodeAt(at), characters.charCodeAt(index))) break
      at++
    }
    if (index === characters.length) return text.slice(start, at)
  }
  return undefined
}
