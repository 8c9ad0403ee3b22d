/**
 * The file engine the commands share: progress on a terminal and in a log, `--quiet`, the summary line,
 * `--shard i/n` (stable, complete, disjoint), and worker threads giving exactly the in-process results.
 */
import {cp, mkdir, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {main} from '../src/cli/main.js'
import type {Io} from '../src/cli/io.js'
import type {InputFile} from '../src/cli/files.js'
import {Progress} from '../src/cli/engine/progress.js'
import {parseShard, selectShard, shardOf} from '../src/cli/engine/shard.js'
import {processFiles} from '../src/cli/engine/index.js'
import {expandInputs} from '../src/cli/files.js'
import {corpusDir, corpusFiles} from './helpers/corpus.js'
import {listFiles} from './helpers/files.js'

/** An Io that records stderr and stdout, with a clock that moves `step` ms each time it is read. */
function recordingIo(cwd: string, options: {isTTY?: boolean; step?: number} = {}): Io & {out: string; err: string} {
  let clock = 0
  const io = {
    out: '',
    err: '',
    cwd,
    isTTY: options.isTTY ?? false,
    columns: 200,
    now: () => (clock += options.step ?? 0),
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text)
  }
  return io
}

const summary = /^(extract|check): (\d+) file\(s\) \(([\d.]+) MB\).*, (\d+) segment\(s\), (\d+) error\(s\), (\d+) warning\(s\) in [\d.]+s \((\d+) parsed/m

let work: string
let docs: string
const sample: string[] = []

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sxs-engine-'))
  docs = path.join(work, 'docs')
  // Twelve real documents of different sizes, from two languages.
  const files = corpusFiles()
  const chosen = [...files.filter((file) => file.includes('he-IL')).slice(0, 6), ...files.filter((file) => file.includes('ja-JP')).slice(0, 6)]
  for (const file of chosen) {
    const relative = path.relative(corpusDir, file)
    sample.push(relative.split(path.sep).join('/'))
    await cp(file, path.join(docs, relative))
  }
})

afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

async function sameTrees(a: string, b: string): Promise<void> {
  const files = await listFiles(a)
  expect(await listFiles(b)).toEqual(files)
  for (const file of files) expect(await readFile(path.join(b, file), 'utf8'), file).toBe(await readFile(path.join(a, file), 'utf8'))
}

describe('progress', () => {
  const totals = {files: 20, bytes: 20_000_000}
  const finished = {...totals, segments: 400, errors: 1, warnings: 2, cached: 5, parsed: 15, workers: 2}

  it('draws a bar in place on a terminal: files, MB, ETA; then clears it for the summary line', () => {
    const io = recordingIo('/', {isTTY: true, step: 500})
    const progress = new Progress({io, label: 'extract', ...totals, quiet: false})
    for (let index = 0; index < 20; index++) progress.advance(1_000_000)
    progress.finish(finished)
    const frames = io.err.split('\r\u001B[K').filter(Boolean)
    expect(frames[0]).toMatch(/^\[#-{19}\] extract: 1\/20 files, 1\.0\/20\.0 MB \(5%\), \ds, ETA \d+s$/)
    expect(frames).toContain('[##########----------] extract: 10/20 files, 10.0/20.0 MB (50%), 5s, ETA 5s')
    expect(io.err).not.toMatch(/\n(?!$)/) // one line, redrawn
    expect(frames.at(-1)).toBe('extract: 20 file(s) (20.0 MB), 400 segment(s), 1 error(s), 2 warning(s) in 10.5s (15 parsed on 2 worker(s), 5 from cache)\n')
  })

  it('keeps the bar whole around messages printed during the run', () => {
    const io = recordingIo('/', {isTTY: true, step: 500})
    const progress = new Progress({io, label: 'check', ...totals, quiet: false})
    progress.advance(1_000_000)
    progress.log('a.md:1:1: warning: something  [rule]\n')
    expect(io.err).toMatch(/\r\u001B\[Ka\.md:1:1: warning: something {2}\[rule\]\n\r\u001B\[K\[#/)
  })

  it('writes plain lines in a log: at each 10 % once 2 s have passed, and every 5 s', () => {
    const io = recordingIo('/', {step: 250})
    const progress = new Progress({io, label: 'check', ...totals, quiet: false})
    for (let index = 0; index < 20; index++) progress.advance(1_000_000)
    progress.finish(finished)
    const lines = io.err.trimEnd().split('\n')
    expect(io.err).not.toContain('\r')
    // 250 ms a file: nothing before 2 s (8 files), then a line per 10 % (2 files), none at 100 %.
    expect(lines.slice(0, -1)).toEqual([
      'check: 8/20 files (40%), 8.0/20.0 MB, 2s, ETA 3s',
      'check: 10/20 files (50%), 10.0/20.0 MB, 3s, ETA 3s',
      'check: 12/20 files (60%), 12.0/20.0 MB, 3s, ETA 2s',
      'check: 14/20 files (70%), 14.0/20.0 MB, 4s, ETA 2s',
      'check: 16/20 files (80%), 16.0/20.0 MB, 4s, ETA 1s',
      'check: 18/20 files (90%), 18.0/20.0 MB, 5s, ETA 0s'
    ])
    expect(lines.at(-1)).toMatch(summary)
  })

  it('counts the percentage of a log line in files, the unit its lines step by, whatever the sizes', () => {
    const io = recordingIo('/', {step: 1000})
    // One file holds nine tenths of the bytes: by megabytes the run would be 90 % done after one file.
    const progress = new Progress({io, label: 'extract', files: 10, bytes: 10_000_000, quiet: false})
    progress.advance(9_000_000)
    for (let index = 0; index < 9; index++) progress.advance(1_000_000 / 9)
    const lines = io.err.trimEnd().split('\n')
    expect(lines[0]).toBe('extract: 2/10 files (20%), 9.1/10.0 MB, 2s, ETA 8s')
    expect(lines.at(-1)).toBe('extract: 9/10 files (90%), 9.9/10.0 MB, 9s, ETA 1s')
  })

  it('writes a line every 5 s when files are slow to come', () => {
    const io = recordingIo('/', {step: 3000})
    const progress = new Progress({io, label: 'extract', files: 1000, bytes: 1000, quiet: false})
    for (let index = 0; index < 10; index++) progress.advance(1)
    // 3 s a file: every other file is 5 s after the last line; 1 % steps cross no 10 % boundary.
    expect(io.err.trimEnd().split('\n')).toHaveLength(5)
  })

  it('prints nothing with --no-progress, not even the summary', () => {
    for (const isTTY of [true, false]) {
      const io = recordingIo('/', {isTTY, step: 1000})
      const progress = new Progress({io, label: 'extract', ...totals, quiet: true})
      for (let index = 0; index < 20; index++) progress.advance(1_000_000)
      progress.log('')
      progress.finish(finished)
      expect(io.err).toBe('')
    }
  })
})

describe('progress and --no-progress through the commands', () => {
  it('extract: periodic lines in a log, then the summary line with files, segments, errors, warnings and seconds', async () => {
    const io = recordingIo(work, {step: 400})
    expect(await main(['extract', 'docs', '--out', 'out-progress', '--no-cache', '--jobs', '1'], io)).toBe(0)
    const lines = io.err.trimEnd().split('\n')
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^extract: \d+\/12 files \(\d+%\), [\d.]+\/[\d.]+ MB, \d+s, ETA \d+s$/)
    const match = summary.exec(lines.at(-1)!)
    expect(match?.slice(1, 3)).toEqual(['extract', '12'])
    expect(Number(match![4])).toBeGreaterThan(0)
    expect(match![7]).toBe('12')
  })

  it('extract on a terminal: the bar is redrawn in place, cleared, and the summary line stays', async () => {
    const io = recordingIo(work, {isTTY: true, step: 400})
    expect(await main(['extract', 'docs', '--out', 'out-tty', '--no-cache', '--jobs', '1'], io)).toBe(0)
    expect(io.err).toMatch(/^\r\u001B\[K\[[#-]{20}\] extract: \d+\/12 files, [\d.]+\/[\d.]+ MB \(\d+%\), \d+s(, ETA \d+s)?/)
    const lines = io.err.split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    expect(lines[0]!.split('\r\u001B[K').at(-1)).toMatch(summary)
  })

  it('extract and check --no-progress print no progress and no summary', async () => {
    const io = recordingIo(work, {step: 400})
    expect(await main(['extract', 'docs', '--out', 'out-quiet', '--no-cache', '--no-progress'], io)).toBe(0)
    expect(io.err).toBe('')
    const checked = recordingIo(work, {step: 400})
    await main(['check', 'docs', '--no-cache', '--no-progress', '--format', 'json'], checked)
    expect(checked.err).toBe('')
    expect(JSON.parse(checked.out)).toBeInstanceOf(Array)
  })

  it('check: the summary line goes to stderr, the report alone to stdout', async () => {
    const io = recordingIo(work)
    await main(['check', 'docs', '--no-cache', '--format', 'json'], io)
    expect(io.err).toMatch(summary)
    const problems = JSON.parse(io.out) as Array<{severity: string}>
    const match = summary.exec(io.err)!
    expect([Number(match[5]), Number(match[6])]).toEqual([problems.filter((p) => p.severity === 'error').length, problems.filter((p) => p.severity === 'warning').length])
  })
})

describe('--shard i/n', () => {
  const files: InputFile[] = corpusFiles().map((file) => ({path: file, relative: path.relative(corpusDir, file).split(path.sep).join('/'), absolute: file}))

  it('splits the inputs completely and disjointly, keeping their order', () => {
    for (const count of [1, 2, 3, 7, 16]) {
      const shards = Array.from({length: count}, (_, index) => selectShard(files, {index: index + 1, count}))
      const all = shards.flat()
      expect(all).toHaveLength(files.length)
      expect(new Set(all.map((file) => file.relative)).size).toBe(files.length)
      for (const shard of shards) expect(shard).toEqual(files.filter((file) => shard.includes(file)))
      // Not degenerate: every shard of a 661-file docset gets a fair part.
      for (const shard of shards) expect(shard.length).toBeGreaterThan(files.length / count / 2)
    }
  })

  it('is stable: adding or removing a file moves no other file', () => {
    const before = selectShard(files, {index: 2, count: 4}).map((file) => file.relative)
    const more = [...files, {path: 'x', relative: 'new/a-new-article.md', absolute: '/x'}, {path: 'y', relative: 'another.md', absolute: '/y'}]
    const after = selectShard(more, {index: 2, count: 4}).map((file) => file.relative)
    expect(after.filter((relative) => before.includes(relative))).toEqual(before)
    const fewer = files.filter((_, index) => index % 3 !== 0)
    expect(selectShard(fewer, {index: 2, count: 4}).map((file) => file.relative)).toEqual(before.filter((relative) => fewer.some((file) => file.relative === relative)))
    // …and does not depend on the machine: a fixed value of the hash.
    expect([shardOf('microsoft-365/enterprise/o365-data-locations.md', 4), shardOf('a.md', 2)]).toEqual([shardOf('microsoft-365\\enterprise\\o365-data-locations.md', 4), shardOf('a.md', 2)])
  })

  it('refuses values that are not i/n with 1 ≤ i ≤ n', async () => {
    expect(parseShard('2/5')).toEqual({index: 2, count: 5})
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '-1/2', '1/2/3', '']) {
      expect(() => parseShard(bad), bad).toThrow(/--shard/)
      const io = recordingIo(work)
      expect(await main(['extract', 'docs', `--shard=${bad}`, '--out', 'never'], io), bad).toBe(2)
      expect(io.err).toMatch(/^sxs extract: --shard/)
      const checked = recordingIo(work)
      expect(await main(['check', 'docs', `--shard=${bad}`], checked), bad).toBe(2)
      expect(checked.err).toMatch(/^sxs check: --shard/)
    }
    const io = recordingIo(work)
    expect(await main(['extract', 'docs', '--jobs', '0'], io)).toBe(2)
    expect(io.err).toMatch(/--jobs '0'/)
  })

  it('three shards of extract write together exactly what one run writes', async () => {
    const quiet = ['--no-progress', '--no-cache', '--jobs', '1']
    expect(await main(['extract', 'docs', '--out', 'out-whole', ...quiet], recordingIo(work))).toBe(0)
    for (const shard of ['1/3', '2/3', '3/3']) {
      const io = recordingIo(work)
      expect(await main(['extract', 'docs', '--out', 'out-sharded', '--shard', shard, '--no-cache'], io)).toBe(0)
      const match = summary.exec(io.err)!
      expect(Number(match[2])).toBe(selectShard(sample.map((relative) => ({path: relative, relative, absolute: path.join(docs, relative)})), parseShard(shard)).length)
    }
    await sameTrees(path.join(work, 'out-whole'), path.join(work, 'out-sharded'))
  })
})

describe('--shard on merge and render', () => {
  it('two shards write together exactly what one run writes', async () => {
    expect(await main(['extract', 'docs', '--out', 'out-merge', '--no-progress', '--format', 'json'], recordingIo(work))).toBe(0)
    for (const [command, whole, sharded] of [
      [['render', 'docs', '--side', 'both'], 'render-whole', 'render-sharded'],
      [['merge', '--docs', 'docs', '--translations', 'out-merge/json'], 'merge-whole', 'merge-sharded']
    ] as const) {
      expect(await main([...command, '--out', whole], recordingIo(work))).toBe(0)
      const sizes: number[] = []
      for (const shard of ['1/2', '2/2']) {
        expect(await main([...command, '--out', sharded, '--shard', shard], recordingIo(work))).toBe(0)
        sizes.push((await listFiles(path.join(work, sharded))).length)
      }
      expect(sizes[0]).toBeGreaterThan(0)
      expect(sizes[0]).toBeLessThan(sizes[1]!)
      await sameTrees(path.join(work, whole), path.join(work, sharded))
      expect(await main([...command, '--out', sharded, '--shard', '0/2'], recordingIo(work))).toBe(2)
    }
  })
})

describe('failures', () => {
  it('a command that fails on a file ends the run at once (no file left waiting for a slot)', async () => {
    const files = await expandInputs(['docs'], work)
    let consumed = 0
    const run = processFiles({
      label: 'check',
      task: 'check',
      files,
      io: recordingIo(work),
      engine: {shard: undefined, jobs: 1, cacheDir: false, noProgress: true},
      options: (file) => ({path: file.path}),
      consume: () => {
        consumed++
        throw new Error('boom')
      }
    })
    await expect(run).rejects.toThrow('boom')
    expect(consumed).toBe(1)
  })
})

describe('consumes under way at once', () => {
  /**
   * A run whose consume logs before and after waiting. With `consumeAtOnce` above 1, every fourth file waits
   * until the third file after it is done (they are under way with it), so that files finish out of order.
   */
  function run(files: readonly InputFile[], consumeAtOnce: number, fail?: number) {
    const io = recordingIo(work)
    let underWay = 0
    let most = 0
    const finished: number[] = []
    // Node 20 has no Promise.withResolvers.
    const done = files.map(() => {
      let resolve!: () => void
      const promise = new Promise<void>((settle) => (resolve = settle))
      return {promise, resolve}
    })
    const result = processFiles({
      label: 'check',
      task: 'check',
      files,
      io,
      engine: {shard: undefined, jobs: 1, cacheDir: false, noProgress: true},
      options: (file) => ({path: file.path}),
      consumeAtOnce,
      consume: async (file, _outcome, {log}) => {
        const index = files.indexOf(file)
        underWay++
        most = Math.max(most, underWay)
        log(`${index} starts\n`)
        if (consumeAtOnce > 1 && index % 4 === 0) await done[Math.min(index + 3, files.length - 1)]!.promise
        else await new Promise((resolve) => setImmediate(resolve))
        log(`${index} ends\n`)
        underWay--
        finished.push(index)
        done[index]!.resolve()
        if (index === fail) throw new Error('boom')
        return {segments: index, errors: 0, warnings: 0}
      }
    })
    return {io, result, most: () => most, finished}
  }

  it('prints each file\'s text in input order, and counts every file, with at most that many under way', async () => {
    const files = await expandInputs(['docs'], work)
    const {io, result, most, finished} = run(files, 4)
    const summary = await result
    expect(io.err).toBe(files.map((_, index) => `${index} starts\n${index} ends\n`).join(''))
    expect(summary.segments).toBe((files.length * (files.length - 1)) / 2)
    expect(most()).toBeGreaterThan(1)
    expect(most()).toBeLessThanOrEqual(4)
    // They did finish out of order: the order of the text is the engine's doing.
    expect(finished.slice(0, 4)).toEqual([1, 2, 3, 0])
  })

  it('one at a time by default', async () => {
    const files = await expandInputs(['docs'], work)
    const {result, most, finished} = run(files, 1)
    await result
    expect(most()).toBe(1)
    expect(finished).toEqual(files.map((_, index) => index))
  })

  it('a consume that fails ends the run once the ones under way have settled, with its text and the earlier files\' printed', async () => {
    const files = await expandInputs(['docs'], work)
    const {io, result, finished} = run(files, 4, 4)
    await expect(result).rejects.toThrow('boom')
    // Files 5 to 7 were under way with file 4 (which waited for 7): all settled before the run ended, none after them started.
    expect([...finished].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(io.err).toBe([0, 1, 2, 3, 4].map((index) => `${index} starts\n${index} ends\n`).join(''))
  })
})

describe('a document sxs cannot read', () => {
  it('every command reports it at its line and column, exits 1 and goes on; no stack trace, nothing written for it', async () => {
    // An HTML table nesting thousands of tables: the HTML reader (hast-util-from-parse5) recurses per level.
    const folder = path.join(work, 'unreadable')
    const reference = await readFile(path.join(import.meta.dirname, '../source-docs/help-and-support-for-eop.md'), 'utf8')
    const deep = `${reference}\n<table>${'<tr><td><table>'.repeat(5_000)}\n`
    const line = reference.split('\n').length + 1
    await mkdir(folder, {recursive: true})
    await writeFile(path.join(folder, 'deep.md'), deep)
    await cp(path.join(import.meta.dirname, '../source-docs/help-and-support-for-eop.md'), path.join(folder, 'fine.md'))
    const expected = `${path.join('unreadable', 'deep.md')}:${line}:1: error: Cannot parse the document: HTML table nested too deeply to read`
    const extract = recordingIo(work)
    expect(await main(['extract', 'unreadable', '--out', 'unreadable-out', '--no-cache'], extract)).toBe(1)
    expect(extract.err).toContain(expected)
    expect(await listFiles(path.join(work, 'unreadable-out'))).toEqual(['json/fine.json', 'xliff-1.2/fine.xlf'])
    const check = recordingIo(work)
    expect(await main(['check', 'unreadable', '--no-cache'], check)).toBe(1)
    expect(check.out).toMatch(new RegExp(`deep\\.md:${line}:1 +error +Cannot parse the document: HTML table nested too deeply`))
    const render = recordingIo(work)
    expect(await main(['render', path.join('unreadable', 'deep.md'), '--out', 'unreadable-render'], render)).toBe(1)
    expect(render.err).toContain(expected)
    const merge = recordingIo(work)
    const translations = path.join('unreadable-out', 'json', 'fine.json')
    expect(await main(['merge', '--doc', path.join('unreadable', 'deep.md'), '--translations', translations, '--out', 'merged.md'], merge)).toBe(1)
    expect(merge.err).toContain(expected)
    expect(merge.err).toMatch(/not written: the document could not be parsed/)
    for (const io of [extract, check, render, merge]) expect(io.err + io.out).not.toMatch(/RangeError|\n +at /)
  })
})

describe('worker threads', () => {
  it('extract with 2 workers writes the same bytes as in-process', async () => {
    const inProcess = recordingIo(work)
    expect(await main(['extract', 'docs', '--out', 'out-1', '--no-cache', '--jobs', '1'], inProcess)).toBe(0)
    expect(inProcess.err).toMatch(/\(12 parsed\)/)
    const pooled = recordingIo(work)
    expect(await main(['extract', 'docs', '--out', 'out-2', '--no-cache', '--jobs', '2'], pooled)).toBe(0)
    expect(pooled.err).toMatch(/\(12 parsed on 2 worker\(s\)\)/)
    await sameTrees(path.join(work, 'out-1'), path.join(work, 'out-2'))
    expect((await stat(path.join(work, 'out-2/json'))).isDirectory()).toBe(true)
  })

  it('check with 2 workers reports the same problems in every format as in-process', async () => {
    for (const format of ['json', 'sarif']) {
      const inProcess = recordingIo(work)
      const pooled = recordingIo(work)
      const code = await main(['check', 'docs', '--no-cache', '--jobs', '1', '--format', format], inProcess)
      expect(await main(['check', 'docs', '--no-cache', '--jobs', '2', '--format', format], pooled)).toBe(code)
      expect(pooled.out, format).toBe(inProcess.out)
      expect(pooled.err).toMatch(/on 2 worker\(s\)/)
    }
  })
})

describe('a docset mixing bilingual and human-translated pages', () => {
  it('extract skips a page without pairs with a warning and still succeeds; check passes it', async () => {
    // A localized docset holds pages translated without sxs spans beside the bilingual ones: the localized
    // page sxs renders from the reference document is exactly such a page.
    const mixed = path.join(work, 'mixed')
    await cp(path.join(docs, sample[0]!), path.join(mixed, 'bilingual.md'))
    await cp(path.join(import.meta.dirname, '../out/localized/help-and-support-for-eop.md'), path.join(mixed, 'human-translated.md'))
    const io = recordingIo(work)
    expect(await main(['extract', 'mixed', '--out', 'mixed-out', '--no-cache'], io)).toBe(0)
    expect(io.err).toContain(`${path.join('mixed', 'human-translated.md')}:1:1: warning: Not a bilingual document (no \`data-ttu-id\` pair): nothing to extract, skipped  [not-bilingual]`)
    expect(io.err).toMatch(/, 0 error\(s\), 1 warning\(s\) in /)
    expect(io.err.trimEnd().split('\n').at(-1)).toBe('extract: 1 of 2 file(s) written, 1 not bilingual (skipped)')
    expect(await listFiles(path.join(work, 'mixed-out'))).toEqual(['json/bilingual.json', 'xliff-1.2/bilingual.xlf'])
    // The human-translated page adds no error (its prose is outside pairs: warnings), so the exit code is the
    // bilingual page's own.
    const both = recordingIo(work)
    const alone = recordingIo(work)
    const code = await main(['check', 'mixed', '--no-cache', '--format', 'json'], both)
    expect(code).toBe(await main(['check', path.join('mixed', 'bilingual.md'), '--no-cache', '--format', 'json'], alone))
    const errors = (out: string) => (JSON.parse(out) as Array<{severity: string}>).filter((problem) => problem.severity === 'error')
    expect(errors(both.out)).toEqual(errors(alone.out))
  })
})
