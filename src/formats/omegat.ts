/**
 * OmegaT's view of a unit of our XLIFF 1.2, for a memory OmegaT 3.6 matches with its default settings
 * (`sxs tmx --tags omegat`). OmegaT reads the inline codes of an external TMX at "level 1" (their content
 * dropped), so a memory with `<bpt>/<ept>/<ph>` matches only units whose codes all sit at the ends. It shows
 * a segment's codes as shortcuts instead: `<f0>…</f0>`, `<a1/>`, the letter the first letter of the code's
 * native data (lower case; `f` without one), numbered from 0 in order of appearance, and it leaves out the
 * codes at the ends (standalone codes, pairs around the rest, pairs with no text inside) and the white
 * space there, which it puts back around the translation. A memory whose segments are these texts (as OmegaT
 * writes its own `project_save.tmx`) matches every unit. Proven against OmegaT's own view of dev-corpus
 * units in test/tmx.test.ts.
 */
import {codeById} from '../inline/index.js'
import type {CodedContent, CodeRef, InlineCode} from '../inline/types.js'
import {charCodeText} from './xliff12.js'

/** The content OmegaT sees of a code: what our XLIFF 1.2 writes in its `<bpt>` or `<ph>`. */
function shownData(code: InlineCode): string {
  return code.type === 'paired' ? code.open : code.kind === 'char' ? charCodeText(code.data) : code.data
}

function shortcutLetter(data: string): string {
  for (const char of data) if (/\p{L}/u.test(char)) return char.toLowerCase()
  return 'f'
}

const hasText = (part: string | CodeRef): part is string => typeof part === 'string' && part.trim() !== ''

/** The parts OmegaT shows (`start` to `end`, inclusive) and what it leaves out at the ends, white space included. */
interface Cut {
  prefix: CodedContent
  middle: CodedContent
  suffix: CodedContent
}

function cut(parts: CodedContent): Cut {
  const texts = parts.flatMap((part, index) => (hasText(part) ? [index] : []))
  let start: number
  let end: number
  if (texts.length === 0) {
    // Codes only: OmegaT shows them all.
    start = parts.findIndex((part) => typeof part !== 'string')
    end = parts.findLastIndex((part) => typeof part !== 'string')
    if (start < 0) return {prefix: [...parts], middle: [], suffix: []}
  } else {
    start = texts[0]!
    end = texts.at(-1)!
    const indexOf = (type: CodeRef['type'], id: string): number => parts.findIndex((part) => typeof part !== 'string' && part.type === type && part.id === id)
    // A pair with one end among the shown parts is shown whole.
    for (let changed = true; changed; ) {
      changed = false
      for (let index = 0; index < start; index++) {
        const part = parts[index]!
        if (typeof part === 'string' || part.type !== 'open') continue
        const close = indexOf('close', part.id)
        if (close >= start && close <= end) {
          start = index
          changed = true
        }
      }
      for (let index = parts.length - 1; index > end; index--) {
        const part = parts[index]!
        if (typeof part === 'string' || part.type !== 'close') continue
        const open = indexOf('open', part.id)
        if (open >= start && open <= end) {
          end = index
          changed = true
        }
      }
    }
  }
  const prefix = parts.slice(0, start)
  const middle = parts.slice(start, end + 1)
  const suffix = parts.slice(end + 1)
  const first = middle[0]
  if (typeof first === 'string' && first !== first.trimStart()) {
    prefix.push(first.slice(0, first.length - first.trimStart().length))
    middle[0] = first.trimStart()
  }
  const last = middle.at(-1)
  if (typeof last === 'string' && last !== last.trimEnd()) {
    suffix.unshift(last.slice(last.trimEnd().length))
    middle[middle.length - 1] = last.trimEnd()
  }
  return {prefix, middle, suffix}
}

/** Parts compared by what they are: texts, and codes by type and id. */
function sameParts(a: CodedContent, b: CodedContent): boolean {
  return a.length === b.length && a.every((part, index) => {
    const other = b[index]!
    return typeof part === 'string' ? part === other : typeof other !== 'string' && part.type === other.type && part.id === other.id
  })
}

function render(parts: CodedContent, tags: ReadonlyMap<string, string>): string | undefined {
  let out = ''
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part
      continue
    }
    const tag = tags.get(part.id)
    if (tag === undefined) return undefined
    out += part.type === 'open' ? `<${tag}>` : part.type === 'close' ? `</${tag}>` : `<${tag}/>`
  }
  return out
}

/**
 * A pair's source and target as OmegaT shows them (plain text with its tag shortcuts), or undefined when
 * OmegaT could not give this target back: its codes at the ends differ from the source's (OmegaT puts the
 * source's back), or it holds a code the source does not.
 */
export function omegatPair(source: CodedContent, target: CodedContent, codes: readonly InlineCode[]): {source: string; target: string} | undefined {
  const sourceCut = cut(source)
  const targetCut = cut(target)
  if (!sameParts(sourceCut.prefix, targetCut.prefix) || !sameParts(sourceCut.suffix, targetCut.suffix)) return undefined
  const tags = new Map<string, string>()
  for (const part of sourceCut.middle) {
    if (typeof part === 'string' || tags.has(part.id)) continue
    tags.set(part.id, shortcutLetter(shownData(codeById(codes, part.id)!)) + tags.size)
  }
  const shownSource = render(sourceCut.middle, tags)!
  const shownTarget = render(targetCut.middle, tags)
  return shownTarget === undefined ? undefined : {source: shownSource, target: shownTarget}
}
