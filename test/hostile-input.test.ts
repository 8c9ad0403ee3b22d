/**
 * Hostile documents are reported in bounded, readable messages (issue 18).
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {check} from '../src/check/index.js'
import {parse} from '../src/document/parse.js'
import {capReason, createMessage, maxReasonLength} from '../src/document/messages.js'
import {main} from '../src/cli/main.js'
import {readTranslations} from '../src/formats/index.js'
import {recordingIo} from './helpers/io.js'

const reference = readFileSync(fileURLToPath(new URL('../source-docs/help-and-support-for-eop.md', import.meta.url)), 'utf8')

describe('messages', () => {
  it('quote at most 1,000 characters of a document, saying how much was left out', () => {
    const open = reference.indexOf('>', reference.indexOf('<span data-ttu-id=')) + 1
    const nested = reference.slice(0, open) + '<span>'.repeat(100_000) + 'x' + '</span>'.repeat(100_000) + reference.slice(open)
    const document = parse(nested)
    const messages = [...document.messages, ...check(document)]
    expect(messages.length).toBeGreaterThan(0)
    for (const message of messages) expect(message.reason.length).toBeLessThan(maxReasonLength + 40)
    // Check's inline-markup now counts the spans (`HTML <span> added (100000×)`) instead of quoting them; a
    // reason that does quote that much is cut so, saying how much was left out.
    const long = createMessage(`Prose: ${'<span>'.repeat(100_000)}`, {ruleId: 'prose-outside-pair', place: {line: 1, column: 1, offset: 0}})
    expect(long.reason.length).toBeLessThan(maxReasonLength + 40)
    expect(long.reason).toMatch(/… \(599\d{3} more characters\)$/)
  })

  it('are cut on a character, never inside a surrogate pair', () => {
    const reason = 'a'.repeat(maxReasonLength - 1) + '😀' + 'b'.repeat(10)
    expect(capReason(reason)).toBe(`${'a'.repeat(maxReasonLength - 1)}… (12 more characters)`)
    expect(capReason('short')).toBe('short')
  })
})

describe('front matter that is not YAML', () => {
  const end = reference.indexOf('\n---', 4)
  const cases = {
    // Machine translation wrapped the whole front matter in a pair.
    wrapped: '---\n<span data-ttu-id="zz-1">' + reference.slice(4, end) + '</span><span class="sxs-lookup"><span data-stu-id="zz-1">x</span></span>' + reference.slice(end),
    unclosed: reference.replace(/^(title: .*)$/m, '$1\n  bad: [unclosed')
  }
  for (const [name, text] of Object.entries(cases)) {
    it(`is reported, and the pairs are still extracted (${name})`, async () => {
      const work = mkdtempSync(path.join(tmpdir(), 'sxs-yaml-'))
      try {
        mkdirSync(path.join(work, 'docs'))
        writeFileSync(path.join(work, 'docs', 'x.md'), text)
        const io = recordingIo(work)
        expect(await main(['extract', 'docs', '--no-cache', '--target-lang', 'zh-TW'], io)).toBe(1)
        expect(io.err).toMatch(/^docs[/\\]x\.md:\d+:\d+: error: Front matter is not valid YAML: .*\[front-matter-yaml\]$/m)
        const read = readTranslations(readFileSync(path.join(work, 'out', 'xliff-1.2', 'x.xlf'), 'utf8'))
        const pairs = parse(text).segments.filter((segment) => /^90f5f-/.test(segment.id)).length
        expect(pairs).toBeGreaterThan(70)
        expect([...read.units.keys()].filter((id) => id.startsWith('90f5f-'))).toHaveLength(pairs)
      } finally {
        rmSync(work, {recursive: true, force: true})
      }
    })
  }
})

describe('check on lines built to be slow', () => {
  // `](x` repeated is what made `[a](b` repeated quadratic in check (each `](` scanned the rest of the line for
  // its `)`), without `[a](b`'s cost in remark, which reads that line in quadratic time too (see the fuzz script).
  it('reads a long line of unclosed markup as it reads a short one', () => {
    const findings = (line: string): string[] => check(parse(`${reference}\n${line}\n`)).map((message) => `${message.ruleId}:${message.line}`)
    for (const piece of ['](x', '<a', '{a', '[!a']) {
      expect(findings(piece.repeat(40_000)), piece).toEqual(findings(piece.repeat(3)))
    }
    // A bound against a hang, not a measurement: about 2 s here, 39 s when one pattern was quadratic.
  }, 15_000)
})
