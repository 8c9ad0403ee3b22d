/**
 * One registry of message ids (src/document/message-ids.ts): every id any module emits is in it, check's
 * rules are the registry's rule ids, and a crashing rule is an `internal-error` of sxs, not a finding.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {check, rules, type Rule} from '../src/check/index.js'
import {checkRuleIds, isMessageId, otherMessages} from '../src/document/message-ids.js'
import {parse} from '../src/document/parse.js'

const src = fileURLToPath(new URL('../src/', import.meta.url))

function sources(): Array<{file: string; text: string}> {
  return readdirSync(src, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => {
      const file = join(entry.parentPath, entry.name)
      return {file, text: readFileSync(file, 'utf8')}
    })
}

describe('the message registry', () => {
  it("lists check's rules, in their order", () => {
    expect(rules.map((rule) => rule.id)).toEqual([...checkRuleIds])
  })

  it('has every id the sources emit or compare with (string literals next to `ruleId`)', () => {
    const unregistered: string[] = []
    let found = 0
    for (const {file, text} of sources()) {
      for (const match of text.matchAll(/ruleId(?:\s*[:=]=?=?\s*|\s*===\s*)'([a-z0-9-]+)'/g)) {
        found++
        if (!isMessageId(match[1]!)) unregistered.push(`${file.slice(src.length)}: ${match[1]}`)
      }
      // A rule declares its id as `id: '…'` in src/check/rules/.
      if (file.includes('/check/rules/')) for (const match of text.matchAll(/^\s*id: '([a-z0-9-]+)'/gm)) if (!isMessageId(match[1]!)) unregistered.push(`${file.slice(src.length)}: ${match[1]}`)
    }
    expect(found).toBeGreaterThan(20)
    expect(unregistered).toEqual([])
  })

  it('describes every other message with its origin and severity', () => {
    for (const [id, entry] of Object.entries(otherMessages)) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(entry.description, id).toMatch(/\.$/)
      expect(['error', 'warning']).toContain(entry.severity)
    }
    for (const id of checkRuleIds) expect(Object.hasOwn(otherMessages, id), id).toBe(false)
  })

  it('reports a crashing rule as internal-error with the error as its cause, and runs the others', () => {
    const failure = new TypeError('boom')
    const crashing: Rule = {...rules[0]!, check: () => {
      throw failure
    }}
    const index = 0
    const original = rules[index]!
    rules[index] = crashing
    try {
      const messages = check(parse('<span data-ttu-id="abcde-101">Hallo</span><span class="sxs-lookup"><span data-stu-id="abcde-102">Hello</span></span>\n'))
      const internal = messages.filter((message) => message.ruleId === 'internal-error')
      expect(internal).toHaveLength(1)
      expect(internal[0]!.reason).toBe(`sxs bug: rule \`${original.id}\` crashed (boom); please report it`)
      expect(internal[0]!.cause).toBe(failure)
      // The other rules still ran: the mismatched ids are reported.
      expect(messages.map((message) => message.ruleId)).toContain('id-mismatch')
    } finally {
      rules[index] = original
    }
  })
})
