#!/usr/bin/env bash
# --metrics FILE: the running kiosk (its real loop, offscreen) writes a Prometheus textfile that
# node_exporter's textfile collector can read: one sample per figure, the content version shown,
# the demo bundle's signed expiry, a fresh store's first start and no restart, no sync yet.
# Usage: metrics.sh KIOSK DEMO_BUNDLE_DIR
set -euo pipefail
kiosk=$1
bundle=$2
work=$(mktemp -d /tmp/zjmap-metrics.XXXXXX)
mkdir "$work/data"
SDL_VIDEODRIVER=offscreen "$kiosk" --windowed 640x360 --data "$work/data" \
    --metrics "$work/zjmap.prom" >"$work/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    [ -s "$work/zjmap.prom" ] && break
    kill -0 $pid 2>/dev/null || { echo "FAIL: the kiosk exited:"; cat "$work/log"; exit 1; }
    sleep 0.2
done
[ -s "$work/zjmap.prom" ] || { echo "FAIL: no $work/zjmap.prom after 20 s"; exit 1; }
cat "$work/zjmap.prom"
failed=0
for name in zjmap_up zjmap_uptime_seconds zjmap_content_version zjmap_sync_cycles_total \
    zjmap_sessions_total zjmap_resident_memory_bytes zjmap_texture_cache_bytes \
    zjmap_frames_rendered_total zjmap_sync_last_success_timestamp_seconds \
    zjmap_content_expiry_timestamp_seconds zjmap_restarts_total zjmap_starts_total; do
    n=$(grep -c "^$name{kiosk=\"[^\"]*\"} [0-9.]*$" "$work/zjmap.prom" || true)
    [ "$n" = 1 ] || { echo "FAIL: $name has $n samples, want 1"; failed=1; }
    grep -q "^# TYPE $name " "$work/zjmap.prom" || { echo "FAIL: no TYPE for $name"; failed=1; }
done
grep -q '^zjmap_up{kiosk="[^"]*"} 1$' "$work/zjmap.prom" || { echo "FAIL: zjmap_up is not 1"; failed=1; }
grep -q '^zjmap_content_version{kiosk="[^"]*"} 1$' "$work/zjmap.prom" ||
    { echo "FAIL: content version is not the demo bundle's 1"; failed=1; }
# The signed expiry of the bundle on screen, as Unix time (the alert rules compare it to time()).
expires=$(sed -n 's/.*"expires": *"\([^"]*\)".*/\1/p' "$bundle/manifest.json")
[ -n "$expires" ] || { echo "FAIL: no expires in $bundle/manifest.json"; failed=1; }
want=$(date -u -d "$expires" +%s)
grep -q "^zjmap_content_expiry_timestamp_seconds{kiosk=\"[^\"]*\"} $want\$" "$work/zjmap.prom" ||
    { echo "FAIL: content expiry is not $want ($expires)"; failed=1; }
grep -q '^zjmap_starts_total{kiosk="[^"]*"} 1$' "$work/zjmap.prom" || { echo "FAIL: starts is not 1"; failed=1; }
grep -q '^zjmap_restarts_total{kiosk="[^"]*"} 0$' "$work/zjmap.prom" || { echo "FAIL: restarts is not 0"; failed=1; }
grep -q '^zjmap_sync_last_success_timestamp_seconds{kiosk="[^"]*"} 0$' "$work/zjmap.prom" ||
    { echo "FAIL: last sync success is not 0 (never) on a fresh store"; failed=1; }
[ -z "$(find "$work" -maxdepth 1 -name 'zjmap.prom.*')" ] || { echo "FAIL: temp files left"; failed=1; }
[ $failed = 0 ] && echo "metrics textfile: ok"
exit $failed
