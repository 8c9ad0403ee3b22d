// One sxs phase of `npm run bench`, in a child process of its own, run as users run `sxs`: plain Node with
// the built CLI (dist/bin/sxs.mjs, scripts/build.mjs), not under tsx (whose loader hooks would add their own
// memory and threads to what is measured). Prints the phase's figures as JSON on its last stdout line.
// Its callers make sure the build is current (bench.ts, vitest's global setup: test/helpers/build.ts).
//
//   node scripts/bench-sxs.mjs <extract|extract-rehash|check|merge|baseline> <corpus> <work folder> [jobs]
//
// extract-rehash: a warm extract without the input records (inputs.ts), as after a fresh checkout or a CI
// cache restore, where every file has a new ctime: each file is read and hashed, then found in the cache.
import {rmSync} from 'node:fs'
import path from 'node:path'

const [name = '', corpus = '', work = '', jobs = ''] = process.argv.slice(2)

let lastLine = ''
const io = {stdout: () => {}, stderr: (text) => void (lastLine = text.trimEnd().split('\n').at(-1) ?? lastLine), cwd: work, isTTY: false}
const engine = jobs ? ['--jobs', jobs] : []
const commands = {
  baseline: undefined,
  extract: ['extract', corpus, '--out', path.join(work, 'out'), '--cache-dir', path.join(work, 'cache'), ...engine],
  'extract-rehash': ['extract', corpus, '--out', path.join(work, 'out'), '--cache-dir', path.join(work, 'cache'), ...engine],
  check: ['check', corpus, '--format', 'json', '--cache-dir', path.join(work, 'cache'), ...engine],
  // The translations extract wrote (JSON), merged back into every document.
  merge: ['merge', '--docs', corpus, '--translations', path.join(work, 'out', 'json'), '--out', path.join(work, 'merged')]
}
if (!Object.hasOwn(commands, name)) throw new Error(`unknown phase ${name}`)
const {main} = await import('../dist/bin/sxs.mjs')
const argv = commands[name]
// The command's module is loaded before the clock starts, as in every phase.
if (argv) await main([argv[0], '--help'], io)
if (name === 'extract-rehash') rmSync(path.join(work, 'cache', 'inputs'), {recursive: true, force: true})
const started = performance.now()
if (argv) await main(argv, io)
const seconds = (performance.now() - started) / 1000
const note = /\((\d+ parsed.*)\)$/.exec(lastLine)?.[1]
process.stdout.write(`\n${JSON.stringify({seconds, rss: process.resourceUsage().maxRSS * 1024, ...(note ? {note} : {})})}\n`)
