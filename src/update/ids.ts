/**
 * Positional ids, as the localization pipeline numbers them: the plain counter starts at 101 and gives the
 * front matter's title, description and keywords their numbers first (each one per sentence: the pipeline
 * translates them in place), then each pair in order; an image alt text or link-definition title in the
 * skeleton takes its numbers too; a merged unit gets `p` + its own counter (from p101) and uses up one plain number per sentence of
 * its source. The definitions of "sentence" and of what an alt text takes are check's own (check/ids.ts),
 * so the numbering passes id-gap, id-order, merged-id-order and merged-id-sentences by construction.
 */
import type {BilingualDocument} from '../document/types.js'
import {countSentences, imagesBefore} from '../check/ids.js'

export function positionalIds(document: BilingualDocument, prefix: string, frontMatter: Record<string, unknown> = document.frontMatter?.data ?? {}): string[] {
  const data = frontMatter
  let plain = 101
  for (const key of ['title', 'description', 'keywords']) {
    const value = data[key]
    if (typeof value === 'string' && value.trim() !== '') plain += countSentences(value)
  }
  let merged = 101
  const images = imagesBefore(document)
  let imagesSoFar = 0
  return document.segments.map((segment, index) => {
    plain += images[index]! - imagesSoFar
    imagesSoFar = images[index]!
    if (segment.merged) {
      const id = `${prefix}-p${merged++}`
      plain += countSentences(segment.source)
      return id
    }
    return `${prefix}-${plain++}`
  })
}

