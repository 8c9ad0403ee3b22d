/**
 * `npm run bench`: sxs over the dev corpus (../shared/corpus/dev) against two references measured in the
 * same run: remark-parse + remark-gfm parsing every file (the exact but slow way) and reading every file
 * plus one regular-expression pair scan (the floor). Each phase runs in its own child process, so that
 * its peak RSS (`process.resourceUsage().maxRSS`, worker threads included) is its own. sxs's phases run as
 * `sxs` runs (scripts/bench-sxs.mjs: the built CLI in dist/, built again first if the sources changed; no tsx) and are timed as users see them, the whole
 * child process from spawn to exit (the seconds around the command's work alone are shown beside); the
 * references run under tsx and are timed around their work only (which favours them).
 *
 * Cold runs use no cache at all (`--no-cache`); each command has a cache folder of its own, filled by a
 * first run and read by the warm one, so that one command never fills another's. Then: the outputs'
 * size against the input, a 7 MB document of 60,000 pairs extracted alone (peak RSS), and in one thread,
 * file by file, where extract's and check's time goes (each step's share) with the parse alone in MB/s.
 *
 *   npm run bench [-- --jobs N]
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {cpus, loadavg, tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ensureBuild} from '../test/helpers/build.js'
import {corpusDir, corpusFiles} from '../test/helpers/corpus.js'

const script = fileURLToPath(import.meta.url)
const largest = 'microsoft-365-docs-pr.nl-NL/microsoft-365/enterprise/o365-data-locations.md'

interface Measured {
  /** sxs: the whole child process, from spawn to exit; references: around their work. */
  seconds: number
  /** sxs: seconds around the command's work alone (module loading and process start excluded). */
  work?: number
  /** Peak resident set size of the child, bytes. */
  rss: number
  /** Phase-specific figures. */
  note?: string
  extra?: Record<string, number>
}

/** Run in the child: one phase, timed; prints its figures as JSON on the last stdout line. */
async function phase(name: string): Promise<void> {
  const files = corpusFiles()
  let started = 0
  let extra: Record<string, number> | undefined
  let note: string | undefined
  const time = async (work: () => unknown): Promise<void> => {
    started = performance.now()
    await work()
  }
  switch (name) {
    case 'regex': {
      const {readFile} = await import('node:fs/promises')
      let pairs = 0
      await time(async () => {
        for (const file of files) pairs += (await readFile(file, 'utf8')).match(/<span data-ttu-id="[^"]*">/g)?.length ?? 0
      })
      note = `${pairs} pairs`
      break
    }
    case 'remark': {
      const {unified} = await import('unified')
      const {default: remarkParse} = await import('remark-parse')
      const {default: remarkGfm} = await import('remark-gfm')
      const {readFile} = await import('node:fs/promises')
      const processor = unified().use(remarkParse).use(remarkGfm)
      let nodes = 0
      await time(async () => {
        for (const file of files) nodes += processor.parse(await readFile(file, 'utf8')).children.length
      })
      note = `${nodes} top-level nodes`
      break
    }
    case 'per-file': {
      // Extract's and check's per-file work in this thread, step by step over every file (each step's
      // share of the whole), then extract's work (default formats) on the largest file against the average.
      const {decodeUtf8} = await import('../src/cli/files.js')
      const {parse} = await import('../src/document/parse.js')
      const {check} = await import('../src/check/index.js')
      const {prepareDocument} = await import('../src/formats/prepare.js')
      const {xliff12Pieces} = await import('../src/formats/xliff12.js')
      const {jsonPieces} = await import('../src/formats/json.js')
      const {blobRef} = await import('../src/cli/blob.js')
      const {extractFile} = await import('../src/cli/tasks/extract.js')
      const options = (relative: string) => ({relative, sourceLanguage: 'en-US', formats: ['xliff12', 'json'] as Array<'xliff12' | 'json'>, copySource: false})
      const bytes = files.map((file) => readFileSync(file))
      const big = bytes[files.indexOf(path.join(corpusDir, largest))]!
      extractFile(big, options(largest)) // warm up the code paths once
      const steps = {decode: 0, parse: 0, rules: 0, coding: 0, xliff12: 0, json: 0, encode: 0}
      let clock = 0
      const lap = (step: keyof typeof steps): void => {
        const now = performance.now()
        steps[step] += (now - clock) / 1000
        clock = now
      }
      await time(() => {
        files.forEach((file, index) => {
          const relative = path.relative(corpusDir, file)
          clock = performance.now()
          const text = decodeUtf8(bytes[index]!)
          lap('decode')
          const document = parse(text, {path: relative})
          lap('parse')
          check(document, {})
          lap('rules')
          const prepared = prepareDocument(document, {})
          lap('coding')
          const xliff = [...xliff12Pieces([prepared])]
          lap('xliff12')
          const json = [...jsonPieces(prepared)]
          lap('json')
          blobRef(xliff)
          blobRef(json)
          lap('encode')
        })
      })
      const stepsSeconds = (performance.now() - started) / 1000
      let corpusSeconds = performance.now()
      files.forEach((file, index) => extractFile(bytes[index]!, options(path.relative(corpusDir, file))))
      corpusSeconds = (performance.now() - corpusSeconds) / 1000
      let largestSeconds = Number.POSITIVE_INFINITY
      for (let round = 0; round < 3; round++) {
        const start = performance.now()
        extractFile(big, options(largest))
        largestSeconds = Math.min(largestSeconds, (performance.now() - start) / 1000)
      }
      extra = {...steps, stepsSeconds, corpusSeconds, largestSeconds, largestBytes: big.length}
      break
    }
    default:
      throw new Error(`unknown phase ${name}`)
  }
  const seconds = (performance.now() - started) / 1000
  const result: Measured = {seconds, rss: process.resourceUsage().maxRSS * 1024, ...(note ? {note} : {}), ...(extra ? {extra} : {})}
  process.stdout.write(`\n${JSON.stringify(result)}\n`)
}

/** sxs's own phases run as `sxs` does (scripts/bench-sxs.mjs: dist/bin/sxs.mjs, no tsx); the references and per-file here. */
const sxsPhases = new Set(['baseline', 'extract-cold', 'extract', 'extract-rehash', 'check-cold', 'check', 'merge'])

function runPhase(name: string, corpus: string, ...args: string[]): Measured {
  // Each phase starts on a quiet disk: a cold extract leaves ~100 MB of outputs for the kernel to write back,
  // and that writeback otherwise runs during the next phase. The writes of a phase are still its own while
  // it runs; a warm run in real use comes long after the cold one.
  spawnSync('sync', {stdio: 'ignore'})
  const sxs = sxsPhases.has(name)
  const command = sxs ? [path.join(path.dirname(script), 'bench-sxs.mjs'), name, corpus, ...args] : [...process.execArgv, script, '--phase', name]
  const spawned = performance.now()
  const child = spawnSync(process.execPath, command, {encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit']})
  const wall = (performance.now() - spawned) / 1000
  if (child.status !== 0) throw new Error(`phase ${name} failed (${child.status ?? child.signal})`)
  const measured = JSON.parse(child.stdout.trimEnd().split('\n').at(-1)!) as Measured
  return sxs ? {...measured, seconds: wall, work: measured.seconds} : measured
}

/** Bytes of every file below `folder`. */
function folderBytes(folder: string): number {
  return readdirSync(folder, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0)
}

/**
 * One document of `pairs` short pairs in one paragraph (about 120 bytes a pair, most of it the pair's
 * markup): the largest kind of input sxs meets (a generated page, or a docset joined), where memory grows
 * with the document. Every tenth pair holds bold text and a link, so that the coder has codes to make.
 */
function largeDocument(pairs: number): string {
  const lines = ['---\ntitle: Large\nms.contentlocale: de-DE\nms.translationtype: MT\n---\n# Large\n']
  for (let index = 0; index < pairs; index++) {
    const id = `a-${index + 101}`
    const [target, source] = index % 10 === 0 ? [`**Ziel** [${index}](a.md)`, `**Text** [${index}](a.md)`] : [`Z${index}`, `T${index}`]
    lines.push(`<span data-ttu-id="${id}">${target}</span><span class="sxs-lookup"><span data-stu-id="${id}">${source}</span></span>`)
  }
  return lines.join('\n') + '\n'
}

async function orchestrate(args: string[]): Promise<void> {
  ensureBuild()
  const jobsIndex = args.indexOf('--jobs')
  const jobs = jobsIndex >= 0 ? args[jobsIndex + 1] ?? '' : ''
  const files = corpusFiles()
  const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0)
  const megabytes = bytes / 1e6
  const work = mkdtempSync(path.join(tmpdir(), 'sxs-bench-'))
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  console.log(`sxs bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}, ${cpus().length} × ${cpu}, load ${loadavg().map((load) => load.toFixed(1)).join(' ')}`)
  console.log(`corpus: ${files.length} files, ${megabytes.toFixed(1)} MB (${path.relative(process.cwd(), corpusDir)}); jobs: ${jobs || 'default'}`)
  try {
    const rows: Array<[string, Measured]> = []
    const run = (label: string, name: string, ...rest: string[]): Measured => {
      const measured = runPhase(name, corpusDir, ...rest)
      rows.push([label, measured])
      return measured
    }
    const baseline = runPhase('baseline', corpusDir)
    run('read + regex scan', 'regex')
    const remark = run('remark-parse + remark-gfm', 'remark')
    const extractCold = run('extract, no cache', 'extract-cold', work, jobs)
    const outputs = {json: folderBytes(path.join(work, 'out', 'json')), xliff12: folderBytes(path.join(work, 'out', 'xliff-1.2'))}
    run('extract, filling its cache', 'extract', work, jobs)
    // sxs's cache key holds the text of its sources: an edit to src/ between two phases (another engineer
    // at work in the same checkout) makes the warm run cold again. Say so, and try once more.
    const warm = (label: string, name: string): Measured => {
      const measured = runPhase(name, corpusDir, work, jobs)
      if (!/^0 parsed/.test(measured.note ?? '')) {
        console.log(`(${label}: ${measured.note}: the sources changed since the cache was filled; measured again)`)
        return run(label, name, work, jobs)
      }
      rows.push([label, measured])
      return measured
    }
    const extractWarm = warm('extract, warm cache', 'extract')
    warm('extract, warm, inputs hashed', 'extract-rehash')
    const checkCold = run('check, no cache', 'check-cold', work, jobs)
    run('check, filling its cache', 'check', work, jobs)
    const checkWarm = warm('check, warm cache', 'check')
    run('merge (extract JSON back)', 'merge', work)
    const largeFolder = path.join(work, 'large')
    mkdirSync(largeFolder)
    const large = largeDocument(60_000)
    writeFileSync(path.join(largeFolder, 'large.md'), large)
    const largeRun = runPhase('extract-cold', largeFolder, path.join(work, 'large-work'), jobs)
    const perFile = runPhase('per-file', corpusDir)

    const rate = (m: Measured): number => megabytes / m.seconds
    const line = (label: string, m: Measured): string =>
      `${label.padEnd(28)} ${m.seconds.toFixed(2).padStart(6)} s ${rate(m).toFixed(1).padStart(6)} MB/s  RSS ${(m.rss / 1e6).toFixed(0).padStart(4)} MB` +
      `  ×${(rate(m) / rate(remark)).toFixed(1)} remark${m.work === undefined ? '' : `  (work ${m.work.toFixed(2)} s)`}${m.note ? `  (${m.note})` : ''}`
    console.log()
    for (const [label, measured] of rows) console.log(line(label, measured))
    const both: Measured = {seconds: extractCold.seconds + checkCold.seconds, rss: Math.max(extractCold.rss, checkCold.rss)}
    console.log(line('extract + check, no cache', both))
    console.log(`(a child process that only loads sxs takes ${baseline.seconds.toFixed(2)} s and peaks at ${(baseline.rss / 1e6).toFixed(0)} MB RSS)`)

    console.log()
    const times = (value: number): string => `${(value / bytes).toFixed(2)}× the input`
    console.log(`outputs of the default formats: JSON ${(outputs.json / 1e6).toFixed(1)} MB (${times(outputs.json)}), XLIFF 1.2 ${(outputs.xliff12 / 1e6).toFixed(1)} MB (${times(outputs.xliff12)}), together ${times(outputs.json + outputs.xliff12)}`)
    const largePairs = (large.match(/data-ttu-id/g) ?? []).length
    console.log(`one document of ${largePairs} pairs, ${(large.length / 1e6).toFixed(1)} MB, extract with no cache: ${largeRun.seconds.toFixed(2)} s, peak RSS ${(largeRun.rss / 1e6).toFixed(0)} MB`)

    const extra = perFile.extra ?? {}
    const step = (name: string): number => extra[name] ?? 0
    const stepNames = ['decode', 'parse', 'rules', 'coding', 'xliff12', 'json', 'encode']
    const stepsTotal = stepNames.reduce((sum, name) => sum + step(name), 0)
    console.log()
    console.log(`one thread, file by file (the work of extract, default formats, and of check): ${stepsTotal.toFixed(2)} s`)
    console.log(
      '  ' +
        stepNames
          .map((name) => `${name === 'encode' ? 'encode + hash' : name === 'coding' ? 'inline coding' : name === 'rules' ? 'check rules' : name} ${step(name).toFixed(2)} s (${((100 * step(name)) / stepsTotal).toFixed(0)}%)`)
          .join(', ')
    )
    console.log(`  parse alone: ${(megabytes / step('parse')).toFixed(1)} MB/s (done once by extract and once by check)`)
    const inThread = 2 * (step('decode') + step('parse')) + step('rules') + step('coding') + step('xliff12') + step('json') + step('encode')
    console.log(`  the two commands' work so (decode and parse twice): ${inThread.toFixed(2)} s, against ${both.seconds.toFixed(2)} s for extract + check, no cache (these add process start, reading and writing files, reporting)`)
    const {corpusSeconds = 0, largestSeconds = 0, largestBytes = 1} = extra
    const average = corpusSeconds / megabytes
    const biggest = largestSeconds / (largestBytes / 1e6)
    console.log(`  extract's work over the corpus ${corpusSeconds.toFixed(2)} s = ${average.toFixed(3)} s/MB; largest file ${largest} (${(largestBytes / 1e6).toFixed(2)} MB) ${largestSeconds.toFixed(2)} s = ${biggest.toFixed(3)} s/MB, ×${(biggest / average).toFixed(2)} the average`)
    console.log()
    const sxsRows = rows.filter(([label]) => !label.startsWith('remark') && !label.startsWith('read'))
    const maxRss = Math.max(...sxsRows.map(([, m]) => m.rss))
    const targets: Array<[string, boolean]> = [
      [`JSON ≤ 2.5× the input (${(outputs.json / bytes).toFixed(2)}×)`, outputs.json / bytes <= 2.5],
      [`default outputs ≤ 4× the input (${((outputs.json + outputs.xliff12) / bytes).toFixed(2)}×)`, (outputs.json + outputs.xliff12) / bytes <= 4],
      [`extract + check, no cache, ≥ 10× remark (${(rate(both) / rate(remark)).toFixed(1)}×)`, rate(both) / rate(remark) >= 10],
      [`check, no cache, ≥ 20 MB/s (${rate(checkCold).toFixed(1)} MB/s)`, rate(checkCold) >= 20],
      [`extract and check warm ≥ 100 MB/s (${rate(extractWarm).toFixed(0)} and ${rate(checkWarm).toFixed(0)} MB/s)`, rate(extractWarm) >= 100 && rate(checkWarm) >= 100],
      [`peak RSS < 300 MB (max ${(maxRss / 1e6).toFixed(0)} MB)`, maxRss < 300e6],
      [`largest file s/MB within 2× the average (×${(biggest / average).toFixed(2)})`, biggest / average <= 2],
      [`${largePairs} pairs in one ${(large.length / 1e6).toFixed(1)} MB document: extract peak RSS < 300 MB (${(largeRun.rss / 1e6).toFixed(0)} MB)`, largeRun.rss < 300e6]
    ]
    for (const [target, met] of targets) console.log(`${met ? 'met    ' : 'NOT met'}  ${target}`)
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

const argv = process.argv.slice(2)
if (argv[0] === '--phase') await phase(argv[1]!)
else await orchestrate(argv)
