#!/usr/bin/env bash
# Shows that the tests issue 20 found vacuous now fail when what each guards is broken: each case breaks one
# thing in a throw-away worktree of HEAD, runs that one test alone (as a reviewer would), and expects it to FAIL.
# Usage: bash scripts/break-guarded.sh   (from the repository, ../shared beside it; about three minutes).
# Exit 0 when every case fails as it should.
set -u
repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d /tmp/sxs-break-XXXXXX)
git -C "$repo" worktree add --detach "$work/tree" HEAD >/dev/null 2>&1
ln -s "$repo/node_modules" "$work/tree/node_modules"
cd "$work/tree"
failed=0

# swap FILE OLD NEW: replace the literal text OLD (which must be there) by NEW.
swap() {
  python3 - "$@" <<'PY'
import sys
path, old, new = sys.argv[1:4]
text = open(path).read()
if old not in text: sys.exit(f'break-guarded: {old!r} not found in {path}')
open(path, 'w').write(text.replace(old, new, 1))
PY
}

# expect_failure NAME TEST_FILE TEST_NAME: run after the break; the worktree is reset afterwards.
expect_failure() {
  local name=$1 file=$2 test=$3
  if npx vitest run "$file" -t "$test" >"$work/log" 2>&1; then
    echo "STILL PASSES  $name"; failed=1
  elif grep -qE "(Tests|Test Files) .*[0-9]+ failed" "$work/log"; then
    echo "fails         $name"
  else
    cp "$work/log" /tmp/sxs-break.log; echo "DID NOT RUN   $name (log: /tmp/sxs-break.log)"; failed=1
  fi
  git checkout -q -- . && git clean -qfd -e node_modules
}

swap src/check/rules/untranslated.ts '    for (const segment of context.document.segments) {' '    context.report("x", {line: 1, column: 1})
    for (const segment of context.document.segments) {'
expect_failure "check-corpus: a warning on every file; the quarter-of-files test run alone" test/check-corpus.test.ts "no rule fires"

swap src/check/rules/duplicate-id.ts '    const first = context.facts.ids.first' '    context.report("x", {line: 1, column: 1})
    const first = context.facts.ids.first'
expect_failure "check-corpus: an error on every file; the most-files-clean test run alone" test/check-corpus.test.ts "most files have no error"

swap src/cli/engine/cache.ts '${JSON.stringify(options)}' '${typeof options}'
expect_failure "cache: a key that ignores the check options" test/cache.test.ts "keys on the check options"

rm docs/rules.md
expect_failure "check-docs: docs/rules.md missing" test/check-docs.test.ts "is up to date"

swap src/check/rules/empty-target.ts "severity: 'error'" "severity: 'warning'"
expect_failure "check-docs: a rule's severity changed" test/check-docs.test.ts "is up to date"

swap src/merge/index.ts 'if (unit.source !== undefined && !sameText(unit.source, segment.source)) {' 'if (unit.source !== undefined && !sameText(unit.source, segment.source) && unit.source === "\u0000") {'
rm test/fixtures/merge/stale-source/output.md test/fixtures/merge/stale-source/messages.txt
expect_failure "merge fixtures: stale-source check removed and the case's expected files deleted" test/merge.test.ts "stale-source"

(cd test/fixtures/merge && rm -r allow-stale codes reference-excerpt stale-source structure-guards)
expect_failure "merge fixtures: 5 of the 6 case folders gone" test/merge.test.ts "merge fixtures"

rm test/fixtures/render/help-and-support-for-eop/localized.md
expect_failure "render fixtures: the expected localized document deleted" test/render.test.ts "gives the localized"

swap src/formats/xliff12.ts '  for (const document of documents) yield* file(document)' '  for (const document of documents) {
    yield* file(document)
    yield* file(document)
  }'
expect_failure "out: extraction broken (every unit twice), the committed out/ left as it was" test/out.test.ts "extracts the reference document"

cd "$repo"; git worktree remove --force "$work/tree"; rm -rf "$work"
exit $failed
