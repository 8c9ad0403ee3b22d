/**
 * `update` reads both sides' blocks through parse's fast path (`parseBlockReading`; remark only where it
 * declines) instead of walking remark's mdast. The proof that nothing changed: the block reading (kinds,
 * offsets, prose ranges, keys, front matter end) is the one remark's mdast gives (test/helpers/update-remark-blocks.ts,
 * the former reading) for every text `update` reads in the 37 real handoffs (old and new English, the old
 * document's source side) and the source sides of dev-corpus documents; the update is a function of those
 * readings, so its output is the same. Timings in docs/update.md.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {renderSide} from '../src/render/documents.js'
import {readFastBlocks} from '../src/update/blocks-fast.js'
import {readBlocksRemark} from '../src/update/blocks-remark.js'
import {corpusFiles} from './helpers/corpus.js'
import {historiesDir, historyNames} from './helpers/update-histories.js'

describe('update reads blocks as remark does', () => {
  it.each(historyNames())('%s: old and new English, the old document’s source side', (name) => {
    const read = (file: string): string => readFileSync(join(historiesDir, name, file), 'utf8')
    for (const text of [read('old-en.md'), read('new-en.md'), renderSide(parse(read('old.md')), 'source')]) {
      expect(readFastBlocks(text)).toEqual(readBlocksRemark(text))
    }
  })

  // Every 8th corpus file (83 of 661): remark takes about 80 s for the whole corpus here; all 661 agree
  // (run once for docs/update.md).
  const files = corpusFiles().filter((_, index) => index % 8 === 3)
  it.each(files.map((file) => [file.slice(file.indexOf('corpus/dev/') + 11), file]))('%s', (_, file) => {
    const text = renderSide(parse(readFileSync(file, 'utf8')), 'source')
    const fast = readFastBlocks(text)
    // Where the fast path declines, update reads remark's (read-blocks.ts): nothing to compare.
    if (fast) expect(fast).toEqual(readBlocksRemark(text))
  })

  it('thematic breaks, indented code with blank lines after it, table cells with escaped pipes, headings of each kind', () => {
    const text = [
      '---',
      'title: T',
      '---',
      '# ATX heading #',
      '',
      'Setext heading',
      '==============',
      '',
      '***',
      '',
      '> - - -',
      '',
      '    code line',
      '    ',
      '      ',
      'After the code.',
      '',
      '| a \\| b | `c` | d |',
      '|---|---|---|',
      '| one | two | three | four |',
      '|  | x |',
      '',
      '#',
      '',
      '##   Closing   ##   ',
      '',
      '* * *',
      'Text'
    ].join('\n')
    expect(readFastBlocks(text)).toEqual(readBlocksRemark(text))
    expect(readFastBlocks(text)!.blocks.map((block) => block.kind)).toEqual([
      'heading', 'heading', 'thematicBreak', 'thematicBreak', 'code', 'paragraph', 'tableRow', 'tableRow', 'tableRow', 'heading', 'heading', 'thematicBreak', 'paragraph'
    ])
  })
})
