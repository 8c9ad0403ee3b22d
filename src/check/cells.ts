/**
 * Pipes and cells of one table row's text, as GFM splits it: on unescaped `|`, outer pipes dropped. Which
 * lines are table rows is the block parse's answer (the document model); this only reads inside a row.
 */
import {charCodes} from '../inline/char-codes.js'

/** Cells of a table row's text (the number of `cellTexts`). */
export function countCells(row: string): number {
  return cellTexts(row).length
}

/** Offsets (into `text`) of every unescaped `|`. */
export function unescapedPipes(text: string): number[] {
  const found: number[] = []
  // Most texts have no `|` at all: a native search says so.
  if (!text.includes('|')) return found
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === charCodes.backslash) index++
    else if (code === charCodes.verticalBar) found.push(index)
  }
  return found
}

/** The texts of a row's cells (outer pipes dropped, as `countCells` counts them). */
export function cellTexts(row: string): string[] {
  const text = row.trim()
  const pipes = unescapedPipes(text)
  const cells: string[] = []
  let start = pipes[0] === 0 ? 1 : 0
  for (const pipe of pipes) {
    if (pipe === 0) continue
    cells.push(text.slice(start, pipe))
    start = pipe + 1
  }
  if (start < text.length || cells.length === 0) cells.push(text.slice(start))
  return cells
}
