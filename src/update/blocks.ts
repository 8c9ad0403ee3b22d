/**
 * Blocks of a markdown text (the new English, or the source side of the old bilingual document), the units
 * that `update` aligns, and what both readings of them share (read-blocks.ts: parse's fast path, else
 * remark's mdast). A block is one leaf block (paragraph, heading, code, html, table row, thematic break,
 * definition), from the start of the line it starts on (list markers and `>` included) to the end of the line
 * it ends on. The text between blocks (blank lines, a table's delimiter row) is not part of any block.
 */

export interface TextRange {
  start: number
  end: number
}

export interface Block extends TextRange {
  /** mdast type of the (first) leaf node: `paragraph`, `heading`, `code`, `html`, `tableRow`, … */
  kind: string
  /**
   * What two blocks are compared by: the text with line endings as LF and heading anchors removed (trailing
   * blanks count: a block whose English lost them is rebuilt from the English, its sentences still matched).
   */
  key: string
  /** Where the block holds prose to translate (headings, paragraphs, table cells), in text offsets. */
  ranges: TextRange[]
}

export interface BlockReading {
  /** End of the front matter (after its closing fence), 0 without one. */
  frontMatterEnd: number
  blocks: Block[]
}

/**
 * The comparison key of a block's text. The localization pipeline adds `<a name="…"></a>` anchors to
 * headings (the bilingual source side has them, the English does not).
 */
export function blockKey(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/<a\s+(?:name|id)\s*=\s*"[^"]*"\s*>\s*<\/a>\s*/gi, '')
}

/**
 * From the content's start to its end: one range, line breaks and the container markers after them (`> `)
 * included; the caller joins such lines (wrap.ts). A docs alert's marker line (`[!NOTE]`) is not prose.
 */
export function contentRanges(text: string, first: number, last: number): TextRange[] {
  let start = first
  const marker = /^\[![A-Za-z]+\][ \t]*\r?\n[ \t>]*/.exec(text.slice(start, last))
  if (marker) start += marker[0].length
  // The pipeline's heading anchor stays outside the pair (a bilingual document's own source side has it).
  const anchor = /^<a\s+(?:name|id)\s*=\s*"[^"]*"\s*>\s*<\/a>\s*/i.exec(text.slice(start, last))
  if (anchor) start += anchor[0].length
  return [linkText(text, trimRange(text, {start, end: last}))].filter((range) => isProse(text.slice(range.start, range.end)))
}

/** Content that is one link and nothing else (a link list's item): the pipeline's pair is the link's text. */
export function linkText(text: string, range: TextRange): TextRange {
  const content = text.slice(range.start, range.end)
  const match = /^\[((?:[^[\]]|\[[^[\]]*\])*)\]\([^()\s]*(?:\s+"[^"]*")?\)$/.exec(content)
  if (!match || match[1]!.trim() === '') return range
  const start = range.start + 1
  return trimRange(text, {start, end: start + match[1]!.length})
}

export function trimRange(text: string, range: TextRange): TextRange {
  let {start, end} = range
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return {start, end}
}

/**
 * Whether a content range is something the pipeline translates: it has a letter or digit outside inline
 * code, URLs, HTML tags and images, and is not a docs extension line (`[!NOTE]`, `[!INCLUDE[…](…)]`).
 */
export function isProse(content: string): boolean {
  if (/^\[!(?:[A-Za-z]+)\]$/.test(content) || /^\[!(?:INCLUDE|div|VIDEO|code)\b/i.test(content)) return false
  const rest = content
    .replace(/`+[^`]*`+/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
  // Two inline codes or more (`a`, `b`, `c` in a table cell) make a list the pipeline translates too.
  return /[\p{L}\p{N}]/u.test(rest) || (content.match(/`+[^`]+`+/g)?.length ?? 0) >= 2
}
