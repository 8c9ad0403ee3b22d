/**
 * render: the localized document (each pair replaced by its target) and the source-language document
 * (each pair replaced by its source) of the reference document, checked whole against
 * `test/fixtures/render/<name>/{localized,source}.md` (UPDATE=1 regenerates them) and by what a reader needs:
 * no pair markup left, tables of the same shape.
 */
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {recordingIo, type RecordingIo} from './helpers/io.js'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import {visit} from 'unist-util-visit'
import type {Table} from 'mdast'
import {parse} from '../src/document/parse.js'
import {renderSide} from '../src/render/documents.js'
import {run} from '../src/cli/commands/render.js'
import {expectGolden} from './helpers/golden.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const referencePath = join(root, 'source-docs/help-and-support-for-eop.md')
const reference = readFileSync(referencePath, 'utf8')
const fixtures = join(root, 'test/fixtures/render/help-and-support-for-eop')
const document = parse(reference, {path: 'help-and-support-for-eop.md'})


/** Rows × cells of every GFM table, as remark-gfm reads the document. */
function tableShapes(markdown: string): number[][] {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).parse(markdown)
  const shapes: number[][] = []
  visit(tree, 'table', (table: Table) => {
    shapes.push(table.children.map((row) => row.children.length))
  })
  return shapes
}

function body(markdown: string): string {
  return markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
}

describe('render the reference document', () => {
  const localized = renderSide(document, 'target')
  const source = renderSide(document, 'source')

  it('gives the localized (zh-TW) document', () => {
    expectGolden(join(fixtures, 'localized.md'), localized)
  })

  it('leaves no span markup in the localized document', () => {
    expect(localized).not.toMatch(/<\/?span\b|data-ttu-id|data-stu-id|sxs-lookup/)
    expect(body(localized)).toMatch(/^# <a name="help-and-support-for-eop"><\/a>EOP 的說明和支援$/m)
  })

  it('keeps the table shape of the source document', () => {
    const shapes = tableShapes(localized)
    // Header + 8 rows of 3 cells, and the document's closing `|` line, which GFM reads as a row of one cell.
    expect(shapes).toEqual([[3, 3, 3, 3, 3, 3, 3, 3, 3, 1]])
    expect(shapes).toEqual(tableShapes(source))
    expect(shapes).toEqual(tableShapes(reference))
  })

  it('gives the English document with --side source', () => {
    expectGolden(join(fixtures, 'source.md'), source)
    expect(source).not.toMatch(/<\/?span\b|data-ttu-id|data-stu-id|sxs-lookup/)
    // Only the front matter (title and description are translated in place, with no source kept) is not English.
    expect(body(source)).not.toMatch(/\p{Script=Han}/u)
    expect(body(source)).toMatch(/^# <a name="help-and-support-for-eop"><\/a>Help and support for EOP$/m)
  })
})

describe('sxs render', () => {
  const work = mkdtempSync(join(tmpdir(), 'sxs-render-'))
  afterAll(() => rmSync(work, {recursive: true, force: true}))
  function io(): RecordingIo {
    return recordingIo(root)
  }

  it('writes DIR/localized/<path>.md by default and both sides with --side both', async () => {
    const one = io()
    expect(await run([referencePath, '--out', join(work, 'a')], one)).toBe(0)
    expect(one.err).toBe(`render: 1 file(s), 1 document(s) written to ${join(work, 'a')}\n`)
    expect(readFileSync(join(work, 'a/localized/help-and-support-for-eop.md'), 'utf8')).toBe(renderSide(document, 'target'))
    expect(existsSync(join(work, 'a/source'))).toBe(false)

    expect(await run(['source-docs', '--out', join(work, 'b'), '--side', 'both'], io())).toBe(0)
    expect(readFileSync(join(work, 'b/localized/help-and-support-for-eop.md'), 'utf8')).toBe(renderSide(document, 'target'))
    expect(readFileSync(join(work, 'b/source/help-and-support-for-eop.md'), 'utf8')).toBe(renderSide(document, 'source'))
  })

  it('writes an HTML review page with --html: every segment rendered, the markdown as written beside it, the target language marked, an index', async () => {
    expect(await run([referencePath, '--out', join(work, 'h'), '--html'], io())).toBe(0)
    const page = readFileSync(join(work, 'h/review/help-and-support-for-eop.html'), 'utf8')
    expect(page.match(/<tr id=/g)).toHaveLength(document.segments.length)
    expect(page).toContain(
      '<td lang="en-US" dir="ltr"><strong>Applies to</strong><pre class="markdown" dir="ltr"><bdi dir="ltr">**Applies to**</bdi></pre></td>' +
        '<td lang="zh-TW" dir="ltr"><strong>適用於</strong><pre class="markdown" dir="ltr"><bdi dir="ltr">**適用於**</bdi></pre></td>'
    )
    expect(page).not.toMatch(/data-ttu-id|data-stu-id|sxs-lookup/)
    expect(page).toContain('<title>help-and-support-for-eop.md · sxs review</title>')
    const index = readFileSync(join(work, 'h/review/index.html'), 'utf8')
    expect(index).toContain(`<a href="help-and-support-for-eop.html">help-and-support-for-eop.md</a></td><td>zh-TW</td><td>${document.segments.length}</td>`)
  })

  it('refuses a wrong --side and a missing input with exit code 2', async () => {
    const wrong = io()
    expect(await run([referencePath, '--side', 'english'], wrong)).toBe(2)
    expect(wrong.err).toMatch(/--side must be target, source or both/)
    const missing = io()
    expect(await run(['no-such-file.md', '--out', join(work, 'c')], missing)).toBe(2)
    expect(missing.err).toMatch(/no-such-file\.md: no such file or folder/)
  })
})
