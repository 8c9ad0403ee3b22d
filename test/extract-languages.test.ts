/**
 * The language pair of extract's outputs: the target language comes from `ms.contentlocale`; includes and
 * READMEs of real docsets have no front matter (three corpus files), for which `--target-lang` gives it.
 * Without either, extract warns and XLIFF 2.0 says `trgLang="und"`: the standard requires trgLang once
 * there are <target> elements, which every unit has.
 */
import {spawnSync} from 'node:child_process'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {corpusDir} from './helpers/corpus.js'
import {recordingIo} from './helpers/io.js'

const validator = fileURLToPath(new URL('../../shared/tools/validate-xliff', import.meta.url))
/** A corpus include: bilingual, no front matter. */
const include = 'OfficeDocs-O365SecComp-pr.zh-TW/SecurityCompliance/compliance20/created-tag-group-placeholder.md'
let work: string

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sxs-languages-'))
  await cp(path.join(corpusDir, include), path.join(work, 'docs', 'include.md'))
  const pair = '# <span data-ttu-id="abcde-101">你好</span><span class="sxs-lookup"><span data-stu-id="abcde-101">Hello</span></span>\n'
  await writeFile(path.join(work, 'docs', 'underscore.md'), `---\ntitle: x\nms.contentlocale: zh_CN\n---\n${pair}`)
  await writeFile(path.join(work, 'docs', 'german.md'), `---\nms.contentlocale: de-DE\n---\n${pair}`)
})

afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

const rootOf = async (file: string): Promise<string> => /<xliff [^>]*>|<file [^>]*>/.exec(await readFile(path.join(work, file), 'utf8'))![0]

describe('target language', () => {
  it('without ms.contentlocale: a warning at 1:1, trgLang="und" in XLIFF 2.0, no target-language in 1.2; the XLIFF validates', async () => {
    const io = recordingIo(work)
    expect(await main(['extract', 'docs', '--out', 'out', '--format', 'xliff12,xliff20,json', '--no-cache'], io)).toBe(0)
    expect(io.err).toContain(`${path.join('docs', 'include.md')}:1:1: warning: No \`ms.contentlocale\` in the front matter: the target language is unknown (\`und\`); give it with --target-lang  [target-language]`)
    // An invalid value is pointed at where it is written.
    expect(io.err).not.toContain('german.md')
    expect(io.err).toContain(`${path.join('docs', 'underscore.md')}:3:1: warning: \`ms.contentlocale: zh_CN\` is not a language tag (BCP 47, e.g. \`zh-CN\`): the XLIFF says \`und\`  [target-language]`)
    expect(await rootOf('out/xliff-2.0/include.xlf')).toBe('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="en-US" trgLang="und">')
    expect(await rootOf('out/xliff-1.2/include.xlf')).toBe('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">')
    const xliffs = ['include', 'underscore'].flatMap((name) => [`out/xliff-1.2/${name}.xlf`, `out/xliff-2.0/${name}.xlf`]).map((file) => path.join(work, file))
    const validated = spawnSync(validator, xliffs, {encoding: 'utf8', env: {...process.env, LC_ALL: 'C'}})
    expect(validated.status, validated.stderr).toBe(0)
  })

  it('--target-lang gives it where the front matter does not; a document that says another is warned and keeps its own', async () => {
    const io = recordingIo(work)
    expect(await main(['extract', 'docs', '--out', 'given', '--format', 'xliff12,xliff20,json', '--target-lang', 'zh-TW', '--no-cache'], io)).toBe(0)
    expect(io.err).not.toContain('include.md:1:1: warning')
    expect(io.err).toContain('underscore.md:3:1: warning')
    expect(io.err).toContain(`${path.join('docs', 'german.md')}:2:1: warning: \`ms.contentlocale: de-DE\` differs from --target-lang zh-TW: the document's is used  [target-language]`)
    expect(await rootOf('given/xliff-2.0/german.xlf')).toContain('trgLang="de-DE"')
    expect(await rootOf('given/xliff-2.0/include.xlf')).toContain('trgLang="zh-TW"')
    expect((await readFile(path.join(work, 'given/xliff-1.2/include.xlf'), 'utf8')).split('\n')[2]).toBe(' <file original="include.md" source-language="en-US" target-language="zh-TW" datatype="x-markdown">')
    expect(JSON.parse(await readFile(path.join(work, 'given/json/include.json'), 'utf8')).languages).toEqual({source: 'en-US', target: 'zh-TW'})
  })

  it('refuses a --target-lang that is not a language tag (exit 2)', async () => {
    const io = recordingIo(work)
    expect(await main(['extract', 'docs', '--target-lang', 'zh_CN'], io)).toBe(2)
    expect(io.err).toContain("sxs extract: --target-lang 'zh_CN' is not a language tag")
  })
})
