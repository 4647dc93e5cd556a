#!/usr/bin/env bash
# Analytics end to end: the kiosk runs one scripted visit (analytics/visit.scn) on a fresh data
# directory, then `zjmap-kiosk report --csv` must count what the visitor did, from the real
# SQLite file: the modules, the park card, the project, the QR codes and the video, each
# on-screen QR once per visit however many frames showed it.
# Usage: analytics-report.sh KIOSK
set -euo pipefail
kiosk=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/zjmap-analytics.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/data"
SDL_VIDEODRIVER=offscreen "$kiosk" --scenario "$here/analytics/visit.scn" --shots "$work/shots" \
    --data "$work/data" >"$work/run.log" 2>&1 || {
    echo "FAIL: the visit scenario failed:"
    grep -v libcuda "$work/run.log" | tail -n 20
    exit 1
}
report=$("$kiosk" report --csv --data "$work/data")
echo "$report"
failed=0
want() {
    grep -qxF -- "$1" <<<"$report" || { echo "FAIL: the report lacks the line '$1'"; failed=1; }
}
want "summary,sessions,1"
want "funnel,session_to_module,1"
want "funnel,module_to_qr,1"
want "summary,sessions_with_video,1"
want "module,map,1"
want "module,industry,1"
want "module,city,1"
want "module,invest,1"
want "park,zj-etdz,1"
want "project,p-aviation-structures,1"
want "qr,park:zj-etdz,1"
want "qr,my-list,1"
want "language,en,1"
grep -qE '^qr,contact:[^,]+,1$' <<<"$report" || { echo "FAIL: no contact QR counted once"; failed=1; }
# Raw rows: one video play in the visit although the visitor pressed play twice.
plays=$(sqlite3 "$work/data/analytics.db" "SELECT COUNT(*) FROM events WHERE kind='video_play'")
[ "$plays" = 1 ] || { echo "FAIL: $plays video_play rows for one visit, want 1"; failed=1; }
[ $failed = 0 ] && echo "analytics report: ok"
exit $failed
