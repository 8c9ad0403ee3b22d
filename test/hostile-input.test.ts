/**
 * Hostile documents are reported in bounded, readable messages (issue 18).
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {check} from '../src/check/index.js'
import {parse} from '../src/document/parse.js'
import {capReason, maxReasonLength} from '../src/document/messages.js'

const reference = readFileSync(fileURLToPath(new URL('../source-docs/help-and-support-for-eop.md', import.meta.url)), 'utf8')

describe('messages', () => {
  it('quote at most 1,000 characters of a document, saying how much was left out', () => {
    const open = reference.indexOf('>', reference.indexOf('<span data-ttu-id=')) + 1
    const nested = reference.slice(0, open) + '<span>'.repeat(100_000) + 'x' + '</span>'.repeat(100_000) + reference.slice(open)
    const document = parse(nested)
    const messages = [...document.messages, ...check(document)]
    expect(messages.length).toBeGreaterThan(0)
    for (const message of messages) expect(message.reason.length).toBeLessThan(maxReasonLength + 40)
    expect(messages.some((message) => /… \(\d+ more characters\)$/.test(message.reason))).toBe(true)
  })

  it('are cut on a character, never inside a surrogate pair', () => {
    const reason = 'a'.repeat(maxReasonLength - 1) + '😀' + 'b'.repeat(10)
    expect(capReason(reason)).toBe(`${'a'.repeat(maxReasonLength - 1)}… (12 more characters)`)
    expect(capReason('short')).toBe('short')
  })
})
