/**
 * The translation-quality rules (`untranslated`, `protected-token-changed`) and what they read
 * (src/check/text-tokens.ts), on pairs copied from the dev corpus.
 */
import {describe, expect, it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {check} from '../src/check/index.js'
import {doc, pair} from '../src/check/example.js'
import {isTranslatableProse, protectedTokens, proseOf} from '../src/check/text-tokens.js'

const findings = (markdown: string, rule: string) =>
  check(parse(markdown))
    .filter((message) => message.ruleId === rule)
    .map((message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.reason}`)

describe('text tokens', () => {
  it('prose is the text between codes: code, URLs and markup ends are marks no token crosses', () => {
    expect(proseOf('Click **Start**.The `Get-Mailbox` cmdlet at https://aka.ms/x \\> Security &amp; Compliance')).toBe(
      'Click \u0001Start\u0001.The \u0001 cmdlet at \u0001 > Security & Compliance'
    )
  })

  it('finds cmdlets, identifiers, files, paths, placeholders and names with digits, not products or sentence ends', () => {
    const tokens = (text: string) => protectedTokens(proseOf(text)).map((token) => `${token.kind}: ${token.text}`)
    expect(tokens('Use the **Get-MsolUser** and Set-MsolUser cmdlets with TLS 1.2 and SHA256 in Office 365.')).toEqual([
      'cmdlet: Get-MsolUser',
      'cmdlet: Set-MsolUser',
      'versioned name: TLS 1.2',
      'versioned name: SHA256',
      'versioned name: Office 365'
    ])
    expect(tokens('Save the file as UsersAndGroups.ps1 in C:\\Temp\\PST and use System.IO.FileInfo, {0} and $UserCredential.')).toEqual([
      'path: C:\\Temp\\PST',
      'file: UsersAndGroups.ps1',
      'identifier: System.IO.FileInfo',
      'placeholder: {0}',
      'placeholder: $UserCredential'
    ])
    expect(tokens('Install the Junk E-mail Reporting Add-In. Click **Start**.The files, e.g. in the format YY.MM.DD.')).toEqual([])
  })

  it('translatable prose: a sentence of common words, not code, a name or a keyword list', () => {
    expect(isTranslatableProse(proseOf('In the EAC, go to **Recipients** \\> **Contacts**.'), 'en-US')).toBe(true)
    expect(isTranslatableProse(proseOf('What can you do?'), 'en-US')).toBe(true)
    expect(isTranslatableProse(proseOf('Microsoft 365 test lab guides'), 'en-US')).toBe(false)
    expect(isTranslatableProse(proseOf('department of human services'), 'en-US')).toBe(false)
    expect(isTranslatableProse(proseOf('Write-Host &quot;Start to create an event with name: $EventName&quot;'), 'en-US')).toBe(false)
    expect(isTranslatableProse(proseOf('v=spf1 include:spf.protection.outlook.com -all'), 'en-US')).toBe(false)
  })
})

describe('untranslated', () => {
  // OfficeDocs-O365SecComp-pr.zh-TW/SecurityCompliance/bulk-import-external-contacts.md:122
  const sentence = pair('b1684-163', 'In the EAC, go to **Recipients** \\> **Contacts**.', 'In the EAC, go to **Recipients** \\> **Contacts**.')
  it('reports a sentence left in the source language', () => {
    expect(findings(doc(`${sentence}\n`, 'zh-TW'), 'untranslated')).toEqual(['5:31 warning Target of `b1684-163` is its source, untranslated (the document is `zh-TW`)'])
  })
  it('says nothing without a target language, or in a document in the source language', () => {
    expect(findings(`${sentence}\n`, 'untranslated')).toEqual([])
    expect(findings(doc(`${sentence}\n`, 'en-GB'), 'untranslated')).toEqual([])
  })
})

describe('protected-token-changed', () => {
  it('names the token and what the target has instead', () => {
    // OfficeDocs-Enterprise-pr.ja-JP/Enterprise/powershell/disable-access-to-services-with-office-365-powershell.md:106
    const lowered = pair('8a3ba-131', '_All_パラメーターを使用せずに**get-msoluser**コマンドレットを使用すると、最初の500ユーザーアカウントのみが返されます。', 'If you use the **Get-MsolUser** cmdlet without using the _All_ parameter, only the first 500 user accounts are returned.')
    // microsoft-365-docs-pr.nl-NL/microsoft-365/admin/basic-mobility-security/get-details-about-managed-devices.md:167
    const translated = pair('94004-178', 'Als ($users. Aantal -eq 0)', 'If ($users.Count -eq 0)')
    // OfficeDocs-O365SecComp-pr.de-DE/SecurityCompliance/use-network-upload-to-import-rms-encrypted-pst-files.md:243
    const spaced = pair('71620-243', 'Das liegt daran, dass beim Ausführen von "o365importtool. exe in Schritt 5 das AzCopy-Tool an diesem Speicherort gesucht wird.', "That's because when you run the O365ImportTool.exe in Step 5, it looks for the AzCopy tool in this location.")
    expect(findings(doc(`${lowered}\n\n${translated}\n\n${spaced}\n`, 'ja-JP'), 'protected-token-changed')).toEqual([
      '5:31 warning Target of `8a3ba-131` does not keep what must not be translated: cmdlet `Get-MsolUser` written `get-msoluser`',
      '7:31 warning Target of `94004-178` does not keep what must not be translated: placeholder `$users.Count` written `$users`',
      '9:31 warning Target of `71620-243` does not keep what must not be translated: file `O365ImportTool.exe` written `o365importtool. exe`'
    ])
  })

  it('quotes a cmdlet whose verb machine translation changed, but not another cmdlet of the source with the same noun', async () => {
    // test/fixtures/check/renamed-cmdlet: a zh-TW Skype for Business document outside the dev corpus (SOURCE).
    const {readFileSync} = await import('node:fs')
    const renamed = readFileSync(new URL('./fixtures/check/renamed-cmdlet/input.md', import.meta.url), 'utf8')
    expect(findings(renamed, 'protected-token-changed')).toEqual([
      '4:595 warning Target of `b6ae7-111` does not keep what must not be translated: cmdlet `Test-CsTrunkConfiguration` written `new-cstrunkconfiguration`',
      '6:31 warning Target of `b6ae7-112` does not keep what must not be translated: cmdlet `Test-CsTrunkConfiguration` written `New-cstrunkconfiguration`'
    ])
    // OfficeDocs-O365SecComp-pr.zh-TW/SecurityCompliance/add-your-organization-brand-to-encrypted-messages.md:28, shortened:
    // Set-omeconfiguration is the source's own Set-OMEConfiguration, so Get-OMEConfiguration is missing, not written so.
    const both = pair('d15cc-105', '使用 Set-omeconfiguration Cmdlet。', 'Use the Get-OMEConfiguration and Set-OMEConfiguration cmdlets.')
    expect(findings(doc(`${both}\n`, 'zh-TW'), 'protected-token-changed')).toEqual([
      '5:31 warning Target of `d15cc-105` does not keep what must not be translated: cmdlet `Get-OMEConfiguration` missing; cmdlet `Set-OMEConfiguration` written `Set-omeconfiguration`'
    ])
  })

  it('tolerates what changes nothing: a host name capitalised, an acronym in lower case, a space in a product name', () => {
    const host = pair('d9f68-334', 'Outlook.office365.com に送信された ping 要求', 'A ping request sent to outlook.office365.com')
    const acronym = pair('b1684-118', 'CSV 檔案以 utf-8 儲存', 'save the CSV file with UTF-8')
    const space = pair('5ad51-275', '指定資料將會匯入至哪個 Office 365 服務。', 'Specifies the Office365 service that data will be imported to.')
    expect(findings(doc(`${host}\n\n${acronym}\n\n${space}\n`, 'zh-TW'), 'protected-token-changed')).toEqual([])
  })
})
