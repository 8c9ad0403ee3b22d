/**
 * Untrusted XML → a small element tree, with saxes (strict, non-validating). A DOCTYPE is refused outright
 * (so no DTD, no entity declarations, no external entities, no expansion bombs); the only references are
 * the five predefined entities and numeric character references, which saxes checks against XML 1.0's
 * character range. Malformed and truncated input become messages with line and column, never exceptions.
 */
import {SaxesParser} from 'saxes'
import type {VFileMessage} from 'vfile-message'
import {createMessage} from '../document/messages.js'
import type {Point} from '../document/types.js'

export interface XmlElement {
  /** Local name. */
  name: string
  /** Namespace URI ('' for none). */
  ns: string
  /** Attributes by local name; `xml:` attributes keep their prefix (`xml:space`). */
  attributes: Record<string, string>
  children: XmlNode[]
  place: Point
}

export type XmlNode = XmlElement | string

const STOP = Symbol('stop')

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace'
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/'
/** Prefix → namespace URI in effect ('' the default namespace); shared by every element that declares none. */
type Scope = ReadonlyMap<string, string>
const rootScope: Scope = new Map([['xml', XML_NAMESPACE], ['xmlns', XMLNS_NAMESPACE]])

/** `prefix:local` → [prefix, local] (`local` → ['', local]). */
function splitName(name: string): [string, string] {
  const colon = name.indexOf(':')
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)]
}

/** Parse; `root` is undefined when the text is not usable XML (the reason is in `messages`). */
export function parseXml(text: string): {root: XmlElement | undefined; messages: VFileMessage[]} {
  const messages: VFileMessage[] = []
  // Namespaces are resolved here, not by saxes: saxes looks a prefix up by walking every open element, so
  // nesting d deep cost d² (40,000 nested `<mrk>` took 15-47 s, 80,000 over 120 s). Each element here
  // holds the scope in effect, a new map only where it declares a namespace: a lookup is one map read.
  const parser = new SaxesParser({position: true})
  const scopes: Scope[] = []
  const here = (): Point => ({line: parser.line, column: parser.columnIndex + 1, offset: parser.position})
  let root: XmlElement | undefined
  const stack: XmlElement[] = []
  let closing = false

  parser.on('doctype', () => {
    messages.push(
      createMessage('DOCTYPE declarations are not accepted in translation files (no DTDs, no entity declarations)', {
        ruleId: 'xml-doctype',
        place: here()
      })
    )
    throw STOP
  })
  parser.on('error', (error) => {
    const reason = error.message.replace(/^[^:]*:\d+:\d+: /, '')
    if (closing) {
      const open = stack.map((element) => `<${element.name}>`).join(' ')
      messages.push(
        createMessage(`The file ends before the XML is complete${open ? ` (unclosed ${open})` : ''}: is it truncated? (${reason})`, {
          ruleId: 'xml-truncated',
          place: here()
        })
      )
    } else {
      messages.push(createMessage(`Malformed XML: ${reason}`, {ruleId: 'xml-malformed', place: here()}))
    }
    throw STOP
  })
  const unbound = (prefix: string): never => {
    messages.push(createMessage(`Malformed XML: unbound namespace prefix: ${JSON.stringify(prefix)}.`, {ruleId: 'xml-malformed', place: here()}))
    throw STOP
  }
  parser.on('opentag', (tag) => {
    const parentScope = scopes[scopes.length - 1] ?? rootScope
    let scope: Map<string, string> | undefined
    const raw = tag.attributes as Record<string, string>
    for (const name in raw) {
      if (name === 'xmlns') (scope ??= new Map(parentScope)).set('', raw[name]!)
      else if (name.startsWith('xmlns:')) (scope ??= new Map(parentScope)).set(name.slice(6), raw[name]!)
    }
    const inScope: Scope = scope ?? parentScope
    // Keys as before: `xml:` attributes with their prefix, unprefixed ones by local name, others `{uri}local`.
    const attributes: Record<string, string> = {}
    for (const name in raw) {
      const [prefix, local] = splitName(name)
      const key = prefix === 'xml' ? `xml:${local}` : prefix === '' ? local : `{${inScope.get(prefix) ?? unbound(prefix)}}${local}`
      attributes[key] = raw[name]!
    }
    const [prefix, local] = splitName(tag.name)
    const ns = inScope.get(prefix) ?? (prefix === '' ? '' : unbound(prefix))
    scopes.push(inScope)
    const element: XmlElement = {name: local, ns, attributes, children: [], place: here()}
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(element)
    else root = element
    stack.push(element)
  })
  parser.on('closetag', () => {
    stack.pop()
    scopes.pop()
  })
  const addText = (value: string): void => {
    const parent = stack[stack.length - 1]
    if (!parent) return
    const last = parent.children[parent.children.length - 1]
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value
    else parent.children.push(value)
  }
  parser.on('text', addText)
  parser.on('cdata', addText)

  try {
    parser.write(text)
    closing = true
    parser.close()
  } catch (error) {
    if (error !== STOP) {
      messages.push(createMessage(`Malformed XML: ${error instanceof Error ? error.message : String(error)}`, {ruleId: 'xml-malformed', place: here()}))
    }
    return {root: undefined, messages}
  }
  if (!root) {
    messages.push(createMessage('No XML root element found', {ruleId: 'xml-malformed', place: here()}))
  }
  return {root, messages}
}

/** Child elements, optionally by local name. */
export function elements(element: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const child of element.children) if (typeof child !== 'string' && (name === undefined || child.name === name)) out.push(child)
  return out
}

/** All text below an element, in order. */
export function textContent(element: XmlElement): string {
  let out = ''
  traverse(element.children, (node) => {
    if (typeof node === 'string') out += node
    return true
  })
  return out
}

/**
 * Depth first over `nodes`, in document order, without recursion (a translation file may nest inline
 * elements thousands deep, and a recursive walk overflows the stack): `enter` sees each node and says
 * whether to go into its children; `leave` sees each element gone into, after its children.
 */
export function traverse(nodes: readonly XmlNode[], enter: (node: XmlNode) => boolean, leave?: (element: XmlElement) => void): void {
  const stack: Array<{nodes: readonly XmlNode[]; next: number; element: XmlElement | undefined}> = [{nodes, next: 0, element: undefined}]
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!
    if (top.next >= top.nodes.length) {
      stack.pop()
      if (top.element) leave?.(top.element)
      continue
    }
    const node = top.nodes[top.next++]!
    if (enter(node) && typeof node !== 'string') stack.push({nodes: node.children, next: 0, element: node})
  }
}
