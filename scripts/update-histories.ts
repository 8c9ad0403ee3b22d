/**
 * `npx tsx scripts/update-histories.ts`: `sxs update` over the real handoffs of ../shared/corpus/update/dev,
 * one line per triple and the totals (the table of docs/update.md).
 */
import {f1, historyNames, measureHistory} from '../test/helpers/update-histories.js'

const rows = historyNames().map(measureHistory)
const pct = (a: number, b: number): string => (b === 0 ? '-' : ((100 * a) / b).toFixed(1))
console.log('| triple | unchanged EN kept (sxs) | kept by pipeline | boundary F1 all | F1 new text | hash | check errors old→new | todo units | skeleton as pipeline | ids as pipeline |')
console.log('|---|---|---|---|---|---|---|---|---|---|')
for (const row of rows) {
  console.log(
    `| ${row.name} | ${row.keptOld}/${row.unchanged} | ${row.pipelineKept}/${row.unchanged} | ${f1(row.allAgreed, row.allExpected, row.allProduced).toFixed(3)} | ${f1(row.newAgreed, row.newExpected, row.newProduced).toFixed(3)} (${row.newAgreed}/${row.newExpected} exp, ${row.newProduced} prod) | ${row.hashEqual ? 'equal' : 'DIFFERENT'} | ${row.errorsBefore}→${row.errorsAfter} | ${row.needsWork} | ${row.skeletonEqual ? 'yes' : 'no'} | ${row.idsEqual ? 'yes' : 'no'} |`
  )
}
const sum = (pick: (row: (typeof rows)[number]) => number): number => rows.reduce((total, row) => total + pick(row), 0)
console.log(
  `| **all ${rows.length}** | ${sum((r) => r.keptOld)}/${sum((r) => r.unchanged)} (${pct(sum((r) => r.keptOld), sum((r) => r.unchanged))}%) | ${sum((r) => r.pipelineKept)}/${sum((r) => r.unchanged)} (${pct(sum((r) => r.pipelineKept), sum((r) => r.unchanged))}%) | ${f1(sum((r) => r.allAgreed), sum((r) => r.allExpected), sum((r) => r.allProduced)).toFixed(3)} | ${f1(sum((r) => r.newAgreed), sum((r) => r.newExpected), sum((r) => r.newProduced)).toFixed(3)} | ${rows.filter((r) => r.hashEqual).length}/${rows.length} equal | ${sum((r) => r.errorsBefore)}→${sum((r) => r.errorsAfter)} | ${sum((r) => r.needsWork)} | ${rows.filter((r) => r.skeletonEqual).length}/${rows.length} | ${rows.filter((r) => r.idsEqual).length}/${rows.length} |`
)
