/**
 * sxs as a package: `npm pack`, then the tarball installed into a fresh consumer project outside the
 * repository, used as users use it: `import … from 'sxs'` in plain Node, type-checked by a TypeScript
 * consumer under `moduleResolution` node16 and bundler, and `npx sxs`.
 *
 * Offline: the consumer gets a lock file made from ours (sxs from the tarball, every runtime package at the
 * version and integrity our lock pins), and `npm ci --offline` takes the packages from the npm cache, which
 * `npm ci` of this repository filled. (`npm install --offline` would need the registry's package documents
 * to resolve versions, and `npm ci` never caches those.)
 */
import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {root} from './helpers/build.js'
import {corpusDir} from './helpers/corpus.js'

interface LockEntry {
  version?: string
  dev?: boolean
  link?: boolean
  license?: string
  dependencies?: Record<string, string>
  bin?: Record<string, string>
  engines?: Record<string, string>
}

interface Lock {
  packages: Record<string, LockEntry>
}

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
// A real right-to-left document (test/clients.test.ts reads it too).
const sample = path.join(corpusDir, 'microsoft-365-docs-pr.he-IL/microsoft-365/business/get-microsoft-365-business.md')

let work: string
let consumer: string
let packed: string[] = []
let version: string

function run(command: string, args: string[], cwd = consumer): SpawnSyncReturns<string> {
  return spawnSync(command, args, {cwd, encoding: 'utf8', env: {...process.env, npm_config_update_notifier: 'false'}})
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'sxs-package-'))
  consumer = path.join(work, 'consumer')
  // The build is current (vitest's global setup): pack it as it is, without running `prepare` again.
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root)
  expect(pack.status, pack.stderr).toBe(0)
  const [summary] = JSON.parse(pack.stdout) as Array<{filename: string; files: Array<{path: string}>}>
  packed = summary!.files.map((file) => file.path).sort()
  const tarball = path.join(work, summary!.filename)

  const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as Lock
  const own = lock.packages['']!
  version = own.version!
  const packages: Record<string, unknown> = {
    '': {name: 'consumer', dependencies: {sxs: `file:${tarball}`}},
    'node_modules/sxs': {version, resolved: `file:${tarball}`, license: own.license, dependencies: own.dependencies, bin: own.bin, engines: own.engines}
  }
  for (const [key, entry] of Object.entries(lock.packages)) if (key !== '' && !entry.dev && !entry.link) packages[key] = entry
  await cp(path.join(root, 'source-docs'), path.join(consumer, 'docs'), {recursive: true})
  await writeFile(path.join(consumer, 'package.json'), JSON.stringify({name: 'consumer', private: true, type: 'module', dependencies: {sxs: `file:${tarball}`}}, null, 2))
  await writeFile(path.join(consumer, 'package-lock.json'), JSON.stringify({name: 'consumer', lockfileVersion: 3, requires: true, packages}, null, 2))
  const install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'])
  expect(install.status, install.stderr).toBe(0)
})

afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

describe('the npm package', () => {
  it('holds the build, the schema, the rules page, README and licence, and nothing else', () => {
    const outside = packed.filter((file) => !file.startsWith('dist/'))
    expect(outside).toEqual(['LICENSE', 'README.md', 'docs/rules.md', 'package.json', 'schema/sxs-document.schema.json'])
    expect(packed).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/bin/sxs.mjs', 'dist/bin/sxs-worker.mjs']))
    // The CLI's own modules are in the bundle; their compiled copies are not shipped.
    expect(packed.filter((file) => file.startsWith('dist/cli/') || file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([])
  })

  it('imports in plain Node: parse, print, check, the writers, readTranslations, merge and renderSide', async () => {
    await writeFile(
      path.join(consumer, 'use.mjs'),
      `import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {check, merge, mergeTranslations, parse, print, readTranslations, renderSide, rules, writeJson, writeXliff12, writeXliff20} from 'sxs'
const text = readFileSync(process.argv[2], 'utf8')
const document = parse(text)
const merged = merge(document, readTranslations(writeXliff12(document)).units)
console.log(JSON.stringify({
  roundTrip: print(document) === text,
  segments: document.segments.length,
  rules: [...new Set(check(document).map((message) => message.ruleId))].sort(),
  xliff20: writeXliff20(document, {copySource: true}).startsWith('<?xml'),
  json: JSON.parse(writeJson(document)).segments.length,
  mergedSame: merged.text === text,
  mergedFromFile: mergeTranslations(document, writeXliff20(document), {documentPath: 'page.md'}).merged?.text === text,
  target: renderSide(document, 'target').length > 0,
  rulesPage: fileURLToPath(check(parse(rules.find((rule) => rule.bad.length > 0).bad[0].markdown))[0].url.split('#')[0])
}))
`
    )
    const used = run(process.execPath, ['use.mjs', sample])
    expect(used.stderr).toBe('')
    const result = JSON.parse(used.stdout) as {segments: number; json: number; rules: string[]; rulesPage: string}
    // Messages link to the rules page the package ships.
    expect(result.rulesPage).toBe(path.join(consumer, 'node_modules', 'sxs', 'docs', 'rules.md'))
    expect(result).toMatchObject({roundTrip: true, xliff20: true, mergedSame: true, mergedFromFile: true, target: true})
    expect(result.segments).toBeGreaterThan(10)
    expect(result.json).toBe(result.segments)
  })

  it('type-checks a TypeScript consumer under moduleResolution node16 and bundler, with the library checks on', async () => {
    await writeFile(
      path.join(consumer, 'consumer.ts'),
      `import {check, merge, parse, print, readTranslations, renderSide, writeXliff12, type BilingualDocument, type CheckMessage, type Segment} from 'sxs'
const document: BilingualDocument = parse('# Title\\n')
const messages: CheckMessage[] = check(document)
const segments: readonly Segment[] = document.segments
const same: boolean = print(document) === '# Title\\n'
const text: string = merge(document, readTranslations(writeXliff12(document)).units).text
const target: string = renderSide(document, 'target')
export {messages, segments, same, text, target}
`
    )
    // A consumer that misuses the API must fail: the types are real, not \`any\`.
    await writeFile(path.join(consumer, 'wrong.ts'), `import {parse} from 'sxs'\nexport const n: number = parse('x')\n`)
    for (const [resolution, module] of [['node16', 'node16'], ['bundler', 'esnext']] as const) {
      const options = {module, moduleResolution: resolution, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: []}
      await writeFile(path.join(consumer, `tsconfig.${resolution}.json`), JSON.stringify({compilerOptions: options, files: ['consumer.ts', 'wrong.ts']}))
      const checked = run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`])
      // The one error is the misuse: consumer.ts and sxs's own .d.ts (and those they import) are clean.
      expect(checked.stdout, resolution).toBe("wrong.ts(2,14): error TS2322: Type 'BilingualDocument' is not assignable to type 'number'.\n")
    }
  })

  it('runs `npx sxs` from the consumer: --version, and check with its summary', () => {
    const versionRun = run('npx', ['--offline', 'sxs', '--version'])
    expect(versionRun.stdout).toBe(`${version}\n`)
    const checked = run('npx', ['--offline', 'sxs', 'check', 'docs'])
    expect(checked.status, checked.stderr).toBe(0)
    expect(checked.stderr).toMatch(/^check: 1 file\(s\) .*\(1 parsed\)\n$/m)
    // The bundled CLI finds the shipped rules page too.
    expect(run('npx', ['--offline', 'sxs', 'help', 'check']).stdout).toContain(`Rules: ${path.join(consumer, 'node_modules', 'sxs', 'docs', 'rules.md')}\n`)
  })
})
