/** Types for `gettext-parser` 10 (it ships none): only the PO functions sxs uses. */
declare module 'gettext-parser' {
  export interface PoComments {
    translator?: string
    reference?: string
    extracted?: string
    flag?: string
    previous?: string
  }

  export interface PoEntry {
    msgctxt?: string
    msgid: string
    msgid_plural?: string
    msgstr: string[]
    comments?: PoComments
  }

  export interface PoTable {
    charset?: string
    headers?: Record<string, string>
    /** By `msgctxt` ('' for none), then by `msgid`. */
    translations: Record<string, Record<string, PoEntry>>
    obsolete?: Record<string, Record<string, PoEntry>>
  }

  export interface PoCompileOptions {
    foldLength?: number
    escapeCharacters?: boolean
    sort?: boolean | ((left: PoEntry, right: PoEntry) => number)
    eol?: string
  }

  /** A lexer error carries the 1-based line it stopped at. */
  export interface PoSyntaxError extends SyntaxError {
    lineNumber?: number
  }

  export const po: {
    parse(input: string | Uint8Array, options?: {defaultCharset?: string; validation?: boolean}): PoTable
    compile(table: PoTable, options?: PoCompileOptions): Uint8Array
  }
}
