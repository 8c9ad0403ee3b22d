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

/**
 * Every UTF-16 unit `INVALID` can match, and no look-around: a string without any of them has nothing XML
 * refuses (only surrogates, which are fine in pairs, need the exact expression), and this test is several
 * times faster than `INVALID` on the long texts the writers see.
 */
const INVALID_CANDIDATE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/

/** The first position of a character XML 1.0 cannot carry, or -1. */
export function invalidXmlIndex(value: string): number {
  if (!INVALID_CANDIDATE.test(value)) return -1
  const match = INVALID.exec(value)
  return match ? match.index : -1
}

function refuse(value: string): void {
  const index = invalidXmlIndex(value)
  if (index >= 0) throw new XmlCharError(value.charCodeAt(index), index)
}

/** Escape character data: `&`, `<`, `>` (so `]]>` never appears), and CR as `&#13;` (parsers drop a raw CR). */
export function escapeText(value: string): string {
  // One test for the common case (nothing to escape, nothing to refuse); the exact work only when needed.
  if (!TEXT_SPECIAL.test(value)) return value
  refuse(value)
  return value.replace(/[&<>\r]/g, (char) => ESCAPES[char]!)
}

/** What `escapeText` escapes, and every character `refuse` might refuse. */
const TEXT_SPECIAL = /[&<>\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/

/**
 * True when `escapeText(value)` is `value` and refuses nothing; then the same holds for every substring
 * (each character is judged alone; a surrogate, even paired, makes a string not plain).
 */
export function isPlainText(value: string): boolean {
  return !TEXT_SPECIAL.test(value)
}

/** `escapeText(visible(value))`, with one test for the common case where neither changes anything. */
export function visibleText(value: string): string {
  return TEXT_SPECIAL.test(value) ? escapeText(visible(value)) : value
}

/** `escapeAttribute(visible(value))`, with one test for the common case where neither changes anything. */
export function visibleAttribute(value: string): string {
  return ATTRIBUTE_SPECIAL.test(value) ? escapeAttribute(visible(value)) : value
}

/** Escape an attribute value for double quotes: also `"`, and tab/LF/CR as references (else normalized to spaces). */
export function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_SPECIAL.test(value)) return value
  refuse(value)
  return value.replace(/[&<>"\t\n\r]/g, (char) => ESCAPES[char]!)
}

/** True when `escapeAttribute(value)` is `value` and refuses nothing (then also for `d` + value + `s`, …). */
export function isPlainAttribute(value: string): boolean {
  return !ATTRIBUTE_SPECIAL.test(value)
}

/** What `escapeAttribute` escapes, and every character `refuse` might refuse. */
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/

/** Character references for text and attributes (text escapes a subset of these). */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;'
}

/** `INVALID`, every match: the look-arounds see the whole string, so a surrogate pair is never split. */
const INVALID_ALL = new RegExp(INVALID.source, 'g')

/** Replace characters XML cannot carry by a visible `\u{…}` (for informational text only). */
export function visible(value: string): string {
  if (invalidXmlIndex(value) < 0) return value
  return value.replace(INVALID_ALL, (char) => `\\u{${char.charCodeAt(0).toString(16)}}`)
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
