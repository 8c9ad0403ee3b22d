/** docs/rules.md is generated from the rules (their descriptions and examples); `UPDATE=1` regenerates it. */
import {describe, it} from 'vitest'
import {rulesMarkdown} from '../src/check/docs.js'
import {expectGolden} from './helpers/golden.js'

describe('docs/rules.md', () => {
  it('is up to date with the rules', () => {
    expectGolden(new URL('../docs/rules.md', import.meta.url), rulesMarkdown())
  })
})
