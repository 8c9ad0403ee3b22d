/**
 * The work `sxs extract` does on one file, as a pure function of its bytes and options (so that it can
 * run in a worker thread and be cached): decode, parse, serialize every selected format. Writing the
 * outputs and reporting stay with the command, in the main thread.
 */
import {parse} from '../../document/parse.js'
import {createMessage} from '../../document/messages.js'
import type {VFileMessage} from 'vfile-message'
import type {BilingualDocument} from '../../document/types.js'
import {writeFormats, XmlCharError} from '../../formats/index.js'
import {isLanguageTag} from '../../formats/xml.js'
import {createLocator} from '../../document/positions.js'
import {decodeUtf8} from '../files.js'
import {documentFailure} from '../report.js'
import {toPlain, type PlainMessage} from './messages.js'
import {blobRef, unhashedBlobRef} from '../blob.js'
import type {ExtractOptions, ExtractResult} from './extract-result.js'

export {formats, isExtractResult, type ExtractOptions, type ExtractResult, type FormatName} from './extract-result.js'

/**
 * Errors that are reported while the pairs are still extracted: front matter that is not YAML (machine
 * translation sometimes wraps it in a pair) costs only its title and description, not the page's segments.
 */
const extractedDespite = new Set(['front-matter-yaml'])

export function extractFile(bytes: Uint8Array, options: ExtractOptions): ExtractResult {
  const messages: PlainMessage[] = []
  let document: BilingualDocument | undefined
  let text: string | undefined
  try {
    text = decodeUtf8(bytes)
    // Decided before parsing: such a file is not sxs's to read (its front matter either).
    if (!text.includes('data-ttu-id') && !text.includes('sxs-lookup')) {
      messages.push(toPlain(createMessage('Not a bilingual document (no `data-ttu-id` pair): nothing to extract, skipped', {ruleId: 'not-bilingual', place: {line: 1, column: 1, offset: 0}, fatal: false})))
      return {messages, segments: 0, outputs: null, error: null, skipped: true}
    }
    document = parse(text, {path: options.relative, sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage})
    messages.push(...document.messages.map(toPlain))
    const language = targetLanguageMessage(text, document, options.targetLanguage)
    if (language) messages.push(toPlain(language))
  } catch (error) {
    messages.push(toPlain(documentFailure(error, text)))
  }
  const segments = document?.segments.length ?? 0
  if (!document || messages.some((message) => message.fatal === true && !extractedDespite.has(message.ruleId ?? ''))) return {messages, segments, outputs: null, error: null, skipped: false}
  // Serialize every format first, so that a failure leaves all of this file's outputs as they were.
  try {
    const outputs = writeFormats(document, options.formats, {copySource: options.copySource}, options.hash === false ? unhashedBlobRef : blobRef)
    return {messages, segments, outputs, error: null, skipped: false}
  } catch (error) {
    if (!(error instanceof XmlCharError)) throw error
    return {messages, segments, outputs: null, error: error.message, skipped: false}
  }
}

/**
 * A warning when the outputs' target language is not known for sure: no `ms.contentlocale` and no
 * --target-lang (the outputs are still written, XLIFF 2.0 saying `und` as it must with targets; but a CAT
 * tool takes its language pair from them), a value that is not a language tag, or one that differs from
 * --target-lang (the document's wins). Placed at the `ms.contentlocale` line when there is one.
 */
function targetLanguageMessage(text: string, document: BilingualDocument, given: string | undefined): VFileMessage | undefined {
  const written = document.frontMatter?.data['ms.contentlocale']
  const target = document.languages.target
  let reason: string
  if (target === undefined) reason = 'No `ms.contentlocale` in the front matter: the target language is unknown (`und`); give it with --target-lang'
  else if (!isLanguageTag(target)) reason = `\`ms.contentlocale: ${target}\` is not a language tag (BCP 47, e.g. \`zh-CN\`): the XLIFF says \`und\``
  else if (given !== undefined && written === target && target.toLowerCase() !== given.toLowerCase()) reason = `\`ms.contentlocale: ${target}\` differs from --target-lang ${given}: the document's is used`
  else return undefined
  const front = document.frontMatter?.position
  const key = front ? text.indexOf('ms.contentlocale', front.start.offset) : -1
  const place = front && key >= 0 && key < front.end.offset ? createLocator(text).point(key) : {line: 1, column: 1, offset: 0}
  return createMessage(reason, {ruleId: 'target-language', place, fatal: false})
}
