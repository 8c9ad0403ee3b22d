/**
 * Fuzzy match score between two sources, 0-100, over word tokens (not characters): one changed word in a
 * ten-word sentence scores 90 whatever the word's length, which is how CAT tools present fuzzy matches.
 * `fastest-levenshtein` runs over the token sequences, each distinct token mapped to one character.
 */
import {distance} from 'fastest-levenshtein'

/** Words, numbers and single punctuation characters; markup characters count as punctuation. */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? []
}

export function fuzzyScore(a: string, b: string): number {
  return tokenScore(tokens(a), tokens(b))
}

/** `fuzzyScore` over token lists already made (the cascade keeps each old source's tokens). */
export function tokenScore(left: readonly string[], right: readonly string[]): number {
  const longest = Math.max(left.length, right.length)
  if (longest === 0) return 100
  const alphabet = new Map<string, string>()
  const encode = (list: readonly string[]): string =>
    list
      .map((token) => {
        let char = alphabet.get(token)
        if (char === undefined) {
          // Private-use characters first (6,400 of them), then the rest of the BMP above them.
          char = String.fromCharCode(0xe000 + alphabet.size)
          alphabet.set(token, char)
        }
        return char
      })
      .join('')
  return Math.round((100 * (longest - distance(encode(left), encode(right)))) / longest)
}
