/**
 * Line soups of list items starting with a tab after the marker or with a blank line, under container
 * prefixes and among the blocks around which their reading changes (a paragraph they may interrupt or
 * underline, indented code, fences, HTML, tables): scripts/fuzz-list-items.ts and test/fast-path.test.ts
 * compare the fast path with the full parse on them. `P` stands for a pair.
 */
export function listItemSoup(random: () => number): string[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const prefixes = ['', '', '', '> ', '>', '- ', '1. ', '  ', '   ', ' ', '    ', '> > ', '- > ', '> - ', '  - ', '* ', '-\t', '1.\t', '> -\t', '- - ']
  const markers = ['-', '*', '+', '1.', '2.', '1)', '10.', '-', '1.']
  const gaps = ['\t', ' \t', '  \t', '   \t', '\t\t', '\t ', '\t  ', ' ', '  ', '     ', '', '\t\t\t']
  const texts = ['P', 'text P', '`x` P', '# P', '> P', '- P', '```', '<div>', '| P | P |', '|---|---|', '    P', '-', '1.', '***', '---', '===', '[P](u)']
  const kinds = [
    () => pick(markers) + pick(gaps) + pick(texts),
    () => pick(markers) + pick(gaps) + pick(texts),
    () => pick(markers) + pick(['', ' ', '\t', '  ', ' \t']),
    () => pick(markers) + pick(['', ' ', '\t', '  ', ' \t']),
    () => '',
    () => '',
    () => pick(['', ' ', '  ', '   ', '    ', '\t', '     ']),
    () => pick(['  ', '   ', '    ', '  ', '', '\t', ' \t']) + pick(texts),
    () => pick(texts),
    () => pick(['-', '--', '=', '- - -', '```', '~~~', '</div>'])
  ]
  return Array.from({length: 2 + Math.floor(random() * 10)}, () => pick(prefixes) + pick(kinds)())
}
