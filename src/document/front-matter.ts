/**
 * YAML front matter, parsed with the `yaml` package (or, for plain lines, plain-yaml.ts); the raw text
 * stays in the skeleton untouched.
 */
import {parse as parseYaml} from 'yaml'
import type {Root} from 'mdast'
import {readPlainYaml} from './plain-yaml.js'

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
  return readFrontMatterAt(text, node.position.start.offset ?? 0, node.position.end.offset ?? 0)
}

/** Front matter from the offsets of its node (the fences included). */
export function readFrontMatterAt(text: string, nodeStart: number, nodeEnd: number): FrontMatterParse {
  const whole = text.slice(nodeStart, nodeEnd)
  // The node spans the fences; its value is the text between them (line breaks may be LF, CRLF or CR).
  const firstBreak = /\r\n|\r|\n/.exec(whole)
  const lastBreak = lastBreakIn(whole)
  const start = nodeStart + (firstBreak ? firstBreak.index + firstBreak[0].length : whole.length)
  const end = firstBreak && lastBreak >= 0 && lastBreak > firstBreak.index ? nodeStart + lastBreak : start
  const raw = text.slice(start, end)
  // Most front matter is plain `key: value` lines, which a small reader gives exactly; `yaml` reads the rest.
  // CRLF is a line break to YAML as LF is (the reader takes LF only; its values never hold a break).
  const plain = readPlainYaml(raw.includes('\r') && !/\r(?!\n)/.test(raw) ? raw.replaceAll('\r\n', '\n') : raw)
  if (plain) return {raw, data: plain, start, end, error: undefined}
  try {
    // The yaml package does not take a lone CR as a line break; CR -> LF keeps every offset. Its warnings
    // (an ambiguous alias) would go to process.emitWarning, printed as "(node:…) YAMLWarning" by the CLI.
    const value: unknown = parseYaml(raw.replace(/\r(?!\n)/g, '\n'), {uniqueKeys: false, prettyErrors: false, logLevel: 'error'})
    const data = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
    return {raw, data, start, end, error: undefined}
  } catch (error) {
    const offset = (error as {pos?: [number, number]}).pos?.[0] ?? 0
    return {raw, data: {}, start, end, error: {reason: `Front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`, offset: start + offset}}
  }
}

/**
 * Where `/(?:\r\n|\r|\n)[^\r\n]*$/` matches in `text` (the last line break; a CRLF's CR), or -1: the
 * regex tried every line break of the front matter before the last (about 6 ms for the corpus).
 */
export function lastBreakIn(text: string): number {
  const last = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'))
  return last > 0 && text[last] === '\n' && text[last - 1] === '\r' ? last - 1 : last
}
