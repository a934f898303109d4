#!/usr/bin/env bash
# Runs `api-diff breaking` and writes a Markdown report suitable for a pull-request comment.
# usage: scripts/api-diff-report.sh BASE REVISION [ERR|WARN] [REPORT.md] [client|server]
# The fifth argument is api-diff's --written-by (who an AsyncAPI 3 pair describes); warnings api-diff
# prints (such as that guess) go into the report too.
# Exit codes are api-diff's: 0 no change at or above the level, 1 breaking changes, 2 bad input.
# The api-diff run is this repository's own build (packages/diff), or $API_DIFF_BIN: never a
# package fetched by name (on npm, `api-diff` is someone else's package).
set -uo pipefail
base=${1:?usage: api-diff-report.sh BASE REVISION [ERR|WARN] [REPORT.md] [client|server]}
revision=${2:?usage: api-diff-report.sh BASE REVISION [ERR|WARN] [REPORT.md] [client|server]}
level=${3:-ERR}
report=${4:-api-diff-report.md}
side=()
[ -n "${5:-}" ] && side=(--written-by "$5")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${API_DIFF_BIN:-$here/packages/diff/bin/api-diff.js}
if [ ! -f "$bin" ] || { [ -z "${API_DIFF_BIN:-}" ] && [ ! -f "$here/packages/diff/dist/cli.js" ]; }; then
  echo "$bin: error [api-diff-missing] the api-diff of this repository is not built" >&2
  echo "    hint: run 'npm ci && npm run build' in $here, or set API_DIFF_BIN to an api-diff executable." >&2
  exit 2
fi
errfile=$(mktemp)
trap 'rm -f "$errfile"' EXIT
# an executable bin runs itself (ours starts Node with its flags through sh); a file that is not
# executable (a .js of another build) is given to node
if [ -x "$bin" ]; then run=("$bin"); else run=(node "$bin"); fi
out=$("${run[@]}" breaking "$base" "$revision" --format markdown --fail-on "$level" ${side[@]+"${side[@]}"} 2>"$errfile")
code=$?
{
  echo "## API breaking-change check"
  echo
  echo "\`$base\` → \`$revision\` (fail on $level)"
  echo
  case $code in
    0) echo "No change at or above $level." ; [ -n "$out" ] && { echo; echo "$out"; } ;;
    1) echo "$out" ;;
    *) echo "The check could not run:"; echo; echo '```'; cat "$errfile"; echo '```' ;;
  esac
  if [ "$code" -le 1 ] && [ -s "$errfile" ]; then echo; echo "Warnings:"; echo; echo '```'; cat "$errfile"; echo '```'; fi
} > "$report"
cat "$errfile" >&2
cat "$report"
exit $code
