#!/usr/bin/env bash
# expect-fail.sh TESTDRIVE MODE EVENTS WANT: with ZJ_MONKEY_SELFTEST=MODE (abort|leak|stuck) the monkey
# must exit non-zero with one line containing WANT and naming the seed: proof that each of its
# detectors fires.
set -u
kiosk=$1; mode=$2; events=$3; want=$4
err=$(ZJ_MONKEY_SELFTEST=$mode SDL_VIDEODRIVER=offscreen "$kiosk" --monkey "$events" --seed 5 \
      --viewport 640x360 --data "${TMPDIR:-/tmp}/zj-monkey-selftest-$$" 2>&1 >/dev/null); rc=$?
rm -rf "${TMPDIR:-/tmp}/zj-monkey-selftest-$$"
echo "$err" | tail -5
[ "$rc" != 0 ] || { echo "expected the monkey to fail with ZJ_MONKEY_SELFTEST=$mode"; exit 1; }
grep "FAIL" <<<"$err" | grep -q "$want" || { echo "expected a FAIL line containing '$want'"; exit 1; }
grep "FAIL" <<<"$err" | grep -q "seed 5" || { echo "expected the FAIL line to name the seed"; exit 1; }
echo "failed as expected (exit $rc)"
