/**
 * Pseudo-translation, as Okapi Rainbow and translate-toolkit's `podebug` make it: each source becomes a
 * target whose letters are accented, which is longer by about a third and is bracketed, with its inline
 * codes (links, bold, inline code, HTML, entities, URLs…) kept exactly. A team sees before any translation
 * arrives what a longer, accented text does to the layout, which strings are not translatable (they stay
 * unaccented), and that the documents survive a merge. The targets are merged with `merge`, so its guards
 * (codes, structure) prove each one, and a document changes in its targets only.
 *
 * Pure: a document in, the merge result out.
 */
import type {BilingualDocument} from '../document/types.js'
import {unitIds} from '../document/unit-ids.js'
import {tokenize, untokenize} from '../inline/index.js'
import {charCodes} from '../inline/char-codes.js'
import {merge, type MergeResult, type TranslationUnit} from '../merge/index.js'

export interface PseudoOptions {
  /** How much longer the text gets, as a fraction of its letters and digits (default 1/3). */
  expansion?: number
}

const LOWER = 'åƀçďéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýž'
const UPPER = 'ÅƁÇĎÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'

/** Words that fill the expansion: accented letters and spaces, which no markdown rule reads. */
const FILLER = 'ļöŕéɱ îþšûɱ ďöļöŕ šîţ åɱéţ çöñšéçţéţûŕ åďîþîšçîñĝ éļîţ '

/**
 * ASCII letters accented one for one (a letter stays a letter, so emphasis and word boundaries read as
 * before). A word that may be an address is kept as it is: one holding `@` (GFM links a bare e-mail
 * address only while it is ASCII), `/` or `www.` (a URL or path the inline tokenizer left in the text:
 * micromark links `https://…` right after a tag, and a link split by a pair has its URL in the text).
 */
export function accent(text: string): string {
  if (!/[@/]|www\./i.test(text)) return letters(text)
  return text
    .split(/(\s+)/)
    .map((word) => (/[@/]|www\./i.test(word) ? word : letters(word)))
    .join('')
}

function letters(text: string): string {
  return text.replace(/[a-zA-Z]/g, accentLetter)
}

function accentLetter(letter: string): string {
  const code = letter.charCodeAt(0)
  return code >= charCodes.lowercaseA ? LOWER[code - charCodes.lowercaseA]! : UPPER[code - charCodes.uppercaseA]!
}

/**
 * The pseudo-translation of one source: its text accented, filler words added after it, and the whole
 * between `⟦ ` and ` ⟧` (brackets no markdown rule reads; the spaces keep a GFM literal URL at either end
 * from growing into them, as it would glued to them). A source with no text and no code (empty, white
 * space) stays as it is.
 */
export function pseudoTranslate(source: string, options: PseudoOptions = {}): string {
  if (source.trim() === '') return source
  const expansion = options.expansion ?? 1 / 3
  let letters = 0
  const tokens = tokenize(source).map((token) => {
    if (token.type !== 'text') return token
    letters += token.value.replace(/[^\p{L}\p{N}]/gu, '').length
    return {...token, value: accent(token.value)}
  })
  // Less a rounding error: 9 letters at 33.33…% are 3 more, not 4.
  const length = Math.max(0, Math.ceil(letters * expansion - 1e-9))
  let filler = ''
  while (filler.length < length) filler += FILLER
  filler = filler.slice(0, length).trimEnd()
  return `⟦ ${untokenize(tokens)}${filler === '' ? '' : ' ' + filler} ⟧`
}

/** The units of a document's pseudo-translation (by unit id, each with its source, so none is stale). */
export function pseudoUnits(document: BilingualDocument, options: PseudoOptions = {}): Map<string, TranslationUnit> {
  const ids = unitIds(document)
  const units = new Map<string, TranslationUnit>()
  document.segments.forEach((segment, index) => {
    if (segment.source.trim() === '') return
    units.set(ids[index]!, {source: segment.source, target: withLayoutOf(segment.target, pseudoTranslate(segment.source, options))})
  })
  return units
}

/**
 * `text` with the line breaks (and the indentation after them) that `target` starts and ends with: a pair
 * whose target begins on the line after its `<span>` keeps it so, as a translator would (that `<span>` alone
 * on its line opens an HTML block; a list item's continuation keeps its indentation).
 */
function withLayoutOf(target: string, text: string): string {
  const [, before = '', , after = ''] = /^(\s*\n[ \t]*)?([\s\S]*?)(\n\s*)?$/.exec(target)!
  return before + text + after
}

/** The document with every target pseudo-translated (through `merge`: refused units keep their target and are reported). */
export function pseudoDocument(document: BilingualDocument, options: PseudoOptions = {}): MergeResult {
  return merge(document, pseudoUnits(document, options))
}
