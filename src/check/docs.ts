/** The rules page (`docs/rules.md`), generated from the rules themselves so that docs and tests cannot drift. */
import {rules} from './registry.js'
import {otherMessages} from '../document/message-ids.js'

function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const marker = '`'.repeat(longest + 1)
  return `${marker}markdown\n${text.replace(/\n$/, '')}\n${marker}`
}

export function rulesMarkdown(): string {
  const lines: string[] = [
    '# sxs check rules',
    '',
    '<!-- Generated from src/check/rules/*.ts by `UPDATE=1 npx vitest run test/check-docs.test.ts`; edit the rules, not this page. -->',
    '',
    '`sxs check` reports problems of bilingual (side-by-side) documents as errors (exit code 1) or warnings.',
    'Turn a rule off or change its severity in `.sxsrc.json` (or under an `sxs` key in package.json):',
    '',
    '```json',
    '{"targetLanguage": "de-DE", "rules": {"inline-markup": "off", "id-gap": "error"}}',
    '```',
    '',
    'or for one line of a document, on the line before it: `<!-- sxs-disable-next-line rule-id -->` (several ids may',
    'follow, separated by spaces; none disables every rule on that line).',
    '',
    '| rule | default | what it finds |',
    '| --- | --- | --- |',
    ...rules.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.description.split(/(?<=\.)\s/)[0]!.replace(/\|/g, '\\|')} |`),
    ''
  ]
  for (const rule of rules) {
    lines.push(`## ${rule.id}`, '', `Default severity: **${rule.severity}**.`, '', rule.description, '')
    for (const example of rule.bad) {
      lines.push(`### Bad: ${example.title}`, '', fence(example.markdown), '')
      if (example.line !== undefined) lines.push(`Reported on line ${example.line}${example.options?.targetLanguage ? ` (with \`--target-lang ${example.options.targetLanguage}\`)` : ''}.`, '')
    }
    for (const example of rule.good) lines.push(`### Good: ${example.title}`, '', fence(example.markdown), '')
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
