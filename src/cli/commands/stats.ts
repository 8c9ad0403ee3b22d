/**
 * `sxs stats [inputs…] [--format table|json|csv] [--source-lang TAG] [--target-lang TAG]`: word counts per
 * document, per language pair and in total (see `stats/index.ts`), with check's errors and warnings.
 * Exit 0, or 1 when a file could not be read or parsed (the others are still counted).
 */
import {parseArgs} from 'node:util'
import {documentStats, summarize, type Counts, type DocumentStats, type Stats} from '../../stats/index.js'
import {checkedDocuments} from '../checked.js'
import {expandInputs, requireInputs, type InputFile, UsageError} from '../files.js'
import {exitCode, type Io} from '../io.js'
import {languageArgs, readLanguageOptions} from '../languages.js'
import {usageFailure} from '../report.js'

const help = `Usage: sxs stats [inputs…] [--format table|json|csv] [--source-lang TAG] [--target-lang TAG]

Word counts of bilingual documents (default input: source-docs), per document, per language pair and in
total: segments, source and target words and characters, segments (and source words) from machine (MT)
and human (HT) translation, untranslated and empty segments, check's errors and warnings.
Words: split at white space (Latin, Cyrillic, Greek, Arabic, Hebrew, Korean, …) or by Intl.Segmenter
(Chinese, Japanese, Thai, …), of the translatable text (inline code, URLs and HTML tags are not words).
Characters: user-perceived characters, white space not counted.
--format table|json|csv   output on stdout (default: table)
--source-lang TAG         source language (default en-US)
--target-lang TAG         target language of documents without ms.contentlocale
`

type Format = 'table' | 'json' | 'csv'

export async function run(argv: string[], io: Io): Promise<number> {
  let files: InputFile[]
  let format: Format
  let sourceLanguage: string
  let targetLanguage: string | undefined
  try {
    const {values, positionals} = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: {type: 'string', short: 'f'},
        ...languageArgs,
        help: {type: 'boolean', short: 'h'}
      }
    })
    if (values.help) {
      io.stdout(help)
      return exitCode.ok
    }
    const inputs = positionals.length > 0 ? positionals : ['source-docs']
    const name = values.format ?? 'table'
    if (name !== 'table' && name !== 'json' && name !== 'csv') throw new UsageError(`--format must be table, json or csv, not '${name}'`)
    format = name
    ;({sourceLanguage, targetLanguage} = readLanguageOptions(values))
    files = await expandInputs(inputs, io.cwd)
    requireInputs(files)
  } catch (error) {
    return usageFailure('stats', error, io)
  }

  const tally = {failed: 0}
  const documents: DocumentStats[] = []
  for await (const {document, messages} of checkedDocuments(files, io, {sourceLanguage, targetLanguage}, tally)) {
    const errors = messages.filter((message) => message.fatal === true).length
    documents.push(documentStats(document, {errors, warnings: messages.length - errors}))
  }
  const stats = summarize(documents)
  io.stdout(format === 'json' ? JSON.stringify(stats, null, 2) + '\n' : format === 'csv' ? csv(stats) : table(stats))
  return tally.failed > 0 ? exitCode.failure : exitCode.ok
}

/** The columns of the table and the CSV after the row's name: header and value. */
const COLUMNS: Array<[string, keyof Counts]> = [
  ['segments', 'segments'],
  ['source words', 'sourceWords'],
  ['target words', 'targetWords'],
  ['source chars', 'sourceCharacters'],
  ['target chars', 'targetCharacters'],
  ['MT segments', 'mtSegments'],
  ['HT segments', 'htSegments'],
  ['MT words', 'mtWords'],
  ['HT words', 'htWords'],
  ['untranslated', 'untranslated'],
  ['empty', 'empty'],
  ['errors', 'errors'],
  ['warnings', 'warnings']
]

/** Rows: each document, each language pair, the total (name, language pair, counts). */
function rows(stats: Stats): Array<[string, string, Counts]> {
  return [
    ...stats.documents.map((document): [string, string, Counts] => [document.document, `${document.sourceLanguage} → ${document.targetLanguage}`, document]),
    ...stats.languagePairs.map((pair): [string, string, Counts] => [`(${pair.documents} document(s))`, `${pair.sourceLanguage} → ${pair.targetLanguage}`, pair]),
    [`total (${stats.total.documents} document(s))`, '', stats.total]
  ]
}

function table(stats: Stats): string {
  const header = ['document', 'languages', ...COLUMNS.map(([title]) => title)]
  const body = rows(stats).map(([name, pair, counts]) => [name, pair, ...COLUMNS.map(([, key]) => counts[key].toLocaleString('en-US'))])
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => row[column]!.length)))
  const line = (cells: string[]): string => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd() + '\n'
  const rule = widths.map((width) => '-'.repeat(width)).join('  ') + '\n'
  const documents = stats.documents.length
  return line(header) + rule + body.slice(0, documents).map(line).join('') + rule + body.slice(documents).map(line).join('')
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** One row per document, per language pair and the total: `row` says which (`document`, `pair`, `total`). */
function csv(stats: Stats): string {
  const header = ['row', 'document', 'source language', 'target language', 'translation type', 'documents', ...COLUMNS.map(([, key]) => key)]
  const line = (cells: Array<string | number>, counts: Counts): string => [...cells, ...COLUMNS.map(([, key]) => counts[key])].map((cell) => field(String(cell))).join(',')
  const lines = [header.join(',')]
  for (const document of stats.documents) lines.push(line(['document', document.document, document.sourceLanguage, document.targetLanguage, document.translationType ?? '', 1], document))
  for (const pair of stats.languagePairs) lines.push(line(['pair', '', pair.sourceLanguage, pair.targetLanguage, '', pair.documents], pair))
  lines.push(line(['total', '', '', '', '', stats.total.documents], stats.total))
  return lines.join('\r\n') + '\r\n'
}
