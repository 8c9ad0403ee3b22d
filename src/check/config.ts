/**
 * Configuration: `.sxsrc.json`, or an `sxs` key in package.json, in the working folder or the nearest
 * folder above it; or a file named with `--config`. It holds the options `check` takes:
 *
 *     {"targetLanguage": "de-DE", "rules": {"inline-markup": "off", "id-gap": "error"}}
 *
 * Reading files is the caller's (the CLI passes a reader), so this module stays pure.
 */
import path from 'node:path'
import type {CheckOptions, RuleSetting} from './rule.js'
import {normalizeSetting} from './index.js'
import {rules} from './registry.js'

export interface SxsConfig extends CheckOptions {}

export interface LoadedConfig {
  config: SxsConfig
  /** The file it came from, when there was one. */
  path: string | undefined
}

/** Read a text file, or `undefined` when it does not exist. */
export type ReadText = (file: string) => Promise<string | undefined>

export class ConfigError extends Error {}

const knownIds = new Set<string>(rules.map((rule) => rule.id))

/** Check and normalize a configuration object; throws `ConfigError` with what is wrong and where. */
export function validateConfig(value: unknown, source: string): SxsConfig {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`${source}: configuration must be an object`)
  const record = value as Record<string, unknown>
  const config: SxsConfig = {}
  for (const key of Object.keys(record)) {
    if (key !== 'rules' && key !== 'targetLanguage') throw new ConfigError(`${source}: unknown key \`${key}\` (expected \`rules\`, \`targetLanguage\`)`)
  }
  if (record['targetLanguage'] !== undefined) {
    if (typeof record['targetLanguage'] !== 'string') throw new ConfigError(`${source}: \`targetLanguage\` must be a string`)
    config.targetLanguage = record['targetLanguage']
  }
  if (record['rules'] !== undefined) {
    const settings = record['rules']
    if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) throw new ConfigError(`${source}: \`rules\` must be an object`)
    const normalized: Record<string, RuleSetting> = {}
    for (const [id, setting] of Object.entries(settings as Record<string, unknown>)) {
      if (!knownIds.has(id)) throw new ConfigError(`${source}: unknown rule \`${id}\``)
      try {
        normalized[id] = normalizeSetting(setting) === 'off' ? 'off' : (normalizeSetting(setting) as 'warning' | 'error')
      } catch (error) {
        throw new ConfigError(`${source}: rule \`${id}\`: ${(error as Error).message}`)
      }
    }
    config.rules = normalized
  }
  return config
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new ConfigError(`${source}: not valid JSON: ${(error as Error).message}`)
  }
}

/** Load the configuration: the explicit file if given, else the nearest `.sxsrc.json` or package.json `sxs` key. */
export async function loadConfig(cwd: string, read: ReadText, explicit?: string): Promise<LoadedConfig> {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit)
    const text = await read(file)
    if (text === undefined) throw new ConfigError(`${explicit}: no such file`)
    const value = parseJson(text, explicit)
    const inner = path.basename(file) === 'package.json' ? (value as Record<string, unknown>)['sxs'] ?? {} : value
    return {config: validateConfig(inner, explicit), path: file}
  }
  let folder = path.resolve(cwd)
  for (;;) {
    const rc = path.join(folder, '.sxsrc.json')
    const rcText = await read(rc)
    if (rcText !== undefined) return {config: validateConfig(parseJson(rcText, rc), rc), path: rc}
    const pkg = path.join(folder, 'package.json')
    const pkgText = await read(pkg)
    if (pkgText !== undefined) {
      const value = parseJson(pkgText, pkg) as Record<string, unknown>
      if (value && typeof value === 'object' && value['sxs'] !== undefined) return {config: validateConfig(value['sxs'], `${pkg} (sxs)`), path: pkg}
    }
    const parent = path.dirname(folder)
    if (parent === folder) return {config: {}, path: undefined}
    folder = parent
  }
}
