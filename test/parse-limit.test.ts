/**
 * What the fast path declines goes to remark, which is superlinear on some inline input (issue 18): each `]`
 * looks back over its paragraph, an unclosed `<!--` or `<?` scans to its end. A declined file (here: it has a
 * footnote, which the fast path leaves to remark) whose paragraph repeats them thousands of times is refused
 * by every command with a `parse-error` at that paragraph, at once, instead of a parse of minutes; the same
 * markup a few hundred times is read as always.
 */
import {existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import type {Io} from '../src/cli/io.js'
import {parse, parseLeafBlocks} from '../src/document/parse.js'
import {ParseError} from '../src/document/messages.js'
import {readBlocks} from '../src/update/read-blocks.js'
import {fastAttempt} from '../src/document/fast-blocks.js'
import {scanPairs} from '../src/document/pairs.js'

const reference = readFileSync(path.join(import.meta.dirname, '../source-docs/help-and-support-for-eop.md'), 'utf8')
/** The reference document with a footnote (so the fast path declines it) and a paragraph of `piece` repeated. */
const declined = (piece: string, count: number): string => `${reference}\n\nSee the note.[^1]\n\n[^1]: A note.\n\nx ${piece.repeat(count)}\n`

function io(cwd: string): Io & {all: () => string} {
  let all = ''
  return {cwd, isTTY: false, stdout: (text) => void (all += text), stderr: (text) => void (all += text), all: () => all}
}

describe('a declined document remark cannot read in bounded time', () => {
  for (const piece of ['[a](b', '](', 'a <!--', 'a <?']) {
    it(`${JSON.stringify(piece)} 20,000 times: every command reports parse-error at the paragraph, in seconds`, async () => {
      const text = declined(piece, 20_000)
      expect(fastAttempt(text, scanPairs(text).pairs, () => () => undefined)).toEqual({declined: 'footnote'})
      const work = mkdtempSync(path.join(tmpdir(), 'sxs-limit-'))
      mkdirSync(path.join(work, 'docs'))
      writeFileSync(path.join(work, 'docs', 'x.md'), text)
      const line = text.split('\n').length - 1
      const place = `${path.join('docs', 'x.md')}:${line}:1`
      const started = performance.now()
      for (const argv of [['extract', 'docs', '--out', 'out', '--no-cache'], ['check', 'docs', '--no-cache'], ['render', 'docs', '--out', 'rendered']]) {
        const recorded = io(work)
        expect(await main(argv, recorded), argv[0]).toBe(1)
        expect(recorded.all()).toMatch(new RegExp(`${place.replace(/[.\\/]/g, '\\$&')}.*(?:error|✖).*Too complex to read: this paragraph repeats`))
        expect(recorded.all()).toContain('the fast reader declined the file (footnote)')
        expect(recorded.all()).not.toMatch(/\n +at /)
      }
      expect(performance.now() - started).toBeLessThan(10_000)
    })
  }

  it('the same markup a few hundred times is read as always, by remark', () => {
    for (const piece of ['[a](b', '](', 'a <!--', 'a <?']) {
      const document = parse(declined(piece, 300))
      expect(document.segments).toHaveLength(parse(reference).segments.length)
    }
  })

  it('the plain markdown readings (rendered sides, update\'s) refuse it too, with the same message and place', () => {
    // A rendered side or an English document is plain markdown: its reading gave remark anything the fast
    // path declined, unbounded.
    const text = declined('[a](b', 20_000)
    const paragraph = text.lastIndexOf('\n\nx ') + 2
    for (const read of [() => parseLeafBlocks(text), () => readBlocks(text)]) {
      const started = performance.now()
      let thrown: unknown
      try {
        read()
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(ParseError)
      expect((thrown as ParseError).offset).toBe(paragraph)
      expect((thrown as ParseError).message).toMatch(/^Too complex to read: this paragraph repeats .*the fast reader declined the file \(footnote\)/)
      expect(performance.now() - started).toBeLessThan(5_000)
    }
    expect(parseLeafBlocks(declined('[a](b', 300)).length).toBeGreaterThan(0)
  })

  it('update refuses such a new English with the place, and writes nothing', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'sxs-limit-'))
    const english = declined('[a](b', 20_000)
    writeFileSync(path.join(work, 'old.md'), reference)
    writeFileSync(path.join(work, 'new.md'), english)
    const recorded = io(work)
    const started = performance.now()
    expect(await main(['update', 'old.md', 'new.md', '--out', 'updated.md'], recorded)).toBe(1)
    expect(recorded.all()).toMatch(new RegExp(`new\\.md:${english.split('\n').length - 1}:1.*error.*Too complex to read: this paragraph repeats .*declined the file \\(footnote\\)`))
    expect(recorded.all()).not.toMatch(/\n +at /)
    expect(existsSync(path.join(work, 'updated.md'))).toBe(false)
    expect(performance.now() - started).toBeLessThan(10_000)
  })

  it('asked for remark (fast: false), the caller gets it whatever the input', () => {
    expect(parse(declined('[a](b', 1_000), {fast: false}).segments.length).toBeGreaterThan(0)
  })
})
