/**
 * What the translation-quality rules (`untranslated`, `protected-token-changed`) read of a segment text: its
 * prose, from the inline codes of `src/inline` (not the raw markdown), so code, URLs, images and HTML are
 * known and kept apart; and the tokens in that prose that must come through translation unchanged.
 */
import {mayHoldMarkup, tokenize} from '../inline/index.js'
import type {InlineToken} from '../inline/types.js'
import {charCodes, isWhiteSpaceCode} from '../inline/char-codes.js'

/** `tokenize`, or check's per-document memo of it (`Facts.tokens`). */
export type TokensOf = (text: string) => readonly InlineToken[]

/** Stands for a standalone code in prose: no token pattern crosses it. */
export const CODE = '\u0001'

/**
 * The prose of a segment text: text, and the text inside bold, italics and links; an escape is its character,
 * an entity its character when it is one of the few that prose uses, every other code (inline code, URL, image,
 * HTML tag, and each end of bold, italics or a link) a `CODE` mark: a token does not run across markup
 * (`**Start**.The` holds no identifier `Start.The`).
 */
export function proseOf(text: string, tokensOf: TokensOf = tokenize): string {
  if (!mayHoldMarkup(text)) return text
  let out = ''
  for (const token of tokensOf(text)) {
    if (token.type === 'text') out += token.value
    else if (token.kind === 'escape') out += token.data.slice(1)
    else if (token.kind === 'entity') out += ENTITIES[token.data] ?? CODE
    else out += CODE
  }
  return out
}

/**
 * What a reader sees of a segment text, where a token is looked for in a target: its text, the text of
 * inline code, bare URLs, image alt texts, escapes and entities as their characters; not link destinations
 * or HTML tags (a cmdlet name in a link's URL is not on the page). Bold and link markers vanish, so
 * `Microsoft **365-rapporten**` reads `Microsoft 365-rapporten`.
 */
export function visibleText(text: string, tokensOf: TokensOf = tokenize): string {
  if (!mayHoldMarkup(text)) return text
  let out = ''
  for (const token of tokensOf(text)) {
    if (token.type === 'text') out += token.value
    else if (token.kind === 'escape') out += token.data.slice(1)
    else if (token.kind === 'entity') out += ENTITIES[token.data] ?? ' '
    else if (token.kind === 'inlineCode') out += token.data.replace(/^`+|`+$/g, '')
    else if (token.kind === 'url') out += token.data
    else if (token.kind === 'autolink') out += token.data.slice(1, -1)
    else if (token.kind === 'image') out += ` ${token.data.slice(2, token.data.lastIndexOf(']('))} `
    else if (token.kind === 'html' || token.kind === 'break' || token.kind === 'char') out += ' '
  }
  return out
}

const ENTITIES: Record<string, string> = {'&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&nbsp;': ' ', '&#39;': "'"}

/** `edge`'s answers besides a code unit: a backslash first (or last), no character kept at all. */
const BACKSLASH = -1
const NONE = -2

/**
 * The first (or last) code unit of a text that `searchable` keeps as it is (`BACKSLASH`: a backslash comes
 * first; `NONE`: only white space). Every white space `searchable` changes is `\s` (`isWhiteSpaceCode`): read
 * by code unit, without a one-character string and a regular expression per character.
 */
function edge(text: string, last: boolean): number {
  for (let index = last ? text.length - 1 : 0; last ? index >= 0 : index < text.length; index += last ? -1 : 1) {
    const code = text.charCodeAt(index)
    if (code === charCodes.backslash) return BACKSLASH
    if (!isWhiteSpaceCode(code)) return code
  }
  return NONE
}

/**
 * Whether two texts may be equal once `searchable` (and trimmed): a necessary condition, cheap. Texts whose
 * first or last kept characters differ are not (nearly every translation). Each edge is read once.
 */
export function maySearchEqual(a: string, b: string): boolean {
  const first = edge(a, false)
  if (first === BACKSLASH) return true
  const last = edge(a, true)
  if (last === BACKSLASH) return true
  const otherFirst = edge(b, false)
  if (otherFirst === BACKSLASH) return true
  const otherLast = edge(b, true)
  return otherLast === BACKSLASH || (first === otherFirst && last === otherLast)
}

/**
 * White space `spaced` changes: any but a space, or two spaces (every character of the class it replaces is
 * `\s`). Most texts have neither, and most tokens no white space at all: a search is cheaper than a replace.
 */
const UNSPACED = /[^\S ]| {2}/

/** Every kind of white space as one space (visible text, tokens: escapes are resolved there already). */
export function spaced(text: string): string {
  return UNSPACED.test(text) ? text.replace(/[\s\u00a0\u202f\u2007\u3000]+/g, ' ') : text
}

/** A text as tokens are looked for in it: escapes undone, every kind of white space one space. */
export function searchable(text: string): string {
  return spaced(text.includes('\\') ? text.replace(/\\([!-/:-@[-`{-~])/g, '$1') : text)
}

/** Words that are common words, not names: written in lower case, two letters or more (any script with case). */
const LOWER_WORD = /(?<![\p{L}\p{N}_-])\p{Ll}[\p{Ll}'’]+(?![\p{L}\p{N}_-])/gu

/** The common words of prose (`Office 365` and `Get-Mailbox` have none, `Choose the plan` has two). */
export function commonWords(prose: string): string[] {
  return prose.match(LOWER_WORD) ?? []
}

/** `LOWER_WORD` for `holdsCommonWords`'s own `lastIndex`. */
const LOWER_WORD_STEP = new RegExp(LOWER_WORD.source, 'gu')

/** Whether prose holds at least `count` common words (`commonWords`), searched for no further than the last. */
function holdsCommonWords(prose: string, count: number): boolean {
  LOWER_WORD_STEP.lastIndex = 0
  for (let found = 0; found < count; found++) if (LOWER_WORD_STEP.exec(prose) === null) return false
  return true
}

/** Kinds of protected tokens, for messages. */
export type TokenKind = 'cmdlet' | 'identifier' | 'file' | 'path' | 'placeholder' | 'versioned name'

/** PowerShell's approved verbs (Get-Verb) and a few common in docs: `Verb-Noun` is a cmdlet name. */
const VERBS =
  'Add|Approve|Assert|Backup|Block|Build|Checkpoint|Clear|Close|Compare|Complete|Compress|Confirm|Connect|Convert|ConvertFrom|ConvertTo|Copy|Debug|Deny|Deploy|Disable|Disconnect|Dismount|Edit|Enable|Enter|Exit|Expand|Export|Find|Format|Get|Grant|Group|Hide|Import|Initialize|Install|Invoke|Join|Limit|Lock|Measure|Merge|Mount|Move|New|Open|Optimize|Out|Ping|Pop|Protect|Publish|Push|Read|Receive|Redo|Register|Remove|Rename|Repair|Request|Reset|Resize|Resolve|Restart|Restore|Resume|Revoke|Save|Search|Select|Send|Set|Show|Skip|Split|Start|Step|Stop|Submit|Suspend|Switch|Sync|Test|Trace|Unblock|Undo|Uninstall|Unlock|Unprotect|Unpublish|Unregister|Update|Upgrade|Use|Wait|Watch|Write'

const FILE_EXTENSIONS =
  'ps1|psm1|psd1|csv|xml|xsd|json|txt|exe|msi|dll|config|conf|pst|docx?|xlsx?|pptx?|pdf|zip|cer|pfx|crt|log|ya?ml|js|cs|aspx|bat|cmd|vhdx?|ost|msg|eml|reg|ini|cab|iso|vsdx?'

/**
 * The patterns, most specific first (a token one of them takes is not taken again by a later one). Each stops
 * at prose punctuation after it (`Get-Mailbox.` is `Get-Mailbox`), and none crosses a `CODE` mark. `trigger`
 * finds a character every match of the pattern holds.
 */
const PATTERNS: Array<{kind: TokenKind; pattern: RegExp; trigger: RegExp}> = [
  {kind: 'path', trigger: /[\\%]/, pattern: /(?<![\w\\])(?:[A-Za-z]:\\|\\\\[\w.-]+\\|%\w+%\\?)[^\s\u0001"'<>|,;()]*[^\s\u0001"'<>|,;().:!?]/g},
  // A noun of three letters or more, not `Ins`/`Ons`/`Ups`: `Add-In` and `Add-Ins` are products, not cmdlets.
  {kind: 'cmdlet', trigger: /-[A-Z]/, pattern: new RegExp(String.raw`(?<![\w-])(?:${VERBS})-(?!(?:Ins|Ons|Ups)(?![\w-]))[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?<=-\w{3,}\w*)(?![\w-])`, 'g')},
  {kind: 'file', trigger: /\.\w/, pattern: new RegExp(String.raw`(?<![\w.\\/-])[\w-]+(?:\.[\w-]+)*\.(?:${FILE_EXTENSIONS})(?![\w-]|\.\w)`, 'gi')},
  // Two dots or more (`System.IO.FileInfo`, `Microsoft.Exchange.Management`), or one with a capital after it
  // (`Microsoft.Online`, `$_.UsageLocation`): `e.g.` and the end of a sentence are not identifiers.
  // A lower-case letter somewhere: `YY.MM.DD` is a date format, which a translation localizes; not part of
  // a URL (`referencehttps://go.microsoft.com/…`, glued to a word, is no link but still an address).
  // Not a lower-case word, a dot and a capitalized word (`content.Not all`, `needed.Check SQL`): a source
  // that lost the space after a sentence, which the translation rightly does not copy.
  {kind: 'identifier', trigger: /\w\.\w/, pattern: /(?<![\w./])(?=[\w.$]*[a-z])(?:\$_?\.)?[A-Za-z_][\w]+(?:\.[A-Za-z_][\w]*){2,}(?![\w]|\.\w)|(?<![\w.$/])(?![a-z]+\.[A-Z][a-z]+(?![\w]|\.\w))[A-Za-z_]\w+\.[A-Z]\w*[a-z]\w*(?![\w]|\.\w)/g},
  {kind: 'placeholder', trigger: /[{%$]/, pattern: /\{\d+\}|\{\{\s*\w+\s*\}\}|(?<![\w%])%[sd](?!\w)|(?<![\w$])\$[A-Za-z_]\w*(?:\.\w+)*/g},
  // A name with digits: `SHA256`, `AES-256`, `TLS 1.2`, `IPv6`, `Office 365`, `Windows 10`.
  // Not prose that lost a space (`Step7`), a quarter (`Q3`) or a time (`9 AM-5 PM`), which translations write
  // their own way; no product whose name a translation localizes (`Skype for Business`).
  {
    kind: 'versioned name',
    trigger: /\d/,
    pattern:
      /(?<![\w.\-=/?&#])(?!(?:Step|Phase|Part|Stage|Level|Tier|Option|Table|Figure|Day|Week|Month|Year|Q)\d|(?:AM|PM)-)(?:[A-Z][A-Za-z]*\d+[A-Za-z\d]*|[A-Z]{2,}[a-z]?-\d+|(?:TLS|SSL|SHA|AES|RSA|HTTP|SMTP|OAuth|SAML|SMB|IMAP|POP|Office|Windows|Exchange|SharePoint|Outlook|Lync|Word|Excel|PowerPoint|OneNote|Visio|Project|SQL Server|Windows Server|Microsoft) \d+(?:\.\d+)*)(?![\w-]|\.\d)/g
  }
]

export interface ProtectedToken {
  kind: TokenKind
  text: string
}

/**
 * The triggers of all `PATTERNS` in one: three quarters of the sources of the dev corpus hold none of them,
 * and one search instead of six (each over the whole text) is most of what reading those costs.
 */
const ANY_TRIGGER = /[\\%{$\d]|-[A-Z]|\.\w/

/**
 * Whether the prose of a segment text (`proseOf`) may hold a protected token, read off the text itself: a
 * necessary condition, cheap, that spares making the prose of most texts (70% of the dev corpus's sources).
 * The prose is the text's own characters (text and escaped characters), characters of entities that no
 * trigger holds (`&`, `<`, `>`, quotes, a space) and `CODE` marks: a trigger it holds, the text holds, but
 * where an escape (`\.`) made it, and then the text holds the backslash, itself a trigger.
 */
export function mayHoldProtectedTokens(text: string): boolean {
  return ANY_TRIGGER.test(text)
}

/** The protected tokens of prose, each once, by pattern. */
export function protectedTokens(prose: string): ProtectedToken[] {
  const found: ProtectedToken[] = []
  if (!ANY_TRIGGER.test(prose)) return found
  const seen = new Set<string>()
  let rest = prose
  for (const {kind, pattern, trigger} of PATTERNS) {
    // A character every match holds: most prose has none for most patterns.
    if (!trigger.test(rest)) continue
    pattern.lastIndex = 0
    rest = rest.replace(pattern, (match) => {
      if (!seen.has(match)) {
        seen.add(match)
        found.push({kind, text: match})
      }
      return CODE
    })
  }
  return found
}

/** English words that make a sentence (a keyword list, a name or a title without them is not one). */
const ENGLISH_FUNCTION_WORDS = new Set(
  'a an the to of in on for and or but is are was were be been can cannot could will would should must may might do does did you your we our they their it its this that these those there here with without by from at as if then than not no when where which who what how'.split(' ')
)

/** Something only code or data writes: `$variable`, `-Parameter`, `=`, braces, `name:value`. */
const CODE_LIKE = /(?:^|\s)[$-][A-Za-z_]|[={}]|\w:\S|\w\(/

/** A letter or a digit; a word of letters, maybe quoted, bracketed or followed by punctuation (module constants: a literal in the filters made a pattern object per token). */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const PLAIN_WORD = /^[("'“‘]?\p{L}[\p{L}'’-]*[)"'”’.,;:!?]*$/u

/**
 * Whether prose is a sentence of words that a translation must change: not code or data, at least three
 * common (lower-case) words, most of it plain words, and, in an English source, at least one function word.
 */
export function isTranslatableProse(prose: string, sourceLanguage: string): boolean {
  // Three common words are needed, and every one the plain tokens below hold the prose holds too (a word does
  // not cross white space or a `CODE` mark, which the words' boundaries read alike): most texts that get here
  // (targets equal to their sources: names, commands, numbers) have fewer, found without the work below.
  if (!holdsCommonWords(prose, 3)) return false
  const text = prose.replaceAll(CODE, ' ')
  if (CODE_LIKE.test(text)) return false
  const tokens = text.split(/\s+/).filter((token) => LETTER_OR_DIGIT.test(token))
  const plain = tokens.filter((token) => PLAIN_WORD.test(token))
  if (tokens.length === 0 || plain.length / tokens.length < 0.6) return false
  // A sentence or a title starts with a capital or ends with a stop; an entry of a keyword list
  // (`department of human services`, `número do cartão`) does neither.
  const trimmed = text.trim()
  if (!/^[^\p{L}]*\p{Lu}/u.test(trimmed) && !/[.!?:。]$/u.test(trimmed)) return false
  const common = commonWords(plain.join(' '))
  if (common.length < 3) return false
  if (!/^en\b/i.test(sourceLanguage)) return true
  return common.some((word) => ENGLISH_FUNCTION_WORDS.has(word))
}
