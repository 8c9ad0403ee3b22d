/**
 * `npm run bench`: sxs over the dev corpus (../shared/corpus/dev) against two references measured in the
 * same run: remark-parse + remark-gfm parsing every file (the exact but slow way) and reading every file
 * plus one regular-expression pair scan (the floor). Each phase runs in its own child process, so that
 * its peak RSS (`process.resourceUsage().maxRSS`, worker threads included) is its own; seconds are
 * measured inside the child around the work (module loading and process start excluded). sxs's phases run
 * as `sxs` runs (scripts/bench-sxs.mjs: the built CLI in dist/, built again first if the sources changed;
 * no tsx); the references under tsx.
 *
 *   npm run bench [-- --jobs N]
 */
import {spawnSync} from 'node:child_process'
import {readFileSync, mkdtempSync, rmSync} from 'node:fs'
import {cpus, tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ensureBuild} from '../test/helpers/build.js'
import {corpusDir, corpusFiles} from '../test/helpers/corpus.js'

const script = fileURLToPath(import.meta.url)
const largest = 'microsoft-365-docs-pr.nl-NL/microsoft-365/enterprise/o365-data-locations.md'

interface Measured {
  seconds: number
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
      // The per-file work of extract (decode, parse, three serializers) in this thread, file by file.
      const {extractFile} = await import('../src/cli/tasks/extract.js')
      const options = (relative: string) => ({relative, sourceLanguage: 'en-US', formats: ['xliff12', 'xliff20', 'json'] as Array<'xliff12' | 'xliff20' | 'json'>, copySource: false})
      const bytes = files.map((file) => readFileSync(file))
      const big = bytes[files.indexOf(path.join(corpusDir, largest))]!
      extractFile(big, options(largest)) // warm up the code paths once
      let largestSeconds = Number.POSITIVE_INFINITY
      await time(() => {
        files.forEach((file, index) => extractFile(bytes[index]!, options(path.relative(corpusDir, file))))
      })
      const corpusSeconds = (performance.now() - started) / 1000
      for (let round = 0; round < 3; round++) {
        const start = performance.now()
        extractFile(big, options(largest))
        largestSeconds = Math.min(largestSeconds, (performance.now() - start) / 1000)
      }
      extra = {corpusSeconds, largestSeconds, largestBytes: big.length}
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
const sxsPhases = new Set(['baseline', 'extract', 'extract-rehash', 'check', 'merge'])

function runPhase(name: string, ...args: string[]): Measured {
  // Each phase starts on a quiet disk: a cold extract leaves ~250 MB of outputs for the kernel to write back,
  // and that writeback otherwise runs during the next phase (the warm run measured 0.25-0.28 s right after
  // the cold one on this VM's ext4, 0.20-0.22 s after a sync). The writes of a phase are still its own
  // while it runs; a warm run in real use comes long after the cold one.
  spawnSync('sync', {stdio: 'ignore'})
  const command = sxsPhases.has(name) ? [path.join(path.dirname(script), 'bench-sxs.mjs'), name, corpusDir, ...args] : [...process.execArgv, script, '--phase', name]
  const child = spawnSync(process.execPath, command, {encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit']})
  if (child.status !== 0) throw new Error(`phase ${name} failed (${child.status ?? child.signal})`)
  return JSON.parse(child.stdout.trimEnd().split('\n').at(-1)!) as Measured
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
  console.log(`sxs bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpu}`)
  console.log(`corpus: ${files.length} files, ${megabytes.toFixed(1)} MB (${path.relative(process.cwd(), corpusDir)}); jobs: ${jobs || 'default'}`)
  try {
    const rows: Array<[string, Measured]> = []
    const run = (label: string, name: string, ...rest: string[]): Measured => {
      const measured = runPhase(name, ...rest)
      rows.push([label, measured])
      return measured
    }
    const baseline = runPhase('baseline')
    const regex = run('read + regex scan', 'regex')
    const remark = run('remark-parse + remark-gfm', 'remark')
    const extractCold = run('extract, cold cache', 'extract', work, jobs)
    // sxs's cache key holds the text of its sources: an edit to src/ between two phases (another engineer
    // at work in the same checkout) makes the warm run cold again. Say so, and try once more.
    const warm = (label: string, name: string): Measured => {
      const measured = runPhase(name, work, jobs)
      if (!/^0 parsed/.test(measured.note ?? '')) {
        console.log(`(${label}: ${measured.note}: the sources changed since the cold run; measured again)`)
        return run(label, name, work, jobs)
      }
      rows.push([label, measured])
      return measured
    }
    const extractWarm = warm('extract, warm cache', 'extract')
    warm('extract, warm, inputs hashed', 'extract-rehash')
    const checkCold = run('check, cold cache', 'check', work, jobs)
    warm('check, warm cache', 'check')
    run('merge (extract JSON back)', 'merge', work)
    const perFile = runPhase('per-file')

    const rate = (m: Measured): number => megabytes / m.seconds
    const line = (label: string, m: Measured): string =>
      `${label.padEnd(28)} ${String(files.length).padStart(5)} files ${megabytes.toFixed(1).padStart(6)} MB ${m.seconds.toFixed(2).padStart(8)} s ` +
      `${rate(m).toFixed(1).padStart(8)} MB/s  peak RSS ${(m.rss / 1e6).toFixed(0).padStart(5)} MB` +
      `  ×${(rate(m) / rate(remark)).toFixed(1)} remark, ×${(rate(m) / rate(regex)).toFixed(3)} regex${m.note ? `  (${m.note})` : ''}`
    console.log()
    for (const [label, measured] of rows) console.log(line(label, measured))
    const both: Measured = {seconds: extractCold.seconds + checkCold.seconds, rss: Math.max(extractCold.rss, checkCold.rss)}
    console.log(line('extract + check, cold', both))
    console.log(`(a child process that only loads sxs peaks at ${(baseline.rss / 1e6).toFixed(0)} MB RSS)`)
    const {corpusSeconds = 0, largestSeconds = 0, largestBytes = 1} = perFile.extra ?? {}
    const average = corpusSeconds / megabytes
    const big = largestSeconds / (largestBytes / 1e6)
    console.log()
    console.log(`per file, one thread (extract's work: decode, parse, 3 formats): corpus ${corpusSeconds.toFixed(2)} s = ${average.toFixed(3)} s/MB`)
    console.log(`largest file ${largest} (${(largestBytes / 1e6).toFixed(2)} MB): ${largestSeconds.toFixed(2)} s = ${big.toFixed(3)} s/MB, ×${(big / average).toFixed(2)} the corpus average`)
    console.log()
    const targets: Array<[string, boolean]> = [
      [`extract + check cold ≥ 15× remark (${(rate(both) / rate(remark)).toFixed(1)}×)`, rate(both) / rate(remark) >= 15],
      [`extract warm ≥ 100 MB/s (${rate(extractWarm).toFixed(0)} MB/s)`, rate(extractWarm) >= 100],
      [`peak RSS < 300 MB (max ${(Math.max(...rows.filter(([label]) => !label.startsWith('remark')).map(([, m]) => m.rss)) / 1e6).toFixed(0)} MB)`, rows.every(([label, m]) => label.startsWith('remark') || m.rss < 300e6)],
      [`largest file s/MB within 2× the average (×${(big / average).toFixed(2)})`, big / average <= 2]
    ]
    for (const [target, met] of targets) console.log(`${met ? 'met    ' : 'NOT met'}  ${target}`)
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

const argv = process.argv.slice(2)
if (argv[0] === '--phase') await phase(argv[1]!)
else await orchestrate(argv)
