/**
 * `sxs update`: the front matter against what the pipeline did at the 37 real handoffs of
 * ../shared/corpus/update. The translated keys (title, description, keywords: translated in place, no pair)
 * are kept when their English did not change, written in English and flagged when it did (known from the old
 * English, `--old-english`), dropped when the English dropped them. Figures in docs/update.md.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {update} from '../src/update/update.js'
import {main} from '../src/cli/main.js'
import {recordingIo} from './helpers/io.js'
import {historiesDir, historyNames} from './helpers/update-histories.js'

const validator = fileURLToPath(new URL('../../shared/tools/validate-xliff', import.meta.url))
const read = (name: string, file: string): string => readFileSync(join(historiesDir, name, file), 'utf8')
const translatedKeys = ['title', 'description', 'keywords']
/** Keys the update cannot know: the pipeline's own (hash, commit, date, id, translation type). */
const pipelineKeys = new Set(['ms.openlocfilehash', 'ms.sourcegitcommit', 'ms.lasthandoff', 'ms.locfileid', 'ms.translationtype'])

describe('front matter over the real handoffs, with the old English', () => {
  const rows = historyNames().map((name) => {
    const old = parse(read(name, 'old.md'))
    const expected = parse(read(name, 'expected.md'))
    const result = update(old, read(name, 'new-en.md'), {oldEnglish: read(name, 'old-en.md')})
    return {name, old: old.frontMatter?.data ?? {}, expected: expected.frontMatter?.data ?? {}, ours: result.document.frontMatter?.data ?? {}, front: result.frontMatter}
  })

  it('flags exactly the translated keys whose English changed, and the pipeline retranslated each of them', () => {
    const flagged = rows.flatMap((row) => row.front.translate.map((todo) => `${row.name} ${todo.key}`))
    expect(flagged).toEqual([
      'cli-ref-environment-variables-20180503 title',
      'installing-signed-packages-20190628 title',
      'package-references-in-project-files-20180125 title',
      'package-references-in-project-files-20180125 description',
      'package-references-in-project-files-20180125 keywords',
      'release-notes-index-20180503 title'
    ])
    for (const row of rows) {
      for (const todo of row.front.translate) {
        expect(row.ours[todo.key]).toBe(todo.english)
        // The pipeline gave it a new target (or, for keywords here, left the new English).
        expect(row.expected[todo.key], row.name).not.toEqual(row.old[todo.key])
      }
    }
  })

  it('keeps every translated key whose English did not change (the rest of the pipeline’s differences are MT refreshes)', () => {
    let kept = 0
    let pipelineKept = 0
    for (const row of rows) {
      expect(row.front.unverified).toEqual([])
      for (const key of row.front.kept) {
        kept++
        expect(row.ours[key]).toEqual(row.old[key])
        if (JSON.stringify(row.expected[key]) === JSON.stringify(row.old[key])) pipelineKept++
      }
    }
    expect({kept, pipelineKept}).toEqual({kept: 76, pipelineKept: 68})
  })

  it('drops the keys the English dropped and adds the ones it added: every other key is the pipeline’s', () => {
    const removed = rows.flatMap((row) => row.front.removed.map((key) => `${row.name} ${key}`))
    expect(removed).toEqual(['cli-ref-environment-variables-20180503 keywords', 'release-notes-index-20180503 keywords'])
    const differences: string[] = []
    for (const row of rows) {
      for (const key of new Set([...Object.keys(row.ours), ...Object.keys(row.expected)])) {
        if (pipelineKeys.has(key) || translatedKeys.includes(key)) continue
        // YAML re-serialized by the pipeline: an empty value is '' there, null here.
        const value = (data: Record<string, unknown>): string => JSON.stringify(data[key] ?? '')
        if (value(row.ours) !== value(row.expected)) differences.push(`${row.name} ${key}`)
      }
    }
    expect(differences).toEqual([])
  })
})

describe('front matter without the old English', () => {
  it('keeps the translated keys, lists them as unverified; a key the English dropped is still dropped', () => {
    const name = 'release-notes-index-20180503'
    const result = update(parse(read(name, 'old.md')), read(name, 'new-en.md'))
    expect(result.frontMatter.translate).toEqual([])
    expect(result.frontMatter.unverified).toEqual(['title', 'description'])
    expect(result.frontMatter.removed).toEqual(['keywords'])
    expect(result.document.frontMatter?.data['title']).toBe('Informacje o wersji programu NuGet | Microsoft Docs')
    // Without the old English, keys the localized file has and the English not may be the repository's own: kept.
    expect(result.frontMatter.notCarried).toContain('ms.prod')
  })
})

describe('sxs update --old-english', () => {
  const work = mkdtempSync(join(tmpdir(), 'sxs-update-front-'))
  afterAll(() => rmSync(work, {recursive: true, force: true}))
  const name = 'installing-signed-packages-20190628'

  it('writes the changed title in English, names it on stderr, in the report and the XLIFF header, and counts it', async () => {
    for (const file of ['old.md', 'old-en.md', 'new-en.md']) writeFileSync(join(work, file), read(name, file))
    const io = recordingIo(work)
    const code = await main(['update', 'old.md', 'new-en.md', '--old-english', 'old-en.md', '--out', 'new.md', '--xliff', 'todo.xlf', '--xliff20', 'todo20.xlf', '--report', 'r.json', '--max-needs-translation', '1'], io)
    expect(io.err).toContain('; 1 need translation; front matter to translate: title\n')
    expect(io.err).toContain('update: 2 unit(s) need translation, more than --max-needs-translation 1')
    expect(code).toBe(1)
    expect(readFileSync(join(work, 'new.md'), 'utf8')).toContain('\ntitle: Manage package trust boundaries\n')
    const report = JSON.parse(readFileSync(join(work, 'r.json'), 'utf8')) as {counts: {frontMatterToTranslate: number}; frontMatter: {translate: unknown[]}}
    expect(report.counts.frontMatterToTranslate).toBe(1)
    expect(report.frontMatter.translate).toEqual([
      {key: 'title', class: 'changed', english: 'Manage package trust boundaries', oldEnglish: 'Install a signed NuGet package', oldTarget: 'Instalowanie pakietu NuGet podpisem'}
    ])
    expect(readFileSync(join(work, 'todo.xlf'), 'utf8')).toContain(
      '<note from="sxs">sxs update: front matter `title` changed: translate it in the document: Manage package trust boundaries; previous English: Install a signed NuGet package; previous translation: Instalowanie pakietu NuGet podpisem</note>'
    )
    expect(readFileSync(join(work, 'todo20.xlf'), 'utf8')).toContain(
      '<note category="sxs-update">sxs update: front matter `title` changed: translate it in the document: Manage package trust boundaries;'
    )
    // The notes keep both files valid (strict XLIFF 1.2 schema, XLIFF 2.0 core).
    const validated = spawnSync(validator, [join(work, 'todo.xlf'), join(work, 'todo20.xlf')], {encoding: 'utf8', env: {...process.env, LC_ALL: 'C'}})
    expect(validated.status, validated.stderr).toBe(0)
  })

  it('warns when the old English is not the one the document was made from', async () => {
    writeFileSync(join(work, 'other-en.md'), read(name, 'new-en.md'))
    const io = recordingIo(work)
    expect(await main(['update', 'old.md', 'new-en.md', '--old-english', 'other-en.md', '--out', 'new2.md'], io)).toBe(0)
    expect(io.err).toContain('other-en.md: warning: not the English old.md was made from (its SHA-1 is ')
  })
})
