/**
 * A small exact reader for the front matter Microsoft Docs write: one `key: value` per line, and lists
 * of items (`key:` then `- item` lines). It answers only when it is sure to give what the `yaml`
 * package (YAML 1.2, core schema) gives, and returns undefined for anything else, which `yaml` then
 * reads: tabs, CR, control characters, comments, blank lines, indented keys, multi-line or block
 * scalars, flow collections, anchors, aliases, tags, directives, escapes in double quotes, a `: ` or a
 * ` #` in a plain value, and every plain scalar the core schema reads as a number or null (booleans it
 * reads as yaml does). test/document-front-matter.test.ts proves it equal to `yaml` on every corpus file
 * and on random front matter.
 */
import {charCodes} from '../inline/char-codes.js'

/** Characters the reader leaves to `yaml`: control characters, tabs, CR, BOM, Unicode line separators, surrogates. */
const unsure = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/
/** A key: plain, starting with a letter, no character YAML gives a meaning to. */
const keyLine = /^([A-Za-z][A-Za-z0-9_.-]*):(?: (.*))?$/
const itemLine = /^( *)- (.*)$/
/**
 * Plain scalars the core schema resolves to null, a boolean or a number (yaml's `schema/core` and
 * `schema/common/null` tests, joined).
 */
const notString =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/
/** How every string `notString` takes starts (most values start otherwise, and skip it). */
const notStringStart = /^[~NnTtFf+\-.0-9]/
/** The strings `notString` takes among those a key can be (a letter, then letters, digits, `_`, `.`, `-`). */
const wordNotString = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'])
/** Characters that start something other than a plain scalar (indicators), or a space. */
const indicatorStart = /^[-?:,[\]{}#&*!|>'"%@` ]/

/** The data of a front matter block (the text between its fences), or undefined when `yaml` must read it. */
export function readPlainYaml(raw: string): Record<string, unknown> | undefined {
  if (raw === '' || unsure.test(raw)) return undefined
  const lines = raw.split('\n')
  const data: Record<string, unknown> = {}
  let index = 0
  while (index < lines.length) {
    const key = keyLine.exec(lines[index]!)
    // A key starts with a letter: of what the core schema reads as other than a string, only the null and boolean words can be one.
    if (!key || wordNotString.has(key[1]!) || key[1] === '__proto__') return undefined
    index++
    const text = trimSpaces(key[2] ?? '')
    if (text !== '') {
      const value = scalar(text)
      if (value === undefined) return undefined
      data[key[1]!] = value
      continue
    }
    // `key:` alone: a list of items, all at one indent (0 included), or null.
    const items: Array<string | boolean> = []
    let indent: string | undefined
    for (; index < lines.length; index++) {
      const item = itemLine.exec(lines[index]!)
      if (!item) break
      if (indent !== undefined && item[1] !== indent) return undefined
      indent = item[1]!
      const value = scalar(trimSpaces(item[2]!))
      if (value === undefined) return undefined
      items.push(value)
    }
    data[key[1]!] = indent === undefined ? null : items
  }
  return data
}

/**
 * A one-line scalar without trailing spaces: plain (a string or a core schema boolean), or quoted
 * without escapes; undefined when unsure.
 */
function scalar(text: string): string | boolean | undefined {
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) {
    const inner = text.slice(1, -1)
    // `''` is the one escape of single quotes.
    return /^(?:[^']|'')*$/.test(inner) ? inner.replaceAll("''", "'") : undefined
  }
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    const inner = text.slice(1, -1)
    return /["\\]/.test(inner) ? undefined : inner
  }
  if (text === 'true' || text === 'True' || text === 'TRUE') return true
  if (text === 'false' || text === 'False' || text === 'FALSE') return false
  if (text === '' || indicatorStart.test(text) || (notStringStart.test(text) && notString.test(text))) return undefined
  // `: ` would start a mapping, ` #` a comment; a value ending in `:` is a key.
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) return undefined
  return text
}

/** `text.replace(/ +$/, '')` without the regex. */
function trimSpaces(text: string): string {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === charCodes.space) end--
  return end === text.length ? text : text.slice(0, end)
}
