#!/usr/bin/env bash
# tests/bench/idle-cpu.sh BUILD_DIR [SECONDS]: starts the kiosk on the home screen under Xvfb
# (--windowed 1920x1080; with no Xvfb, headless with SDL_VIDEODRIVER=offscreen), waits for it to
# settle, then prints its CPU use over SECONDS (ticks from /proc/PID/stat) and its RSS and PSS
# (/proc/PID/smaps_rollup). Prints figures only; asserts nothing.
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: tests/bench/idle-cpu.sh BUILD_DIR [SECONDS]}
seconds=${2:-10}
kiosk=$build/app/zjmap-kiosk
data=$(mktemp -d)
xvfb_pid=""
kiosk_pid=""
cleanup() {
  [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  rm -rf "$data"
}
trap cleanup EXIT
if command -v Xvfb >/dev/null; then
  display=:$(( 90 + RANDOM % 400 ))
  Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
  how="Xvfb"
  DISPLAY=$display SDL_VIDEODRIVER=x11 "$kiosk" --windowed 1920x1080 --data "$data" >/dev/null 2>&1 &
else
  how="offscreen"
  SDL_VIDEODRIVER=offscreen "$kiosk" --windowed 1920x1080 --data "$data" >/dev/null 2>&1 &
fi
kiosk_pid=$!
sleep 3 # start-up and the home tiles' entrance animation
ticks() { awk '{print $14 + $15}' "/proc/$kiosk_pid/stat"; }
[ -r "/proc/$kiosk_pid/stat" ] || { echo "idle CPU: n/a (the kiosk did not start)"; exit 0; }
t0=$(ticks); sleep "$seconds"; t1=$(ticks)
hz=$(getconf CLK_TCK)
cpu=$(awk -v d=$(( t1 - t0 )) -v hz="$hz" -v s="$seconds" 'BEGIN { printf "%.2f", 100 * d / hz / s }')
rss=$(awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$kiosk_pid/status")
pss=$(awk '/^Pss:/ {printf "%.0f", $2/1024}' "/proc/$kiosk_pid/smaps_rollup" 2>/dev/null)
echo "idle_cpu_percent=$cpu seconds=$seconds rss_mib=$rss pss_mib=${pss:-n/a} via=$how"
