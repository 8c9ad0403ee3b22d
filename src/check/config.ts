/**
 * Configuration: `.sxsrc.json`, or an `sxs` key in package.json, in the working folder or the nearest
 * folder above it; or a file named with `--config`. It holds the options `check` takes, which files to
 * skip, and options for some paths only (as ESLint's `ignores` and overrides):
 *
 *     {
 *       "targetLanguage": "de-DE",
 *       "rules": {"inline-markup": "off", "id-gap": "error"},
 *       "ignores": ["legacy/**", "drafts/"],
 *       "overrides": [{"files": ["includes/**"], "rules": {"id-gap": "off"}}]
 *     }
 *
 * Patterns are globs (picomatch, as the inputs' globs) relative to the folder of the configuration file
 * (without one: the working folder); a pattern ending in `/` is everything below that folder. Overrides
 * apply in order, each over the ones before it and over the top-level settings.
 *
 * Reading files is the caller's (the CLI passes a reader), so this module stays pure.
 */
import path from 'node:path'
import picomatch from 'picomatch'
import type {CheckOptions, RuleSetting} from './rule.js'
import {normalizeSetting} from './meta.js'
import {checkRuleIds} from '../document/message-ids.js'

/** Options for the files some patterns match. */
export interface ConfigOverride {
  files: string[]
  targetLanguage?: string
  rules?: Record<string, RuleSetting>
}

export interface SxsConfig extends CheckOptions {
  /** Files not to check. */
  ignores?: string[]
  overrides?: ConfigOverride[]
}

export interface LoadedConfig {
  config: SxsConfig
  /** The file it came from, when there was one. */
  path: string | undefined
}

/** Read a text file, or `undefined` when it does not exist. */
export type ReadText = (file: string) => Promise<string | undefined>

export class ConfigError extends Error {}

// The registry's ids (test/message-ids.test.ts holds them equal to the rules'), without loading the rules.
const knownIds = new Set<string>(checkRuleIds)
const topKeys = ['targetLanguage', 'rules', 'ignores', 'overrides']
const overrideKeys = ['files', 'targetLanguage', 'rules']

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

const list = (keys: string[]) => keys.map((key) => `\`${key}\``).join(', ')

function checkKeys(record: Record<string, unknown>, allowed: string[], where: string): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) throw new ConfigError(`${where}unknown key \`${key}\` (expected ${list(allowed)})`)
  }
}

function readRules(settings: unknown, where: string): Record<string, RuleSetting> {
  if (!isRecord(settings)) throw new ConfigError(`${where}\`rules\` must be an object`)
  const normalized: Record<string, RuleSetting> = {}
  for (const [id, setting] of Object.entries(settings)) {
    if (!knownIds.has(id)) throw new ConfigError(`${where}unknown rule \`${id}\``)
    try {
      normalized[id] = normalizeSetting(setting)
    } catch (error) {
      throw new ConfigError(`${where}rule \`${id}\`: ${(error as Error).message}`)
    }
  }
  return normalized
}

/** A list of glob patterns (a lone string is a list of one). */
function readPatterns(value: unknown, name: string, where: string): string[] {
  const patterns = typeof value === 'string' ? [value] : value
  if (!Array.isArray(patterns) || patterns.some((pattern) => typeof pattern !== 'string' || pattern.trim() === '')) {
    throw new ConfigError(`${where}\`${name}\` must be a list of glob patterns (non-empty strings)`)
  }
  if (patterns.length === 0) throw new ConfigError(`${where}\`${name}\` must name at least one pattern`)
  return patterns as string[]
}

function readTargetLanguage(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new ConfigError(`${where}\`targetLanguage\` must be a string`)
  return value
}

/** Check and normalize a configuration object; throws `ConfigError` with what is wrong and where. */
export function validateConfig(value: unknown, source: string): SxsConfig {
  if (!isRecord(value)) throw new ConfigError(`${source}: configuration must be an object`)
  const where = `${source}: `
  checkKeys(value, topKeys, where)
  const config: SxsConfig = {}
  if (value['targetLanguage'] !== undefined) config.targetLanguage = readTargetLanguage(value['targetLanguage'], where)
  if (value['rules'] !== undefined) config.rules = readRules(value['rules'], where)
  if (value['ignores'] !== undefined) config.ignores = readPatterns(value['ignores'], 'ignores', where)
  if (value['overrides'] !== undefined) {
    const overrides = value['overrides']
    if (!Array.isArray(overrides)) throw new ConfigError(`${where}\`overrides\` must be a list of objects such as {"files": ["includes/**"], "rules": {…}}`)
    config.overrides = overrides.map((entry: unknown, index) => {
      const at = `${source}: overrides[${index}]: `
      if (!isRecord(entry)) throw new ConfigError(`${at}must be an object such as {"files": ["includes/**"], "rules": {…}}`)
      checkKeys(entry, overrideKeys, at)
      if (entry['files'] === undefined) throw new ConfigError(`${at}\`files\` is missing (the patterns it applies to)`)
      const override: ConfigOverride = {files: readPatterns(entry['files'], 'files', at)}
      if (entry['targetLanguage'] !== undefined) override.targetLanguage = readTargetLanguage(entry['targetLanguage'], at)
      if (entry['rules'] !== undefined) override.rules = readRules(entry['rules'], at)
      return override
    })
  }
  return config
}

/** What the configuration says about each file: whether to skip it, and the options to check it with. */
export interface ConfigResolver {
  ignored(file: string): boolean
  optionsFor(file: string): CheckOptions
}

/** A pattern ending in `/` is the whole folder. */
function matcher(patterns: string[]): (relative: string) => boolean {
  return picomatch(patterns.map((pattern) => (pattern.endsWith('/') ? `${pattern}**` : pattern)), {dot: true})
}

/**
 * Resolve `ignores` and `overrides` for absolute file paths: patterns are relative to the configuration
 * file's folder (`cwd` when there is none); a file outside that folder matches none.
 */
export function configResolver(loaded: LoadedConfig, cwd: string): ConfigResolver {
  const base = loaded.path === undefined ? path.resolve(cwd) : path.dirname(loaded.path)
  const {ignores, overrides, ...top} = loaded.config
  const relative = (file: string): string | undefined => {
    const inside = path.relative(base, path.resolve(cwd, file))
    return inside.startsWith('..') || path.isAbsolute(inside) ? undefined : inside.split(path.sep).join('/')
  }
  const isIgnored = ignores ? matcher(ignores) : () => false
  const compiled = (overrides ?? []).map((override) => ({matches: matcher(override.files), override}))
  return {
    // Without ignores or overrides no path is resolved (a run asks once per file, a warm one of hundreds).
    ignored(file) {
      if (!ignores) return false
      const inside = relative(file)
      return inside !== undefined && isIgnored(inside)
    },
    optionsFor(file) {
      const options: CheckOptions = {...top, ...(top.rules ? {rules: {...top.rules}} : {})}
      if (compiled.length === 0) return options
      const inside = relative(file)
      if (inside === undefined) return options
      for (const {matches, override} of compiled) {
        if (!matches(inside)) continue
        if (override.targetLanguage !== undefined) options.targetLanguage = override.targetLanguage
        if (override.rules) options.rules = {...options.rules, ...override.rules}
      }
      return options
    }
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    // V8 says where by offset: give the line and column too.
    const at = /at position (\d+)/.exec((error as Error).message)
    const place = at ? `:${text.slice(0, Number(at[1])).split('\n').length}:${Number(at[1]) - text.lastIndexOf('\n', Number(at[1]) - 1)}` : ''
    throw new ConfigError(`${source}${place}: not valid JSON: ${(error as Error).message}`)
  }
}

/** Load the configuration: the explicit file if given, else the nearest `.sxsrc.json` or package.json `sxs` key. */
export async function loadConfig(cwd: string, read: ReadText, explicit?: string): Promise<LoadedConfig> {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit)
    const text = await read(file)
    if (text === undefined) throw new ConfigError(`${explicit}: no such file`)
    const value = parseJson(text, explicit)
    const isPackage = path.basename(file) === 'package.json'
    const inner = isPackage && isRecord(value) ? (value['sxs'] ?? {}) : value
    return {config: validateConfig(inner, isPackage ? `${explicit} (sxs)` : explicit), path: file}
  }
  let folder = path.resolve(cwd)
  for (;;) {
    const rc = path.join(folder, '.sxsrc.json')
    const rcText = await read(rc)
    if (rcText !== undefined) return {config: validateConfig(parseJson(rcText, rc), rc), path: rc}
    const pkg = path.join(folder, 'package.json')
    const pkgText = await read(pkg)
    if (pkgText !== undefined) {
      const value = parseJson(pkgText, pkg)
      if (isRecord(value) && value['sxs'] !== undefined) return {config: validateConfig(value['sxs'], `${pkg} (sxs)`), path: pkg}
    }
    const parent = path.dirname(folder)
    if (parent === folder) return {config: {}, path: undefined}
    folder = parent
  }
}
