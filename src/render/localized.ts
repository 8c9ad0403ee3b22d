/**
 * The documents a reader sees, regenerated from the bilingual one: every pair replaced by its target
 * (the localized document) or by its source (the source-language document); everything else as written.
 */
import type {BilingualDocument} from '../document/types.js'

export type Side = 'target' | 'source'

export function renderSide(document: BilingualDocument, side: Side): string {
  let text = ''
  for (const part of document.parts) text += typeof part === 'string' ? part : part[side]
  return text
}
