// `npm run build`, also the `prepare` script (so `npm ci` and `npm pack` build): compiles src/ to dist/ with tsc
// (the library: JavaScript plus .d.ts, what `exports` points at) and bundles the CLI and its worker with
// esbuild into dist/bin/sxs.mjs and dist/bin/sxs-worker.mjs (what `bin` points at). Why a bundle for the CLI: loading
// remark's and micromark's hundreds of small modules one by one took longer than the work (`sxs check
// source-docs` 0.55-0.8 s from tsc's modules, 0.2 s bundled). Split into chunks (ES module code splitting): the
// modules behind a dynamic `import()` (each command, the per-file tasks with the parser, the rules, remark and the
// writers, the SARIF reporter) are chunks of their own (dist/bin/sxs-chunk-*.mjs), loaded only when used: a run
// whose results all come from the cache loads about 0.2 MB of the 2.5 MB. Ends by writing dist/.fingerprint, the
// fingerprint of the sources the build came from, which the tests compare (test/setup/build.ts).
//
//   node scripts/build.mjs
import {execFileSync} from 'node:child_process'
import {rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const dist = path.join(root, 'dist')
const require = createRequire(import.meta.url)

rmSync(dist, {recursive: true, force: true})
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {stdio: 'inherit'})

// The same function the running code uses (src/cli/engine/fingerprint.ts), as tsc just compiled it.
const {fingerprintOf} = await import(new URL('../dist/cli/engine/fingerprint.js', import.meta.url).href)
const fingerprint = fingerprintOf(root, path.join(root, 'src'))

const esbuild = await import('esbuild')
await esbuild.build({
  entryPoints: {sxs: path.join(dist, 'cli/main.js'), 'sxs-worker': path.join(dist, 'cli/engine/worker-entry.js')},
  // In dist/bin/, two levels below the package root as the modules in src/ and dist/ are: paths they take
  // from import.meta.url (the rules page, docs/rules.md: src/check/index.ts) hold in the bundle too.
  outdir: path.join(dist, 'bin'),
  outExtension: {'.js': '.mjs'},
  bundle: true,
  splitting: true,
  // Beside the entries (not in a folder): paths taken from import.meta.url hold in every chunk too.
  chunkNames: 'sxs-chunk-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // piscina finds its own worker file next to it, so it stays a module of its own.
  external: ['piscina'],
  define: {SXS_BUILD_FINGERPRINT: JSON.stringify(fingerprint)},
  // Some dependencies are CommonJS and `require` Node's own modules: give each module of the bundle a `require`.
  banner: {js: "#!/usr/bin/env node\nimport {createRequire as __sxsCreateRequire} from 'node:module'; const require = __sxsCreateRequire(import.meta.url);"}
})
writeFileSync(path.join(dist, '.fingerprint'), `${fingerprint}\n`)
