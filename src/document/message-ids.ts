/**
 * Every message id sxs can emit, in one place: what each means, which step emits it and at what severity.
 * `createMessage` takes only these ids (the type checker refuses any other), the SARIF reporter describes
 * them, docs/rules.md lists them, and a test scans the sources for ids that are not here.
 *
 * `check`'s rules are ids too; their descriptions and examples live with each rule (src/check/rules/), so
 * here they are only named (and a test holds this list equal to the rules check registers).
 */

/** The ids of `check`'s rules, in the order the docs list them. */
export const checkRuleIds = [
  'unclosed-span',
  'target-without-source',
  'source-without-target',
  'unbalanced-span',
  'id-mismatch',
  'id-shape',
  'duplicate-id',
  'mixed-prefix',
  'id-order',
  'merged-id-order',
  'id-gap',
  'merged-id-sentences',
  'table-shape',
  'not-a-table',
  'pair-split-across-cells',
  'line-break-in-table-pair',
  'empty-target',
  'empty-source',
  'pipe-only-target',
  'inline-markup',
  'mt-placeholder',
  'untranslated',
  'protected-token-changed',
  'pair-in-code',
  'prose-outside-pair',
  'unclosed-code-fence',
  'unclosed-comment',
  'content-locale',
  'front-matter-yaml'
] as const

export type CheckRuleId = (typeof checkRuleIds)[number]

/** Which step emits a message. */
export type MessageOrigin = 'document' | 'translations' | 'merge' | 'extract' | 'render' | 'cli'

export interface MessageDescription {
  origin: MessageOrigin
  severity: 'error' | 'warning'
  /** One or two sentences: what happened and what the user can do. */
  description: string
}

/** The messages that are not `check` rules. */
export const otherMessages = {
  encoding: {origin: 'document', severity: 'error', description: 'The document is not valid UTF-8, so it cannot be read; reported at the first invalid byte.'},
  'parse-error': {origin: 'document', severity: 'error', description: 'The document cannot be parsed at all (for example an HTML table nesting thousands of elements, or a paragraph repeating `]` or an unclosed `<!--` thousands of times in a file the fast reader leaves to the full markdown parse, which would take minutes).'},
  'read-error': {origin: 'cli', severity: 'error', description: 'A file cannot be read from disk (missing, no permission, not a regular file).'},
  'disable-comment': {origin: 'document', severity: 'warning', description: 'A comment that turns rules off (`<!-- sxs-disable … -->`) names a rule, directive or keyword sxs does not know: it turns nothing off.'},
  'internal-error': {origin: 'cli', severity: 'error', description: 'A bug in sxs, not a problem of the document: a step crashed. The message names the step and carries the error as its cause; please report it.'},
  'not-bilingual': {origin: 'extract', severity: 'warning', description: 'The file has no `data-ttu-id` pair: it is not a bilingual document, and nothing is extracted from it.'},
  'target-language': {origin: 'extract', severity: 'warning', description: 'The target language cannot be told: the front matter has no `ms.contentlocale` and no `--target-lang` was given.'},
  'pair-markup-left': {origin: 'render', severity: 'warning', description: 'A rendered document still holds pair markup: a pair the parser could not read (an unclosed span, a target without its source) was kept as written.'},
  'translations-empty': {origin: 'translations', severity: 'error', description: 'The translation file is empty.'},
  'translations-format': {origin: 'translations', severity: 'error', description: 'The file is not a translation file sxs reads (XLIFF 1.2, XLIFF 2.0, sxs JSON or gettext PO), or not a version of them it knows.'},
  'xml-malformed': {origin: 'translations', severity: 'error', description: 'The translation file is not well-formed XML.'},
  'xml-truncated': {origin: 'translations', severity: 'error', description: 'The translation file ends before its root element is closed: it was cut off.'},
  'xml-doctype': {origin: 'translations', severity: 'error', description: 'The translation file has a DOCTYPE; sxs reads no DTD and expands no entity from input.'},
  'po-malformed': {origin: 'translations', severity: 'error', description: 'The PO translation file cannot be read (a string not closed on its line, a keyword gettext does not know); reported at its line.'},
  'json-malformed': {origin: 'translations', severity: 'error', description: 'The JSON translation file is not valid JSON.'},
  'json-truncated': {origin: 'translations', severity: 'error', description: 'The JSON translation file ends in the middle: it was cut off.'},
  'json-type': {origin: 'translations', severity: 'error', description: 'A segment of the JSON translation file is not an object, or one of its fields has the wrong type (a target that is a number, a source that is an array): the unit is not read, and nothing is merged.'},
  'unit-id': {origin: 'translations', severity: 'error', description: 'A unit of the translation file has no id, so it cannot be matched to a pair; it is ignored.'},
  'duplicate-unit': {origin: 'translations', severity: 'error', description: 'Two units of the translation file have the same id; the first is used.'},
  'unknown-element': {origin: 'translations', severity: 'warning', description: 'Inline content holds an element that its format does not allow there; its text is kept.'},
  'partial-translation': {origin: 'translations', severity: 'warning', description: 'An XLIFF 2.0 unit has several segments and only some of them a target (a CAT tool split the sentence): its translation is incomplete and not used; the document keeps its target.'},
  'unknown-code': {origin: 'translations', severity: 'warning', description: 'An inline code of the translation file does not resolve to a code of its unit.'},
  'code-restored': {origin: 'translations', severity: 'warning', description: 'A tool changed the native data of an inline code; the data of the source was restored.'},
  'stale-source': {origin: 'merge', severity: 'error', description: 'The translation was made for another source text than the document has now: nothing of the file is merged (or, with `--allow-stale`, it is merged with this warning).'},
  'empty-translation': {origin: 'merge', severity: 'warning', description: 'The translation of a unit is empty while the document has a target: the document keeps its target.'},
  'translations-mismatch': {origin: 'merge', severity: 'error', description: 'No unit of the translation file is a pair of the document (the file was made for another document, or holds no unit): nothing is merged, and the document is left as it was.'},
  'document-not-in-translations': {origin: 'merge', severity: 'error', description: 'The translation file holds several documents (XLIFF with several `<file>`) and not exactly one named after the document being merged: nothing is merged.'},
  'unknown-unit': {origin: 'merge', severity: 'warning', description: 'The translation file has a unit that the document does not have.'},
  'code-missing': {origin: 'merge', severity: 'error', description: 'The translation lacks an inline code of its source (a link, bold, inline code, an HTML tag): it is not merged.'},
  'code-extra': {origin: 'merge', severity: 'error', description: 'The translation has an inline code that its source does not: it is not merged.'},
  'code-duplicated': {origin: 'merge', severity: 'error', description: 'The translation has an inline code of its source more often than the source: it is not merged.'},
  'code-unbalanced': {origin: 'merge', severity: 'error', description: 'The translation closes an inline code it did not open, or leaves one open: it is not merged.'},
  'code-unknown': {origin: 'merge', severity: 'error', description: 'The translation refers to an inline code that its unit does not define: it is not merged.'},
  'heading-line-break': {origin: 'merge', severity: 'error', description: 'A line break in a heading would end the heading: the translation is not merged.'},
  'blank-line': {origin: 'merge', severity: 'error', description: 'An empty line would end the paragraph, and the pair, in the middle: the translation is not merged.'},
  'pair-markup': {origin: 'merge', severity: 'error', description: 'The translation holds pair markup (`data-ttu-id`, `sxs-lookup`, `data-stu-id`): it is not merged.'},
  'trailing-backslash': {origin: 'merge', severity: 'error', description: 'A backslash at the end of the translation would escape the `<` of the closing `</span>`: it is not merged.'},
  'block-structure': {origin: 'merge', severity: 'error', description: 'The document, read again with the translation, would not have every pair where it was (a line of the target starts a code fence, a list item, a heading, a quote or an HTML comment; the pair is split across blocks): the translation is not merged.'}
} as const satisfies Record<string, MessageDescription>

export type OtherMessageId = keyof typeof otherMessages

export type MessageId = CheckRuleId | OtherMessageId

const known = new Set<string>([...checkRuleIds, ...Object.keys(otherMessages)])

export function isMessageId(id: string): id is MessageId {
  return known.has(id)
}
