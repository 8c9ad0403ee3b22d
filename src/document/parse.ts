/**
 * bytes → BilingualDocument. Three separate steps: the pair scan (pairs.ts) cuts the text into
 * skeleton and segments; remark (blocks.ts) gives block structure; context.ts places each pair in it.
 */
import type {VFileMessage} from 'vfile-message'
import type {BilingualDocument, FrontMatter, Segment} from './types.js'
import {parseId, scanPairs} from './pairs.js'
import {parseBlocks} from './blocks.js'
import {readFrontMatter} from './front-matter.js'
import {findHtmlTableCells} from './html-tables.js'
import {createContextLocator} from './context.js'
import {createLocator} from './positions.js'
import {createMessage} from './messages.js'

export interface ParseOptions {
  /** Path to report in messages and outputs. */
  path?: string
  /** Source language; defaults to `en-US` (the documents do not say). */
  sourceLanguage?: string
}

const BOM = '\uFEFF'

export function parse(text: string, options: ParseOptions = {}): BilingualDocument {
  const bom = text.startsWith(BOM)
  const shift = bom ? 1 : 0
  const markdown = bom ? text.slice(1) : text
  const locator = createLocator(text)
  const messages: VFileMessage[] = []

  const tree = parseBlocks(markdown)
  const front = readFrontMatter(tree, markdown)
  let frontMatter: FrontMatter | undefined
  if (front) {
    frontMatter = {raw: front.raw, data: front.data, position: locator.position(front.start + shift, front.end + shift)}
    if (front.error) {
      messages.push(createMessage(front.error.reason, {ruleId: 'front-matter-yaml', place: locator.point(front.error.offset + shift)}))
    }
  }

  const scan = scanPairs(text)
  for (const problem of scan.problems) {
    messages.push(createMessage(problem.reason, {ruleId: problem.ruleId, place: locator.position(problem.start, problem.end), fatal: !problem.recovered}))
  }

  const contexts = createContextLocator(tree, markdown, shift, findHtmlTableCells(tree, text, shift))
  const parts: Array<string | Segment> = []
  const segments: Segment[] = []
  let cursor = 0
  for (const pair of scan.pairs) {
    parts.push(text.slice(cursor, pair.pairStart))
    const {prefix, number, merged} = parseId(pair.id)
    const segment: Segment = {
      id: pair.id,
      prefix,
      number,
      merged,
      sourceId: pair.sourceId,
      source: text.slice(pair.sourceStart, pair.sourceEnd),
      target: text.slice(pair.targetStart, pair.targetEnd),
      markup: {
        open: text.slice(pair.pairStart, pair.targetStart),
        middle: text.slice(pair.targetEnd, pair.sourceStart),
        close: text.slice(pair.sourceEnd, pair.pairEnd)
      },
      context: contexts.locate(pair.pairStart),
      position: {
        pair: locator.position(pair.pairStart, pair.pairEnd),
        target: locator.position(pair.targetStart, pair.targetEnd),
        source: locator.position(pair.sourceStart, pair.sourceEnd)
      }
    }
    parts.push(segment)
    segments.push(segment)
    cursor = pair.pairEnd
  }
  parts.push(text.slice(cursor))

  const contentLocale = frontMatter?.data['ms.contentlocale']
  const crlf = (text.match(/\r\n/g) ?? []).length
  const lf = (text.match(/\n/g) ?? []).length
  return {
    path: options.path,
    frontMatter,
    languages: {
      source: options.sourceLanguage ?? 'en-US',
      target: typeof contentLocale === 'string' && contentLocale !== '' ? contentLocale : undefined
    },
    parts,
    segments,
    messages,
    eol: crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n',
    bom
  }
}
