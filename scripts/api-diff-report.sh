#!/usr/bin/env bash
# Runs `api-diff breaking` and writes a Markdown report suitable for a pull-request comment.
# usage: scripts/api-diff-report.sh BASE REVISION [ERR|WARN] [REPORT.md]
# Exit codes are api-diff's: 0 no change at or above the level, 1 breaking changes, 2 bad input.
set -uo pipefail
base=${1:?usage: api-diff-report.sh BASE REVISION [ERR|WARN] [REPORT.md]}
revision=${2:?usage: api-diff-report.sh BASE REVISION [ERR|WARN] [REPORT.md]}
level=${3:-ERR}
report=${4:-api-diff-report.md}
bin=${API_DIFF_BIN:-npx --yes api-diff}
out=$($bin breaking "$base" "$revision" --format markdown --fail-on "$level" 2>/tmp/api-diff-stderr.$$)
code=$?
{
  echo "## API breaking-change check"
  echo
  echo "\`$base\` → \`$revision\` (fail on $level)"
  echo
  case $code in
    0) echo "No change at or above $level." ; [ -n "$out" ] && { echo; echo "$out"; } ;;
    1) echo "$out" ;;
    *) echo "The check could not run:"; echo; echo '```'; cat /tmp/api-diff-stderr.$$; echo '```' ;;
  esac
} > "$report"
cat /tmp/api-diff-stderr.$$ >&2; rm -f /tmp/api-diff-stderr.$$
cat "$report"
exit $code
