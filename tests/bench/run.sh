#!/usr/bin/env bash
# tests/bench/run.sh BUILD_DIR: prints one benchmark table. Figures are printed, never asserted;
# what is not built yet prints n/a. Called by `bash scripts/dev.sh bench`.
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: tests/bench/run.sh BUILD_DIR}
kiosk=$build/app/zjmap-kiosk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=offscreen
row() { printf '| %-44s | %-22s | %s\n' "$1" "$2" "$3"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Start-up: launch to a written 1920x1080 screenshot (a scenario with one `shot`), 5 runs.
printf 'viewport 1920x1080\nshot home\n' > "$tmp/shot.scn"
walls=(); firsts=(); hwm=0
for i in 1 2 3 4 5; do
  t0=$(now_ms)
  out=$("$kiosk" --scenario "$tmp/shot.scn" --shots "$tmp/shots" --data "$tmp/data" --stats 2>&1)
  walls+=($(( $(now_ms) - t0 )))
  firsts+=($(sed -n 's/.*first_frame_ms=\([0-9.]*\).*/\1/p' <<<"$out"))
  hwm=$(sed -n 's/.*vmhwm_kb=\([0-9]*\).*/\1/p' <<<"$out")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
shot_ok=$([ -s "$tmp/shots/home.png" ] && echo yes || echo NO)

echo "zjmap-kiosk benchmark ($(nproc) cores, $(date -u +%F))"
row "figure" "value" "note"
row "time to first frame" "$(median "${firsts[@]}") ms" "median of 5, from main() (--stats)"
row "launch to written 1920x1080 screenshot" "$(median "${walls[@]}") ms" "median of 5 incl. exit; png written: $shot_ok; Chromium kiosk 820 ms, aim <= 273 ms"
row "peak RSS of that run (VmHWM)" "$(( hwm / 1024 )) MiB" "Chromium 432 MiB PSS, aim <= 108 MiB"
idle=$(bash tests/bench/idle-cpu.sh "$build" 10 2>/dev/null)
row "idle CPU, home screen, 10 s" "$(sed -n 's/.*idle_cpu_percent=\([0-9.]*\).*/\1/p' <<<"$idle")% of a core" "$(sed -n 's/.*via=\(.*\)/\1/p' <<<"$idle")"
row "RSS / PSS of the idle kiosk" "$(sed -n 's/.*rss_mib=\([0-9]*\).*/\1/p' <<<"$idle") / $(sed -n 's/.*pss_mib=\([0-9a-z/]*\).*/\1/p' <<<"$idle") MiB" "/proc/PID/status, smaps_rollup"

# Frame time per screen at 1920x1080 beside an empty frame, map pan and photo open latency, all
# from one --frame-bench run of the real app (a settled screen redrawn 40 times).
fb=$("$kiosk" --frame-bench --viewport 1920x1080 --data "$tmp/data" 2>/dev/null)
bench() { sed -n "s/^bench: $1 *mean_ms=\([0-9.]*\) frames=\([0-9]*\).*/\1 ms/p" <<<"$fb"; }
row "empty frame, 1920x1080" "$(bench empty)" "ImGui + clear + swap: the floor of any frame"
for screen in home city map industry invest; do
  row "frame time, $screen, 1920x1080" "$(bench "$screen")" "settled screen redrawn, mean of 40"
done
row "map pan frame time, 1920x1080" "$(bench map-pan)" "a finger dragging the map, mean of 60"
# Photos (issue 15): libjpeg-turbo decoding to the size on screen, the viewer prefetching.
row "photo open latency" "$(bench photo-open)" "viewer 'next' until on the GPU (the neighbour is prefetched)"
pct() { sed -n "s/^bench: $1 *p50_ms=\([0-9.]*\) p95_ms=\([0-9.]*\) n=\([0-9]*\).*/p50 \1 ms, p95 \2 ms (n=\3)/p" <<<"$fb"; }
row "photo open, every demo photo, cold" "$(pct photo-cold)" "request at the viewer's box -> decoded, on the GPU, a frame drawn; aim p95 <= 60 ms"
row "thumbnail, every demo thumbnail, cold" "$(pct thumb-cold)" "the same for thumbnails; aim p95 <= 16 ms"
row "photo decode + upload, every demo photo" "$(pct photo-gpu)" "the same, no frame drawn: the part that is not llvmpipe's frame"
row "thumbnail decode + upload" "$(pct thumb-gpu)" "the same for thumbnails"
# Pack time of the demo content.
t0=$(now_ms)
if "$build/app/zjmap-pack" build content --key content/keys/dev-publisher.key --out "$tmp/bundle" >/dev/null 2>&1; then
  row "pack time, demo content" "$(( $(now_ms) - t0 )) ms" "$(du -sh "$tmp/bundle" | cut -f1) bundle"
else
  row "pack time, demo content" "n/a" "zjmap-pack build failed"
fi
# Sync: the sync engineer's benchmark (nginx on loopback), if built.
sync_exe=$build/tests/integration/integration_sync
if [ -x "$sync_exe" ]; then
  line=$("$sync_exe" --gtest_filter='SyncBench.*' 2>/dev/null | grep "full sync (empty store)")
  row "sync of the demo bundle (nginx, loopback)" \
      "$(awk '{print $(NF-1)" s"}' <<<"$line")" "$(awk '{print $NF" MB/s, full sync into an empty store"}' <<<"$line")"
else
  row "sync of the demo bundle" "n/a" "integration_sync not built"
fi
