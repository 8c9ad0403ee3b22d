export const usage = `Usage: sxs <command> [options]

Commands:
  extract [inputs…] [--out DIR] [--format xliff12,json] [--source-lang TAG] [--copy-source]
      Bilingual documents → aligned segments as XLIFF 1.2 and JSON, XLIFF 2.0 and PO on request (default: source-docs → out).
  check [inputs…] [--format stylish|compact|json|github|sarif] [--max-warnings N] [--config FILE] [--target-lang TAG] [--quiet]
      Validate ids, pairs and tables; exit 1 on errors (--quiet: report errors only).
  merge --doc DOC.md --translations FILE [--out OUT.md] [--allow-stale]
  merge --docs DIR --translations DIR [--out DIR] [--allow-stale]
      Write translated targets from XLIFF, JSON or PO back into the bilingual documents.
  render DOC.md… [--out DIR] [--side target|source|both] [--html]
      Regenerate the localized (and source) documents from the bilingual ones.
  tmx [inputs…] --out FILE.tmx [--source-lang TAG] [--include-all] [--tags tmx|omegat]
      A docset's pairs as one TMX 1.4b translation memory (inline codes as <bpt>/<ept>/<ph>).
  stats [inputs…] [--format table|json|csv]
      Word counts per document, language pair and in total, with check's errors and warnings.
  pseudo [inputs…] --out DIR [--format md,xliff12,xliff20,json,po] [--expansion PERCENT]
      Pseudo-translated documents (accented, longer, ⟦bracketed⟧, codes kept) to test layout and merge.
  update OLD.md NEW-EN.md --out NEW.md [--xliff todo.xlf] [--tmx todo.tmx] [--report update.json]
         [--old-english OLD-EN.md] [--memory FILE…] [--threshold 75]  (or --docs DIR --english DIR --out DIR)
      Bring a bilingual document to a new English revision; only changed sentences need translation.
  cache prune [--max-age DAYS] [--cache-dir DIR] [--dry-run]
      Delete from the cache what no run used in the last DAYS days (default 7).

Large runs (extract, check; --shard also merge, render): --shard i/n, --jobs N, --cache-dir DIR, --no-cache,
--no-progress (no progress, no summary line).
Inputs are files, folders (every *.md below) or globs. A command's options: sxs help <command>.
Exit codes: 0 clean, 1 errors in the input, 2 usage or I/O problem, 141 output closed early (sxs … | head).
`
