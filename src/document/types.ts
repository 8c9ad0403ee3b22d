/**
 * The bilingual document model: the one thing every feature reads.
 *
 * A document is its text cut into an alternation of skeleton strings and segments
 * (`parts`), so that `print(parse(text)) === text` for every input.
 */
import type {VFileMessage} from 'vfile-message'

/** A place in the file: 1-based line and column (UTF-16 code units, as unist counts), 0-based offset. */
export interface Point {
  line: number
  column: number
  offset: number
}

export interface Position {
  start: Point
  end: Point
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
  kind: ContextKind
  /** The mdast block that holds the pair (`paragraph`, `heading`, `tableRow`, `html`, `code`, …). */
  block: string
  /** Enclosing containers, outermost first, as mdast types (`list`, `listItem`, `blockquote`, `table`, …). */
  ancestors: string[]
  headingDepth?: number
  /** GFM table (`html: false`) or HTML table: 0-based index among the document's tables of that kind, row 0 is the header. */
  table?: {html: boolean; index: number; row: number; column: number}
  /** `NOTE`, `TIP`, `IMPORTANT`, `CAUTION`, `WARNING`, … for a `> [!TYPE]` alert. */
  alert?: string
  /** Destination of the link (or image) whose text holds the pair. */
  link?: {url: string; image: boolean}
  /** 0-based depth of list nesting, when inside a list item. */
  listDepth?: number
}

/** The markup of a pair around its two texts, kept byte for byte. */
export interface PairMarkup {
  /** `<span data-ttu-id="…">` */
  open: string
  /** `</span><span class="sxs-lookup"><span data-stu-id="…">` */
  middle: string
  /** `</span></span>` */
  close: string
}

export interface Segment {
  /** The pair id as written, e.g. `90f5f-103` or `90f5f-p104`. */
  id: string
  /** `90f5f` */
  prefix: string
  /** `103`; for a merged id `p104`, `104`. `NaN` when the id has no number. */
  number: number
  /** A `p` id: a merged paragraph whose source holds several sentences. */
  merged: boolean
  /** The id of the `sxs-lookup` span (equal to `id` in a healthy pair). */
  sourceId: string
  /** Source text, the exact markdown between the tags. */
  source: string
  /** Target (translated) text, the exact markdown between the tags. */
  target: string
  markup: PairMarkup
  context: SegmentContext
  position: {
    /** The whole pair, from `<span data-ttu-id` to the final `</span>`. */
    pair: Position
    target: Position
    source: Position
  }
}

export interface FrontMatter {
  /** The text between the `---` fences, as written. */
  raw: string
  /** Parsed YAML (an empty object when it is not a mapping). */
  data: Record<string, unknown>
  position: Position
}

export interface Languages {
  /** BCP 47 tag of the source; `en-US` unless the caller says otherwise. */
  source: string
  /** `ms.contentlocale`, when the front matter has it. */
  target: string | undefined
}

export interface BilingualDocument {
  /** Path as given by the caller, if any (used in messages and outputs). */
  path: string | undefined
  frontMatter: FrontMatter | undefined
  languages: Languages
  /** Skeleton text and segments, in file order: concatenated they give the file back. */
  parts: Array<string | Segment>
  /** The segments of `parts`, in document order. */
  segments: Segment[]
  /** Problems found while parsing (unclosed spans, a target without its source, …). */
  messages: VFileMessage[]
  /**
   * The fenced and indented code blocks, as line ranges (1-based, inclusive; blank lines at their end left
   * out), from the block parse: skeleton text there is code, not prose.
   */
  codeBlocks: Array<{startLine: number; endLine: number}>
  /**
   * The leaf blocks of the block parse (the fast path, or remark where it declines), in file order: what
   * every check rule judges block structure from, so that check reads the document as parse does.
   */
  blocks: LeafBlock[]
  /** Inline code spans that run over more than one line (their text is code, not prose), in file offsets. */
  multiLineCode: Array<{start: number; end: number}>
  /** Line ending the file mostly uses. */
  eol: '\n' | '\r\n'
  bom: boolean
}

/** A container a leaf block is in (outermost first): a block quote (alerts too), a list item, a footnote definition. */
export type ContainerKind = 'blockquote' | 'listItem' | 'footnote'

/**
 * A leaf block as the block parse reads it. Offsets are the file's, without the white space the block
 * starts or ends with (the two parse paths agree on them then). A table's delimiter row is no block.
 */
export interface LeafBlock {
  kind: 'code' | 'html' | 'paragraph' | 'heading' | 'tableRow' | 'definition'
  start: number
  end: number
  containers: ContainerKind[]
  /** Fenced code (not indented): whether a closing fence ends it (else its container or the file does). */
  fence?: {closed: boolean}
  /** A GFM table row: its table (numbered in file order), row (0: the header), cells, and the delimiter row's cells. */
  table?: {index: number; row: number; cells: number; columns: number}
  /** A link reference definition: its label (normalized as references match it), and whether it has a title. */
  definition?: {label: string; title: boolean}
}
