/**
 * The new document's front matter: the old bilingual one (its translated `title` and `description` and
 * the pipeline's `ms.*` keys kept as written), with the localization keys brought to the new revision:
 * `ms.openlocfilehash` the SHA-1 of the new English bytes, `ms.sourcegitcommit` and `ms.lasthandoff` from
 * the caller's options only (never the clock: the output is deterministic), and single-line English keys
 * whose value changed (`ms.date`, `author`, …) carried over. Line edits, not a YAML re-serialization, so
 * nothing else moves.
 *
 * The translated keys (`title`, `description`, `keywords`: the pipeline translates them in place, without a
 * pair) are handled like sentences where the English says what happened to them: a key the new English
 * dropped is dropped (the pipeline does so: release-notes-index-20180503 lost `keywords`); a key it added is
 * written in English and flagged; a key whose English changed, which only the old English can tell
 * (`oldEnglish`: the bilingual document does not hold the English it was translated from), is written in
 * English and flagged for the translator (installing-signed-packages-20190628: the pipeline translated the
 * new title and kept the unchanged description). Without the old English they are kept, listed as unverified.
 */
import {createHash} from 'node:crypto'

export interface FrontMatterOptions {
  sourceCommit?: string | undefined
  handoffDate?: string | undefined
  /** The front matter block of the English the old document was made from (fences included), when known. */
  oldEnglish?: string | undefined
}

/** A translated front-matter key that needs a translator: its English is in the new document for now. */
export interface FrontMatterTodo {
  key: string
  /** `changed`: its English changed; `new`: the English added it. */
  class: 'changed' | 'new'
  /** The new English value, as written (now the new document's). */
  english: string
  /** The old English value and the old translation (`changed`). */
  oldEnglish?: string
  oldTarget?: string
}

export interface FrontMatterResult {
  text: string
  /** Keys changed, in order. */
  changed: string[]
  /** English keys that could not be carried over by a line edit (new, removed, or multi-line). */
  notCarried: string[]
  /** Translated keys written in English for a translator. */
  translate: FrontMatterTodo[]
  /** Translated keys kept because their English did not change (known from the old English). */
  kept: string[]
  /** Translated keys kept without knowing whether their English changed (no old English given). */
  unverified: string[]
  /** Translated keys removed because the new English has none. */
  removed: string[]
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
  const todo: Pick<FrontMatterResult, 'translate' | 'kept' | 'unverified' | 'removed'> = {translate: [], kept: [], unverified: [], removed: []}
  if (old === '') return {text: old, changed, notCarried, ...todo}
  const eol = old.includes('\r\n') ? '\r\n' : '\n'
  // Each line keeps the line ending it has: a front matter may mix them (CRLF field lines between LF
  // fences, as pipelines wrote them), and a line edit must not rewrite the others. `ends[i]` follows
  // `lines[i]` through every splice; a line the update adds takes the block's CRLF if it has any.
  const parts = old.split(/(\r?\n)/)
  const lines = parts.filter((_, at) => at % 2 === 0)
  const ends = [...parts.filter((_, at) => at % 2 === 1), '']
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
      ends.splice(close, 0, eol)
      close++
    }
    changed.push(key)
  }
  const isRendered = englishKeys.has('ms.openlocfilehash')
  const oldEnglishKeys = options.oldEnglish === undefined ? undefined : frontMatterKeys(options.oldEnglish)
  if (english !== '' && !isRendered) {
    for (const key of translated) {
      const now = englishKeys.get(key)
      const target = oldKeys.get(key)
      if (!englishKeys.has(key)) {
        if (oldKeys.has(key) && removeKey(lines, ends, key, close)) {
          close = lines.findLastIndex((line, at) => at > 0 && line.trim() === '---')
          todo.removed.push(key)
          changed.push(key)
        }
        continue
      }
      // A list or block value (`keywords:` with items): not a line edit; kept, and said so.
      if (now === undefined || (oldKeys.has(key) && target === undefined)) {
        if (oldKeys.has(key)) todo.unverified.push(key)
        else notCarried.push(key)
        continue
      }
      if (!oldKeys.has(key)) {
        set(key, now)
        todo.translate.push({key, class: 'new', english: now})
        continue
      }
      if (oldEnglishKeys === undefined || !oldEnglishKeys.has(key)) {
        todo.unverified.push(key)
        continue
      }
      const before = oldEnglishKeys.get(key)
      if (before === now) {
        todo.kept.push(key)
        continue
      }
      set(key, now)
      todo.translate.push({key, class: 'changed', english: now, ...(before === undefined ? {} : {oldEnglish: before}), ...(target === undefined ? {} : {oldTarget: target})})
    }
  }
  for (const [key, value] of englishKeys) {
    if (translated.has(key) || key.startsWith('ms.') && isLocalizationKey(key)) continue
    const before = oldKeys.get(key)
    if (!oldKeys.has(key)) {
      // A one-line key the English added: written where the English keys end (before the pipeline's ms.* keys).
      if (value === undefined || isRendered) notCarried.push(key)
      else {
        const at = lines.findIndex((line, index) => index > 0 && index < close && isLocalizationKey(keyOf(line) ?? ''))
        lines.splice(at > 0 ? at : close, 0, `${key}: ${value}`)
        ends.splice(at > 0 ? at : close, 0, eol)
        close++
        changed.push(key)
      }
    } else if (before !== value && value !== undefined && before !== undefined) set(key, value)
  }
  for (const key of oldKeys.keys()) {
    if (translated.has(key) || isLocalizationKey(key) || englishKeys.has(key) || english === '' || isRendered) continue
    // A key the English dropped: dropped too (as the pipeline does) when the old English had it, which tells
    // that it came from the English and not from the localized repository; otherwise kept and listed.
    if (oldEnglishKeys?.has(key) && removeKey(lines, ends, key, close)) {
      close = lines.findLastIndex((line, at) => at > 0 && line.trim() === '---')
      changed.push(key)
    } else notCarried.push(key)
  }
  if (!isRendered) set('ms.openlocfilehash', sha1(englishText))
  if (options.sourceCommit !== undefined) set('ms.sourcegitcommit', options.sourceCommit)
  if (options.handoffDate !== undefined) set('ms.lasthandoff', options.handoffDate)
  return {text: lines.map((line, at) => line + ends[at]).join(''), changed, notCarried, ...todo}
}

/** A markdown text's front matter block, fences included ('' without one). */
export function frontMatterBlock(text: string): string {
  return /^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text)?.[0] ?? ''
}

/** The single-line keys of a front matter block with its fences. */
function frontMatterKeys(block: string): Map<string, string | undefined> {
  const lines = block.split(/\r?\n/)
  let close = lines.length - 1
  while (close > 0 && lines[close]!.trim() !== '---') close--
  return singleLineKeys(lines.slice(1, close))
}

/** Remove a top-level key's line and the indented or list lines of its value (and their line endings); whether it was there. */
function removeKey(lines: string[], ends: string[], key: string, close: number): boolean {
  const index = lines.findIndex((line, at) => at > 0 && at < close && keyOf(line) === key)
  if (index < 0) return false
  let end = index + 1
  while (end < close && /^(?:[ \t]|- |-$)/.test(lines[end]!)) end++
  lines.splice(index, end - index)
  ends.splice(index, end - index)
  return true
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
