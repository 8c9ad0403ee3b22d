/**
 * The masked parse (remark reads pairs as short placeholders) must give exactly what the full parse
 * (remark reads every byte) gives: same segments, same contexts, same front matter and messages, over
 * every file of the dev corpus and the reference document (that corpus pass is in fast-path.test.ts).
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {letterPlaceholder, maskPairs, placeholder} from '../src/document/mask.js'
import {scanPairs} from '../src/document/pairs.js'
import {structureOf} from './helpers/structure.js'

// `fast: false`: the masked remark parse itself, not the fast path that answers most files first.
const summary = (text: string, mask: boolean) => structureOf(text, {mask, fast: false})

describe('masked parse', () => {
  it('maps masked offsets back to file offsets exactly', () => {
    const text = readFileSync('source-docs/help-and-support-for-eop.md', 'utf8')
    const {pairs} = scanPairs(text)
    const masked = maskPairs(text, pairs)
    expect(masked.text.length).toBeLessThan(text.length / 2)
    pairs.forEach((pair, index) => {
      expect(masked.toFile(masked.starts[index]!)).toBe(pair.pairStart)
    })
    // Text after the last pair maps one to one.
    expect(masked.toFile(masked.text.length)).toBe(text.length)
    expect(masked.text.endsWith(text.slice(pairs.at(-1)!.pairEnd))).toBe(true)
    // The table row's pipes survive (between pipes the letters stand for a pair), pairs with
    // structure-bearing text stay whole.
    expect(masked.text).toContain(`|${letterPlaceholder}|${letterPlaceholder}|${letterPlaceholder}|\n|---|---|---|`)
  })

  it('keeps a pair whose text holds a `|`, a line break or a backtick unmasked', () => {
    const text = [
      '| a | b |',
      '|---|---|',
      '| <span data-ttu-id="1-1">x `|` y</span><span class="sxs-lookup"><span data-stu-id="1-1">x `|` y</span></span> | c |',
      '',
      '<span data-ttu-id="1-2">one\ntwo</span><span class="sxs-lookup"><span data-stu-id="1-2">one two</span></span>',
      ''
    ].join('\n')
    const masked = maskPairs(text, scanPairs(text).pairs)
    expect(masked.text).toBe(text)
  })

  it('gives no literal autolink or e-mail address a way into the letters', () => {
    const pair = (id: number) => `<span data-ttu-id="1-${id}">t</span><span class="sxs-lookup"><span data-stu-id="1-${id}">s</span></span>`
    for (const text of [`see https://a.com/[${pair(1)}](y)\n`, `see www.a.com/(${pair(2)})\n`, `a_${pair(3)}.b@c.de\n`, `x@y.z_${pair(4)}\n`]) {
      expect(maskPairs(text, scanPairs(text).pairs).text, text).toContain(placeholder)
      expect(summary(text, true), text).toEqual(summary(text, false))
    }
  })
  // Over the whole corpus the masked parse is compared with the full parse in fast-path.test.ts, in the same
  // pass that proves the fast path (the full parse is the costly part, computed once per file).
})
