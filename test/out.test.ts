/**
 * `out/` holds the committed outputs for `source-docs/`: regenerate them in a temporary folder exactly as
 * `npm run extract` does and compare every file, so that stale outputs fail the build.
 * (Regenerate with `npm run extract`.)
 */
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import {listFiles} from './helpers/files.js'

const root = path.resolve(import.meta.dirname, '..')
let fresh: string
const quietIo = {stdout: () => {}, stderr: () => {}, cwd: root, isTTY: false}

beforeAll(async () => {
  fresh = await mkdtemp(path.join(tmpdir(), 'sxs-out-'))
  expect(await main(['extract', 'source-docs', '--out', fresh, '--format', 'xliff12,xliff20,json'], quietIo)).toBe(0)
  expect(await main(['render', 'source-docs', '--out', fresh, '--side', 'both'], quietIo)).toBe(0)
})

afterAll(async () => {
  await rm(fresh, {recursive: true, force: true})
})

describe('out/ is up to date with source-docs/ (run `npm run extract` to refresh it)', () => {
  it('has exactly the files a fresh run writes', async () => {
    expect(await listFiles(path.join(root, 'out'))).toEqual(await listFiles(fresh))
  })

  it('has the same bytes in every file', async () => {
    for (const file of await listFiles(fresh)) {
      const committed = await readFile(path.join(root, 'out', file), 'utf8')
      expect(committed, `out/${file} is stale`).toBe(await readFile(path.join(fresh, file), 'utf8'))
    }
  })

  it('extracts the reference document: 76 units in order, the merged id, table cells, codes', async () => {
    // From the fresh extraction: the committed out/ is compared with it above, and must not stand in for it.
    const json = JSON.parse(await readFile(path.join(fresh, 'json/help-and-support-for-eop.json'), 'utf8')) as {
      segments: Array<{id: string; context: {kind: string; table?: {row: number; column: number}}}>
    }
    const ids = json.segments.map((segment) => segment.id)
    expect(ids).toHaveLength(76)
    expect(ids[0]).toBe('90f5f-103')
    expect(ids.at(-1)).toBe('90f5f-181')
    expect(ids.indexOf('90f5f-p104')).toBe(ids.indexOf('90f5f-126') + 1)
    expect(ids.filter((id) => /-p\d+$/.test(id))).toEqual(['90f5f-p104'])
    const cell = json.segments.find((segment) => segment.id === '90f5f-163')
    expect(cell?.context).toMatchObject({kind: 'tableCell', table: {row: 4, column: 2}})
    const xliff = await readFile(path.join(fresh, 'xliff-1.2/help-and-support-for-eop.xlf'), 'utf8')
    expect(xliff.match(/<trans-unit /g)).toHaveLength(76)
    expect(xliff).toContain('<source><bpt id="1" ctype="bold">**</bpt>Applies to<ept id="1">**</ept></source>')
  })
})
