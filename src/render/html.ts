/**
 * An HTML review page of a bilingual document: one row per segment with its id, where it sits, its source
 * and its target side by side, as written (markdown shown, not interpreted), plus the parser's messages.
 * Self-contained (inline CSS, no scripts), so that it can be opened from disk or attached to a review.
 */
import type {BilingualDocument, Segment} from '../document/types.js'

const rtlLanguages = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ku'])

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function direction(language: string | undefined): 'rtl' | 'ltr' {
  return language !== undefined && rtlLanguages.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr'
}

function where(segment: Segment): string {
  const context = segment.context
  let text = context.kind
  if (context.headingDepth !== undefined) text += ` ${context.headingDepth}`
  if (context.table) text += ` (${context.table.html ? 'HTML ' : ''}table ${context.table.index + 1}, row ${context.table.row}, column ${context.table.column + 1})`
  if (context.alert !== undefined) text += ` (${context.alert})`
  return `${text} · line ${segment.position.pair.start.line}`
}

export function renderReview(document: BilingualDocument): string {
  const title = document.path ?? 'document'
  const source = document.languages.source
  const target = document.languages.target
  const targetAttributes = `${target === undefined ? '' : ` lang="${escapeHtml(target)}"`} dir="${direction(target)}"`
  const rows = document.segments.map(
    (segment) =>
      `<tr id="${escapeHtml(segment.id)}"><td class="id">${escapeHtml(segment.id)}</td><td class="where">${escapeHtml(where(segment))}</td>` +
      `<td lang="${escapeHtml(source)}" dir="${direction(source)}">${escapeHtml(segment.source)}</td><td${targetAttributes}>${escapeHtml(segment.target)}</td></tr>`
  )
  const messages = document.messages.map(
    (message) => `<li>${message.line ?? 1}:${message.column ?? 1} ${message.fatal ? 'error' : 'warning'}: ${escapeHtml(message.reason)} <code>${escapeHtml(message.ruleId ?? '')}</code></li>`
  )
  return `<!doctype html>
<html lang="${escapeHtml(source)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} · sxs review</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:start}
td{white-space:pre-wrap;overflow-wrap:anywhere}
td.id,td.where{white-space:nowrap;color:#555;font-size:.85em}
th{background:#f3f3f3;position:sticky;top:0}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${document.segments.length} segments · ${escapeHtml(source)} → ${escapeHtml(target ?? 'unknown target language')}</p>
${messages.length > 0 ? `<ul class="messages">\n${messages.join('\n')}\n</ul>\n` : ''}<table>
<thead><tr><th>id</th><th>where</th><th>source (${escapeHtml(source)})</th><th>target (${escapeHtml(target ?? '?')})</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`
}
