/**
 * The translator's file: XLIFF 1.2 (strict schema) holding only the units of the new document that need
 * work (sub-segment, fuzzy, new), with the unit ids `extract` gives the new document (so `merge` applies the
 * returned file to it), the target a copy of the source (state `needs-translation`), the old pair as an
 * `<alt-trans alttranstype="previous-version">` with its fuzzy score, and a note with the class, the old id
 * and a word diff of the old source to the new.
 */
import type {BilingualDocument} from '../document/types.js'
import {codeSegment} from '../inline/index.js'
import {prepareDocument} from '../formats/prepare.js'
import {fileStart, xliff12Content, XLIFF12_NAMESPACE} from '../formats/xliff12.js'
import {dataId, writeXliff20, xliff20Content, XLIFF20_NAMESPACE} from '../formats/xliff20.js'
import {XML_DECLARATION, escapeAttribute, escapeText, textElement, visible} from '../formats/xml.js'
import {wordDiff} from './diff.js'
import type {UpdatedUnit} from './update.js'
import type {FrontMatterTodo} from './front-matter.js'

export function todoXliff(document: BilingualDocument, units: readonly UpdatedUnit[], frontMatter: readonly FrontMatterTodo[] = []): string {
  const prepared = prepareDocument(document, {copySource: true})
  let out = XML_DECLARATION + `<xliff version="1.2" xmlns="${XLIFF12_NAMESPACE}">\n`
  out += fileStart(document, ['sxs update: only the units that need work; targets are copies of the sources', ...frontMatter.map(frontMatterNote)]) + '  <body>\n'
  units.forEach((unit, index) => {
    if (!unit.needsWork) return
    const segment = prepared.segments[index]!
    const {coded} = segment
    out += `   <trans-unit id="${escapeAttribute(segment.unit)}" resname="${escapeAttribute(segment.segment.id)}"${segment.segment.merged ? ' restype="x-sxs-merged-paragraph"' : ''} xml:space="preserve">\n`
    out += `    <source>${xliff12Content(coded.source, coded.codes, false)}</source>\n`
    out += `    <target state="needs-translation">${xliff12Content(coded.target, coded.codes, false)}</target>\n`
    let note = `sxs update: ${unit.class}`
    if (unit.candidate) {
      note += `; previous version ${unit.candidate.id} (${unit.candidate.score}%): ${wordDiff(unit.candidate.source, unit.source)}`
    }
    out += `    ${textElement('note', {from: 'sxs'}, visible(note))}\n`
    if (unit.candidate) {
      const old = codeSegment(unit.candidate.source, unit.candidate.target)
      out += `    <alt-trans match-quality="${unit.candidate.score}" alttranstype="previous-version" origin="${escapeAttribute(unit.candidate.id)}">\n`
      out += `     <source>${xliff12Content(old.source, old.codes, false)}</source>\n`
      out += `     <target>${xliff12Content(old.target, old.codes, false)}</target>\n`
      out += '    </alt-trans>\n'
    }
    out += '   </trans-unit>\n'
  })
  out += '  </body>\n </file>\n</xliff>\n'
  return out
}

/**
 * The same units as XLIFF 2.0 (core, plus the matches module): the writer of `extract` gives the units
 * (targets copies of the sources), and each gets the old pair as an `<mtc:match>` (its first child, where the
 * core schema puts module elements) pointing at the unit's one segment, and the class and word diff as a note.
 */
export function todoXliff20(document: BilingualDocument, units: readonly UpdatedUnit[], frontMatter: readonly FrontMatterTodo[] = []): string {
  const todo = document.segments.filter((_, index) => units[index]!.needsWork)
  const byId = new Map(units.filter((unit) => unit.needsWork).map((unit) => [unit.id, unit]))
  let text = writeXliff20({...document, segments: todo}, {copySource: true})
  text = text.replace(`<xliff xmlns="${XLIFF20_NAMESPACE}"`, `<xliff xmlns="${XLIFF20_NAMESPACE}" xmlns:mtc="${MATCHES_NAMESPACE}"`)
  // The front-matter keys to translate join the file's notes (where extract's writer says how targets were made).
  const fileNotes = '\n    </notes>\n'
  if (frontMatter.length > 0 && text.includes(fileNotes)) {
    const notes = frontMatter.map((todo) => `      ${textElement('note', {category: 'sxs-update'}, visible(frontMatterNote(todo)))}\n`).join('')
    text = text.replace(fileNotes, '\n' + notes.slice(0, -1) + fileNotes)
  }
  text = text.replace(/( {4}<unit id="([^"]*)"[^>]*>\n)( {6}<notes>)/g, (whole, start: string, id: string, notes: string) => {
    const unit = byId.get(id)
    if (!unit) return whole
    let note = `sxs update: ${unit.class}`
    if (unit.candidate) note += `; previous version ${unit.candidate.id} (${unit.candidate.score}%): ${wordDiff(unit.candidate.source, unit.source)}`
    return start + (unit.candidate ? match(unit.candidate) : '') + notes + textElement('note', {category: 'sxs-update'}, visible(note))
  })
  return text.replace(/( {6}<segment) state=/g, '$1 id="s1" state=')
}

/**
 * A translated front-matter key a translator must see: a header note, not a unit (it has no pair, so `merge`
 * could not apply one); the new document holds the English value until someone translates it there.
 */
export function frontMatterNote(todo: FrontMatterTodo): string {
  const was = todo.oldEnglish === undefined ? '' : `; previous English: ${todo.oldEnglish}${todo.oldTarget === undefined ? '' : `; previous translation: ${todo.oldTarget}`}`
  return `sxs update: front matter \`${todo.key}\` ${todo.class === 'new' ? 'is new' : 'changed'}: translate it in the document: ${todo.english}${was}`
}

export const MATCHES_NAMESPACE = 'urn:oasis:names:tc:xliff:matches:2.0'

function match(candidate: NonNullable<UpdatedUnit['candidate']>): string {
  const old = codeSegment(candidate.source, candidate.target)
  const split = new Set<string>()
  let out = `      <mtc:matches>\n        <mtc:match ref="#s1" type="tm" subType="sxs:previous-version" similarity="${candidate.score}" origin="${escapeAttribute(candidate.id)}">\n`
  if (old.codes.length > 0) {
    out += '          <originalData>\n'
    for (const code of old.codes) {
      if (code.type === 'standalone') out += `            <data id="${escapeAttribute(dataId(code, 'standalone'))}">${escapeText(code.data)}</data>\n`
      else {
        out += `            <data id="${escapeAttribute(dataId(code, 'open'))}">${escapeText(code.open)}</data>\n`
        out += `            <data id="${escapeAttribute(dataId(code, 'close'))}">${escapeText(code.close)}</data>\n`
      }
    }
    out += '          </originalData>\n'
  }
  out += `          <source>${xliff20Content(old.source, old.codes, split, false)}</source>\n`
  out += `          <target>${xliff20Content(old.target, old.codes, split, false)}</target>\n`
  return out + '        </mtc:match>\n      </mtc:matches>\n'
}
