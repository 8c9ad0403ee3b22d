/**
 * The false-alarm classes of issue 14, one fixture per class (built from the descriptions of what
 * real localized docsets hold), each with the findings it must give: none of the false ones, and the true
 * finding where a near variant is really broken. Each document is checked as parse reads it by default
 * (the fast path) and as remark reads it (`fast: false`): check judges from the one block reading.
 */
import {describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {check} from '../src/check/index.js'
import {doc, pair} from '../src/check/example.js'

/** `[line, severity, rule]` of every finding, both parse paths giving the same. */
function findings(markdown: string): Array<[number | undefined, string, string]> {
  const read = (fast: boolean) =>
    check(parse(doc(markdown), {path: 'example.md', fast})).map((message): [number | undefined, string, string] => [message.line, message.fatal ? 'error' : 'warning', String(message.ruleId)])
  const found = read(true)
  expect(read(false)).toEqual(found)
  return found
}

describe('false alarms of block structure (issue 14)', () => {
  it('fenced code in a list item whose code lines begin with `>` is closed: no unclosed-code-fence', () => {
    const markdown = `1. ${pair('8c3a1-104', 'Die Antwort an den Absender sieht so aus:', 'The reply to the sender looks like this:')}\n\n   \`\`\`console\n   > Thanks for your message.\n   > We will get back to you.\n   \`\`\`\n\n2. ${pair('8c3a1-105', 'Wählen Sie **Senden** aus.', 'Select **Send**.')}\n`
    expect(findings(markdown)).toEqual([])
    // The same item without its closing fence: the fence ends with the list item, and that is reported.
    const unclosed = markdown.replace('   > We will get back to you.\n   ```\n', '   > We will get back to you.\n')
    expect(findings(unclosed)).toEqual([[7, 'error', 'unclosed-code-fence']])
  })

  it('inline code running over several lines, its backticks alone on their lines: no prose-outside-pair', () => {
    const markdown = `${pair('8c3a1-110', 'Führen Sie den folgenden Befehl aus:', 'Run the following command:')}\n\`\nSet-MailboxAuditBypassAssociation -Identity "Contoso Service Account" -AuditBypassEnabled $true\n\`\n\n${pair('8c3a1-111', 'Oder mit einem Backtick am Zeilenende:', 'Or with a backtick at the end of the line:')} \`Get-Mailbox -ResultSize Unlimited |\nWhere-Object {$_.AuditEnabled -eq $false} | Set-Mailbox -AuditEnabled $true\`\n`
    expect(findings(markdown)).toEqual([])
    // Prose next to the code, outside the pairs, is still prose.
    expect(findings(`${markdown}\nThis sentence was never extracted for translation at all.\n`)).toEqual([[13, 'warning', 'prose-outside-pair']])
  })

  it('definition labels used as collapsed or shortcut references take ids: id-gap credits them', () => {
    const markdown = `${pair('8c3a1-120', 'Melden Sie sich beim [Contoso portal][] an.', 'Sign in to the [Contoso portal][].')}\n\n${pair('8c3a1-121', 'Öffnen Sie dann das [Admin Center].', 'Then open the [Admin Center].')}\n\n[Contoso portal]: https://portal.contoso.com\n[Admin Center]: https://admin.contoso.com "Admin Center"\n\n${pair('8c3a1-125', 'Fertig.', 'Done.')}\n`
    // Two labels and one title: 122 to 124.
    expect(findings(markdown)).toEqual([])
    // A definition used only in a full reference (`[text][label]`) shows no label: it explains no number.
    const full = markdown.replace('Then open the [Admin Center].', 'Then open the [center][Admin Center].').replace('Öffnen Sie dann das [Admin Center].', 'Öffnen Sie dann das [Center][Admin Center].')
    expect(findings(full)).toEqual([[12, 'warning', 'id-gap']])
  })

  it('the label of a real Microsoft Graph page (pt-BR) used as `[identity][]` took the number between its table and the next heading', () => {
    // microsoft-graph-docs.pt-BR sharinglink.md, cut to the rows around the reference and the definition.
    const text = [
      '| <span data-ttu-id="abe69-109">Propriedade</span><span class="sxs-lookup"><span data-stu-id="abe69-109">Property</span></span>       | <span data-ttu-id="abe69-110">Tipo</span><span class="sxs-lookup"><span data-stu-id="abe69-110">Type</span></span>          | <span data-ttu-id="abe69-111">Descrição</span><span class="sxs-lookup"><span data-stu-id="abe69-111">Description</span></span>',
      '|:---------------|:--------------|:-------------------------------------',
      '| <span data-ttu-id="abe69-112">aplicativo</span><span class="sxs-lookup"><span data-stu-id="abe69-112">application</span></span>    | <span data-ttu-id="abe69-113">[identity][]</span><span class="sxs-lookup"><span data-stu-id="abe69-113">[identity][]</span></span>  | <span data-ttu-id="abe69-114">O aplicativo ao qual o link está associado.</span><span class="sxs-lookup"><span data-stu-id="abe69-114">The app the link is associated with.</span></span>',
      '| <span data-ttu-id="abe69-129">webUrl</span><span class="sxs-lookup"><span data-stu-id="abe69-129">webUrl</span></span>         | <span data-ttu-id="abe69-130">String</span><span class="sxs-lookup"><span data-stu-id="abe69-130">String</span></span>        | <span data-ttu-id="abe69-131">Uma URL que abre o item no navegador no site do OneDrive.</span><span class="sxs-lookup"><span data-stu-id="abe69-131">A URL that opens the item in the browser on the OneDrive website.</span></span>',
      '',
      '[Identity]: identity.md',
      '',
      '### <a name="type-options"></a><span data-ttu-id="abe69-133">Opções de tipo</span><span class="sxs-lookup"><span data-stu-id="abe69-133">Type options</span></span>',
      ''
    ].join('\n')
    // 115 to 128 are cut out of this excerpt: one gap, and the one the label explains is not reported.
    expect(findings(text)).toEqual([[8, 'warning', 'id-gap']])
    expect(check(parse(doc(text))).map((message) => message.reason)).toEqual([expect.stringContaining('`abe69-114` to `abe69-129`')])
  })

  it('a DocFX cross-reference shorthand line is not prose', () => {
    expect(findings(`${pair('8c3a1-130', 'Siehe auch:', 'See also:')}\n\n@System.Windows.Forms.Control.Text\n\n- @Microsoft.Extensions.Logging.ILogger.BeginScope*\n`)).toEqual([])
  })

  it('table rows GFM pads or trims without changing the page: no table-shape', () => {
    const header = `|${pair('8c3a1-140', 'Einstellung', 'Setting')}|${pair('8c3a1-141', 'Wert', 'Value')}|${pair('8c3a1-142', 'Hinweis', 'Note')}|\n|:---|:---|:---|\n`
    // A row of empty cells shorter than the delimiter row, a row whose last cell is empty after a trailing
    // `|` (two cells of three), and a row with an empty extra cell.
    const rows = `|||\n|${pair('8c3a1-143', 'Modus', 'Mode')}| |\n|${pair('8c3a1-144', 'Ebene', 'Level')}|2|3| |\n`
    expect(findings(header + rows)).toEqual([])
    // A `|` in a target that the source does not have: one incident, reported once, on the pair.
    const broken = rows.replace(pair('8c3a1-144', 'Ebene', 'Level'), pair('8c3a1-144', 'Ebene | Stufe', 'Level'))
    expect(findings(header + broken)).toEqual([[9, 'error', 'pair-split-across-cells']])
    // A backslash ending a target escapes the row's next `|`: only the row shows it.
    const escaped = rows.replace(pair('8c3a1-143', 'Modus', 'Mode'), pair('8c3a1-143', 'Modus C:\\Daten\\', 'Mode C:\\Data'))
    expect(findings(header + escaped)).toEqual([[8, 'error', 'table-shape']])
  })

  it('one incident, one finding: a pair flattened to plain text is prose-outside-pair only, not id-gap too', () => {
    const markdown = `${pair('8c3a1-150', 'Öffnen Sie die Einstellungen.', 'Open the settings.')} Wählen Sie dann die Registerkarte Sicherheit aus. ${pair('8c3a1-152', 'Speichern Sie.', 'Save.')}\n`
    expect(findings(markdown)).toEqual([[5, 'warning', 'prose-outside-pair']])
    // Without the flattened text, the missing number is reported.
    expect(findings(markdown.replace(' Wählen Sie dann die Registerkarte Sicherheit aus.', ''))).toEqual([[5, 'warning', 'id-gap']])
  })

  it('HTML `<pre>` blocks and DocFX code includes and includes are not prose', () => {
    const markdown = `${pair('8c3a1-160', 'Die Ausgabe:', 'The output:')}\n\n<pre>\nThe operation completed successfully on all mailboxes.\n\nNo further action is required from the administrator.\n</pre>\n\n[!code-json [Sample settings file for the service](../samples/appsettings.json)]\n\n[!INCLUDE [Microsoft 365 Defender rebranding notice](../includes/microsoft-defender.md)]\n\n[!code-csharp[Main method of the sample program](../samples/Program.cs?range=1-12&highlight=3)]\n`
    expect(findings(markdown)).toEqual([])
  })
})
