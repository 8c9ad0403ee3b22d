import type {Rule} from '../rule.js'
import {pair} from '../example.js'

const header = `|${pair('2ca24-364', 'Rolle', 'Role')}|${pair('2ca24-365', 'Warnungen', 'Alerts')}|\n|:---|:---:|\n`

const rule: Rule = {
  id: 'line-break-in-table-pair',
  severity: 'error',
  description:
    'A GFM table row is one line. A pair in a table row whose target holds a line break ends the row there: the rest of the row becomes a new row (or leaves the table). Real targets start with a newline and indentation when machine translation kept the layout of the source file. A line break in the source only is a warning.',
  bad: [
    {title: 'A target that starts with a newline', markdown: `${header}|${pair('2ca24-384', '\n            Benachrichtigungen verwalten', 'Manage Alerts')}||\n`, messages: ['3:32-4:1: error: Line break in the target of `2ca24-384` inside a table row: the row ends there']},
    {title: 'A line break inside the target', markdown: `${header}|${pair('2ca24-384', 'Benachrichtigungen\n            verwalten', 'Manage Alerts')}||\n`, messages: ['3:50-4:1: error: Line break in the target of `2ca24-384` inside a table row: the row ends there']},
    {
      title: 'A line break inside the target, in a file with CRLF line endings: the place is the whole break',
      markdown: `${header}|${pair('2ca24-384', 'Benachrichtigungen\n            verwalten', 'Manage Alerts')}||\n`.replace(/\n/g, '\r\n'),
      messages: ['3:50-4:1: error: Line break in the target of `2ca24-384` inside a table row: the row ends there']
    }
  ],
  good: [
    {title: 'The target on the row\'s line', markdown: `${header}|${pair('2ca24-384', 'Benachrichtigungen verwalten', 'Manage Alerts')}||\n`, messages: []},
    {title: 'A source that starts with a newline, as the English page has it (a warning)', markdown: `${header}|${pair('2ca24-384', 'Benachrichtigungen verwalten', '\n            Manage Alerts')}||\n`, messages: ['3:122-4:1: warning: Line break in the source of `2ca24-384` inside a table row (the source document has it too)']},
    {title: 'A line break inside the source only (a warning)', markdown: `${header}|${pair('2ca24-384', 'Benachrichtigungen verwalten', 'Manage\n            Alerts')}||\n`, messages: ['3:128-4:1: warning: Line break in the source of `2ca24-384` inside a table row (the source document has it too)']}
  ],
  check(context) {
    const {tableSegments} = context.facts
    for (const segment of tableSegments) {
      const inTarget = segment.target.search(/[\r\n]/)
      const inSource = segment.source.search(/[\r\n]/)
      if (inTarget >= 0) {
        const at = segment.position.target.start.offset + inTarget
        context.report(`Line break in the target of \`${segment.id}\` inside a table row: the row ends there`, context.position(at, at + breakLength(segment.target, inTarget)), {segment})
      } else if (inSource >= 0) {
        const at = segment.position.source.start.offset + inSource
        context.report(`Line break in the source of \`${segment.id}\` inside a table row (the source document has it too)`, context.position(at, at + breakLength(segment.source, inSource)), {segment, warning: true})
      }
    }
  }
}
/** The length of the line break at `index`: a CRLF is one break (its place ends at the next line, as an LF's). */
function breakLength(text: string, index: number): number {
  return text.startsWith('\r\n', index) ? 2 : 1
}
export default rule
