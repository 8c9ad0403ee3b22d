/**
 * Inline markup inside a segment text, as protected codes.
 *
 * A segment text is cut into text and codes; every code keeps its exact native markdown (`data`), so that
 * concatenating the `value` of text tokens and the `data` of code tokens gives the text back byte for byte.
 */

/** What a code stands for (mdast names where there is one). */
export type CodeKind =
  /** `**…**`, `__…__` (paired) */
  | 'strong'
  /** `*…*`, `_…_` (paired) */
  | 'emphasis'
  /** GFM `~…~`, `~~…~~` (paired) */
  | 'delete'
  /** `[` … `](url "title")` (paired: the link text stays translatable) */
  | 'link'
  /** `![alt](src "title")` (standalone) */
  | 'image'
  /** `` `code` ``, any backtick run length (standalone) */
  | 'inlineCode'
  /** `<https://…>`, `<name@example.com>` (standalone) */
  | 'autolink'
  /** GFM literal `https://…` / `www.…` (standalone) */
  | 'url'
  /** HTML: a tag (paired when its open and close tags are both in the text, else standalone), comment, … */
  | 'html'
  /** `&nbsp;`, `&#123;`, `&#x7B;` (standalone) */
  | 'entity'
  /** `\*`, `\>`, … (standalone) */
  | 'escape'
  /** Backslash hard line break: `\` + line ending (standalone) */
  | 'break'
  /** A character XML 1.0 cannot carry (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF, lone surrogates) */
  | 'char'

export interface TextToken {
  type: 'text'
  value: string
}

/** One half of a paired code, or a standalone code. `pair` links an open token to its close token. */
export interface CodeToken {
  type: 'open' | 'close' | 'standalone'
  kind: CodeKind
  /** The exact native text. */
  data: string
  /** For `open`/`close`: an index shared by the two halves of one pair (unique within one tokenization). */
  pair?: number
}

export type InlineToken = TextToken | CodeToken

/** A code of a segment's code table: the same id in source and target means the same markup. */
export type InlineCode =
  | {id: string; kind: CodeKind; type: 'paired'; open: string; close: string}
  | {id: string; kind: CodeKind; type: 'standalone'; data: string}

/** A reference to a code in coded content. `data` overrides the table (a CAT tool returned native data). */
export interface CodeRef {
  type: 'open' | 'close' | 'standalone'
  id: string
  data?: string
}

/** Text with code references, in order. */
export type CodedContent = Array<string | CodeRef>

/** A segment's source and target in coded form, with their shared code table. */
export interface CodedSegment {
  source: CodedContent
  target: CodedContent
  codes: InlineCode[]
}

export type CodeProblemType = 'missing' | 'extra' | 'duplicated' | 'unbalanced' | 'unknown'

export interface CodeProblem {
  type: CodeProblemType
  kind: CodeKind | undefined
  /** Native data (paired: `open…close`). */
  data: string
  /** The code's id, when the problem is about coded content. */
  id?: string
  /** How many are missing / extra / duplicated. */
  count: number
  reason: string
}
