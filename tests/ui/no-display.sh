#!/usr/bin/env bash
# With no display at all the kiosk says so in one clear line (exit 3) instead of crashing;
# --version and --help need no display.
set -u
kiosk=$1
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$kiosk" --version | grep -q '^zjmap-kiosk ' || { echo "--version failed"; exit 1; }
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$kiosk" --help | grep -q -- '--scenario' || { echo "--help failed"; exit 1; }
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER XDG_RUNTIME_DIR=/nonexistent timeout 20 "$kiosk" --data /nonexistent 2>&1); rc=$?
echo "$out"
[ "$rc" = 3 ] || { echo "expected exit 3, got $rc"; exit 1; }
grep -q '^zjmap-kiosk: no display' <<<"$out" || { echo "expected a 'no display' line"; exit 1; }
