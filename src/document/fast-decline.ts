/**
 * How the fast path (fast-blocks.ts, fast-inline.ts) gives up on a file: `decline(reason)` throws a
 * `Decline` naming why, which `fastStructure` turns into "ask remark" (and `fastAttempt` into the reason,
 * which `npm run verify` counts). Throwing is the control flow because a decline can come from deep inside
 * a line's or a pair's scan, and ends the whole file's.
 */

/** Why the fast path left a file to remark: one name per thing it is not sure of. */
export type DeclineReason =
  /** A CR the LF copy kept (none: scanCopy makes every CR a LF, as micromark ends a line at a lone CR). */
  | 'lone-carriage-return'
  /** The LF copy of a CRLF or BOM file finds other pairs than the file. */
  | 'copy-changes-pairs'
  /** A NUL character (micromark replaces it). */
  | 'nul'
  /** `<!-->` or `<!--->`, an empty HTML comment. */
  | 'empty-comment'
  /** U+FEFF where it could start or end a line's syntax, or inside an HTML tag. */
  | 'byte-order-mark'
  /** A `---` front matter not closed by a plain `---` line. */
  | 'front-matter'
  /**
   * A tab where it indents a line or follows a marker, its columns mattering in a way the scanner does not
   * model (a tab after a list marker with no other tab in the line's syntax is read; `untabbedLine`).
   */
  | 'tab'
  /** A footnote definition (`[^label]:`) anywhere. */
  | 'footnote'
  /** A link reference definition the scanner is not sure of (inside a container, over lines, broken, …). */
  | 'definition'
  /** Indented code starting on a line the open containers do not go on. */
  | 'lazy-indented-code'
  /** A lazy line that micromark could read as a setext underline. */
  | 'setext-ambiguity'
  /** A delimiter row or a line after a table's rows whose reading is more than the scanner models. */
  | 'table-ambiguity'
  /** An HTML declaration or processing instruction (`<!x`, `<?`), or `<pre/`-like raw tags. */
  | 'html-kind'
  /** A `<table` the scanner finds in no block, or in one without inline content. */
  | 'html-table-tag'
  /** A pair starting in no block, on none of its block's lines, or inside an inline HTML tag. */
  | 'pair-position'
  /** A pair in a reference link's text, or a defined text micromark may read as a reference. */
  | 'reference-link'
  /** A literal autolink (`https://`, `www.`) running through brackets or backticks. */
  | 'autolink-literal'
  /** A link destination or title micromark reads in a way the scanner does not model. */
  | 'link-destination'
  /** A `ParseError` met while scanning (the full parse reports it). */
  | 'parse-error'

export class Decline extends Error {
  constructor(readonly reason: DeclineReason) {
    super(reason)
  }
}

export function decline(reason: DeclineReason): never {
  throw new Decline(reason)
}
