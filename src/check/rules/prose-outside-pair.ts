import type {Rule} from '../rule.js'
import {pair} from '../example.js'

const rule: Rule = {
  id: 'prose-outside-pair',
  severity: 'warning',
  description:
    'A line of prose (four words or more, outside code blocks and spans, links, images, HTML blocks and tags, DocFX includes, code includes and cross-references) stands outside any pair: it was not extracted for translation, or its pair spans were lost. Readers of the localized page see it untranslated (or translated with no source to review it against). Image alt text (inline or reference images) and link definitions are translated outside pairs by design and are not reported.',
  bad: [
    {title: 'A heading hidden from the pair scan', markdown: `${pair('bfebf-124', 'Kennwort festlegen', 'Set a password')}\n\n## Set a password to never expire\n`, messages: ['3:4-3:34: warning: Prose outside any pair: “Set a password to never expire”']},
    {title: 'Four words outside any pair (the fewest that make prose)', markdown: `${pair('bfebf-124', 'Kennwort festlegen', 'Set a password')}\n\n## Reset the user password\n`, messages: ['3:4-3:27: warning: Prose outside any pair: “Reset the user password”']}
  ],
  good: [
    {title: 'Only markup outside the pairs', markdown: `## <a name="set"></a>${pair('bfebf-125', 'Kennwort festlegen', 'Set a password')}\n\n[!INCLUDE [Microsoft 365 Defender rebranding](../includes/microsoft-defender-for-office.md)]\n\n![Häkchen](media/check.png)\n`, messages: []},
    {
      title: 'Translated alt texts of reference images and link definitions',
      markdown: `${pair('bfebf-127', 'Das Menü öffnen', 'Open the menu')}\n\n![Auswählen von "JavaScript deaktivieren" im Befehlsmenü][ImageDisableJS]\n\n[ImageDisableJS]: media/disable.png "Abbildung 2: Auswählen von JavaScript deaktivieren im Befehlsmenü"\n`,
      messages: []
    },
    {title: 'A comment in a code sample (an indented code block in a list item)', markdown: `1. ${pair('bfebf-126', 'Legen Sie die Variable fest:', 'Set the variable:')}\n\n        # Provide the name of the cluster that runs the job.\n        $clusterName = "<ClusterName>"\n`, messages: []},
    {title: 'Inline code running over lines, its backticks alone on theirs', markdown: `${pair('bfebf-128', 'Führen Sie diesen Befehl aus:', 'Run this command:')}\n\`\nNew-AzResourceGroup -Name "myResourceGroup" -Location "West Europe"\n\`\n`, messages: []},
    {title: 'DocFX code includes and cross-references, and an HTML `<pre>` block', markdown: `${pair('bfebf-129', 'Ein Beispiel:', 'An example:')}\n\n[!code-json [Sample settings file](../samples/appsettings.json)]\n\n@System.Windows.Forms.Control.Text\n\n<pre>\nThis block shows the output of the tool as is.\n\nIt keeps its line breaks too.\n</pre>\n`, messages: []},
    {title: 'Three words outside pairs: a name, not prose', markdown: `${pair('bfebf-124', 'Weitere Informationen finden Sie unter:', 'For more information, see:')}\n\nMicrosoft Defender Portal\n`, messages: []}
  ],
  check(context) {
    for (const found of context.facts.prose) {
      context.report(`Prose outside any pair: “${found.prose}”`, context.position(found.first, found.line.end))
    }
  }
}
export default rule
