/**
 * The new document's front matter: the old bilingual one (its translated `title` and `description` and
 * the pipeline's `ms.*` keys kept as written), with the localization keys brought to the new revision:
 * `ms.openlocfilehash` the SHA-1 of the new English bytes, `ms.sourcegitcommit` and `ms.lasthandoff` from
 * the caller's options only (never the clock: the output is deterministic), and single-line English keys
 * whose value changed (`ms.date`, `author`, …) carried over. Line edits, not a YAML re-serialization, so
 * nothing else moves.
 */
import {createHash} from 'node:crypto'

export interface FrontMatterOptions {
  sourceCommit?: string | undefined
  handoffDate?: string | undefined
}

export interface FrontMatterResult {
  text: string
  /** Keys changed, in order. */
  changed: string[]
  /** English keys that could not be carried over by a line edit (new, removed, or multi-line). */
  notCarried: string[]
}

/** Keys translated in place: kept as the old document has them. */
const translated = new Set(['title', 'description', 'keywords'])

export function sha1(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex')
}

/**
 * `old` and `english` are the front matter blocks with their fences (either may be ''). When the English
 * already carries `ms.openlocfilehash`, it is not an English file but a bilingual document's own source
 * side (`render --side source`): its hash would mean nothing, and the old one is kept.
 */
export function updateFrontMatter(old: string, english: string, englishText: string, options: FrontMatterOptions): FrontMatterResult {
  const changed: string[] = []
  const notCarried: string[] = []
  if (old === '') return {text: old, changed, notCarried}
  const eol = old.includes('\r\n') ? '\r\n' : '\n'
  const lines = old.split(/\r?\n/)
  // The closing fence: the last `---` line (the block may end with a line break after it).
  let close = lines.length - 1
  while (close > 0 && lines[close]!.trim() !== '---') close--
  const oldKeys = singleLineKeys(lines.slice(1, close))
  const englishLines = english.split(/\r?\n/)
  const englishKeys = singleLineKeys(englishLines.slice(1, Math.max(1, englishLines.length - 1)))
  const set = (key: string, value: string): void => {
    const index = lines.findIndex((line, at) => at > 0 && at < close && keyOf(line) === key)
    const line = `${key}: ${value}`
    if (index >= 0) {
      if (lines[index] === line) return
      lines[index] = line
    } else {
      lines.splice(close, 0, line)
      close++
    }
    changed.push(key)
  }
  const isRendered = englishKeys.has('ms.openlocfilehash')
  for (const [key, value] of englishKeys) {
    if (translated.has(key) || key.startsWith('ms.') && isLocalizationKey(key)) continue
    const before = oldKeys.get(key)
    if (!oldKeys.has(key)) notCarried.push(key)
    else if (before !== value && value !== undefined && before !== undefined) set(key, value)
  }
  for (const key of oldKeys.keys()) {
    if (!translated.has(key) && !isLocalizationKey(key) && !englishKeys.has(key) && english !== '') notCarried.push(key)
  }
  if (!isRendered) set('ms.openlocfilehash', sha1(englishText))
  if (options.sourceCommit !== undefined) set('ms.sourcegitcommit', options.sourceCommit)
  if (options.handoffDate !== undefined) set('ms.lasthandoff', options.handoffDate)
  return {text: lines.join(eol), changed, notCarried}
}

const localizationKeys = new Set(['ms.openlocfilehash', 'ms.sourcegitcommit', 'ms.translationtype', 'ms.contentlocale', 'ms.lasthandoff', 'ms.locfileid'])

function isLocalizationKey(key: string): boolean {
  return localizationKeys.has(key)
}

function keyOf(line: string): string | undefined {
  return /^([A-Za-z0-9_.-]+):/.exec(line)?.[1]
}

/**
 * Top-level `key: value` lines, value as written (undefined for a key whose value runs on the next lines:
 * a list or a block). Enough for the line edits above; the document parser reads the YAML itself.
 */
function singleLineKeys(lines: readonly string[]): Map<string, string | undefined> {
  const keys = new Map<string, string | undefined>()
  for (const line of lines) {
    const key = keyOf(line)
    if (key === undefined) continue
    const value = line.slice(key.length + 1).trim()
    keys.set(key, value === '' || value === '|' || value === '>' ? undefined : value)
  }
  return keys
}
