/**
 * What is left of a source when markup, URLs, entities and white space are taken away: two sources with
 * the same words here differ only in formatting (a changed link, added bold, a reflowed line), the
 * "text-only" class of the match cascade.
 */
import {tokenize} from '../inline/index.js'

const entities: Record<string, string> = {nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}

export function wordsOnly(source: string): string {
  let text = ''
  for (const token of tokenize(source)) {
    if (token.type === 'text') text += token.value
    else if (token.kind === 'entity') text += decodeEntity(token.data)
    else if (token.kind === 'escape') text += token.data.slice(1)
    else if (token.kind === 'inlineCode') text += ' ' + token.data.replace(/^`+|`+$/g, '').trim() + ' '
    else text += ' '
  }
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?)])/g, '$1')
    .trim()
}

function decodeEntity(data: string): string {
  const name = data.slice(1, -1)
  if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16) || 32)
  if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10) || 32)
  return entities[name] ?? ' '
}
