#!/usr/bin/env bash
# expect-failure.sh KIOSK FILE.scn: the scenario must exit 1 and name the line given in the
# file's first comment ("# fails at line N") and, with a "# message: REGEX" comment, match it.
set -u
kiosk=$1; scn=$2
line=$(sed -n 's/^# fails at line \([0-9]*\).*/\1/p' "$scn" | head -1)
[ -n "$line" ] || { echo "no '# fails at line N' in $scn"; exit 2; }
data=$(mktemp -d); trap 'rm -rf "$data"' EXIT
err=$(SDL_VIDEODRIVER=offscreen "$kiosk" --scenario "$scn" --data "$data" 2>&1 >/dev/null); rc=$?
echo "$err"
[ "$rc" = 1 ] || { echo "expected exit 1, got $rc"; exit 1; }
grep -q "$(basename "$scn"):$line:" <<<"$err" || { echo "expected the message to name line $line"; exit 1; }
# An optional "# message: REGEX" line: the message must match it (which rule fired).
want=$(sed -n 's/^# message: //p' "$scn" | head -1)
if [ -n "$want" ]; then
  grep -q -- "$want" <<<"$err" || { echo "expected the message to match: $want"; exit 1; }
fi
echo "failed as expected at line $line"
