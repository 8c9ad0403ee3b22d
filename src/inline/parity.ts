/**
 * Code parity: whether a target carries the inline markup of its source. The one definition that `merge`
 * enforces (it refuses a target without parity) and `check`'s `inline-markup` rule reports, so a document
 * merge would refuse to write never passes check.
 *
 * Markup is compared by what it does on the page, not byte for byte, so that what translation changes on
 * purpose is parity:
 * - a link by its destination (its text and title are translated), an image by its source (its alt text is
 *   translated); a GFM literal URL or an autolink is a link to that URL, so `<https://x>` or a bare
 *   `https://x` in the source and `[https://x](https://x)` in the target are the same link;
 * - the locale in a URL (`/en-us/` → `/de-de/`, `?ui=en-US`) is localized on purpose: the same link;
 * - inline code by the text it shows (the backtick run and padding spaces do not show);
 * - bold, italics and strikethrough by kind (`**` and `__` are both bold);
 * - HTML by its text; a tag-like placeholder (`<site name>`) is HTML to CommonMark too, but it is not an
 *   element, so a change to it weighs less;
 * - escapes and entities are characters, not markup (`\*` is a literal `*`, `&amp;` an `&`): what losing one
 *   does (a `*` that now makes emphasis, a `<` that now opens a tag) shows as the markup it makes; but runs of
 *   escaped emphasis markers the source does not have (`\*\*\*\*`) are machine translation's debris, raw
 *   `**` on the page, and count as added.
 *
 * A link whose text the target empties (`[](url)` for `[text](url)`, machine translation moving the words out
 * of the brackets) is still the same link by destination, but the page shows nothing to click: its text is
 * lost.
 *
 * A problem is `major` when the page loses something a reader needs: a link or image lost or pointing
 * elsewhere, a link's text emptied, inline code lost or changed, an HTML element lost, changed or left
 * unclosed. Emphasis, line breaks, placeholders and markup the target adds are minor.
 */
import {asciiCaseBit, charCodes} from './char-codes.js'
import {codeKindNames} from './codes.js'
import {mayHoldMarkup, tokenize} from './tokenize.js'
import type {CodeKind, CodeProblemType, InlineToken} from './types.js'

/** What parity compares: a GFM literal URL and an autolink count as links. */
export type ParityKind = 'link' | 'image' | 'inlineCode' | 'strong' | 'emphasis' | 'delete' | 'html' | 'break' | 'char'

export type ParityChange = 'lost' | 'added' | 'changed' | 'unbalanced' | 'emptied'

export interface ParityProblem {
  change: ParityChange
  kind: ParityKind
  /** Native markup in the source (lost, changed, unbalanced). */
  source?: string
  /** Native markup in the target (added, changed, unbalanced). */
  target?: string
  /** How many (lost or added several times). */
  count: number
  /** The page loses something a reader needs (see the module comment). */
  major: boolean
  /** The problem in merge's terms (`code-missing`, `code-extra`, …). */
  type: Extract<CodeProblemType, 'missing' | 'extra' | 'duplicated' | 'unbalanced'>
  /** One phrase: `link to `x` lost`. */
  reason: string
}

/** What a key starts with, per kind; `strong`, `emphasis`, `delete` and `break` are their whole key. */
const keyPrefixes: Record<ParityKind, string> = {link: 'link', image: 'image', inlineCode: 'code', html: 'html', char: 'char', strong: 'strong', emphasis: 'emphasis', delete: 'delete', break: 'break'}

/**
 * A markup item of a text. Compared by kind and `value` (what its key holds besides the kind): equal keys
 * exactly. The key string, the native markup of a pair and a tag list are made only when asked, by the few
 * pairs whose markup differs: most pairs compare equal, and those strings were most of what parity allocated.
 * One class, every field always set: the loops over items read one shape.
 */
class Item {
  private madeKey: string | undefined = undefined
  constructor(
    readonly kind: ParityKind,
    /** The key without its kind: a normalized URL, a code's text, a tag…; '' for emphasis and breaks. */
    readonly value: string,
    /** The native markup: a standalone code's, a link's closing `](…)`, a pair's opening half. */
    private readonly first: string,
    /** A pair's closing half (not a link's: its markup is its close). */
    private readonly second: string | undefined,
    /** For a `[…](url)` link: nothing shows between its brackets (no text but white space, no markup); else undefined. */
    readonly empty: boolean | undefined
  ) {}

  /** `link <url>`, `code <text>`, `strong`…: what parity compares. */
  get key(): string {
    return (this.madeKey ??= this.kind === 'strong' || this.kind === 'emphasis' || this.kind === 'delete' || this.kind === 'break' ? this.kind : `${keyPrefixes[this.kind]} ${this.value}`)
  }

  /** The native markup (a pair: `open…close`). */
  get data(): string {
    return this.second === undefined ? this.first : `${this.first}…${this.second}`
  }

  /** For a paired HTML tag: its two tags; for a standalone one: itself. */
  get tags(): string[] | undefined {
    if (this.kind !== 'html') return undefined
    return this.second === undefined ? [this.first] : [this.first, this.second]
  }
}

const HTML_ELEMENTS = new Set(
  'a abbr b big blockquote br caption center cite code col colgroup dd del details div dl dt em font h1 h2 h3 h4 h5 h6 hr i iframe img ins kbd li mark nobr ol p pre q s samp small source span strike strong sub summary sup table tbody td th thead tr tt u ul var video wbr'.split(' ')
)

/**
 * Patterns the items of every pair read, as module constants (a literal in a function makes a pattern object
 * each time it runs): a URL's scheme, white space, a line ending, a `www.` literal URL's start.
 */
const SCHEME = /^(?:https?:\/\/|mailto:)/i
const WHITE_SPACE = /\s/
const LINE_ENDING = /\r\n|\r|\n/g
const WWW_START = /^www\./i

/** A locale as a whole path segment (`/en-us/`, `/zh-hant-tw/`) or a `ui=`/`rs=` query value. */
const LOCALE_SEGMENT = /(^|\/)[a-z]{2}(?:-[a-z]{2,4}){1,2}(?=[/?#]|$)/gi
const LOCALE_QUERY = /([?&](?:ui|rs)=)[a-z]{2}-[a-z]{2,4}/gi

/**
 * A URL as parity compares it: no scheme, no `mailto:`, no trailing slash, locale placeholders. Each step
 * runs only where its pattern can match (a backslash, a scheme's first letter, a `-` of a locale, a `=`):
 * five replacements per link and tag, twice per pair, were a tenth of inline-markup's time.
 */
export function normalizeUrl(url: string): string {
  let out = url.trim()
  if (out.includes('\\')) out = out.replace(/\\([!-/:-@[-`{-~])/g, '$1')
  const first = out.charCodeAt(0) | asciiCaseBit
  if (first === charCodes.lowercaseH || first === charCodes.lowercaseM) out = out.replace(SCHEME, '')
  if (out.includes('-')) out = out.replace(LOCALE_SEGMENT, '$1{locale}')
  if (out.includes('=')) out = out.replace(LOCALE_QUERY, '$1{locale}')
  return out.endsWith('/') ? out.slice(0, -1) : out
}

/** The destination of a link's closing markup `](dest "title")`. */
function destination(close: string): string {
  const inner = close.slice(2, -1).trim()
  if (inner.startsWith('<')) return inner.slice(1, inner.indexOf('>') < 0 ? undefined : inner.indexOf('>'))
  const space = inner.search(WHITE_SPACE)
  return space < 0 ? inner : inner.slice(0, space)
}

/** The destination of an image `![alt](src "title")`: the tail after the last `](` that closes it. */
function imageSource(data: string): string {
  const at = data.lastIndexOf('](')
  return at < 0 ? data : destination(data.slice(at))
}

/** The text inline code shows: without its backtick runs, line endings as spaces, one padding space cut. */
function codeContent(data: string): string {
  let run = 0
  while (data[run] === '`') run++
  let content = data.slice(run, data.length - run)
  if (content.includes('\n') || content.includes('\r')) content = content.replace(LINE_ENDING, ' ')
  if (content.length >= 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1)
  return content
}

function tagName(tag: string): string | undefined {
  return /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(tag)?.[1]?.toLowerCase()
}

function isElement(item: Item): boolean {
  return item.kind === 'html' && (item.tags ?? []).some((tag) => HTML_ELEMENTS.has(tagName(tag) ?? ''))
}

/** The markup items of a text, in order (a pair at its opening token). */
function items(tokens: readonly InlineToken[]): Item[] {
  const result: Item[] = []
  /**
   * What shows on the page (text, markup) is content of every pair still open around it: `shown` counts what
   * showed so far, and a pair has content when it grew between its two halves (a flag set on every open pair
   * at each showing made a walk of the open pairs per token).
   */
  let shown = 0
  /** The open half of each pair still open, by pair number (small integers from 0: an array, not a map). */
  const open: Array<{index: number; kind: CodeKind; data: string; shown: number} | undefined> = []
  let openCount = 0
  for (const token of tokens) {
    if (token.type === 'text') {
      // Only a pair still open cares whether its text is blank.
      if (openCount > 0 && token.value.trim() !== '') shown++
      continue
    }
    if (token.type === 'open') {
      shown++
      open[token.pair!] = {index: result.length, kind: token.kind, data: token.data, shown}
      openCount++
      result.push(unclosed)
      continue
    }
    if (token.type === 'close') {
      const start = open[token.pair!]
      if (start === undefined) continue
      open[token.pair!] = undefined
      openCount--
      result[start.index] = pairItem(start.kind, start.data, token.data, shown === start.shown)
      continue
    }
    shown++
    const item = standaloneItem(token.kind, token.data)
    if (item) result.push(item)
  }
  // A pair whose close never came keeps its place holder (the tokenizer closes every pair it opens).
  return openCount > 0 ? result.filter((item) => item !== unclosed) : result
}

/** The place of an open pair in `items` until its close. */
const unclosed = new Item('char', '', '', undefined, undefined)

/** A pair's item; `empty`: nothing showed between its two halves (a link's text emptied). */
function pairItem(kind: CodeKind, open: string, close: string, empty: boolean): Item {
  if (kind === 'link') return new Item('link', normalizeUrl(destination(close)), close, undefined, empty)
  if (kind === 'strong' || kind === 'emphasis' || kind === 'delete') return new Item(kind, '', open, close, undefined)
  return new Item('html', `${normalizeUrl(open)}…${close.toLowerCase()}`, open, close, undefined)
}

function standaloneItem(kind: CodeKind, data: string): Item | undefined {
  switch (kind) {
    case 'escape':
    case 'entity':
      return undefined
    case 'url':
      return new Item('link', normalizeUrl(WWW_START.test(data) ? `http://${data}` : data), data, undefined, undefined)
    case 'autolink':
      return new Item('link', normalizeUrl(data.slice(1, -1)), data, undefined, undefined)
    case 'image':
      return new Item('image', normalizeUrl(imageSource(data)), data, undefined, undefined)
    case 'inlineCode':
      return new Item('inlineCode', codeContent(data), data, undefined, undefined)
    case 'html':
      return new Item('html', normalizeUrl(data), data, undefined, undefined)
    case 'break':
      return new Item('break', '', data, undefined, undefined)
    default:
      return new Item('char', data, data, undefined, undefined)
  }
}

/** Whether two lists of items have the same keys in the same order. */
function sameKeys(a: readonly Item[], b: readonly Item[]): boolean {
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (a[index]!.kind !== b[index]!.kind || a[index]!.value !== b[index]!.value) return false
  return true
}

/** `a` minus `b`, as multisets by key, in `a`'s order. */
function without(a: Item[], b: Item[]): Item[] {
  const left = new Map<string, number>()
  for (const item of b) left.set(item.key, (left.get(item.key) ?? 0) + 1)
  const rest: Item[] = []
  for (const item of a) {
    const count = left.get(item.key) ?? 0
    if (count > 0) left.set(item.key, count - 1)
    else rest.push(item)
  }
  return rest
}

/** Markup as inline code; a long one keeps its start and its end (a changed URL often differs at the end). */
function show(data: string): string {
  const flat = data.replace(/\r?\n/g, ' ')
  const short = flat.length > 70 ? `${flat.slice(0, 34)}…${flat.slice(-34)}` : flat
  const fence = short.includes('`') ? '``' : '`'
  return `${fence}${fence === '``' ? ' ' : ''}${short}${fence === '``' ? ' ' : ''}${fence}`
}

/** What a reader sees of an item: links by destination, code by its text, emphasis by kind only. */
function describe(item: Item): string {
  if (item.kind === 'link') return `link to ${show(item.data.startsWith('](') ? destination(item.data) : item.data.replace(/^<|>$/g, ''))}`
  if (item.kind === 'image') return `image ${show(imageSource(item.data))}`
  if (item.kind === 'inlineCode') return `inline code ${show(codeContent(item.data))}`
  if (item.kind === 'strong' || item.kind === 'emphasis' || item.kind === 'delete' || item.kind === 'break') return codeKindNames[item.kind]
  return `${codeKindNames[item.kind]} ${show(item.data)}`
}

function times(count: number): string {
  return count > 1 ? ` (${count}×)` : ''
}

/**
 * The parity problems of a target against its source (none: `[]`). The target is tokenized again, so markup
 * a translator moved where it no longer parses (`** bold**`, a `](url)` split by a line) counts as lost.
 * `tokensOf` is `tokenize`, or check's per-document memo of it (`Facts.tokens`: several rules read the same texts).
 */
export function codeParity(source: string, target: string, tokensOf: (text: string) => readonly InlineToken[] = tokenize): ParityProblem[] {
  if (source === target) return []
  // Texts with no character that starts markup have none (most segment texts): nothing to compare, and
  // such a side is not tokenized (its one text token makes no item).
  const sourceMarkup = mayHoldMarkup(source)
  const targetMarkup = mayHoldMarkup(target)
  if (!sourceMarkup && !targetMarkup) return []
  const inSource = sourceMarkup ? items(tokensOf(source)) : []
  const inTarget = targetMarkup ? items(tokensOf(target)) : []
  // The same markup in the same order (most translations): nothing lost or added, no multisets to count, and
  // without an empty link in the target none emptied.
  const same = sameKeys(inSource, inTarget)
  if (same && !inTarget.some((item) => item.empty) && escapedMarkers(target) <= escapedMarkers(source)) return []
  return differences(source, target, inSource, inTarget, same)
}

/** `codeParity` of two lists of items that differ or may (apart: the common case above compiles small). */
function differences(source: string, target: string, inSource: Item[], inTarget: Item[], same: boolean): ParityProblem[] {
  const lost = same ? [] : without(inSource, inTarget)
  const added = same ? [] : without(inTarget, inSource)
  const emptied = emptiedLinks(inSource, inTarget)
  if (lost.length === 0 && added.length === 0 && emptied.length === 0 && escapedMarkers(target) <= escapedMarkers(source)) return []
  return problemsOf(source, target, inSource, lost, added, emptied)
}

/**
 * The problems of a pair whose markup differs (about one pair in seventy of the corpus). Apart from
 * `codeParity`, so that what runs for every pair is compiled on its own, small: the whole took the optimizing
 * compiler about as long as the tokenizer (`--trace-opt`, a third of a second on a loaded machine).
 */
function problemsOf(source: string, target: string, inSource: Item[], lost: Item[], added: Item[], emptied: Array<{item: Item; count: number}>): ParityProblem[] {
  const problems: ParityProblem[] = []
  for (const {item, count} of emptied) {
    problems.push({change: 'emptied', kind: 'link', source: item.data, target: item.data, count, major: true, type: 'missing', reason: `text of ${describe(item)} emptied (\`[](…)\`)${times(count)}`})
  }
  // An HTML element paired in the source whose tag stands alone in the target: left open (or closed twice).
  // Each takes the first tag standing alone that is one of its two (queues by tag, in `added`'s order: a
  // search of `added` and two filters per element made a storm of them quadratic).
  const alone = new Map<string, {at: number; items: Item[]}>()
  for (const other of added) {
    if (other.kind !== 'html' || other.tags?.length !== 1) continue
    const queue = alone.get(other.tags[0]!)
    if (queue) queue.items.push(other)
    else alone.set(other.tags[0]!, {at: 0, items: [other]})
  }
  const order = new Map(added.map((other, index) => [other, index]))
  const leftOpen = new Set<Item>()
  for (const item of alone.size > 0 ? lost : []) {
    if (item.kind !== 'html' || item.tags?.length !== 2) continue
    let first: {at: number; items: Item[]} | undefined
    for (const tag of item.tags) {
      const queue = alone.get(tag)
      if (queue && queue.at < queue.items.length && (!first || order.get(queue.items[queue.at]!)! < order.get(first.items[first.at]!)!)) first = queue
    }
    if (!first) continue
    const other = first.items[first.at++]!
    leftOpen.add(item).add(other)
    problems.push({change: 'unbalanced', kind: 'html', source: item.data, target: other.data, count: 1, major: isElement(item), type: 'unbalanced', reason: `HTML ${show(other.data)} not closed (source ${show(item.data)})`})
  }
  if (leftOpen.size > 0) {
    lost = lost.filter((other) => !leftOpen.has(other))
    added = added.filter((other) => !leftOpen.has(other))
  }
  const sourceKeys = new Set(inSource.map((item) => item.key))
  // A link, image, inline code or tag lost where the target has another of its kind: changed. The most alike
  // pairs first (the longest common start of their markup), so each lost one meets its own changed form.
  const changed = pairChanged(lost, added, sourceKeys)
  const pairedLost = new Set<Item>()
  const pairedAdded = new Set<Item>()
  for (const {from, to} of changed) {
    pairedLost.add(from)
    pairedAdded.add(to)
    const major = from.kind !== 'html' || isElement(from)
    problems.push({change: 'changed', kind: from.kind, source: from.data, target: to.data, count: 1, major, type: 'missing', reason: `${describe(from)} changed to ${describe(to).replace(/^(link to|image|inline code|HTML) /, '')}`})
  }
  if (changed.length > 0) {
    lost = lost.filter((item) => !pairedLost.has(item))
    added = added.filter((item) => !pairedAdded.has(item))
  }
  for (const group of groups(lost)) {
    const item = group.item
    // A bare URL that is still in the target but no longer a link (CommonMark wants a space before it, which
    // CJK text does not write): the reader still sees the address.
    if (item.kind === 'link' && /^(?:https?:\/\/|www\.)/i.test(item.data) && target.includes(item.data)) {
      problems.push({change: 'lost', kind: 'link', source: item.data, count: group.count, major: false, type: 'missing', reason: `bare URL ${show(item.data)} no longer a link (no space before it)${times(group.count)}`})
      continue
    }
    const major = item.kind === 'link' || item.kind === 'image' || item.kind === 'inlineCode' || isElement(item)
    problems.push({change: 'lost', kind: item.kind, source: item.data, count: group.count, major, type: 'missing', reason: `${describe(item)} lost${times(group.count)}`})
  }
  // Escaped emphasis markers the source does not have (`[儲存]\*\*\*\*`): machine translation's debris, shown
  // as raw `**` on the page. Said when no bold is lost (a lost bold already tells).
  if (!lost.some((item) => item.kind === 'strong')) {
    const extra = escapedMarkers(target) - escapedMarkers(source)
    if (extra > 0) problems.push({change: 'added', kind: 'strong', count: extra, major: false, type: 'extra', reason: `escaped \`\\*\\*\` added, shown as raw \`**\`${times(extra)}`})
  }
  for (const group of groups(added)) {
    const item = group.item
    const type = sourceKeys.has(item.key) ? 'duplicated' : 'extra'
    problems.push({change: 'added', kind: item.kind, target: item.data, count: group.count, major: false, type, reason: `${describe(item)} added${times(group.count)}`})
  }
  return problems
}

/**
 * Links the target keeps (same destination) but with nothing between the brackets, where the source's have
 * text: per destination, the target's empty links beyond the source's, among the links both have. Counted by
 * destination in one pass each (a storm of links stays linear).
 */
function emptiedLinks(inSource: Item[], inTarget: Item[]): Array<{item: Item; count: number}> {
  if (!inTarget.some((item) => item.empty)) return []
  const tally = (list: Item[]) => {
    const byKey = new Map<string, {all: number; empty: number; first?: Item}>()
    for (const item of list) {
      if (item.empty === undefined) continue
      let entry = byKey.get(item.key)
      if (!entry) byKey.set(item.key, (entry = {all: 0, empty: 0}))
      entry.all++
      if (item.empty) {
        entry.empty++
        entry.first ??= item
      }
    }
    return byKey
  }
  const source = tally(inSource)
  const result: Array<{item: Item; count: number}> = []
  for (const [key, target] of tally(inTarget)) {
    if (target.empty === 0) continue
    const inBoth = Math.min(source.get(key)?.all ?? 0, target.all)
    const count = Math.min(target.empty, inBoth) - (source.get(key)?.empty ?? 0)
    if (count > 0) result.push({item: target.first!, count})
  }
  return result
}

const changedKinds: ReadonlySet<ParityKind> = new Set(['link', 'image', 'inlineCode', 'html'])

/**
 * The lost items paired with added ones of their kind (but added ones the source has: those are duplicated),
 * as a greedy pass over every (lost, added) candidate would pair them: by the length of their markup's
 * common start, longest first, then by the lost one's place in `lost`, then the added one's in `added`, each
 * item in one pair at most. That pass built all lost × added candidates, and a target changing 2,500 code
 * spans took check 25 s (10,000: out of memory). The same pairs, found in O(n log² n): the items of a kind
 * sorted by markup, the common start of two is the least between them of their neighbours' (a trie's depth),
 * so neighbours are joined into groups from the longest common start down, and where a join brings lost and
 * added ones together, the first lost ones are paired with the first added ones; a group then keeps only one
 * side, which later joins pair at their shorter depth, as the greedy pass would.
 */
function pairChanged(lost: readonly Item[], added: readonly Item[], sourceKeys: ReadonlySet<string>): Array<{from: Item; to: Item}> {
  const pairs: Array<{from: number; to: number; common: number}> = []
  const byKind = new Map<ParityKind, Array<{data: string; from: number; to: number}>>()
  const entry = (item: Item, from: number, to: number): void => {
    if (!changedKinds.has(item.kind)) return
    let list = byKind.get(item.kind)
    if (!list) byKind.set(item.kind, (list = []))
    list.push({data: item.data, from, to})
  }
  lost.forEach((item, index) => entry(item, index, -1))
  added.forEach((item, index) => {
    if (!sourceKeys.has(item.key)) entry(item, -1, index)
  })
  for (const entries of byKind.values()) {
    if (!entries.some((e) => e.from >= 0) || !entries.some((e) => e.to >= 0)) continue
    entries.sort((a, b) => (a.data < b.data ? -1 : a.data > b.data ? 1 : 0))
    const count = entries.length
    const parent = Array.from({length: count}, (_, index) => index)
    const find = (index: number): number => {
      while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!
      return index
    }
    const froms = entries.map((e) => new MinHeap(e.from >= 0 ? [e.from] : []))
    const tos = entries.map((e) => new MinHeap(e.to >= 0 ? [e.to] : []))
    // Boundary k joins entries k - 1 and k; its depth is their common start.
    const depth = new Int32Array(count)
    const boundaries: number[] = []
    for (let k = 1; k < count; k++) {
      const a = entries[k - 1]!.data
      const b = entries[k]!.data
      let common = 0
      while (common < a.length && a[common] === b[common]) common++
      depth[k] = common
      boundaries.push(k)
    }
    boundaries.sort((x, y) => depth[y]! - depth[x]!)
    for (let at = 0; at < boundaries.length; ) {
      const common = depth[boundaries[at]!]!
      const joined: number[] = []
      for (; at < boundaries.length && depth[boundaries[at]!] === common; at++) {
        const k = boundaries[at]!
        let a = find(k - 1)
        let b = find(k)
        // The larger heaps keep their place: each item moves O(log n) times.
        if (froms[a]!.size + tos[a]!.size < froms[b]!.size + tos[b]!.size) [a, b] = [b, a]
        parent[b] = a
        froms[a]!.take(froms[b]!)
        tos[a]!.take(tos[b]!)
        joined.push(a)
      }
      for (const index of joined) {
        const root = find(index)
        const free = froms[root]!
        const other = tos[root]!
        while (free.size > 0 && other.size > 0) pairs.push({from: free.pop(), to: other.pop(), common})
      }
    }
  }
  pairs.sort((a, b) => b.common - a.common || a.from - b.from || a.to - b.to)
  return pairs.map(({from, to}) => ({from: lost[from]!, to: added[to]!}))
}

/** A binary min-heap of numbers (indexes). */
class MinHeap {
  private items: number[]
  constructor(items: number[]) {
    this.items = items
  }

  get size(): number {
    return this.items.length
  }

  push(value: number): void {
    const items = this.items
    let at = items.push(value) - 1
    while (at > 0) {
      const up = (at - 1) >> 1
      if (items[up]! <= value) break
      items[at] = items[up]!
      at = up
    }
    items[at] = value
  }

  pop(): number {
    const items = this.items
    const top = items[0]!
    const last = items.pop()!
    if (items.length > 0) {
      let at = 0
      for (;;) {
        let child = 2 * at + 1
        if (child >= items.length) break
        if (child + 1 < items.length && items[child + 1]! < items[child]!) child++
        if (items[child]! >= last) break
        items[at] = items[child]!
        at = child
      }
      items[at] = last
    }
    return top
  }

  /** Move every item of `other` here (`other` is left empty). */
  take(other: MinHeap): void {
    for (const value of other.items) this.push(value)
    other.items = []
  }
}

/** Runs of two or more escaped `*` or `_` (`\*\*`, `\_\_`): each counts once. */
function escapedMarkers(text: string): number {
  return text.includes('\\') ? (text.match(/(?:\\\*){2,}|(?:\\_){2,}/g) ?? []).length : 0
}

/** Items counted by key, in order of first appearance. */
function groups(list: Item[]): Array<{item: Item; count: number}> {
  const byKey = new Map<string, {item: Item; count: number}>()
  for (const item of list) {
    const group = byKey.get(item.key)
    if (group) group.count++
    else byKey.set(item.key, {item, count: 1})
  }
  return [...byKey.values()]
}
