/**
 * The review page of a bilingual document: one row per segment, its source and its target rendered side by
 * side (markdown read by remark + GFM, raw HTML kept but sanitized: targets are untrusted input), with every
 * `check` finding at the segment it is about, a filter to show only the segments with findings, and the
 * markdown as written on demand. Plus an index page for a docset.
 *
 * Self-contained and script-free: inline CSS, both toggles are CSS (`:checked`), and a Content Security
 * Policy forbids every script, so nothing a document holds can run even if the sanitizer let it through.
 * In a right-to-left target, inline code, URLs and the markdown as written are isolated left-to-right
 * (`<bdi dir="ltr">`), so that the bidi algorithm cannot reorder them into something that looks broken.
 */
import type {Element, ElementContent, Root, RootContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import type {VFileMessage} from 'vfile-message'
import type {BilingualDocument, Segment} from '../document/types.js'
import {tally} from '../document/messages.js'

const rtlLanguages = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ku'])

/** A finding as the page shows it: `check`'s messages (and the parser's), with the segment they name. */
export type ReviewFinding = VFileMessage & {segmentId?: string}

export interface ReviewOptions {
  /** The page's title: the document's path relative to the input folder. */
  title: string
  /** What `check` reported on the document. */
  findings: readonly ReviewFinding[]
}

export interface ReviewIndexEntry {
  /** Link to the document's page, relative to the index page. */
  href: string
  title: string
  language: string | undefined
  segments: number
  errors: number
  warnings: number
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function direction(language: string | undefined): 'rtl' | 'ltr' {
  return language !== undefined && rtlLanguages.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr'
}

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, {allowDangerousHtml: true}).use(rehypeRaw).use(rehypeSanitize).freeze()

/**
 * A segment is inline content of a block: a target that starts with `1.`, `#`, `>` or `-` must not become a
 * list, heading or quote of its own, so its first marker is escaped (a backslash before ASCII punctuation is
 * CommonMark's way to make it literal).
 */
function asInline(text: string): string {
  return text.replace(/^(\s*)(\d{1,9})([.)])(?=\s|$)/, '$1$2\\$3').replace(/^(\s*)(?=[-+*]\s|#{1,6}(?:\s|$)|>|`{3}|~{3})/, '$1\\')
}

/** The segment's markdown as HTML elements: the paragraph remark wraps it in is unwrapped. */
function renderInline(text: string): ElementContent[] {
  const tree = markdown.runSync(markdown.parse(asInline(text))) as Root
  const children: RootContent[] = tree.children.length === 1 && tree.children[0]!.type === 'element' && tree.children[0]!.tagName === 'p' ? tree.children[0]!.children : tree.children
  return isolate(children.filter((child): child is ElementContent => child.type !== 'doctype'))
}

/** Inline code and each link's URL as left-to-right islands (see the module comment). */
function isolate(nodes: ElementContent[]): ElementContent[] {
  const result: ElementContent[] = []
  for (const node of nodes) {
    if (node.type !== 'element') {
      result.push(node)
      continue
    }
    if (node.tagName === 'code' || node.tagName === 'kbd') {
      result.push(bdi([node], 'code'))
      continue
    }
    node.children = isolate(node.children)
    result.push(node)
    const href = node.tagName === 'a' ? node.properties['href'] : undefined
    if (typeof href === 'string' && href !== '') result.push(bdi([{type: 'text', value: href}], 'url'))
  }
  return result
}

function bdi(children: ElementContent[], className: string): Element {
  return {type: 'element', tagName: 'bdi', properties: {dir: 'ltr', className: [className]}, children}
}

function where(segment: Segment): string {
  const context = segment.context
  let text = context.kind
  if (context.headingDepth !== undefined) text += ` ${context.headingDepth}`
  if (context.table) text += ` (${context.table.html ? 'HTML ' : ''}table ${context.table.index + 1}, row ${context.table.row}, column ${context.table.column + 1})`
  if (context.alert !== undefined) text += ` (${context.alert})`
  return `${text} · line ${segment.position.pair.start.line}`
}

/** Each finding goes to the segment it names, or whose pair holds its place; the rest are the document's. */
function findingsBySegment(document: BilingualDocument, findings: readonly ReviewFinding[]): {bySegment: Map<Segment, ReviewFinding[]>; rest: ReviewFinding[]} {
  const byId = new Map<string, Segment>()
  for (const segment of document.segments) if (!byId.has(segment.id)) byId.set(segment.id, segment)
  const starts = document.segments.map((segment) => segment.position.pair.start.offset)
  const bySegment = new Map<Segment, ReviewFinding[]>()
  const rest: ReviewFinding[] = []
  for (const finding of findings) {
    const segment = (finding.segmentId !== undefined ? byId.get(finding.segmentId) : undefined) ?? segmentAt(document, starts, finding.place)
    if (!segment) {
      rest.push(finding)
      continue
    }
    const list = bySegment.get(segment) ?? []
    list.push(finding)
    bySegment.set(segment, list)
  }
  return {bySegment, rest}
}

function segmentAt(document: BilingualDocument, starts: number[], place: ReviewFinding['place']): Segment | undefined {
  const point = place === undefined ? undefined : 'start' in place ? place.start : place
  const offset = point?.offset
  if (offset === undefined) return undefined
  let low = 0
  let high = starts.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (starts[middle]! <= offset) low = middle + 1
    else high = middle
  }
  const segment = document.segments[low - 1]
  return segment && offset < segment.position.pair.end.offset ? segment : undefined
}

function findingItem(finding: ReviewFinding): string {
  const severity = finding.fatal === true ? 'error' : 'warning'
  return `<li class="${severity}"><span class="severity">${severity}</span> <code>${escapeHtml(finding.ruleId ?? 'sxs')}</code> ${escapeHtml(finding.reason)} <span class="place">${finding.line ?? 1}:${finding.column ?? 1}</span></li>`
}

const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:"

const style = `body{font-family:system-ui,'Noto Sans','Noto Sans Arabic','Noto Sans Hebrew','Noto Sans Thai',sans-serif;margin:1.5rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.35rem .5rem;vertical-align:top;text-align:start}
td.id,td.where{white-space:nowrap;color:#555;font-size:.85em}
th{background:#f3f3f3;position:sticky;top:0}
tr.flagged td.id{border-inline-start:4px solid #c50f1f}
tr.flagged.warnings-only td.id{border-inline-start-color:#bc4b09}
bdi{unicode-bidi:isolate}
bdi.code code{background:#f3f3f3;padding:0 .2em;border-radius:3px}
bdi.url{font-size:.75em;color:#555;margin-inline-start:.3em;font-family:ui-monospace,monospace}
bdi.url::before{content:'⟨'}bdi.url::after{content:'⟩'}
pre.markdown{display:none;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.8em;background:#fafafa;margin:.3rem 0 0;padding:.3rem}
#show-markdown:checked~table pre.markdown{display:block}
#only-findings:checked~table tbody tr:not(.flagged){display:none}
ul.findings{margin:.3rem 0 0;padding-inline-start:1.2rem;font-size:.85em}
li.error .severity{color:#c50f1f;font-weight:600}
li.warning .severity{color:#bc4b09;font-weight:600}
.place{color:#555}
label{margin-inline-end:1.5rem}`

export function renderReview(document: BilingualDocument, options: ReviewOptions): string {
  const source = document.languages.source
  const target = document.languages.target
  const {bySegment, rest} = findingsBySegment(document, options.findings)
  const counts = tally(options.findings)
  const targetAttributes = `${target === undefined ? '' : ` lang="${escapeHtml(target)}"`} dir="${direction(target)}"`
  const cell = (text: string, attributes: string): string =>
    `<td${attributes}>${toHtml(renderInline(text))}<pre class="markdown" dir="ltr"><bdi dir="ltr">${escapeHtml(text)}</bdi></pre></td>`
  const rows = document.segments.map((segment) => {
    const findings = bySegment.get(segment) ?? []
    const flagged = findings.length === 0 ? '' : ` class="flagged${tally(findings).errors === 0 ? ' warnings-only' : ''}"`
    const list = findings.length === 0 ? '' : `<ul class="findings">${findings.map(findingItem).join('')}</ul>`
    return (
      `<tr id="${escapeHtml(segment.id)}"${flagged}><td class="id">${escapeHtml(segment.id)}</td><td class="where">${escapeHtml(where(segment))}</td>` +
      `${cell(segment.source, ` lang="${escapeHtml(source)}" dir="${direction(source)}"`)}${cell(segment.target, targetAttributes)}<td class="findings">${list}</td></tr>`
    )
  })
  const flaggedCount = bySegment.size
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} · sxs review</title>
<style>
${style}
</style>
</head>
<body>
<h1>${escapeHtml(options.title)}</h1>
<p class="summary">${document.segments.length} segments · ${escapeHtml(source)} → ${escapeHtml(target ?? 'unknown target language')} · ${counts.errors} errors, ${counts.warnings} warnings</p>
${rest.length > 0 ? `<h2>Findings outside segments</h2>\n<ul class="findings document-findings">${rest.map(findingItem).join('')}</ul>\n` : ''}<input type="checkbox" id="only-findings"><label for="only-findings">Only segments with findings (${flaggedCount})</label>
<input type="checkbox" id="show-markdown"><label for="show-markdown">Show the markdown as written</label>
<table>
<thead><tr><th>id</th><th>where</th><th>source (${escapeHtml(source)})</th><th>target (${escapeHtml(target ?? '?')})</th><th>findings</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`
}

/** The docset's index: every document's page with its counts, in the order given. */
export function renderReviewIndex(entries: readonly ReviewIndexEntry[], options: {title: string}): string {
  const rows = entries.map(
    (entry) =>
      `<tr class="${entry.errors > 0 ? 'errors' : entry.warnings > 0 ? 'warnings' : 'clean'}"><td><a href="${escapeHtml(entry.href)}">${escapeHtml(entry.title)}</a></td>` +
      `<td>${escapeHtml(entry.language ?? '?')}</td><td>${entry.segments}</td><td>${entry.errors}</td><td>${entry.warnings}</td></tr>`
  )
  const total = entries.reduce((sum, entry) => ({segments: sum.segments + entry.segments, errors: sum.errors + entry.errors, warnings: sum.warnings + entry.warnings}), {segments: 0, errors: 0, warnings: 0})
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<title>${escapeHtml(options.title)} · sxs review</title>
<style>
${style}
tr.errors td:nth-child(4){color:#c50f1f;font-weight:600}
tr.warnings td:nth-child(5){color:#bc4b09}
</style>
</head>
<body>
<h1>${escapeHtml(options.title)}</h1>
<p class="summary">${entries.length} documents · ${total.segments} segments · ${total.errors} errors, ${total.warnings} warnings</p>
<table>
<thead><tr><th>document</th><th>language</th><th>segments</th><th>errors</th><th>warnings</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`
}
