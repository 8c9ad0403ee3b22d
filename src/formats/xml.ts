/**
 * Our own small XML serializer helpers: correct text and attribute escaping, and never invalid XML.
 *
 * Characters XML 1.0 cannot carry at all (not even as character references): C0 controls other than tab, LF
 * and CR, U+FFFE, U+FFFF and lone surrogates. In segment content the inline tokenizer has already made each of
 * them a standalone `char` code, which XLIFF 1.2 writes as `<ph ctype="x-sxs-char">U+0001</ph>` and XLIFF 2.0
 * as `<cp hex="0001"/>`, so they come back on reading. Everywhere else (notes, attributes, metadata) they are
 * informational: `visible()` writes them as `\u{1}`. The escape functions refuse them with an `XmlCharError`
 * (a bug if it ever happens: we would rather fail than write a file no parser accepts).
 */

export class XmlCharError extends Error {
  constructor(
    readonly codePoint: number,
    readonly index: number
  ) {
    super(`U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} at index ${index} cannot be written in XML 1.0`)
    this.name = 'XmlCharError'
  }
}

const INVALID = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The first position of a character XML 1.0 cannot carry, or -1. */
export function invalidXmlIndex(value: string): number {
  const match = INVALID.exec(value)
  return match ? match.index : -1
}

function refuse(value: string): void {
  const index = invalidXmlIndex(value)
  if (index >= 0) throw new XmlCharError(value.charCodeAt(index), index)
}

/** Escape character data: `&`, `<`, `>` (so `]]>` never appears), and CR as `&#13;` (parsers drop a raw CR). */
export function escapeText(value: string): string {
  refuse(value)
  if (!/[&<>\r]/.test(value)) return value
  return value.replace(/[&<>\r]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&#13;'))
}

/** Escape an attribute value for double quotes: also `"`, and tab/LF/CR as references (else normalized to spaces). */
export function escapeAttribute(value: string): string {
  refuse(value)
  if (!/[&<>"\t\n\r]/.test(value)) return value
  return value.replace(/[&<>"\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char]!)
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;'
}

/** Replace characters XML cannot carry by a visible `\u{…}` (for informational text only). */
export function visible(value: string): string {
  if (invalidXmlIndex(value) < 0) return value
  let out = ''
  for (let i = 0; i < value.length; i++) {
    const rest = value.slice(i, i + 2)
    if (invalidXmlIndex(rest) === 0) out += `\\u{${value.charCodeAt(i).toString(16)}}`
    else out += value[i]
  }
  return out
}

export type Attributes = Record<string, string | number | undefined>

/** ` name="value"` for each defined attribute, escaped. */
export function attributes(attrs: Attributes): string {
  let out = ''
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue
    out += ` ${name}="${escapeAttribute(String(value))}"`
  }
  return out
}

/** `<name attrs>` */
export function startTag(name: string, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}>`
}

/** `<name attrs/>` */
export function emptyTag(name: string, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}/>`
}

/** `<name attrs>escaped text</name>` */
export function textElement(name: string, attrs: Attributes, text: string): string {
  return `${startTag(name, attrs)}${escapeText(text)}</${name}>`
}

export {isNmtoken} from '../document/unit-ids.js'

/** `xsd:language`: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`. */
export function isLanguageTag(value: string): boolean {
  return /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(value)
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
