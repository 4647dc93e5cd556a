#!/usr/bin/env bash
# The staff panel's volume reaches the video player (libmpv reports it back) and outlives a
# restart (DATA/staff-volume).
# Usage: staff-volume.sh KIOSK
set -euo pipefail
kiosk=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/zjmap-volume.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/data"
run() {
    SDL_VIDEODRIVER=offscreen "$kiosk" --scenario "$here/staff/$1.scn" --shots "$work/shots" \
        --data "$work/data" >"$work/$1.log" 2>&1 || {
        echo "FAIL: scenario $1:"
        grep -v libcuda "$work/$1.log" | tail -n 20
        exit 1
    }
}
run volume-up
grep -q "staff: volume 90 (the video player reports 90)" "$work/volume-up.log" || {
    echo "FAIL: the video player did not report volume 90:"
    grep "staff: volume" "$work/volume-up.log" || echo "(no volume line)"
    exit 1
}
[ "$(cat "$work/data/staff-volume")" = 90 ] || { echo "FAIL: DATA/staff-volume is not 90"; exit 1; }
run volume-kept
echo "staff volume: ok (mpv reports it; kept across a restart)"
