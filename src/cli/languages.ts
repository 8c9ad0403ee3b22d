/** `--source-lang` and `--target-lang`, shared by the commands that take them: each must be a language tag. */
import {isLanguageTag} from '../formats/xml.js'
import {UsageError} from './files.js'

export const languageArgs = {'source-lang': {type: 'string'}, 'target-lang': {type: 'string'}} as const

/** The source language (default `en-US`) and the target language of documents that do not say; a usage error for a value that is not a tag. */
export function readLanguageOptions(values: {'source-lang'?: string | undefined; 'target-lang'?: string | undefined}): {sourceLanguage: string; targetLanguage: string | undefined} {
  const sourceLanguage = values['source-lang'] ?? 'en-US'
  const targetLanguage = values['target-lang']
  for (const [option, tag] of [['--source-lang', sourceLanguage], ['--target-lang', targetLanguage]] as const) {
    if (tag !== undefined && !isLanguageTag(tag)) throw new UsageError(`${option} '${tag}' is not a language tag`)
  }
  return {sourceLanguage, targetLanguage}
}
