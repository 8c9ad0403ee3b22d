/** YAML front matter, parsed with the `yaml` package; the raw text stays in the skeleton untouched. */
import {parse as parseYaml} from 'yaml'
import type {Root} from 'mdast'

export interface FrontMatterParse {
  raw: string
  data: Record<string, unknown>
  /** Offsets of the raw YAML (between the fences) in the text given to remark. */
  start: number
  end: number
  error: {reason: string; offset: number} | undefined
}

export function readFrontMatter(tree: Root, text: string): FrontMatterParse | undefined {
  const node = tree.children[0]
  if (!node || node.type !== 'yaml' || !node.position) return undefined
  const nodeStart = node.position.start.offset ?? 0
  const nodeEnd = node.position.end.offset ?? 0
  const whole = text.slice(nodeStart, nodeEnd)
  // The node spans the fences; its value is the text between them.
  const firstBreak = whole.indexOf('\n')
  const start = nodeStart + firstBreak + 1
  const lastBreak = whole.lastIndexOf('\n')
  // With CRLF the last line break is `\r\n`: the YAML (and its position) ends before the `\r`.
  const end = lastBreak > firstBreak ? nodeStart + lastBreak - (whole[lastBreak - 1] === '\r' ? 1 : 0) : start
  const raw = text.slice(start, end)
  try {
    const value: unknown = parseYaml(raw, {uniqueKeys: false, prettyErrors: false})
    const data = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
    return {raw, data, start, end, error: undefined}
  } catch (error) {
    const offset = (error as {pos?: [number, number]}).pos?.[0] ?? 0
    return {raw, data: {}, start, end, error: {reason: `Front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`, offset: start + offset}}
  }
}
