/** Line endings of text written into a document: the document's own (its `eol`). */
import type {LineEnding} from './types.js'

/**
 * `text`'s line breaks as the document writes its own: a translation file's LF targets go into a CRLF (or CR-only)
 * document with CRLF (CR). A text that holds a CR already is taken as it is (it says what it wants).
 */
export function withLineEnding(text: string, eol: LineEnding): string {
  return eol === '\n' || text.includes('\r') ? text : text.replace(/\n/g, eol)
}
