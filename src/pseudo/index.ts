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
import {protectedTokens} from '../check/text-tokens.js'

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
  if (!/[@/\\]|www\./i.test(text)) return letters(text)
  return text
    .split(/(\s+)/)
    .map((word) => (/[@/\\]|www\./i.test(word) ? word : letters(word)))
    .join('')
}

function letters(text: string): string {
  return text.replace(/[a-zA-Z]/g, accentLetter)
}

function accentLetter(letter: string): string {
  const code = letter.charCodeAt(0)
  return code >= charCodes.lowercaseA ? LOWER[code - charCodes.lowercaseA]! : UPPER[code - charCodes.uppercaseA]!
}

/** The white space a target starts and ends with, which its pseudo-translation keeps. */
export interface PseudoLayout {
  lead: string
  trail: string
}

/**
 * The pseudo-translation of one source: its text accented, filler words added after it, and the whole
 * between `⟦ ` and ` ⟧` (brackets no markdown rule reads; the spaces keep a GFM literal URL at either end
 * from growing into them, as it would glued to them). White space at either end stays outside the
 * brackets: the source's, or `layout`'s (the document's target: a target that starts on the line after its
 * `<span>` makes an HTML block there, and must still). A source with no text and no code (empty, white
 * space) stays as it is.
 */
export function pseudoTranslate(source: string, options: PseudoOptions = {}, layout?: PseudoLayout): string {
  if (source.trim() === '') return source
  const expansion = options.expansion ?? 1 / 3
  const tokens = tokenize(source)
  // The ends' white space, where the ends are text (a code keeps all of its data).
  let lead = ''
  let trail = ''
  const first = tokens[0]
  if (first?.type === 'text') {
    lead = /^\s*/.exec(first.value)![0]
    tokens[0] = {...first, value: first.value.slice(lead.length)}
  }
  const last = tokens[tokens.length - 1]
  if (last?.type === 'text') {
    trail = /\s*$/.exec(last.value)![0]
    tokens[tokens.length - 1] = {...last, value: last.value.slice(0, last.value.length - trail.length)}
  }
  let letters = 0
  const accented = tokens.map((token, index) => {
    if (token.type !== 'text') return token
    letters += token.value.replace(/[^\p{L}\p{N}]/gu, '').length
    // A tag name written as text after an escaped `<` (`\<div\>`, `&lt;div&gt;`) is a tag name to readers
    // and to check's inline-markup rule: it stays as written.
    const before = tokens[index - 1]
    const afterCode = before !== undefined && before.type !== 'text'
    const name =
      afterCode && (before.data === '\\<' || before.data === '&lt;')
        ? (/^\/?[A-Za-z][\w-]*/.exec(token.value)?.[0] ?? '')
        : // A path written with escaped backslashes (`\\\\server\\share`): the name after each stays as written.
          afterCode && before.data === '\\\\'
          ? (/^\S*/.exec(token.value)?.[0] ?? '')
          : ''
    return {...token, value: name + accentKeeping(token.value.slice(name.length))}
  })
  // Less a rounding error: 9 letters at 33.33…% are 3 more, not 4.
  const length = Math.max(0, Math.ceil(letters * expansion - 1e-9))
  let filler = ''
  while (filler.length < length) filler += FILLER
  filler = filler.slice(0, length).trimEnd()
  return `${layout?.lead ?? lead}⟦ ${untokenize(accented)}${filler === '' ? '' : ' ' + filler} ⟧${layout?.trail ?? trail}`
}

/**
 * `accent`, but for the tokens a translation must keep as they are (check's protected-token-changed: cmdlet
 * names, dotted identifiers, file names and paths, placeholders, names with digits): a pseudo-translation
 * that changed `Get-Mailbox` or `Office 365` would be a defect check reports, not a test of the layout.
 */
function accentKeeping(text: string): string {
  const kept = protectedTokens(text).map((token) => token.text)
  if (kept.length === 0) return accent(text)
  const split = new RegExp(`(${kept.sort((a, b) => b.length - a.length).map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`)
  return text
    .split(split)
    .map((part, index) => (index % 2 === 1 ? part : accent(part)))
    .join('')
}

/** The white space at the ends of a target, or undefined for a target that is nothing else (empty too). */
function layoutOf(target: string): PseudoLayout | undefined {
  if (target.trim() === '') return undefined
  return {lead: /^\s*/.exec(target)![0], trail: /\s*$/.exec(target)![0]}
}

/** The units of a document's pseudo-translation (by unit id, each with its source, so none is stale). */
export function pseudoUnits(document: BilingualDocument, options: PseudoOptions = {}): Map<string, TranslationUnit> {
  const ids = unitIds(document)
  const units = new Map<string, TranslationUnit>()
  document.segments.forEach((segment, index) => {
    if (segment.source.trim() === '') return
    units.set(ids[index]!, {source: segment.source, target: pseudoTranslate(segment.source, options, layoutOf(segment.target))})
  })
  return units
}

/** The document with every target pseudo-translated (through `merge`: refused units keep their target and are reported). */
export function pseudoDocument(document: BilingualDocument, options: PseudoOptions = {}): MergeResult {
  return merge(document, pseudoUnits(document, options))
}
