import type {Rule} from '../rule.js'
import {pair} from '../example.js'

/**
 * A small comparison of the inline markup of a source and its target (the shared `src/inline` tokenizer
 * did not exist yet when this rule was written): link and image URLs, inline code spans, bold markers,
 * HTML tags, and escaped markdown markers.
 */
interface Markup {
  urls: string[]
  code: number
  bold: number
  images: number
  tags: string[]
  escapes: number
}

const linkDestination = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g
const href = /<a\b[^>]*\bhref\s*=\s*"([^"]*)"/gi
const codeSpan = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g
const bold = /(?<!\\)(\*\*|__)/g
const htmlTag = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g
const htmlElements = new Set(
  'a abbr b big blockquote br caption center cite code col colgroup dd del details div dl dt em font h1 h2 h3 h4 h5 h6 hr i iframe img ins kbd li mark nobr ol p pre q s samp small source span strike strong sub summary sup table tbody td th thead tr tt u ul var video wbr'.split(' ')
)
const escape = /\\[*_#[\]<>`]/g

/** A character every pattern below needs: most texts have none, and one test says so. */
const markupCharacter = /[`\]<*_!\\]/

/**
 * The markup of one text. Each pattern runs only on text holding a substring all its matches contain
 * (most texts are plain prose): without it the pattern finds nothing, so the answer is the same.
 */
export function inlineMarkup(text: string): Markup {
  const hasCode = text.includes('`')
  const withoutCode = hasCode ? text.replace(codeSpan, ' ') : text
  const hasTag = withoutCode.includes('<')
  const urls = withoutCode.includes('](') ? [...withoutCode.matchAll(linkDestination)].map((match) => match[1]!) : []
  if (hasTag) for (const match of withoutCode.matchAll(href)) urls.push(match[1]!)
  return {
    urls: urls.sort(),
    code: hasCode ? (text.match(codeSpan) ?? []).length : 0,
    bold: withoutCode.includes('**') || withoutCode.includes('__') ? (withoutCode.match(bold) ?? []).length : 0,
    images: withoutCode.includes('![') ? (withoutCode.match(/!\[/g) ?? []).length : 0,
    // Only real HTML elements: `<site>` in `https://<site>.sharepoint.com` is a placeholder, translated on purpose.
    tags: hasTag ? [...withoutCode.matchAll(htmlTag)].map((match) => match[1]!.toLowerCase()).filter((name) => htmlElements.has(name)).sort() : [],
    escapes: withoutCode.includes('\\') ? (withoutCode.match(escape) ?? []).length : 0
  }
}

function missing(from: string[], to: string[]): string[] {
  const rest = [...to]
  const lost: string[] = []
  for (const item of from) {
    const index = rest.indexOf(item)
    if (index >= 0) rest.splice(index, 1)
    else lost.push(item)
  }
  return lost
}

/** Whether two sorted lists hold the same items: `missing` finds nothing either way then (most pairs). */
function sameItems(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false
  return true
}

/** Differences between the markup of the source and of the target, as short phrases. */
export function markupDifferences(source: string, target: string): string[] {
  // A target equal to its source has the same markup (an odd bold count is only reported when the source's
  // is even); texts without a markup character have none. Most pairs are one or the other.
  if (source === target || (!markupCharacter.test(source) && !markupCharacter.test(target))) return []
  const a = inlineMarkup(source)
  const b = inlineMarkup(target)
  const found: string[] = []
  const sameUrls = sameItems(a.urls, b.urls)
  const lostUrls = sameUrls ? [] : missing(a.urls, b.urls)
  const addedUrls = sameUrls ? [] : missing(b.urls, a.urls)
  if (lostUrls.length > 0) found.push(`link to ${lostUrls.map((url) => `\`${url}\``).join(', ')} missing`)
  if (addedUrls.length > 0) found.push(`link to ${addedUrls.map((url) => `\`${url}\``).join(', ')} not in the source`)
  if (a.images !== b.images) found.push(`${b.images} image(s), source ${a.images}`)
  if (a.code !== b.code) found.push(`${b.code} inline code span(s), source ${a.code}`)
  // Translators add or drop emphasis on purpose; an odd number of markers is what shows raw `**` on the page.
  if (b.bold % 2 === 1 && a.bold % 2 === 0) found.push(`${b.bold} bold marker(s): one is unpaired (source ${a.bold})`)
  const sameTags = sameItems(a.tags, b.tags)
  const lostTags = sameTags ? [] : missing(a.tags, b.tags)
  const addedTags = sameTags ? [] : missing(b.tags, a.tags)
  if (lostTags.length > 0) found.push(`HTML tag(s) ${lostTags.map((tag) => `<${tag}>`).join(', ')} missing`)
  if (addedTags.length > 0) found.push(`HTML tag(s) ${addedTags.map((tag) => `<${tag}>`).join(', ')} not in the source`)
  if (b.escapes > a.escapes) found.push(`${b.escapes - a.escapes} escaped marker(s) such as \`\\*\` only in the target`)
  return found
}

const rule: Rule = {
  id: 'inline-markup',
  severity: 'warning',
  description:
    'The inline markup of a target differs from its source: a link (or its URL), an image, inline code, bold markers, an HTML tag, or escaped markers such as `\\*\\*` that appear only in the target (machine translation escapes markup it did not understand). The page loses a link or shows raw markup. A warning: translators may move or drop emphasis on purpose.',
  bad: [
    {title: 'A link lost', markdown: `${pair('ac8fe-156', 'Siehe eDiscovery-Fälle.', 'See [eDiscovery cases](ediscovery-cases.md).')}\n`, line: 1},
    {title: 'Escaped bold markers', markdown: `${pair('90f5f-134', 'Wechseln Sie zu \\*\\*Support\\*\\*', 'Go to **Support**')}\n`, line: 1}
  ],
  good: [{title: 'Same link, same bold', markdown: `${pair('90f5f-134', 'Wechseln Sie zu **Support** ([Hilfe](help.md))', 'Go to **Support** ([Help](help.md))')}\n`}],
  check(context) {
    for (const segment of context.document.segments) {
      const differences = markupDifferences(segment.source, segment.target)
      if (differences.length === 0 || segment.source.trim() === '' || segment.target.trim() === '') continue
      context.report(`Inline markup of \`${segment.id}\` differs from its source: ${differences.join('; ')}`, segment.position.target, {segment})
    }
  }
}
export default rule
