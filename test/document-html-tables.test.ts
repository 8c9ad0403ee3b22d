/**
 * The plain HTML table reader (src/document/plain-html-tables.ts) must give exactly the cells rehype
 * gives (html-tables.ts `readTables`) wherever it answers: on every `<table>` of the corpus (where it must
 * answer nearly always, or rehype's cost stays) and on random tables, well formed or broken.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {findHtmlTableCellsIn, readTables, tableEnd, TableEnds, type HtmlTableCell} from '../src/document/html-tables.js'
import {readPlainTables} from '../src/document/plain-html-tables.js'
import {fastAttempt} from '../src/document/fast-blocks.js'
import {scanPairs} from '../src/document/pairs.js'
import {corpusFiles} from './helpers/corpus.js'

/** Whether the plain reader answers `region`; where it does, its cells and table count must be rehype's. */
function expectSame(region: string): boolean {
  const plain: HtmlTableCell[] = []
  const next = readPlainTables(region, 7, 2, plain)
  if (next === undefined) {
    expect(plain, region).toEqual([])
    return false
  }
  const reference: HtmlTableCell[] = []
  const referenceNext = readTables(region, 7, 2, reference)
  const byStart = (a: HtmlTableCell, b: HtmlTableCell): number => a.start - b.start
  expect({next, cells: plain.sort(byStart)}, region).toEqual({next: referenceNext, cells: reference.sort(byStart)})
  return true
}

describe('where a table ends', () => {
  it('TableEnds (one scan per file) answers what tableEnd (a scan per table) answers, for every start', () => {
    let seed = 3
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const pieces = ['<table>', '</table>', '<TABLE class="x">', '<table', '</table >', '<table title="<table">', 'x', '\n', '<tr><td>a</td></tr>', '</TABLE>']
    const soups = Array.from({length: 400}, () => Array.from({length: 1 + Math.floor(random() * 30)}, () => pieces[Math.floor(random() * pieces.length)]).join(''))
    const texts = [...soups, ...corpusFiles().map((file) => readFileSync(file, 'utf8')).filter((text) => /<table\b/i.test(text))]
    let starts = 0
    for (const text of texts) {
      const ends = new TableEnds(text)
      for (let start = text.indexOf('<'); start >= 0; start = text.indexOf('<', start + 1)) {
        expect(ends.end(start), `${JSON.stringify(text.slice(0, 200))} from ${start}`).toBe(tableEnd(text, start))
        starts++
      }
    }
    expect(starts).toBeGreaterThan(10_000)
  })
})

describe('plain HTML table reader', () => {
  it('reads every table of the corpus as rehype does', () => {
    let regions = 0
    let answered = 0
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/<table\b/gi)) {
        const end = tableEnd(text, match.index)
        if (end === undefined) continue
        regions++
        if (expectSame(text.slice(match.index, end))) answered++
      }
    }
    // All 42 (39 before cells with misnested content were read: they misnest `li`, `p`, `a` or `b`).
    expect(regions).toBeGreaterThan(40)
    expect(answered).toBe(regions)
  })

  it('answers every region parse gives it in the corpus (rehype reads none), as rehype does', () => {
    // The regions the fast path hands to the reader (an HTML node's table to its end), one of them a
    // table closed by a second `<table>` and left open at the node's end.
    let regions = 0
    const declined: string[] = []
    const watch = (region: string, base: number, nextTable: number, cells: HtmlTableCell[]): number => {
      regions++
      if (!expectSame(region)) declined.push(region.slice(0, 80))
      return readTables(region, base, nextTable, cells)
    }
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8')
      if (!/<table\b/i.test(text)) continue
      const attempt = fastAttempt(text, scanPairs(text).pairs, (scanned, blocks, opens) => (findHtmlTableCellsIn(scanned, blocks, opens, watch), () => undefined))
      expect('declined' in attempt, file).toBe(false)
    }
    expect(regions).toBeGreaterThan(40)
    expect(declined).toEqual([])
  })

  it('gives what rehype gives on random tables, wherever it answers', () => {
    let seed = 7
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
    const space = ['', '\n', ' ', '\n\n', '\t']
    const text = ['x', 'a &amp; b', '<span data-ttu-id="a-1">t</span>', '**b**', '| c |', '\u00a0', 'a < b', '<br>', '<br/>', '<img src="i.png" />']
    const odd = ['<!-- c -->', '<div>', '</p>', '<li>', '</b>', '<caption>', '<td/>', '<x-y>', '</ td>', '<p>', '<a href=x>', '<table>', 'stray', '<TD>', '<?x>', '</br>']
    const inline = ['span', 'b', 'strong', 'em', 'a', 'code', 'center', 'p', 'blockquote']
    // Content the tree builder repairs inside a cell: the plain reader follows only the cell's own tags there.
    const misnested = ['<li>', '</li>', '<p>', '</p>', '<a href=x>', '</a>', '<b>', '</b>', '</span>', '<center>', '</center>', '<ul>', '</ul>', '</ol>', '</br>', '<blockquote>', '</em>', '<span/>', '</code>', '<strong>', 'text']
    let misnestRate = 0
    const repaired = (): string => (random() < misnestRate ? pick(misnested) : '')
    // Half the tables are well formed (the plain reader must answer them), half get odd pieces here and there.
    let breakRate = 0
    const broken = (): string => (random() < breakRate ? pick(odd) : '')
    /** Content of a cell; in a paragraph, no block that would close it (those are in `odd`). */
    const cellContent = (depth: number, inParagraph = false): string => {
      let out = ''
      const parts = Math.floor(random() * 4)
      for (let index = 0; index < parts; index++) {
        const roll = random()
        if (roll < 0.4 || (inParagraph && roll < 0.7)) out += pick(text)
        else if (roll < 0.55 && depth < 2) out += table(depth + 1)
        else if (roll < 0.7) {
          const list = pick(['ul', 'ol'])
          out += `<${list}>${pick(space)}<li>${pick(text)}</li>${broken()}</${list}>`
        } else {
          const name = pick(inParagraph ? inline.slice(0, 5) : inline)
          out += `<${name} class="k">${cellContent(depth + 1, inParagraph || name === 'p')}</${name}>`
        }
        out += broken() + repaired()
      }
      return out
    }
    const row = (depth: number): string => {
      let cells = ''
      const count = 1 + Math.floor(random() * 3)
      for (let index = 0; index < count; index++) {
        const name = pick(['td', 'th', 'TD'])
        cells += `${pick(space)}<${name} align="left">${cellContent(depth)}</${name}>${broken()}`
      }
      return `<tr>${cells}${pick(space)}</tr>${broken()}`
    }
    const rows = (depth: number): string => Array.from({length: 1 + Math.floor(random() * 3)}, () => pick(space) + row(depth)).join('')
    function table(depth: number): string {
      const body = random() < 0.5 ? rows(depth) : `<thead>${rows(depth)}</thead>${pick(space)}<tbody>${rows(depth)}${broken()}</tbody>`
      // Now and then `<table>` where `</table>` belongs (the tree builder closes the table and opens another).
      return `<table>${pick(space)}${body}${pick(space)}${broken()}${misnestRate > 0 && random() < 0.1 ? '<table>' : '</table>'}`
    }
    // A third of the tables well formed (the plain reader must answer them), a third with odd pieces here and
    // there, a third with content misnested inside cells (it must answer most).
    const answered = [0, 0, 0]
    for (let index = 0; index < 3000; index++) {
      breakRate = index % 3 === 1 ? 0.05 : 0
      misnestRate = index % 3 === 2 ? 0.3 : 0
      if (expectSame(table(0))) answered[index % 3]!++
    }
    expect(answered[0]).toBeGreaterThan(900)
    expect(answered[1]).toBeGreaterThan(300)
    expect(answered[2]).toBeGreaterThan(300)
  })
})
