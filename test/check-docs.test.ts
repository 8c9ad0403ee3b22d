/** docs/rules.md is generated from the rules (their descriptions and examples); `UPDATE=1` regenerates it. */
import {describe, expect, it} from 'vitest'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {rulesMarkdown} from '../src/check/docs.js'

const page = new URL('../docs/rules.md', import.meta.url)

describe('docs/rules.md', () => {
  it('is up to date with the rules', () => {
    const expected = rulesMarkdown()
    if (process.env['UPDATE'] || !existsSync(page)) {
      mkdirSync(new URL('../docs/', import.meta.url), {recursive: true})
      writeFileSync(page, expected)
    }
    expect(readFileSync(page, 'utf8')).toBe(expected)
  })
})
