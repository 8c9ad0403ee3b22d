import type {Rule, RuleContext} from '../rule.js'
import {pair} from '../example.js'
import {countAtOrBefore, Occurrences} from '../../document/search.js'
import type {LeafBlock} from '../../document/types.js'

const rule: Rule = {
  id: 'unclosed-comment',
  severity: 'error',
  description:
    'An HTML comment (`<!--`) in an HTML block is never closed in it. The page keeps it as raw HTML, and a browser then hides everything after it, up to the next `-->` of raw HTML (a later HTML block, or an inline comment such as `<!-- reviewed -->` in a paragraph) or the end of the page: the pairs there are extracted, but readers never see them. The finding says how many pairs it hides. (A bare `-->` in a paragraph or in code does not close it: markdown writes it as text, `--&gt;`.)',
  bad: [
    {
      title: 'A comment left open hides the rest of the page',
      markdown: `<!-- Removed in the August update\n\n${pair('90f5f-104', '**Gilt für**', '**Applies to**')}\n\n${pair('90f5f-105', 'Exchange Online Protection', 'Exchange Online Protection')}\n`,
      messages: ['1:1-1:5: error: HTML comment `<!--` is never closed: it hides the rest of the page from readers (2 pairs)']
    },
    {
      title: 'A comment in a list item, ended by its item, not closed',
      markdown: `- ${pair('90f5f-104', '**Gilt für**', '**Applies to**')}\n  <!-- TODO: link\n\n${pair('90f5f-105', 'Exchange Online Protection', 'Exchange Online Protection')}\n\n<!-- note -->\n\n${pair('90f5f-106', 'Mehr', 'More')}\n`,
      messages: ['2:3-2:7: error: HTML comment `<!--` is never closed in its block: it hides everything up to line 6 from readers (1 pair)']
    },
    {
      title: 'An inline comment in a later paragraph closes it there',
      markdown: `- ${pair('90f5f-104', '**Gilt für**', '**Applies to**')}\n  <!-- TODO: link\n\n${pair('90f5f-105', 'Exchange Online Protection', 'Exchange Online Protection')}\nSiehe auch: <!-- reviewed --> ${pair('90f5f-106', 'SharePoint Online', 'SharePoint Online')}\n\n${pair('90f5f-107', 'Mehr', 'More')}\n`,
      messages: ['2:3-2:7: error: HTML comment `<!--` is never closed in its block: it hides everything up to line 5 from readers (1 pair)']
    },
    {
      title: 'A `-->` in code or in a link title does not close it (markdown escapes it)',
      markdown: `- ${pair('90f5f-104', '**Gilt für**', '**Applies to**')}\n  <!-- TODO: link\n\n${pair('90f5f-105', 'Ein Kommentar endet mit \`-->\`:', 'A comment ends with \`-->\`:')}\n\n    <!-- Kommentar -->\n\n[comments]: https://developer.mozilla.org/docs/Web/HTML/Comments "HTML comments: <!-- -->"\n\n${pair('90f5f-106', 'Mehr', 'More')}\n`,
      messages: ['2:3-2:7: error: HTML comment `<!--` is never closed: it hides the rest of the page from readers (2 pairs)']
    }
  ],
  good: [
    {title: 'A comment closed over several lines hides what it means to hide', markdown: `<!--\n${pair('90f5f-104', '**Gilt für**', '**Applies to**')}\n-->\n\n${pair('90f5f-105', 'Exchange Online Protection', 'Exchange Online Protection')}\n`, messages: []},
    {title: 'An unclosed `<!--` in a paragraph is text, shown as written', markdown: `${pair('90f5f-104', 'Tippen Sie <!-- ein', 'Type <!-- in')}\n`, messages: []},
    {title: 'An empty comment `<!-->` closes itself, as browsers read it', markdown: `<!-->\n\n${pair('90f5f-104', '**Gilt für**', '**Applies to**')}\n`, messages: []},
    {title: 'An inline comment closed on its line', markdown: `${pair('90f5f-104', '**Gilt für**', '**Applies to**')} <!-- reviewed -->\n\n${pair('90f5f-105', 'Exchange Online Protection', 'Exchange Online Protection')}\n`, messages: []}
  ],
  check(context) {
    const {text} = context
    const pairs = context.facts.pairs
    // Every block asks from its start: remembered searches read the text about once (thousands of HTML blocks).
    const found = new Occurrences(text)
    // The comment still open from an earlier HTML block: where its `<!--` is, and where that block ends.
    let open = -1
    let openEnd = 0
    for (const block of context.document.blocks) {
      if (block.kind !== 'html') {
        // Raw inline HTML of a paragraph, heading or table row closes it too (code and definitions are escaped).
        if (open >= 0 && block.kind !== 'code' && block.kind !== 'definition') {
          const close = inlineClose(context, block)
          if (close >= 0) {
            report(context, open, openEnd, close, pairs)
            open = -1
          }
        }
        continue
      }
      let at = block.start
      for (;;) {
        if (open >= 0) {
          const close = found.next('-->', at)
          if (close < 0 || close >= block.end) break
          report(context, open, openEnd, close, pairs)
          open = -1
          at = close + 3
        }
        const start = found.next('<!--', at)
        if (start < 0 || start >= block.end) break
        open = start
        openEnd = block.end
        // Its `-->` may overlap it: `<!-->` and `<!--->` are empty comments, closed where they open.
        at = start
      }
    }
    if (open >= 0) report(context, open, openEnd, text.length, pairs)
  }
}

/**
 * Where raw inline HTML of a paragraph, heading or table row ends a comment left open by an earlier HTML block:
 * the first `-->` inside an inline comment (`<!-- reviewed -->`) or tag, which markdown writes as it is. A bare
 * `-->` there is text (written `--&gt;`), as it is in code: -1 when the block holds no raw `-->`.
 */
function inlineClose(context: RuleContext, block: LeafBlock): number {
  const inline = context.text.slice(block.start, block.end)
  // Most blocks hold no `-->` at all: only those that do are read as inline markdown.
  if (!inline.includes('-->')) return -1
  let at = block.start
  for (const token of context.facts.tokens(inline)) {
    if (token.type === 'text') {
      at += token.value.length
      continue
    }
    const close = token.kind === 'html' ? token.data.indexOf('-->') : -1
    if (close >= 0) return at + close
    at += token.data.length
  }
  return -1
}

/**
 * Report the comment opened at `open` in a block ending at `blockEnd`, which a browser ends at `close`
 * (a `-->` in a later HTML block or inline HTML, or the end of the text), with the pairs that start inside it. A comment
 * its own block closes is none of this: `close` is then inside the block and nothing is reported.
 */
function report(context: RuleContext, open: number, blockEnd: number, close: number, pairs: Int32Array): void {
  if (close < blockEnd) return
  // Pairs are in file order: the count between two offsets is a difference of two searches.
  const before = (offset: number): number => countAtOrBefore(pairs.length / 2, offset, (index) => pairs[index * 2]!)
  // No pair starts at `open` or `close` (a `<!--` and a `-->` are there): the pairs starting between the two.
  const hidden = before(close) - before(open)
  const count = `${hidden} ${hidden === 1 ? 'pair' : 'pairs'}`
  const reason =
    close >= context.text.length
      ? `HTML comment \`<!--\` is never closed: it hides the rest of the page from readers (${count})`
      : `HTML comment \`<!--\` is never closed in its block: it hides everything up to line ${context.point(close).line} from readers (${count})`
  context.report(reason, context.position(open, open + 4))
}
export default rule
