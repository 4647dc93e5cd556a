#!/usr/bin/env bash
# idle-cost.sh KIOSK SCN MAX_FRAMES: the scenario passes and draws at most MAX_FRAMES frames
# (--stats), a count that does not depend on the machine's speed beyond image decodes.
set -u
kiosk=$1 scn=$2 max=$3
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
out=$(SDL_VIDEODRIVER=offscreen "$kiosk" --scenario "$scn" --data "$data" --stats 2>&1); rc=$?
echo "$out" | tail -3
[ "$rc" = 0 ] || { echo "the scenario failed (exit $rc)"; exit 1; }
frames=$(sed -n 's/.*frames=\([0-9]*\).*/\1/p' <<<"$out")
[ -n "$frames" ] || { echo "no frames= in --stats"; exit 1; }
[ "$frames" -le "$max" ] || { echo "drew $frames frames, expected at most $max"; exit 1; }
echo "drew $frames frames (at most $max)"
