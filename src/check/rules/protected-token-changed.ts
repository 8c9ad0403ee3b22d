import type {Rule} from '../rule.js'
import {doc, pair} from '../example.js'
import {looseMatch} from '../loose-match.js'
import {mayHoldProtectedTokens, protectedTokens, proseOf, spaced, visibleText, type ProtectedToken} from '../text-tokens.js'
import {isBlank} from '../../inline/char-codes.js'

/** A letter or digit of a script that separates words with spaces, or a mark on one. */
const spacedWordCharacter = '[\\p{sc=Latin}\\p{sc=Cyrillic}\\p{sc=Greek}\\p{M}\\p{N}_]'

/**
 * A token's characters in any case, with white space allowed between them (no `g`: `exec` keeps no state),
 * for a token beyond ASCII (`looseMatch` reads the others without a pattern). Compiled once per token text
 * and document (`patterns`, made by `check`): the same tokens recur in a page. Per document, not per module:
 * check keeps no state between runs.
 */
function loosePattern(text: string, patterns: Map<string, RegExp>): RegExp {
  let pattern = patterns.get(text)
  if (pattern === undefined) {
    pattern = new RegExp([...text.replace(/\s+/g, '')].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'i')
    patterns.set(text, pattern)
  }
  return pattern
}

/** What the target has instead of a token: the same letters in another case, else the most alike token of its kind. */
function instead(token: ProtectedToken, target: string, targetTokens: ProtectedToken[], sourceTokens: readonly ProtectedToken[], patterns: Map<string, RegExp>): string | undefined {
  // The same characters in another case, or with spaces put in (`o365importtool. exe`).
  const judged = looseMatch(token.text, target)
  const loose = judged === null ? loosePattern(token.text, patterns).exec(target)?.[0] : judged
  if (loose !== undefined) return loose
  // A cmdlet whose verb the translation changed and whose noun it lower-cased (`Test-CsTrunkConfiguration`
  // written `New-cstrunkconfiguration`): no longer a cmdlet to the token patterns, but the name is there.
  // Not another cmdlet of the source with the same noun (`Get-X` and `Set-X` in one sentence): that one is
  // its own token.
  if (token.kind === 'cmdlet') {
    const noun = token.text.slice(token.text.indexOf('-') + 1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    for (const renamed of target.matchAll(new RegExp(`(?<![\\w-])[A-Za-z]+-${noun}(?![\\w-])`, 'gi'))) {
      if (!sourceTokens.some((other) => other.kind === 'cmdlet' && other.text.toLowerCase() === renamed[0].toLowerCase())) return renamed[0]
    }
  }
  const lower = token.text.toLowerCase()
  let best: string | undefined
  let bestCommon = 0
  for (const other of targetTokens) {
    if (other.kind !== token.kind) continue
    let common = 0
    while (common < lower.length && lower[common] === other.text[common]?.toLowerCase()) common++
    if (common > bestCommon && common >= Math.min(4, lower.length - 1)) {
      bestCommon = common
      best = other.text
    }
  }
  // The target's token patterns read ASCII: quote the word as the target writes it (`Microsoft.Quantum.Oráculos`,
  // not `Microsoft.Quantum.Or`).
  return best === undefined ? undefined : wholeWord(target, best)
}

/** `part` with the letters and digits that follow it in `text` (where `text` holds it), else `part`. */
function wholeWord(text: string, part: string): string {
  const at = text.indexOf(part)
  if (at < 0) return part
  return part + (wordCharacters.exec(text.slice(at + part.length))?.[0] ?? '')
}

/** The letters and digits a text starts with (no `g`: `exec` keeps no state). */
const wordCharacters = new RegExp(`^${spacedWordCharacter}*`, 'u')

/**
 * Differences that change nothing: the case of a host name (`Outlook.office365.com` at the start of a
 * sentence), of an acronym (`utf-8`) or of a PowerShell variable (`$upn`, `$UPN`: one variable), and the
 * spaces in a name with digits (`Office365`, `Office 365`).
 */
function tolerated(token: ProtectedToken, other: string): boolean {
  const same = token.text.toLowerCase() === other.toLowerCase()
  if (same && token.kind === 'placeholder' && token.text.startsWith('$')) return true
  if (same && token.kind === 'identifier' && token.text === token.text.toLowerCase()) return true
  if (same && token.kind === 'versioned name' && !/[a-z]/.test(token.text)) return true
  return token.kind === 'versioned name' && token.text.replace(/\s+/g, '') === other.replace(/\s+/g, '')
}

function show(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``
}

const rule: Rule = {
  id: 'protected-token-changed',
  severity: 'warning',
  description:
    'A token in the prose of a source that a translation must keep as it is does not come through in its target: a cmdlet name (`Get-ChildItem`), a dotted identifier (`System.IO.FileInfo`), a file name or path (`setup.exe`, `C:\\Temp`, `%ProgramFiles%`), a placeholder (`{0}`, `%s`, `$var`), a name with digits (`SHA256`, `TLS 1.2`, `Office 365`). The message names the token and what the target has instead (the same letters in another case, a similar token, the noun of a cmdlet after another verb) or that it is missing. Tokens are read from the text between the inline codes of `src/inline` and looked for in what the target shows (not in its link destinations); inline code and link destinations themselves are compared by `inline-markup`. A warning: it judges translation quality, not alignment.',
  bad: [
    {title: 'A cmdlet name lower-cased, a version dropped', markdown: doc(`${pair('7cf4e-140', 'Verwenden Sie die Cmdlets get-msoluser und Set-MsolUser mit TLS.', 'Use the Get-MsolUser and Set-MsolUser cmdlets with TLS 1.2.')}\n`), messages: ['5:31-5:95: warning: Target of `7cf4e-140` does not keep what must not be translated: cmdlet `Get-MsolUser` written `get-msoluser`; versioned name `TLS 1.2` missing']},
    {title: 'An identifier translated with letters beyond ASCII (quoted as the target writes it)', markdown: doc(`${pair('7cf4e-143', 'Veja o namespace Microsoft.Quantum.Oráculos.', 'See the Microsoft.Quantum.Oracles namespace.')}\n`), messages: ['5:31-5:75: warning: Target of `7cf4e-143` does not keep what must not be translated: identifier `Microsoft.Quantum.Oracles` written `Microsoft.Quantum.Oráculos`']},
    {
      title: '`M365` and `O365` dropped, and a tool named after `O365` written out (a file name is not a product name)',
      markdown: doc(`${pair('7cf4e-148', 'Öffnen Sie das Admin Center.', 'Open the M365 admin center.')} ${pair('7cf4e-149', 'Melden Sie sich mit Ihrem Konto an.', 'Sign in with your O365 account.')} ${pair('7cf4e-150', 'Führen Sie das Office 365-Importtool aus.', 'Run O365ImportTool.exe.')}\n`),
      messages: [
        '5:31-5:59: warning: Target of `7cf4e-148` does not keep what must not be translated: versioned name `M365` missing',
        '5:193-5:228: warning: Target of `7cf4e-149` does not keep what must not be translated: versioned name `O365` missing',
        '5:366-5:407: warning: Target of `7cf4e-150` does not keep what must not be translated: file `O365ImportTool.exe` missing'
      ]
    },
    {
      title: 'A version changed, an identifier lower-cased (only host names and acronyms may change case)',
      markdown: doc(`${pair('7cf4e-153', 'Für Exchange Online ist TLS 1.0 erforderlich.', 'Exchange Online requires TLS 1.2.')} ${pair('7cf4e-154', 'Verwenden Sie die system.io.fileinfo-Klasse.', 'Use the System.IO.FileInfo class.')}\n`),
      messages: [
        '5:31-5:76: warning: Target of `7cf4e-153` does not keep what must not be translated: versioned name `TLS 1.2` written `TLS 1.0`',
        '5:216-5:260: warning: Target of `7cf4e-154` does not keep what must not be translated: identifier `System.IO.FileInfo` written `system.io.fileinfo`'
      ]
    },
    {
      title: 'A variable dropped: missing, not written as the other variable of the target (nor as a word of it)',
      markdown: doc(`${pair('7cf4e-155', 'Speichern Sie die Anmeldeinformationen, und stellen Sie mit $Session eine Verbindung her.', 'Store the credentials in $UserCredential and connect with $Session.')} ${pair('7cf4e-165', 'Wenn die Variable undefined ist, melden Sie sich erneut an.', 'If $UserCredential is undefined, sign in again.')}\n`),
      messages: [
        '5:31-5:120: warning: Target of `7cf4e-155` does not keep what must not be translated: placeholder `$UserCredential` missing',
        '5:294-5:353: warning: Target of `7cf4e-165` does not keep what must not be translated: placeholder `$UserCredential` missing'
      ]
    },
    {
      title: 'A variable shortened: the most alike token of the target is quoted, before or after another variable, even one alike too',
      markdown: doc(`${pair('7cf4e-156', 'Stellen Sie mit $Session eine Verbindung her, nachdem Sie die Anmeldeinformationen in $UserCred gespeichert haben.', 'Connect with $Session after you store the credentials in $UserCredential.')} ${pair('7cf4e-157', 'Speichern Sie die Anmeldeinformationen in $UserCred, und stellen Sie dann mit $Session eine Verbindung her.', 'Store the credentials in $UserCredential, then connect with $Session.')} ${pair('7cf4e-166', 'Speichern Sie die Anmeldeinformationen in $UserCred für $UserName.', 'Store the credentials of $UserName in $UserCredential.')}\n`),
      messages: [
        '5:31-5:145: warning: Target of `7cf4e-156` does not keep what must not be translated: placeholder `$UserCredential` written `$UserCred`',
        '5:325-5:432: warning: Target of `7cf4e-157` does not keep what must not be translated: placeholder `$UserCredential` written `$UserCred`',
        '5:608-5:674: warning: Target of `7cf4e-166` does not keep what must not be translated: placeholder `$UserCredential` written `$UserCred`'
      ]
    },
    {
      title: 'A stale translation: another cmdlet of the same verb, an older hash algorithm (the most alike token is quoted)',
      markdown: doc(`${pair('7cf4e-159', 'Verwenden Sie das Cmdlet Get-AzureADUser.', 'Use the Get-MsolUser cmdlet.')} ${pair('7cf4e-160', 'Zertifikate müssen mit SHA1 signiert sein.', 'Certificates must be signed with SHA2.')}\n`),
      messages: [
        '5:31-5:72: warning: Target of `7cf4e-159` does not keep what must not be translated: cmdlet `Get-MsolUser` written `Get-AzureADUser`',
        '5:207-5:249: warning: Target of `7cf4e-160` does not keep what must not be translated: versioned name `SHA2` written `SHA1`'
      ]
    },
    {
      title: 'What only case or spacing tolerates, changed otherwise: a host name, a file name spaced, a template placeholder lower-cased',
      markdown: doc(`${pair('7cf4e-162', 'Senden Sie eine Ping-Anforderung an outlook.office.com.', 'Send a ping request to outlook.office365.com.')} ${pair('7cf4e-163', 'Führen Sie setup. exe aus.', 'Run setup.exe.')} ${pair('7cf4e-164', 'Hallo {{ username }},', 'Hello {{ UserName }},')}\n`),
      messages: [
        '5:31-5:86: warning: Target of `7cf4e-162` does not keep what must not be translated: identifier `outlook.office365.com` written `outlook.office.com`',
        '5:238-5:264: warning: Target of `7cf4e-163` does not keep what must not be translated: file `setup.exe` written `setup. exe`',
        '5:385-5:406: warning: Target of `7cf4e-164` does not keep what must not be translated: placeholder `{{ UserName }}` written `{{ username }}`'
      ]
    },
    {title: 'An identifier translated at the start of the target (quoted whole)', markdown: doc(`${pair('7cf4e-158', 'Microsoft.Quantum.Oráculos é um namespace.', 'Microsoft.Quantum.Oracles is a namespace.')}\n`), messages: ['5:31-5:73: warning: Target of `7cf4e-158` does not keep what must not be translated: identifier `Microsoft.Quantum.Oracles` written `Microsoft.Quantum.Oráculos`']},
    {title: 'A placeholder translated', markdown: doc(`${pair('7cf4e-141', 'Ersetzen Sie {Name} durch den Namen.', 'Replace {0} with the name.')}\n`), messages: ['5:31-5:67: warning: Target of `7cf4e-141` does not keep what must not be translated: placeholder `{0}` missing']}
  ],
  good: [
    {title: 'The tokens kept, the sentence translated', markdown: doc(`${pair('7cf4e-140', 'Verwenden Sie die Cmdlets Get-MsolUser und Set-MsolUser mit TLS 1.2.', 'Use the Get-MsolUser and Set-MsolUser cmdlets with TLS 1.2.')}\n`), messages: []},
    {title: 'A token formatted as code in the target', markdown: doc(`${pair('7cf4e-142', 'Führen Sie `setup.exe` aus.', 'Run setup.exe.')}\n`), messages: []},
    {
      title: 'A name with digits written without its space, a PowerShell variable in another case (one variable to PowerShell)',
      markdown: doc(`${pair('7cf4e-151', 'Für Exchange Online ist TLS1.2 erforderlich.', 'Exchange Online requires TLS 1.2.')} ${pair('7cf4e-152', 'Führen Sie Connect-ExchangeOnline -Credential $usercredential aus.', 'Run Connect-ExchangeOnline -Credential $UserCredential.')}\n`),
      messages: []
    },
    {title: '`M365` and `O365` written out in full', markdown: doc(`${pair('7cf4e-144', 'Öffnen Sie das Microsoft 365 Admin Center.', 'Open the M365 admin center.')} ${pair('7cf4e-145', 'Melden Sie sich mit Ihrem Office 365-Konto an.', 'Sign in with your O365 account.')}\n`), messages: []},
    {title: 'An empty target: empty-target reports the pair, not each token missing', markdown: doc(`${pair('7cf4e-147', ' ', 'Run Get-Mailbox.')}\n`), messages: []},
    {title: 'A pair read as code (pair-in-code reports it): the page shows its tags, not its tokens', markdown: doc(`\`\`\`powershell\n${pair('7cf4e-146', '# get-mailbox ausführen', '# Run Get-Mailbox')}\n\`\`\`\n`), messages: []}
  ],
  check(context) {
    const patterns = new Map<string, RegExp>()
    for (const segment of context.document.segments) {
      if (segment.context.kind === 'code' || segment.source === segment.target || isBlank(segment.target) || !mayHoldProtectedTokens(segment.source)) continue
      const tokens = protectedTokens(proseOf(segment.source, context.facts.tokens))
      if (tokens.length === 0) continue
      // What the target shows (not its link destinations: a cmdlet name in a URL is not on the page).
      const target = spaced(visibleText(segment.target, context.facts.tokens))
      const changed: string[] = []
      let targetTokens: ProtectedToken[] | undefined
      for (const token of tokens) {
        if (target.includes(spaced(token.text))) continue
        targetTokens ??= protectedTokens(proseOf(segment.target, context.facts.tokens))
        const other = instead(token, target, targetTokens, tokens, patterns)
        if (other !== undefined && tolerated(token, other)) continue
        // `M365`, `O365` written out in full.
        if (/^[MO]365$/.test(token.text) && target.includes(token.text.startsWith('M') ? 'Microsoft 365' : 'Office 365')) continue
        changed.push(other === undefined ? `${token.kind} ${show(token.text)} missing` : `${token.kind} ${show(token.text)} written ${show(other)}`)
      }
      if (changed.length === 0) continue
      context.report(`Target of \`${segment.id}\` does not keep what must not be translated: ${changed.join('; ')}`, segment.position.target, {segment})
    }
  }
}
export default rule
