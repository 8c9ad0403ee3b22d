import type {Rule, RuleContext} from '../rule.js'
import {pair} from '../example.js'
import {normalizeLabel} from '../../document/fast-inline.js'
import {countStartingAtOrBefore} from '../../document/search.js'

/**
 * Where the link reference definitions are whose label the text uses as a collapsed or shortcut reference
 * (`[Contoso portal][]`, `[Contoso portal]`): the label is the link's visible text there, so the
 * localization system gave it a number, at the definition. Which uses count is the localization system's
 * reading, not micromark's: any `[label]` or `[label][]` not followed by `(`, `:` or a label, not after `]` (the label of a full
 * reference `[text][label]` is not shown), and not an image.
 */
function labelCredits(context: RuleContext): number[] {
  const definitions = context.document.blocks.filter((block) => block.kind === 'definition')
  if (definitions.length === 0) return []
  const used = new Set<string>()
  for (const match of context.text.matchAll(/(?<![!\\\]])\[([^[\]\n]{1,999})\](?:\[\])?(?![[(:])/g)) used.add(normalizeLabel(match[1]!))
  return definitions.filter((block) => used.has(block.definition!.label)).map((block) => block.start)
}

const rule: Rule = {
  id: 'id-gap',
  severity: 'warning',
  description:
    'Plain ids number the source sentences without gaps, except where a merged paragraph id (`p…`) took several numbers, or an image alt text, the title of a link definition, or the label of a definition that the text uses as a collapsed or shortcut reference (`[Contoso portal][]`) was translated outside a pair (each takes one per sentence). A gap nothing explains means pairs were deleted: their sentences are missing from the localized document. A warning, because a docs team may delete sentences on purpose. A gap with prose outside pairs between its two ids is one incident, reported once, as `prose-outside-pair` (the pair was flattened to plain text).',
  bad: [
    {title: 'A pair deleted', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`, messages: ['3:1-3:114: warning: Ids jump from `90f5f-103` to `90f5f-106`: 90f5f-104 to 90f5f-105 missing (no merged id, image alt text or link title explains it)']},
    {title: 'One pair deleted: a gap of one id', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-105', 'Ende', 'End')}\n`, messages: ['3:1-3:114: warning: Ids jump from `90f5f-103` to `90f5f-105`: 90f5f-104 missing (no merged id, image alt text or link title explains it)']},
    {
      title: 'Prose outside pairs before and after the two pairs does not explain the gap between them',
      markdown: `Diese Wörter stehen außerhalb jedes Paares.\n\n${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-105', 'Ende', 'End')}\n\nAuch diese Wörter stehen außerhalb jedes Paares.\n`,
      messages: ['5:1-5:114: warning: Ids jump from `90f5f-103` to `90f5f-105`: 90f5f-104 missing (no merged id, image alt text or link title explains it)']
    },
    {
      title: 'A pair pasted from another file between the two does not explain the gap',
      markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('2ca24-104', 'Weiter', 'Next')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`,
      messages: ['5:1-5:114: warning: Ids jump from `90f5f-103` to `90f5f-106`: 90f5f-104 to 90f5f-105 missing (no merged id, image alt text or link title explains it)']
    },
    {
      title: 'An image and a used definition before both pairs explain nothing between them',
      markdown: `![Logo](logo.png)\n\n[Admin Center]: https://admin.contoso.com\n\n${pair('90f5f-103', 'Öffnen Sie das [Admin Center].', 'Open the [Admin Center].')}\n\n${pair('90f5f-105', 'Ende', 'End')}\n`,
      messages: ['7:1-7:114: warning: Ids jump from `90f5f-103` to `90f5f-105`: 90f5f-104 missing (no merged id, image alt text or link title explains it)']
    },
    {
      title: 'Pairs out of order: only the numbers no pair holds are missing',
      markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-106', 'Weiter', 'Next')}\n\n${pair('90f5f-104', 'Zurück', 'Back')}\n\n${pair('90f5f-108', 'Ende', 'End')}\n`,
      messages: ['7:1-7:114: warning: Ids jump from `90f5f-104` to `90f5f-108`: 90f5f-105, 90f5f-107 missing (no merged id, image alt text or link title explains it)']
    },
    {
      title: 'Pairs out of order on both sides of a missing one: only that one is missing',
      markdown: [['103', 'Hilfe', 'Help'], ['104', 'Weiter', 'Next'], ['108', 'Zurück', 'Back'], ['109', 'Ende', 'End'], ['110', 'Schluss', 'Close'], ['105', 'Start', 'Start'], ['107', 'Mehr', 'More']].map(([id, target, source]) => pair(`90f5f-${id}`, target!, source!)).join('\n\n') + '\n',
      messages: ['5:1-5:117: warning: Ids jump from `90f5f-104` to `90f5f-108`: 90f5f-106 missing (no merged id, image alt text or link title explains it)']
    }
  ],
  good: [
    {
      title: 'Two pairs swapped: id-order reports it, id-gap finds no number missing',
      markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-105', 'Weiter', 'Next')}\n\n${pair('90f5f-104', 'Zurück', 'Back')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`,
      messages: []
    },
    {
      title: 'A merged id after the first of a repeated id explains the numbers after it',
      markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-p101', 'Eins. Zwei.', 'One. Two.')}\n\n${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`,
      messages: []
    },
    {title: 'An image between the pairs explains one number', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n![Häkchen](check.png)\n\n${pair('90f5f-105', 'Ende', 'End')}\n`, messages: []},
    {
      title: 'Link definitions with titles explain one number each',
      markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n[Bild]: media/a.png "Abbildung 1: das Menü"\n[Start]: ../open.md 'Öffnen'\n\n${pair('90f5f-106', 'Ende', 'End')}\n`,
      messages: []
    },
    {
      title: 'Definitions whose labels the text uses as collapsed or shortcut references explain one number each',
      markdown: `${pair('90f5f-103', 'Öffnen Sie das [Contoso portal][] oder das [Admin Center].', 'Open the [Contoso portal][] or the [Admin Center].')}\n\n[Contoso portal]: https://portal.contoso.com\n[Admin Center]: https://admin.contoso.com "Admin"\n\n${pair('90f5f-107', 'Ende', 'End')}\n`,
      messages: []
    },
    {
      title: 'A pair moved out of order: id-order reports it, and the ids around it leave no gap',
      markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-108', 'Zurück', 'Back')}\n\n${pair('90f5f-104', 'Weiter', 'Next')}\n\n${pair('90f5f-105', 'Ende', 'End')}\n`,
      messages: []
    },
    {title: 'A merged id explains the numbers of its sentences', markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-p101', 'Eins. Zwei.', 'One. Two.')}\n\n${pair('90f5f-106', 'Ende', 'End')}\n`, messages: []},
    {
      title: 'A pair flattened to plain text: prose-outside-pair reports it, id-gap not again',
      markdown: `${pair('90f5f-103', 'Hilfe', 'Help')} Wählen Sie dann die Einstellungen des Kontos aus. ${pair('90f5f-105', 'Ende', 'End')}\n`,
      messages: []
    },
    {
      title: 'Prose on the line of the earlier pair counts as between the two: one incident, reported as prose-outside-pair',
      markdown: `Wählen Sie dann die Einstellungen aus. ${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-105', 'Ende', 'End')}\n`,
      messages: []
    },
    {
      title: 'Prose on the line of the later pair too',
      markdown: `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-105', 'Ende', 'End')} Wählen Sie dann die Einstellungen aus.\n`,
      messages: []
    }
  ],
  check(context) {
    const {document} = context
    const {indices: plain, run} = context.facts.ids.plain
    // What explains a gap is read only when there is one (few documents have any): the sorted numbers, the
    // image and label credits and the prose lines (`facts.prose`, which prose-outside-pair reads anyway).
    const gaps: Gaps = {present: undefined, labels: undefined}
    let previous: number | undefined
    for (let position = 0; position < plain.length; position++) {
      if (run[position] !== 1) continue
      const index = plain[position]!
      // Consecutive numbers (nearly every pair): no number lies between them, none can be missing.
      if (previous !== undefined && document.segments[index]!.number - document.segments[previous]!.number > 1) reportGap(context, plain, gaps, previous, index)
      previous = index
    }
  }
}

/** What `reportGap` reads of a document once, when it meets its first gap. */
interface Gaps {
  present: number[] | undefined
  labels: number[] | undefined
}

/**
 * The finding for a jump in the numbers from pair `previous` to pair `index`, unless something explains it. Apart
 * from `check`'s loop over every pair, which stays small for the optimizing compiler: this rare path compiled
 * into it made it larger, and each of its first runs threw the compiled loop away (it had never run before).
 */
function reportGap(context: RuleContext, plain: readonly number[], gaps: Gaps, previous: number, index: number): void {
  const {document} = context
  const segment = document.segments[index]!
  const earlier = document.segments[previous]!
  // Every number the file's plain ids hold, in order or not: a number out of order (id-order reports
  // it) is no missing pair.
  const present = (gaps.present ??= [...new Set(plain.map((at) => document.segments[at]!.number))].sort((a, b) => a - b))
  const missing = missingNumbers(present, earlier.number, segment.number)
  const gap = missing.reduce((sum, [low, high]) => sum + high - low + 1, 0)
  // A merged id after the first pair with the earlier id (a repeat of it may be the one in the run).
  const {first} = context.facts.ids
  let merged = false
  for (let between = first[previous]! + 1; between < index && !merged; between++) merged = document.segments[between]!.merged
  const from = earlier.position.pair.end.offset
  const to = segment.position.pair.start.offset
  if (gap > 0 && !merged) {
    const images = context.facts.ids.imagesBefore
    const labels = (gaps.labels ??= labelCredits(context))
    const credits = images[index]! - images[previous]! + countStartingAtOrBefore(labels, to, (at) => at) - countStartingAtOrBefore(labels, from, (at) => at)
    // The prose line between the two pairs is the missing pair, flattened: prose-outside-pair reports it.
    if (credits < gap && !context.facts.prose.some((found) => found.line.end >= from && found.line.start <= to)) {
      const named = missing.map(([low, high]) => (low === high ? `${earlier.prefix}-${low}` : `${earlier.prefix}-${low} to ${earlier.prefix}-${high}`)).join(', ')
      context.report(`Ids jump from \`${earlier.id}\` to \`${segment.id}\`: ${named} missing (no merged id, image alt text or link title explains it)`, segment.position.pair, {segment})
    }
  }
}

/**
 * The numbers strictly between `low` and `high` that no plain id holds, as ranges `[first, last]`: walking the
 * present numbers inside the gap, not every number of it (a mistyped id can open a gap of millions).
 */
function missingNumbers(present: readonly number[], low: number, high: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let next = low + 1
  for (let at = countStartingAtOrBefore(present, low, (number) => number); at < present.length && present[at]! < high; at++) {
    if (present[at]! > next) ranges.push([next, present[at]! - 1])
    next = present[at]! + 1
  }
  if (next < high) ranges.push([next, high - 1])
  return ranges
}
export default rule
