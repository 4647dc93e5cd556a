#!/usr/bin/env bash
# Restarts counted by the real kiosk (issue 14): a run killed with SIGKILL (as the watchdog or a
# power cut ends it) is counted at the next start, a run ended by SIGTERM (systemd's stop) is
# not; the count is in the --metrics textfile (zjmap_restarts_total) and on the staff panel.
# Usage: restarts.sh KIOSK [SHOTS_DIR]
set -euo pipefail
kiosk=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/zjmap-restarts.XXXXXX)
shots=${2:-$work/shots}
mkdir "$work/data"
pid=
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# start N: the kiosk on the store, headless; waits for its first textfile (written at start).
start() {
    rm -f "$work/zjmap.prom"
    SDL_VIDEODRIVER=offscreen "$kiosk" --windowed 640x360 --data "$work/data" \
        --metrics "$work/zjmap.prom" >"$work/run$1.log" 2>&1 &
    pid=$!
    for _ in $(seq 300); do
        [ -s "$work/zjmap.prom" ] && return 0
        kill -0 $pid 2>/dev/null || fail "run $1 exited: $(cat "$work/run$1.log")"
        sleep 0.2
    done
    fail "run $1: no textfile after 60 s"
}
# expect NAME VALUE: the textfile's one sample of NAME.
expect() {
    local got
    got=$(sed -n "s/^$1{kiosk=\"[^\"]*\"} \([0-9.]*\)$/\1/p" "$work/zjmap.prom")
    [ "$got" = "$2" ] || fail "$1 is '${got}', want $2 ($(grep "^$1" "$work/zjmap.prom" || echo none))"
}
stop_term() {
    kill -TERM $pid
    local rc=0
    wait $pid || rc=$?
    pid=
    [ $rc = 0 ] || fail "SIGTERM: exit status $rc, want 0 (a clean exit)"
    [ ! -e "$work/data/state/running" ] || fail "the run marker outlived a clean exit"
}

start 1
expect zjmap_restarts_total 0
expect zjmap_starts_total 1
[ -f "$work/data/state/running" ] || fail "no run marker while the kiosk runs"
grep -q "restarts: .*state/restarts: none yet" "$work/run1.log" ||
    fail "a new store's count was not announced: $(cat "$work/run1.log")"
kill -9 $pid
wait $pid 2>/dev/null || true
pid=
start 2
expect zjmap_restarts_total 1
expect zjmap_starts_total 2
grep -q "restarts: the previous run did not end cleanly" "$work/run2.log" ||
    fail "no log line for the unclean end: $(cat "$work/run2.log")"
stop_term
start 3
expect zjmap_restarts_total 1 # a clean stop is not a restart
expect zjmap_starts_total 3
stop_term
[ "$(cat "$work/data/state/restarts")" = "$(printf 'starts 3\nunclean 1')" ] ||
    fail "state/restarts: $(cat "$work/data/state/restarts")"
# `zjmap-kiosk status` says it too (what a maintainer reads over ssh or a serial console).
"$kiosk" status --data "$work/data" >"$work/status.txt" 2>&1 || fail "status: $(cat "$work/status.txt")"
grep -q "^restarts   1 unexpected (crash, watchdog, power cut) of 3 starts$" "$work/status.txt" ||
    fail "status: $(cat "$work/status.txt")"
# The staff panel shows it (zh and en); the scenario only reads the counts.
SDL_VIDEODRIVER=offscreen "$kiosk" --scenario "$here/restarts/staff-restarts.scn" \
    --shots "$shots" --data "$work/data" >"$work/scenario.log" 2>&1 ||
    fail "scenario: $(grep -v libcuda "$work/scenario.log" | tail -n 20)"
grep -q "starts 3" "$work/data/state/restarts" || fail "the scenario counted itself as a start"
echo "restarts: ok (SIGKILL counted, SIGTERM not; textfile and staff panel agree)"
