/// <reference lib="dom" />
/**
 * The review page (`sxs render --html`) in a real browser: Debian's Chromium driven by playwright-core (no
 * browser download; `.ci/run` installs `chromium` and `fonts-noto-core`). A right-to-left dev-corpus document
 * with findings: every segment shows, the filter leaves exactly the segments with findings, each showing its
 * finding; URLs and code stay left-to-right islands. A hostile document: nothing it holds runs.
 */
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {run} from '../src/cli/commands/render.js'
import {check} from '../src/check/index.js'
import {parse} from '../src/document/parse.js'
import {corpusDir} from './helpers/corpus.js'
import {recordingIo} from './helpers/io.js'

const chromiumPath = '/usr/bin/chromium'
const hebrew = join(corpusDir, 'microsoft-365-docs-pr.he-IL/microsoft-365/business/increase-threat-protection.md')
const work = mkdtempSync(join(tmpdir(), 'sxs-review-'))
const docs = join(work, 'docs')
let browser: Browser

const hostile = `---
title: Hostile
ms.contentlocale: de-DE
---

# <span data-ttu-id="abcde-101">Titel<script>window.pwned = 1</script></span><span class="sxs-lookup"><span data-stu-id="abcde-101">Title</span></span>

<span data-ttu-id="abcde-102">Bild <img src="x" onerror="window.pwned = 2"> und [Link](javascript:window.pwned=3)</span><span class="sxs-lookup"><span data-stu-id="abcde-102">Image and [link](https://example.com)</span></span>

<span data-ttu-id="abcde-103"><iframe src="javascript:parent.pwned=4"></iframe><a href="#" onclick="window.pwned=5">klick</a></span><span class="sxs-lookup"><span data-stu-id="abcde-103">click</span></span>
`

beforeAll(async () => {
  expect(existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install chromium fonts-noto-core`).toBe(true)
  mkdirSync(join(docs, 'he'), {recursive: true})
  copyFileSync(hebrew, join(docs, 'he', 'increase-threat-protection.md'))
  writeFileSync(join(docs, 'hostile.md'), hostile)
  const io = recordingIo(work)
  expect(await run(['docs', '--out', 'out', '--html'], io)).toBeLessThanOrEqual(1)
  browser = await chromium.launch({executablePath: chromiumPath, args: ['--no-sandbox']})
})

afterAll(async () => {
  await browser?.close()
  rmSync(work, {recursive: true, force: true})
})

async function open(relative: string): Promise<Page> {
  const page = await browser.newPage({viewport: {width: 1400, height: 1000}})
  page.on('dialog', (dialog) => void dialog.dismiss())
  await page.goto(pathToFileURL(join(work, 'out/review', relative)).href)
  return page
}

describe('the review page in Chromium', () => {
  it('shows every segment, and with the filter only those with findings, each with its finding', async () => {
    const document = parse(readFileSync(hebrew, 'utf8'))
    const findings = check(document)
    expect(findings.length).toBeGreaterThan(0)
    const page = await open('he/increase-threat-protection.html')
    const rows = page.locator('tbody tr')
    expect(await rows.count()).toBe(document.segments.length)
    expect(await page.locator('tbody tr:visible').count()).toBe(document.segments.length)

    await page.getByText('Only segments with findings').click()
    const visible = page.locator('tbody tr:visible')
    const offsetOf = (finding: (typeof findings)[number]): number => (finding.place && 'start' in finding.place ? finding.place.start.offset : finding.place?.offset) ?? -1
    const holding = (offset: number) => document.segments.find((segment) => segment.position.pair.start.offset <= offset && offset < segment.position.pair.end.offset)
    const flaggedIds = new Set(findings.map((finding) => finding.segmentId ?? holding(offsetOf(finding))?.id).filter((id) => id !== undefined))
    expect(await visible.count()).toBe(flaggedIds.size)
    for (const id of flaggedIds) {
      const row = page.locator(`tr[id="${id}"]`)
      expect(await row.isVisible()).toBe(true)
      expect(await row.locator('li').first().textContent()).toMatch(/^(warning|error) [a-z-]+ /)
    }
    // The target is right-to-left; links' URLs and code inside it are left-to-right islands.
    expect(await page.locator('tbody td[lang="he-IL"]').first().getAttribute('dir')).toBe('rtl')
    const islands = page.locator('td[lang="he-IL"] bdi.url, td[lang="he-IL"] bdi.code')
    for (const island of await islands.all()) expect(await island.evaluate((node) => getComputedStyle(node).direction)).toBe('ltr')

    const shot = join(work, 'review-he.png')
    await page.screenshot({path: shot, fullPage: false})
    expect(statSync(shot).size).toBeGreaterThan(10_000)
    await page.getByText('Only segments with findings').click()
    expect(await page.locator('tbody tr:visible').count()).toBe(document.segments.length)
    await page.close()
  })

  it('runs nothing a document holds: scripts, handlers and javascript: links are gone', async () => {
    const page = await open('hostile.html')
    const dialogs: string[] = []
    page.on('dialog', (dialog) => void dialogs.push(dialog.message()))
    for (const link of await page.locator('td[lang="de-DE"] a').all()) await link.click({force: true}).catch(() => {})
    await page.waitForTimeout(200)
    expect(await page.evaluate(() => (window as unknown as {pwned?: number}).pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    expect(await page.locator('tbody script, tbody iframe, tbody [onerror], tbody [onclick]').count()).toBe(0)
    expect(await page.locator('tbody a[href^="javascript:"]').count()).toBe(0)
    // What the translator wrote is still there to read, as written.
    expect(await page.locator('tr[id="abcde-101"] td[lang="de-DE"] pre.markdown').textContent()).toContain('<script>window.pwned = 1</script>')
    await page.close()
  })

  it('has an index of the documents with their counts, linking to each page', async () => {
    const page = await open('index.html')
    expect(await page.locator('tbody tr').count()).toBe(2)
    await page.getByRole('link', {name: 'he/increase-threat-protection.md'}).click()
    await page.waitForLoadState()
    expect(await page.locator('h1').textContent()).toBe('he/increase-threat-protection.md')
    await page.close()
  })
})
