/**
 * The bilingual document model: the one thing every feature reads.
 *
 * A document is its text cut into an alternation of skeleton strings and segments
 * (`parts`), so that `print(parse(text)) === text` for every input.
 *
 * Read-only throughout: a document is made whole (by parse, or by merge from another one) and never edited,
 * so the offsets its segments hold (`position`, the layout: document/layout.ts) always agree with its text.
 */
import type {VFileMessage} from 'vfile-message'

/** A place in the file: 1-based line and column (UTF-16 code units, as unist counts), 0-based offset. */
export interface Point {
  readonly line: number
  readonly column: number
  readonly offset: number
}

export interface Position {
  readonly start: Point
  readonly end: Point
}

export type ContextKind =
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'blockquote'
  | 'alert'
  | 'tableCell'
  | 'htmlTableCell'
  | 'link'
  | 'image'
  | 'html'
  | 'code'

/** Where a segment sits in the document's structure. */
export interface SegmentContext {
  /** The most specific container: a link inside a table cell is `link`, with `table` set too. */
  readonly kind: ContextKind
  /** The mdast block that holds the pair (`paragraph`, `heading`, `tableRow`, `html`, `code`, …). */
  readonly block: string
  /** Enclosing containers, outermost first, as mdast types (`list`, `listItem`, `blockquote`, `table`, …). */
  readonly ancestors: readonly string[]
  readonly headingDepth?: number | undefined
  /** GFM table (`html: false`) or HTML table: 0-based index among the document's tables of that kind, row 0 is the header. */
  readonly table?: {readonly html: boolean; readonly index: number; readonly row: number; readonly column: number} | undefined
  /** `NOTE`, `TIP`, `IMPORTANT`, `CAUTION`, `WARNING`, … for a `> [!TYPE]` alert. */
  readonly alert?: string | undefined
  /** Destination of the link (or image) whose text holds the pair. */
  readonly link?: {readonly url: string; readonly image: boolean} | undefined
  /** 0-based depth of list nesting, when inside a list item. */
  readonly listDepth?: number | undefined
}

/** The markup of a pair around its two texts, kept byte for byte. */
export interface PairMarkup {
  /** `<span data-ttu-id="…">` */
  readonly open: string
  /** `</span><span class="sxs-lookup"><span data-stu-id="…">` */
  readonly middle: string
  /** `</span></span>` */
  readonly close: string
}

export interface Segment {
  /** The pair id as written, e.g. `90f5f-103` or `90f5f-p104`. */
  readonly id: string
  /** `90f5f` */
  readonly prefix: string
  /** `103`; for a merged id `p104`, `104`. `NaN` when the id has no number. */
  readonly number: number
  /** A `p` id: a merged paragraph whose source holds several sentences. */
  readonly merged: boolean
  /** The id of the `sxs-lookup` span (equal to `id` in a healthy pair). */
  readonly sourceId: string
  /** Source text, the exact markdown between the tags. */
  readonly source: string
  /** Target (translated) text, the exact markdown between the tags. */
  readonly target: string
  readonly markup: PairMarkup
  readonly context: SegmentContext
  readonly position: {
    /** The whole pair, from `<span data-ttu-id` to the final `</span>`. */
    readonly pair: Position
    readonly target: Position
    readonly source: Position
  }
}

export interface FrontMatter {
  /** The text between the `---` fences, as written. */
  readonly raw: string
  /** Parsed YAML (an empty object when it is not a mapping). */
  readonly data: Readonly<Record<string, unknown>>
  readonly position: Position
}

export interface Languages {
  /** BCP 47 tag of the source; `en-US` unless the caller says otherwise. */
  readonly source: string
  /** `ms.contentlocale`, when the front matter has it. */
  readonly target: string | undefined
}

export interface BilingualDocument {
  /** Path as given by the caller, if any (used in messages and outputs). */
  readonly path: string | undefined
  readonly frontMatter: FrontMatter | undefined
  readonly languages: Languages
  /**
   * Skeleton text and segments, in file order: concatenated they give the file back. They alternate,
   * skeleton first and last (a skeleton text may be empty): `parts[2 * k]` is the text before segment k.
   */
  readonly parts: ReadonlyArray<string | Segment>
  /** The segments of `parts`, in document order. */
  readonly segments: readonly Segment[]
  /** Problems found while parsing (unclosed spans, a target without its source, …). */
  readonly messages: readonly VFileMessage[]
  /**
   * The fenced and indented code blocks, as line ranges (1-based, inclusive; blank lines at their end left
   * out), from the block parse: skeleton text there is code, not prose.
   */
  readonly codeBlocks: ReadonlyArray<{readonly startLine: number; readonly endLine: number}>
  /**
   * The leaf blocks of the block parse (the fast path, or remark where it declines), in file order: what
   * every check rule judges block structure from, so that check reads the document as parse does.
   */
  readonly blocks: readonly LeafBlock[]
  /** Inline code spans that run over more than one line (their text is code, not prose), in file offsets. */
  readonly multiLineCode: ReadonlyArray<{readonly start: number; readonly end: number}>
  /**
   * The line table (part of the layout): the offset just after each line's line break, which is where the
   * next line starts; the last is the text's length + 1. Lines end at `\r\n`, `\r` or `\n`, as vfile-location's.
   */
  readonly lineEnds: readonly number[]
  /** Line ending the file mostly uses (`\r` only when it has no other): merge writes a target's line breaks with it. */
  readonly eol: LineEnding
  readonly bom: boolean
}

/** A container a leaf block is in (outermost first): a block quote (alerts too), a list item, a footnote definition. */
export type ContainerKind = 'blockquote' | 'listItem' | 'footnote'

/**
 * A leaf block as the block parse reads it. Offsets are the file's, without the white space the block
 * starts or ends with (the two parse paths agree on them then). A table's delimiter row is no block.
 */
export interface LeafBlock {
  readonly kind: 'code' | 'html' | 'paragraph' | 'heading' | 'tableRow' | 'definition'
  readonly start: number
  readonly end: number
  readonly containers: readonly ContainerKind[]
  /** Fenced code (not indented): whether a closing fence ends it (else its container or the file does). */
  readonly fence?: {readonly closed: boolean}
  /** A GFM table row: its table (numbered in file order), row (0: the header), cells, and the delimiter row's cells. */
  readonly table?: {readonly index: number; readonly row: number; readonly cells: number; readonly columns: number}
  /** A link reference definition: its label (normalized as references match it), and whether it has a title. */
  readonly definition?: {readonly label: string; readonly title: boolean}
}

/** A line ending, as a document's `eol` names the one it mostly uses. */
export type LineEnding = '\n' | '\r\n' | '\r'
