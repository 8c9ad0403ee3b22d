/**
 * The bin is split into chunks (scripts/build.mjs) so that a run whose results all come from the cache loads
 * none of the parser, the rules, remark, parse5 or the writers: a warm check of the dev corpus spent more time
 * loading them than reading its cache. Here the sources are bundled as the build bundles them, and what
 * `extract` and `check` load before their first cache miss (the static imports of their chunks, from the entry
 * on) must hold none of those modules: a static import of one of them from a module of that path would undo it.
 */
import path from 'node:path'
import {build, type Metafile} from 'esbuild'
import {describe, expect, it} from 'vitest'
import {root} from './helpers/build.js'

/** Modules a cached run must not load: the work itself, and what only the work imports. */
const heavy = [/src\/document\/parse\.ts$/, /src\/check\/registry\.ts$/, /src\/check\/rules\//, /src\/formats\/(?:xliff|json|po)/, /src\/cli\/tasks\/run\.ts$/, /node_modules\/(?:micromark|remark-|mdast-util-from-markdown|parse5|yaml|saxes|gettext-parser|iconv-lite|piscina)/]

async function metafile(): Promise<Metafile> {
  const result = await build({
    entryPoints: {sxs: path.join(root, 'src/cli/main.ts')},
    outdir: path.join(root, 'dist', 'split-test'),
    outExtension: {'.js': '.mjs'},
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['piscina'],
    define: {SXS_BUILD_FINGERPRINT: '"test"'},
    write: false,
    metafile: true,
    logLevel: 'silent'
  })
  return result.metafile
}

/** The source modules in the chunks `command`'s module loads statically, with the entry's. */
function loadedBy(meta: Metafile, command: string): string[] {
  const outputs = meta.outputs
  const closure = new Set<string>()
  const add = (file: string): void => {
    if (closure.has(file)) return
    closure.add(file)
    for (const imported of outputs[file]!.imports) if (imported.kind === 'import-statement' && outputs[imported.path]) add(imported.path)
  }
  const entry = Object.keys(outputs).find((file) => outputs[file]!.entryPoint?.endsWith('src/cli/main.ts'))!
  const chunk = Object.keys(outputs).find((file) => Object.keys(outputs[file]!.inputs).some((input) => input.endsWith(`src/cli/commands/${command}.ts`)))!
  add(entry)
  add(chunk)
  return [...closure].flatMap((file) => Object.keys(outputs[file]!.inputs))
}

describe('the bundled bin', () => {
  it('loads neither the parser nor the rules, remark or the writers before a cache miss, in extract and check', {timeout: 60_000}, async () => {
    const meta = await metafile()
    for (const command of ['extract', 'check']) {
      const loaded = loadedBy(meta, command)
      expect(loaded.some((input) => input.endsWith(`src/cli/commands/${command}.ts`))).toBe(true)
      expect(loaded.filter((input) => heavy.some((pattern) => pattern.test(input)))).toEqual([])
    }
    // And the work is in the bundle, behind the dynamic import.
    expect(Object.values(meta.outputs).some((output) => Object.keys(output.inputs).some((input) => input.endsWith('src/check/registry.ts')))).toBe(true)
  })
})
