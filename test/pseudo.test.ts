/**
 * `sxs pseudo`: pseudo-translated targets keep every inline code; the pseudo document of the reference
 * equals its fixture, `check` finds in it exactly what it finds in the original, and each translation file
 * pseudo writes merges into the original document to give the pseudo document byte for byte. The pseudo
 * document's localized render differs from the source render in text only (same markdown tree once text is
 * set aside), on the fixtures and on every dev-corpus document whose own two renders agree.
 */
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {afterAll, describe, expect, it} from 'vitest'
import {check} from '../src/check/index.js'
import {main} from '../src/cli/main.js'
import {parse} from '../src/document/parse.js'
import type {BilingualDocument} from '../src/document/types.js'
import {tokenize} from '../src/inline/index.js'
import {accent, pseudoDocument, pseudoTranslate} from '../src/pseudo/index.js'
import {renderSide} from '../src/render/documents.js'
import {corpusDir, corpusFiles} from './helpers/corpus.js'
import {expectGolden} from './helpers/golden.js'
import {recordingIo} from './helpers/io.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const root = here('..')
const referenceText = readFileSync(here('../source-docs/help-and-support-for-eop.md'), 'utf8')
const reference = parse(referenceText, {path: 'help-and-support-for-eop.md'})
const human = parse(readFileSync(here('fixtures/po/delete-a-geo-location.md'), 'utf8'), {path: 'delete-a-geo-location.md'})
const work = mkdtempSync(join(tmpdir(), 'sxs-pseudo-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

const markdown = unified().use(remarkParse).use(remarkGfm)

/** The markdown tree of a text without its text: node types, depths, URLs, code, and the tags of HTML. */
function shape(text: string): string {
  return JSON.stringify(markdown.parse(text), function (this: Record<string, unknown>, key, value: unknown) {
    if (key === 'position') return undefined
    if (key === 'children') return (value as Array<{type: string}>).filter((child) => child.type !== 'text')
    // Alt text is text; so is the text between an HTML node's tags.
    if (key === 'alt') return undefined
    if (key === 'value' && this['type'] === 'html') return String(value).match(/<[^>]*>/g)
    return value
  })
}

const codesOf = (text: string): string[] => tokenize(text).flatMap((token) => (token.type === 'text' ? [] : [token.data]))

describe('pseudoTranslate', () => {
  it('accents letters, adds about a third, brackets the text, keeps every code as it is', () => {
    expect(pseudoTranslate('Sign in')).toBe('⟦ Šîĝñ îñ ļö ⟧')
    const source = 'Go to **Settings** > [Mail flow](https://admin.example.com/mail) and run `Get-Mailbox` &nbsp;<br/>now'
    const pseudo = pseudoTranslate(source)
    expect(pseudo).toBe('⟦ Ĝö ţö **Šéţţîñĝš** > [Ṁåîļ ƒļöŵ](https://admin.example.com/mail) åñď ŕûñ `Get-Mailbox` &nbsp;<br/>ñöŵ ļöŕéɱ îþšû ⟧')
    expect(codesOf(pseudo)).toEqual(codesOf(source))
  })

  it('keeps words that may be addresses, and a source with no text', () => {
    expect(accent('mail admin@contoso.com or see docs/setup.md at www.contoso.com')).toBe('ɱåîļ admin@contoso.com öŕ šéé docs/setup.md åţ www.contoso.com')
    expect(pseudoTranslate('')).toBe('')
    expect(pseudoTranslate('  ')).toBe('  ')
    expect(pseudoTranslate('Sign in', {expansion: 0})).toBe('⟦ Šîĝñ îñ ⟧')
  })
})

describe('the reference document', () => {
  it('pseudo document equals the fixture; check finds what it finds in the original', () => {
    const result = pseudoDocument(reference)
    expect(result.messages).toEqual([])
    expect(result.statistics).toMatchObject({merged: 76, refused: 0})
    expectGolden(here('fixtures/pseudo/help-and-support-for-eop.md'), result.text)
    const findings = (document: BilingualDocument): string[] => check(document).map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.fatal ? 'error' : 'warning'}`)
    expect(findings(parse(result.text, {path: 'x.md'}))).toEqual(findings(reference))
  })

  it('sxs pseudo writes the document and translation files; each merges into the original to give it byte for byte', async () => {
    const out = join(work, 'reference')
    const io = recordingIo(root)
    expect(await main(['pseudo', 'source-docs', '--out', out, '--format', 'md,xliff12,xliff20,json,po'], io)).toBe(0)
    expect(io.err).toBe(`pseudo: 1 of 1 document(s), 76 segment(s) pseudo-translated → ${out} (md, xliff12, xliff20, json, po)\n`)
    const pseudo = readFileSync(join(out, 'help-and-support-for-eop.md'), 'utf8')
    expect(pseudo).toBe(pseudoDocument(reference).text)
    for (const translations of ['xliff-1.2/help-and-support-for-eop.xlf', 'xliff-2.0/help-and-support-for-eop.xlf', 'json/help-and-support-for-eop.json', 'po/help-and-support-for-eop.po']) {
      const merged = join(work, 'merged.md')
      const mergeIo = recordingIo(root)
      expect(await main(['merge', '--doc', 'source-docs/help-and-support-for-eop.md', '--translations', join(out, translations), '--out', merged], mergeIo), mergeIo.err).toBe(0)
      expect(readFileSync(merged, 'utf8'), translations).toBe(pseudo)
    }
  })

  it('the localized render differs from the source render in text only', () => {
    for (const document of [reference, human]) {
      const pseudo = parse(pseudoDocument(document).text)
      expect(renderSide(pseudo, 'target')).not.toBe(renderSide(document, 'source'))
      expect(shape(renderSide(pseudo, 'target'))).toBe(shape(renderSide(document, 'source')))
    }
  })
})

describe('the CLI refuses', () => {
  const refusal = async (args: string[]): Promise<string> => {
    const io = recordingIo(root)
    expect(await main(['pseudo', ...args], io)).toBe(2)
    return io.err
  }

  it('no --out, an --out that writes over an input, an unknown format, a bad expansion', async () => {
    expect(await refusal(['source-docs'])).toBe("sxs pseudo: --out DIR is required (pseudo never writes over the documents)\nRun 'sxs pseudo --help' for usage.\n")
    const docs = join(work, 'docs')
    mkdirSync(docs)
    copyFileSync(here('../source-docs/help-and-support-for-eop.md'), join(docs, 'a.md'))
    expect(await refusal([docs, '--out', docs])).toBe(`sxs pseudo: --out ${relative(root, docs)} would write over the input ${relative(root, join(docs, 'a.md'))}: choose another folder\nRun 'sxs pseudo --help' for usage.\n`)
    expect(readFileSync(join(docs, 'a.md'), 'utf8')).toBe(referenceText)
    expect(await refusal(['source-docs', '--out', work, '--format', 'tmx'])).toMatch(/^sxs pseudo: unknown format 'tmx' \(choose from md, xliff12, xliff20, json, po\)\n/)
    expect(await refusal(['source-docs', '--out', work, '--expansion', 'lots'])).toMatch(/^sxs pseudo: --expansion must be a percentage from 0 to 1000, not 'lots'\n/)
  })
})

describe('the dev corpus', () => {
  it('every pseudo target merges (but two whose source already breaks its table row); the render differs in text only', () => {
    let compared = 0
    let refused = 0
    const differing: string[] = []
    // The renders of every fifth document (remark reads each three times: the whole corpus took 160 s).
    for (const [index, file] of corpusFiles().entries()) {
      const document = parse(readFileSync(file, 'utf8'), {path: relative(corpusDir, file)})
      const result = pseudoDocument(document)
      refused += result.statistics.refused
      expect(result.messages.every((message) => message.ruleId === 'line-break-in-table-pair'), document.path).toBe(true)
      if (index % 5 !== 0) continue
      // Documents whose translation already changed the structure (a dropped code, a pair across blocks) say nothing here.
      const source = shape(renderSide(document, 'source'))
      if (shape(renderSide(document, 'target')) !== source) continue
      compared++
      if (shape(renderSide(parse(result.text), 'target')) !== source) differing.push(document.path!)
    }
    expect(refused).toBe(2)
    expect(differing).toEqual([])
    expect(compared).toBeGreaterThan(60)
  }, 300_000)
})
