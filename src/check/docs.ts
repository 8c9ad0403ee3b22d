/** The rules page (`docs/rules.md`), generated from the rules themselves so that docs and tests cannot drift. */
import {rules} from './registry.js'
import {otherMessages} from '../document/message-ids.js'

function fence(text: string, language = 'markdown'): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const marker = '`'.repeat(longest + 1)
  return `${marker}${language}\n${text.replace(/\n$/, '')}\n${marker}`
}

export function rulesMarkdown(): string {
  const lines: string[] = [
    '# sxs check rules',
    '',
    '<!-- Generated from src/check/rules/*.ts by `UPDATE=1 npx vitest run test/check-docs.test.ts`; edit the rules, not this page. -->',
    '',
    '`sxs check` reports problems of bilingual (side-by-side) documents as errors (exit code 1) or warnings',
    '(`--quiet` reports errors only).',
    '',
    '## Turning rules off',
    '',
    'Turn a rule off or change its severity in `.sxsrc.json` (or under an `sxs` key in package.json), for every',
    'file, for some paths (`overrides`, applied in order) or skip files (`ignores`); patterns are globs relative to',
    'the configuration file:',
    '',
    '```json',
    '{',
    '  "targetLanguage": "de-DE",',
    '  "rules": {"inline-markup": "off", "id-gap": "error"},',
    '  "ignores": ["legacy/"],',
    '  "overrides": [{"files": ["includes/**"], "rules": {"id-gap": "off"}}]',
    '}',
    '```',
    '',
    'In a document, with comments (several ids separated by spaces or commas; none: every rule; a reason may follow',
    '` -- `):',
    '',
    '| comment | turns the rules off |',
    '| --- | --- |',
    '| `<!-- sxs-disable rule-id -->` … `<!-- sxs-enable rule-id -->` | from the comment to the enable comment (without one: to the end of the file) |',
    '| `<!-- sxs-disable-next-line rule-id -->` | on the line after the comment |',
    '| `<!-- sxs-disable-line rule-id -->` | on the comment\'s own line: for a table row, put it inside the row\'s last cell, before the closing `\\|` |',
    '| `<!-- sxs-disable-file rule-id -->` | in the whole file, wherever the comment is (front matter included) |',
    '| `<!--sxs disable rule-id-->`, `<!--sxs enable rule-id-->`, `<!--sxs ignore rule-id-->` | remark-lint\'s spelling; `ignore`: the next block, up to a blank line |',
    '',
    'Comments inside code blocks are code, not directives. A comment naming a rule, directive or keyword sxs does not',
    'know is a `disable-comment` warning (and turns nothing off).',
    '',
    '## Rules',
    '',
    '| rule | default | what it finds |',
    '| --- | --- | --- |',
    ...rules.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.description.split(/(?<=\.)\s/)[0]!.replace(/\|/g, '\\|')} |`),
    ''
  ]
  for (const rule of rules) {
    lines.push(`## ${rule.id}`, '', `Default severity: **${rule.severity}**.`, '', rule.description, '')
    for (const [kind, examples] of [['Bad', rule.bad], ['Good', rule.good]] as const) {
      for (const example of examples) {
        lines.push(`### ${kind}: ${example.title}`, '', fence(example.markdown), '')
        const options = example.options?.targetLanguage ? ` (with \`--target-lang ${example.options.targetLanguage}\`)` : ''
        // The messages as the example test pins them (src/check/example.ts), in a text block as remark-lint's docs show theirs.
        if (example.messages.length === 0) lines.push(`No messages${options}.`, '')
        else lines.push(`Messages${options}:`, '', fence(example.messages.join('\n'), 'text'), '')
      }
    }
  }
  lines.push(
    '## Other messages',
    '',
    'Not rules of `check` (no setting turns them off): what the other steps report, with the same',
    '`file:line:column: severity: reason  [id]` shape.',
    '',
    '| id | from | severity | meaning |',
    '| --- | --- | --- | --- |',
    ...Object.entries(otherMessages).map(([id, {origin, severity, description}]) => `| <a id="${id}"></a>\`${id}\` | ${origin} | ${severity} | ${description.replace(/\|/g, '\\|')} |`),
    ''
  )
  return `${lines.join('\n').replace(/\n+$/, '')}\n`
}
