/**
 * The README's examples run as written. Every `sh` block of the README after its set-up is marked
 * `<!-- runnable -->`, and each runs, in order, with `bash -e`, in a clean copy of the repository (its tracked
 * files, the build `npm ci` made, the installed packages), as a user would from a checkout after `npm ci`. The
 * examples are expected to leave the documents they read unchanged and to write what the README says.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {root} from './helpers/build.js'

const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
const marker = '<!-- runnable -->\n'
const shBlocks = [...readme.matchAll(/^(<!-- runnable -->\n)?```sh\n([\s\S]*?)^```$/gm)]
const setUpEnd = readme.indexOf('\n## Commands')

/** A clean copy: tracked files as they are in the working tree, dist/ as built, node_modules linked. */
function cleanCopy(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'sxs-readme-'))
  const tracked = execFileSync('git', ['ls-files', '-z'], {cwd: root, encoding: 'utf8'}).split('\0').filter(Boolean)
  for (const file of tracked) {
    if (!existsSync(path.join(root, file))) continue
    mkdirSync(path.dirname(path.join(copy, file)), {recursive: true})
    cpSync(path.join(root, file), path.join(copy, file))
  }
  cpSync(path.join(root, 'dist'), path.join(copy, 'dist'), {recursive: true})
  // The installed packages (and so the cache under node_modules/.cache, which is keyed by content: a warm
  // entry gives the result a cold run would).
  symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'))
  return copy
}

const copy = cleanCopy()
afterAll(() => rmSync(copy, {recursive: true, force: true}))

describe('README examples', () => {
  it('marks every sh block after the set-up runnable, and has some', () => {
    const after = shBlocks.filter((block) => block.index > setUpEnd)
    expect(after.length).toBeGreaterThanOrEqual(5)
    expect(after.filter((block) => block[1] !== marker).map((block) => block[2])).toEqual([])
  })

  const runnable = shBlocks.filter((block) => block[1] === marker)
  for (const [index, block] of runnable.entries()) {
    const script = block[2]!
    it(`runs block ${index + 1}: ${script.split('\n')[0]}`, () => {
      const run = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], {cwd: copy, encoding: 'utf8', env: {...process.env, npm_config_update_notifier: 'false'}})
      expect(run.status, `${script}\n${run.stdout}\n${run.stderr}`).toBe(0)
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /)
    })
  }

  it('left the documents as they were and wrote what the README says', () => {
    const document = 'help-and-support-for-eop.md'
    const original = readFileSync(path.join(root, 'source-docs', document), 'utf8')
    expect(readFileSync(path.join(copy, 'source-docs', document), 'utf8')).toBe(original)
    for (const output of ['xliff-1.2/help-and-support-for-eop.xlf', 'xliff-2.0/help-and-support-for-eop.xlf', 'json/help-and-support-for-eop.json', 'localized/help-and-support-for-eop.md', 'source/help-and-support-for-eop.md']) {
      expect(existsSync(path.join(copy, 'out', output)), output).toBe(true)
    }
    // Translations merged back unedited give the document back, byte for byte.
    expect(readFileSync(path.join(copy, 'out', 'merged', document), 'utf8')).toBe(original)
  })
})
