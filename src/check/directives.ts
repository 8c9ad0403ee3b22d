/**
 * Comments in a document that turn rules off and on again, as ESLint's, markdownlint's and remark-lint's do:
 *
 *     <!-- sxs-disable id-gap -->  …  <!-- sxs-enable id-gap -->   a range (no enable: to the end of the file)
 *     <!-- sxs-disable-next-line id-gap -->                         the line after the comment
 *     … <!-- sxs-disable-line table-shape --> |                     the comment's own line (a table row)
 *     <!-- sxs-disable-file front-matter-yaml -->                   the whole file, wherever it is written
 *     <!--sxs disable id-gap-->, <!--sxs enable …-->, <!--sxs ignore …-->   remark-lint's spelling
 *
 * Without ids a comment applies to every rule. Ids are separated by spaces or commas; ` -- ` starts a
 * reason that is not read (ESLint's convention).
 *
 * unified-message-control applies them, the way remark-lint does: it reads comment markers from a tree and
 * filters a vfile's messages by place. sxs's fast path builds no mdast, so the tree given to it is made
 * from the comments alone: one `html` node per directive, placed where its effect starts, `text` nodes
 * for the rest of the file (the library drops messages in parts of the file no node covers), and after an
 * `ignore` marker (what next-line, line and remark's ignore become) a node that spans exactly what it
 * covers, as the library ends an `ignore` at the end of the marker's next sibling. A message is kept when
 * both the ranges and the `ignore`s keep it (two passes).
 */
import type {Literal, Node, Parent} from 'unist'
import {commentMarker} from 'mdast-comment-marker'
import {messageControl, type Marker} from 'unified-message-control'
import {VFile} from 'vfile'
import type {BilingualDocument} from '../document/types.js'
import type {Locator} from '../document/positions.js'
import {createMessage} from '../document/messages.js'
import type {CheckMessage} from './rule.js'

/** The rule id of a problem with a directive itself (an unknown rule or keyword): a warning, not a rule. */
export const directiveRuleId = 'disable-comment'

type Verb = 'disable' | 'enable' | 'ignore'

/** What each comment name does: its verb and where its effect starts and, for `ignore`, ends. */
const names: Record<string, {verb: Verb; scope: 'here' | 'file' | 'next-line' | 'line'} | undefined> = {
  'sxs-disable': {verb: 'disable', scope: 'here'},
  'sxs-enable': {verb: 'enable', scope: 'here'},
  'sxs-disable-file': {verb: 'disable', scope: 'file'},
  'sxs-disable-next-line': {verb: 'ignore', scope: 'next-line'},
  'sxs-disable-line': {verb: 'ignore', scope: 'line'}
}

interface Directive {
  /** `disable a b` as unified-message-control reads it. */
  attributes: string
  /** Where the effect starts (an offset in the file). */
  from: number
  /** Start and end of the comment. */
  commentStart: number
  commentEnd: number
  /** For `ignore`: the offsets it covers after `from`. */
  covers?: {start: number; end: number}
}

/** The start of a comment whose name starts with `sxs` (read at a `<!--`). */
const directiveStart = /<!--\s*sxs(?![\w])/y

/** A comment as a message quotes it: a long one shortened (a message never holds a whole page). */
function quoted(comment: string): string {
  return comment.length <= 80 ? comment : `${comment.slice(0, 60)}…${comment.slice(-12)}`
}

/** A quick test for whether a document can hold directives at all (most hold none). */
export function mayHaveDirectives(text: string): boolean {
  return text.includes('<!--') && /<!--\s*sxs(?![\w])/.test(text)
}

/** Start and end (before the line break) of the line holding `offset`. */
function lineAround(text: string, offset: number): {start: number; end: number} {
  // Character by character both ways: `lastIndexOf('\r')` would scan to the file's start when it has no CR.
  let start = offset
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--
  let end = offset
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++
  return {start, end}
}

/** Offset of the start of the line after the one holding `offset`, or undefined on the last line. */
function nextLineStart(text: string, offset: number): number | undefined {
  const {end} = lineAround(text, offset)
  if (end === text.length) return undefined
  return text.startsWith('\r\n', end) ? end + 2 : end + 1
}

/** remark's `ignore` covers the next block: the lines after the comment (blank ones skipped) up to a blank line. */
function nextBlock(text: string, offset: number): {start: number; end: number} | undefined {
  let start = nextLineStart(text, offset)
  while (start !== undefined && /^[ \t]*$/.test(text.slice(start, lineAround(text, start).end))) start = nextLineStart(text, start)
  if (start === undefined) return undefined
  let end = lineAround(text, start).end
  for (let next = nextLineStart(text, end); next !== undefined; next = nextLineStart(text, next)) {
    const line = lineAround(text, next)
    if (/^[ \t]*$/.test(text.slice(line.start, line.end))) break
    end = line.end
  }
  return {start, end}
}

/**
 * The directives of a document: comments in its skeleton text (never inside a pair or a code block), in
 * file order, and problems with the comments themselves (an unknown `sxs-…` name).
 */
function findDirectives(document: BilingualDocument, text: string, locator: Locator): {directives: Directive[]; problems: CheckMessage[]} {
  const directives: Directive[] = []
  const problems: CheckMessage[] = []
  // Code blocks in file order, as the comments are found: one pass over both.
  const blocks = document.codeBlocks
  let block = 0
  // Where the skeleton text starts: the file's start, then the end of the pair before it (the layout).
  let offset = 0
  for (const part of document.parts) {
    if (typeof part !== 'string') {
      offset = part.position.pair.end.offset
      continue
    }
    for (let at = part.indexOf('<!--'); at !== -1; at = part.indexOf('<!--', at + 4)) {
      directiveStart.lastIndex = at
      if (!directiveStart.test(part)) continue
      const close = part.indexOf('-->', directiveStart.lastIndex)
      // Unclosed: no later comment in this text is closed either.
      if (close === -1) break
      const start = offset + at
      const end = offset + close + 3
      const line = locator.point(start).line
      while (block < blocks.length && blocks[block]!.endLine < line) block++
      if (block < blocks.length && blocks[block]!.startLine <= line) continue
      const directive = readDirective(text, part.slice(at, close + 3), start, end)
      if (typeof directive === 'string') {
        problems.push(createMessage(directive, {ruleId: directiveRuleId, place: locator.position(start, end), fatal: false}) as CheckMessage)
      } else if (directive) {
        directives.push(directive)
      }
      // The next search starts just after this comment's `-->`.
      at = close - 1
    }
    offset += part.length
  }
  return {directives, problems}
}

/** One comment → a directive, a problem to report (a string), or nothing when it says nothing for sxs. */
function readDirective(text: string, comment: string, start: number, end: number): Directive | string | undefined {
  const cleaned = comment.replace(/\s--\s[\s\S]*?(?=-->$)/, ' ').replace(/,/g, ' ')
  const marker = commentMarker({type: 'html', value: cleaned} as Literal) as Marker | undefined
  if (!marker) return `Cannot read the directive \`${quoted(comment)}\`: expected \`<!-- sxs-disable rule-id … -->\``
  if (marker.name === 'sxs') {
    const [verb] = marker.attributes.split(/\s+/)
    if (verb === 'ignore') {
      const covers = nextBlock(text, end)
      return covers ? {attributes: marker.attributes, from: start, commentStart: start, commentEnd: end, covers} : undefined
    }
    if (verb === 'disable' || verb === 'enable') return {attributes: marker.attributes, from: start, commentStart: start, commentEnd: end}
    return `Unknown keyword \`${quoted(verb ?? '')}\` in \`${quoted(comment)}\`: expected \`disable\`, \`enable\` or \`ignore\``
  }
  const known = Object.hasOwn(names, marker.name) ? names[marker.name] : undefined
  if (!known) return `Unknown directive \`${quoted(marker.name)}\`: expected one of ${Object.keys(names).map((name) => `\`${name}\``).join(', ')}`
  const attributes = `${known.verb} ${marker.attributes}`.trim()
  switch (known.scope) {
    case 'here':
      return {attributes, from: start, commentStart: start, commentEnd: end}
    case 'file':
      return {attributes, from: 0, commentStart: start, commentEnd: end}
    case 'line': {
      const line = lineAround(text, start)
      return {attributes, from: line.start, commentStart: start, commentEnd: end, covers: {start: line.start, end: lineAround(text, end).end}}
    }
    case 'next-line': {
      const next = nextLineStart(text, end)
      return next === undefined ? undefined : {attributes, from: start, commentStart: start, commentEnd: end, covers: {start: next, end: lineAround(text, next).end}}
    }
  }
}

interface MarkerNode extends Literal {
  type: 'html'
  value: string
  attributes: string
  /** Where the comment is (the node starts where its effect does). */
  comment: {start: number; end: number}
}

/** The tree unified-message-control reads: the directives' markers, and text nodes covering the rest. */
function directiveTree(directives: Directive[], text: string, locator: Locator): Parent {
  const children: Node[] = []
  const place = (start: number, end: number) => locator.position(start, end)
  let cursor = 0
  const sorted = [...directives].sort((a, b) => a.from - b.from)
  for (const directive of sorted) {
    if (directive.from > cursor) children.push({type: 'text', value: '', position: place(cursor, directive.from)} as Literal)
    const marker: MarkerNode = {
      type: 'html',
      value: '',
      attributes: directive.attributes,
      comment: {start: directive.commentStart, end: directive.commentEnd},
      position: place(directive.from, directive.commentEnd)
    }
    // Each marker in a parent of its own with what it covers (the library's `ignore` ends with the next sibling).
    const group: Node[] = [marker]
    const end = Math.max(directive.commentEnd, directive.covers?.end ?? 0)
    if (directive.covers) group.push({type: 'text', value: '', position: place(directive.covers.start, directive.covers.end)} as Literal)
    children.push({type: 'directive', children: group, position: place(directive.from, end)} as Parent)
    cursor = Math.max(cursor, end)
  }
  if (cursor < text.length || children.length === 0) children.push({type: 'text', value: '', position: place(cursor, text.length)} as Literal)
  return {type: 'root', children: balanced(children), position: place(0, text.length)} as Parent
}

/**
 * Nodes in file order, as parents of at most 64 children each: unist-util-visit finds each node's index with
 * `indexOf` among its siblings, which over one flat list of thousands of nodes is quadratic.
 */
function balanced(nodes: Node[]): Node[] {
  let level = nodes
  while (level.length > 64) {
    const next: Node[] = []
    for (let index = 0; index < level.length; index += 64) {
      const chunk = level.slice(index, index + 64)
      const start = chunk.reduce((least, node) => (node.position!.start.offset! < least.offset! ? node.position!.start : least), chunk[0]!.position!.start)
      const end = chunk.reduce((most, node) => (node.position!.end.offset! > most.offset! ? node.position!.end : most), chunk[0]!.position!.end)
      next.push({type: 'group', children: chunk, position: {start, end}} as Parent)
    }
    level = next
  }
  return level
}

/**
 * Drop the messages the document's directives turn off. Messages keep their places and rule ids; problems
 * with the directives (an unknown rule id, name or keyword) are added as `disable-comment` warnings.
 */
export function applyDirectives(messages: CheckMessage[], document: BilingualDocument, text: string, locator: Locator, known: string[]): CheckMessage[] {
  if (!mayHaveDirectives(text)) return messages
  const {directives, problems} = findDirectives(document, text, locator)
  if (directives.length === 0 && problems.length === 0) return messages
  const file = new VFile({value: text})
  file.messages = [...messages]
  // Ranges and `ignore`s in separate passes: the library ends an `ignore` by turning its rules on, which
  // would end a range that was already off there (`sxs-disable x` … `sxs-disable-next-line x` … ).
  for (const group of [directives.filter((directive) => !directive.covers), directives.filter((directive) => directive.covers)]) {
    if (group.length === 0) continue
    messageControl(directiveTree(group, text, locator), {
      file,
      name: 'sxs',
      known,
      test: 'html',
      marker: (node) => ({name: 'sxs', attributes: (node as MarkerNode).attributes, parameters: {}, node: node as never})
    })
  }
  const kept: CheckMessage[] = []
  for (const message of file.messages as CheckMessage[]) {
    if (message.source === 'sxs') {
      kept.push(message)
      continue
    }
    // The library's own finding (a rule id it does not know), as sxs's, on the comment that names it.
    const node = message.ancestors?.[0] as MarkerNode | undefined
    const place = node?.comment ? locator.position(node.comment.start, node.comment.end) : (message.place as never)
    const id = /`'([^`]*)'`/.exec(message.reason)?.[1]
    const reason = id !== undefined && node?.comment ? `Unknown rule \`${quoted(id)}\` in \`${quoted(text.slice(node.comment.start, node.comment.end))}\`` : message.reason
    const problem = createMessage(reason, {ruleId: directiveRuleId, place, fatal: false}) as CheckMessage
    problems.push(problem)
  }
  if (document.path !== undefined) for (const problem of problems) problem.file = document.path
  return [...kept, ...problems]
}
