// Build dist/cli (tsc output must exist) with splitting; print static closure sizes for command chunks.
import * as esbuild from 'esbuild'
import path from 'node:path'
const root = process.cwd(), dist = path.join(root, 'dist')
const r = await esbuild.build({
  entryPoints: {sxs: path.join(dist, 'cli/main.js')}, outdir: '/tmp/sp2/split', outExtension: {'.js': '.mjs'},
  bundle: true, splitting: true, platform: 'node', format: 'esm', target: 'node20', external: ['piscina'], metafile: true, write: true, logLevel: 'error',
  define: {SXS_BUILD_FINGERPRINT: '"x"'}
})
const outs = r.metafile.outputs
const staticClosure = (file, seen = new Set()) => { if (seen.has(file)) return seen; seen.add(file); for (const i of outs[file].imports) if (i.kind === 'import-statement' && outs[i.path]) staticClosure(i.path, seen); return seen }
const entry = Object.keys(outs).find(k => outs[k].entryPoint?.endsWith('cli/main.js'))
const base = staticClosure(entry)
const size = s => [...s].reduce((a, f) => a + outs[f].bytes, 0)
console.log('entry closure', size(base))
for (const [file, o] of Object.entries(outs)) {
  if (!file.endsWith('.mjs')) continue
  const mods = Object.keys(o.inputs)
  const cmd = mods.find(m => /cli\/commands\/(check|extract)\.js$/.test(m))
  if (cmd) {
    const c = staticClosure(file, new Set(base))
    console.log(cmd, 'closure bytes', size(c) )
    const inputs = new Map()
    for (const f of c) for (const [m, v] of Object.entries(outs[f].inputs)) inputs.set(m, v.bytesInOutput)
    const byPkg = new Map()
    for (const [m, b] of inputs) { const k = m.includes('node_modules/') ? m.split('node_modules/').pop().split('/').slice(0, m.split('node_modules/').pop().startsWith('@') ? 2 : 1).join('/') : m.replace(/^.*dist\//, ''); byPkg.set(k, (byPkg.get(k) ?? 0) + b) }
    console.log([...byPkg].sort((a, b) => b[1] - a[1]).slice(0, +(process.env.N ?? 25)).map(([k, b]) => `  ${String(b).padStart(8)} ${k}`).join('\n'))
  }
}
