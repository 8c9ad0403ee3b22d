import {parseRule} from '../parse-rule.js'

export default parseRule({
  id: 'front-matter-yaml',
  severity: 'error',
  description: 'The front matter is not valid YAML: the docs build will fail or lose the translated `title` and `description`.',
  bad: [{title: 'An unclosed quote', markdown: '---\ntitle: "Hilfe\nms.contentlocale: de-DE\n---\n# Hilfe\n', messages: ['3:24: error: Front matter is not valid YAML: Missing closing "quote']}],
  good: [{title: 'Valid YAML', markdown: '---\ntitle: "Hilfe"\nms.contentlocale: de-DE\n---\n# Hilfe\n', messages: []}]
})
