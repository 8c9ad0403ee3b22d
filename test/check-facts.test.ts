/**
 * What the rules share (`context.facts`: tables, prose lines, id facts) lives for one `check` run. A module-level
 * cache keyed by the document (what src/check/ids.ts had) answered a second run on the same object from the first
 * run's facts: a document edited in place between two runs was judged as it was before the edit. Here a document
 * is checked, edited in place (same length, so that every position stays right), and checked again: the findings
 * must be those of a fresh parse of the edited text.
 */
import {reasonWithRelated} from '../src/document/messages.js'
import {describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {print} from '../src/document/print.js'
import {check, type CheckMessage} from '../src/check/index.js'
import {pair} from '../src/check/example.js'
import type {BilingualDocument} from '../src/document/types.js'

/** A segment's fields, writable (the model may become readonly; this test edits it on purpose). */
interface Writable {
  id: string
  number: number
  sourceId: string
  target: string
  markup: {open: string; middle: string; close: string}
}

function editInPlace(document: BilingualDocument, index: number, change: {id?: string; target?: string}): void {
  const segment = document.segments[index] as unknown as Writable
  if (change.id !== undefined) {
    segment.markup.open = segment.markup.open.replace(segment.id, change.id)
    segment.markup.middle = segment.markup.middle.replace(segment.sourceId, change.id)
    segment.id = change.id
    segment.sourceId = change.id
    segment.number = Number(change.id.replace(/^.*-p?/, ''))
  }
  if (change.target !== undefined) segment.target = change.target
}

const summary = (messages: CheckMessage[]) => messages.map((m) => `${m.line}:${m.column}-${m.place && 'end' in m.place ? `${m.place.end.line}:${m.place.end.column}` : ''} ${m.ruleId} ${m.fatal ? 'error' : 'warning'}: ${reasonWithRelated(m)}`)

function expectFresh(text: string, index: number, change: {id?: string; target?: string}, edited: string): string[] {
  const document = parse(text)
  const before = summary(check(document))
  editInPlace(document, index, change)
  expect(print(document)).toBe(edited)
  const after = summary(check(document))
  expect(after).toEqual(summary(check(parse(edited))))
  expect(after).not.toEqual(before)
  return after
}

describe('check reads a document afresh on every run', () => {
  const ids = (third: string) => `${pair('90f5f-103', 'Hilfe', 'Help')}\n\n${pair('90f5f-104', 'Start', 'Start')}\n\n${pair(third, 'Ende', 'End')}\n`

  it('an id edited into a repeat is a duplicate-id (first uses are not remembered from the last run)', () => {
    expect(expectFresh(ids('90f5f-105'), 2, {id: '90f5f-103'}, ids('90f5f-103'))).toEqual(['5:1-5:114 duplicate-id error: Duplicate id `90f5f-103` (first used here: line 1, column 1)'])
  })

  it('an id edited out of shape is an id-shape error (shapes are not remembered)', () => {
    expect(expectFresh(ids('90f5f-105'), 2, {id: '90f5f-x05'}, ids('90f5f-x05'))).toEqual([
      '5:20-5:29 id-shape error: Id `90f5f-x05` is not of the shape `xxxxx-N` or `xxxxx-pN` (five hex digits, a number)'
    ])
  })

  it('a target edited to end in a backslash breaks its table row (table-shape, as issue 20 found)', () => {
    const header = `|${pair('90f5f-145', 'Land', 'Country')}|${pair('90f5f-146', 'Telefon', 'Phone')}|\n|---|---|\n`
    const row = (target: string) => `${header}|${pair('90f5f-147', target, 'Folder')}|${pair('90f5f-148', '0800', '0800')}|\n`
    expect(expectFresh(row('Ordner'), 2, {target: 'Ordne\\'}, row('Ordne\\'))).toEqual(['3:1-3:236 table-shape error: Table row has 1 cell(s) in the localized document, the delimiter row 2'])
  })
})
