/**
 * `sxs check source-docs`: the reference document is clean (exit 0, no finding: the source's own closing
 * `|` line is a row GFM pads), and each of a dozen mutations of it exits 1 with the right rule at the right line.
 */
import {describe, expect, it} from 'vitest'
import {mkdtempSync, readFileSync, writeFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {run} from '../src/cli/commands/check.js'
import type {Io} from '../src/cli/io.js'
import type {JsonProblem} from '../src/cli/reporters/json.js'

const root = path.resolve(import.meta.dirname, '..')
const reference = readFileSync(path.join(root, 'source-docs/help-and-support-for-eop.md'), 'utf8')

async function runCheck(argv: string[], cwd = root): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const io: Io = {stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd, isTTY: false}
  const code = await run(argv, io)
  return {code, stdout, stderr}
}

/** Replace the one occurrence of `from`. */
function mutate(text: string, from: string, to: string): string {
  const first = text.indexOf(from)
  expect(first, `mutation anchor not found: ${from}`).toBeGreaterThanOrEqual(0)
  expect(text.indexOf(from, first + 1), `mutation anchor not unique: ${from}`).toBe(-1)
  return text.slice(0, first) + to + text.slice(first + from.length)
}

const lookup = (id: string, source: string) => `<span class="sxs-lookup"><span data-stu-id="90f5f-${id}">${source}</span></span>`

interface Mutation {
  name: string
  apply: (text: string) => string
  rule: string
  line: number | number[]
}

const mutations: Mutation[] = [
  {
    name: 'swap two ids',
    apply: (text) => text.replaceAll('"90f5f-105"', '"SWAP"').replaceAll('"90f5f-106"', '"90f5f-105"').replaceAll('"SWAP"', '"90f5f-106"'),
    rule: 'id-order',
    line: [28, 29]
  },
  {name: 'delete an sxs-lookup', apply: (text) => mutate(text, lookup('110', 'Self-support options'), ''), rule: 'target-without-source', line: 34},
  {name: 'change a stu-id', apply: (text) => mutate(text, 'data-stu-id="90f5f-111"', 'data-stu-id="90f5f-911"'), rule: 'id-mismatch', line: 36},
  {name: 'duplicate a pair', apply: (text) => mutate(text, '(../../admin/contact-support-for-business-products.md)\n', '(../../admin/contact-support-for-business-products.md)\n\n[<span data-ttu-id="90f5f-119">連絡商務產品的客戶支援 - 系統管理說明</span><span class="sxs-lookup"><span data-stu-id="90f5f-119">Contact support for business products - Admin Help</span></span>](x.md)\n'), rule: 'duplicate-id', line: 42},
  {name: 'insert `|` into a table target', apply: (text) => mutate(text, '免付費電話：08007621146', '免付費電話 | 08007621146'), rule: 'pair-split-across-cells', line: 84},
  {name: 'a backslash ending a table target escapes the row\'s next `|`', apply: (text) => mutate(text, '>巴西<', '>巴西\\<'), rule: 'table-shape', line: 84},
  {name: 'a line break in a table target', apply: (text) => mutate(text, '">法國</span>', '">\n法國</span>'), rule: 'line-break-in-table-pair', line: 85},
  {name: 'a `|` in a header target: not a table in the localized document', apply: (text) => mutate(text, '購買前和帳務問題', '購買前|帳務問題'), rule: 'not-a-table', line: 82},
  {name: 'empty a target', apply: (text) => mutate(text, '您可以在 Microsoft 365 系統管理中心內提出新的服務要求，或撥打電話，以獲得 Microsoft 的協助。', ''), rule: 'empty-target', line: 50},
  {name: 'MT placeholder instead of a link', apply: (text) => mutate(text, '[適用於合作夥伴的頂級支援](https://partner.microsoft.com/support/microsoft-services-premier-support)', '<b0>適用於合作夥伴的頂級支援</b0>'), rule: 'mt-placeholder', line: 56},
  {name: 'an id of the wrong shape', apply: (text) => mutate(mutate(text, 'ttu-id="90f5f-112"', 'ttu-id="90f5f-11x2"'), 'stu-id="90f5f-112"', 'stu-id="90f5f-11x2"'), rule: 'id-shape', line: 36},
  {name: 'a pair from another file', apply: (text) => mutate(mutate(text, 'ttu-id="90f5f-140"', 'ttu-id="2ca24-140"'), 'stu-id="90f5f-140"', 'stu-id="2ca24-140"'), rule: 'mixed-prefix', line: 74},
  {name: 'an HTML comment left open hides the rest of the page', apply: (text) => mutate(text, '\n## <a name="for-more-information-about-eop-documentation">', '\n<!-- TODO: review\n## <a name="for-more-information-about-eop-documentation">'), rule: 'unclosed-comment', line: 94},
  {name: 'an unclosed code fence', apply: (text) => mutate(text, '\n## <a name="for-more-information-about-eop-documentation">', '\n```powershell\n## <a name="for-more-information-about-eop-documentation">'), rule: 'unclosed-code-fence', line: 94},
  {name: 'a source span left open', apply: (text) => mutate(text, 'Mail flow troubleshooter</span></span>', 'Mail flow troubleshooter'), rule: 'unclosed-span', line: 46},
  {name: 'delete a target span', apply: (text) => mutate(text, '<span data-ttu-id="90f5f-125">Premier Support 訂閱者有額外的支援選項。</span>', ''), rule: 'source-without-target', line: 50},
  {name: 'a target of pipes with an empty source', apply: (text) => mutate(text, 'Exchange Online 的協助工具</span><span class="sxs-lookup"><span data-stu-id="90f5f-181">Accessibility in Exchange Online', '| |</span><span class="sxs-lookup"><span data-stu-id="90f5f-181">'), rule: 'pipe-only-target', line: 96},
  {name: 'no ms.contentlocale', apply: (text) => mutate(text, 'ms.contentlocale: zh-TW\n', ''), rule: 'content-locale', line: 2},
  {name: 'stray backticks read the next pair as code', apply: (text) => mutate(mutate(text, '登入時，Microsoft 365', '登入時，`Microsoft 365'), 'Microsoft 365 系統管理中心還提供', 'Microsoft 365` 系統管理中心還提供'), rule: 'pair-in-code', line: 36}
]

describe('sxs check on the reference document', () => {
  it('exits 0 with no finding: the source\'s own closing `|` line is a row GFM pads (the page is as the author wrote it)', async () => {
    const {code, stdout} = await runCheck(['source-docs', '--format', 'json'])
    expect(code).toBe(0)
    const problems = JSON.parse(stdout) as JsonProblem[]
    expect(problems.map((p) => [p.ruleId, p.severity, p.line])).toEqual([])
  })

  it('exits 0 with --max-warnings 0', async () => {
    expect((await runCheck(['source-docs', '--max-warnings', '0'])).code).toBe(0)
  })

  describe('mutations', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sxs-check-'))
    for (const [index, mutation] of mutations.entries()) {
      it(`${mutation.name}: ${mutation.rule} at line ${String(mutation.line)}`, async () => {
        const directory = path.join(folder, String(index))
        mkdirSync(directory, {recursive: true})
        const text = mutation.apply(reference)
        expect(text).not.toBe(reference)
        writeFileSync(path.join(directory, 'help-and-support-for-eop.md'), text)
        const {code, stdout} = await runCheck([directory, '--format', 'json'])
        const problems = JSON.parse(stdout) as JsonProblem[]
        expect(code).toBe(1)
        const lines = [mutation.line].flat()
        const hit = problems.filter((p) => p.ruleId === mutation.rule && p.severity === 'error' && lines.includes(p.line))
        expect(hit, JSON.stringify(problems.map((p) => [p.ruleId, p.severity, p.line, p.message]), null, 1)).not.toEqual([])
      })
    }
  })
})
