import {it} from 'vitest'
import {parse} from '../src/document/parse.js'
import {check} from '../src/check/index.js'
import {doc, exampleMessage, pair} from '../src/check/example.js'
import {protectedTokens, proseOf} from '../src/check/text-tokens.js'
it('x', () => {
  console.log(protectedTokens(proseOf('Sign in to the M365 admin center with your O365 account.')))
  for (const text of [
    doc(`${pair('7cf4e-150', 'Melden Sie sich mit Ihrem Office 365-Konto beim Microsoft 365 Admin Center an.', 'Sign in to the M365 admin center with your O365 account.')}\n`),
    doc(`${pair('7cf4e-151', ' ', 'Run Get-Mailbox.')}\n`),
    doc('```powershell\n' + `${pair('7cf4e-152', '# get-mailbox ausführen', '# Run Get-Mailbox')}\n` + '```\n'),
  ]) console.log(check(parse(text, {path: 'x.md'})).map((x) => `${x.ruleId} ${exampleMessage(x)}`))
})
