/**
 * Words and characters of a segment text, as translators count them: the translatable text only (inline
 * codes such as inline code, URLs, images and HTML tags are not words; the text inside bold or a link is),
 * words by white space for scripts that write spaces (Latin, Cyrillic, Greek, Arabic, Hebrew, Korean, …),
 * by `Intl.Segmenter` word segmentation for those that do not (Chinese, Japanese, Thai, Lao, Khmer, Burmese).
 *
 * With spaces, a word is what translate-toolkit's pocount counts: a run between white space, stripped of the
 * punctuation around it, and a dot between two letters splits words (`end.Next`); what is left empty is no
 * word.
 */
import {codeText} from '../inline/index.js'

/** Primary language subtags whose script is written without spaces between words. */
const UNSPACED = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my', 'bo'])

/** translate-toolkit's punctuation (`translate.lang.common.Common.punctuation`), stripped around words. */
const PUNCTUATION = ".,;:!?-@#$%^*_()[]{}/\\'`\"<>‘’‛“”„‟′″‴‵‶‷‹›«»¿¡،؟؛÷。、，；！？「」『』【】।॥॰።፤፣…±°¹²³·©®×£¥€"
const PUNCTUATION_SET = new Set(PUNCTUATION)

/** Whether a language (BCP 47 tag) is written without spaces between words. */
export function isUnspaced(language: string | undefined): boolean {
  return language !== undefined && UNSPACED.has(language.split('-')[0]!.toLowerCase())
}

/**
 * The translatable text of a segment text: paired codes (bold, links, …) leave their text, standalone codes
 * (inline code, images, URLs, entities, escapes, HTML tags) become a space.
 */
export function translatableText(text: string): string {
  const {content} = codeText(text)
  let out = ''
  for (const part of content) out += typeof part === 'string' ? part : part.type === 'standalone' ? ' ' : ''
  return out
}

const segmenters = new Map<string, Intl.Segmenter>()

function segmenter(language: string, granularity: 'word' | 'grapheme'): Intl.Segmenter {
  const key = `${granularity} ${language}`
  let found = segmenters.get(key)
  if (found === undefined) {
    found = new Intl.Segmenter(language, {granularity})
    segmenters.set(key, found)
  }
  return found
}

function stripPunctuation(word: string): string {
  let start = 0
  let end = word.length
  while (start < end && PUNCTUATION_SET.has(word[start]!)) start++
  while (end > start && PUNCTUATION_SET.has(word[end - 1]!)) end--
  return word.slice(start, end)
}

/** Words of plain text in a language. */
export function countWords(text: string, language: string | undefined): number {
  if (isUnspaced(language)) {
    let words = 0
    for (const piece of segmenter(language!, 'word').segment(text)) if (piece.isWordLike) words++
    return words
  }
  let words = 0
  for (const token of text.replace(/(?<=\D)\.(?=\D)/g, ' ').split(/\s+/)) if (token !== '' && stripPunctuation(token) !== '') words++
  return words
}

/** Characters of plain text: user-perceived characters (grapheme clusters), white space not counted. */
export function countCharacters(text: string, language: string | undefined): number {
  let characters = 0
  for (const piece of segmenter(language ?? 'und', 'grapheme').segment(text)) if (!/^\s+$/.test(piece.segment)) characters++
  return characters
}
