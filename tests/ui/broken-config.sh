#!/usr/bin/env bash
# A typo in kiosk.toml must not replace the bureau's content (issue 18): the real kiosk (its own
# loop, offscreen) on a store holding the bureau's version 8, with a config that does not parse,
# keeps showing version 8 (read from its --metrics textfile), says in the journal that sync is
# off and why, and never falls back to the demo bundle. Twice: a typo elsewhere (the key line
# still reads), and a typo in the key line itself (the key the store was installed with).
# Usage: broken-config.sh ZJMAP_KIOSK ZJMAP_PACK SOURCE_DIR
set -euo pipefail
kiosk=$1 pack=$2 src=$3
work=$(mktemp -d /tmp/zjmap-broken-config.XXXXXX)
pid=
trap '[ -n "$pid" ] && { kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; }; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$pack" keygen --out "$work/key" >/dev/null
"$pack" build "$src/content" --key "$work/key/publisher.key" --out "$work/bundle" --version 8 \
    --created now >"$work/pack.log" 2>&1 || fail "pack: $(tail -n 5 "$work/pack.log")"
"$kiosk" sync --once --source "$work/bundle" --data "$work/data" \
    --public-key "$work/key/publisher.pub" >"$work/sync.log" 2>&1 ||
    fail "seeding the store: $(cat "$work/sync.log")"
hex=$(tr -d '\n' <"$work/key/publisher.pub")

# Starts the kiosk on CONFIG and prints the content version its textfile reports.
shown_version() {
    local config=$1 log=$2
    rm -f "$work/zjmap.prom"
    SDL_VIDEODRIVER=offscreen "$kiosk" --windowed 640x360 --config "$config" --data "$work/data" \
        --metrics "$work/zjmap.prom" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 150); do
        [ -s "$work/zjmap.prom" ] && break
        kill -0 $pid 2>/dev/null || fail "the kiosk exited: $(cat "$log")"
        sleep 0.2
    done
    [ -s "$work/zjmap.prom" ] || fail "no textfile after 30 s: $(cat "$log")"
    kill $pid
    wait $pid 2>/dev/null || true
    pid=
    sed -n 's/^zjmap_content_version{kiosk="[^"]*"} \([0-9]*\)$/\1/p' "$work/zjmap.prom"
}

check() {
    local what=$1 config=$2
    local v
    v=$(shown_version "$config" "$work/$what.log")
    echo "$what: content version $v"
    [ "$v" = 8 ] || fail "$what: shows version '$v', not the installed 8: $(cat "$work/$what.log")"
    grep -q "sync is off" "$work/$what.log" || fail "$what: the journal does not say sync is off"
    grep -q "kiosk.toml" "$work/$what.log" || fail "$what: the error does not name the file"
    if grep -q "using demo bundle" "$work/$what.log"; then fail "$what: fell back to the demo"; fi
}

mkdir -p "$work/typo-elsewhere" "$work/typo-in-key"
cat >"$work/typo-elsewhere/kiosk.toml" <<TOML
[sync]
sources = ["$work/bundle"]
public_key = "$hex"
interval_s = 9OO
TOML
check typo-elsewhere "$work/typo-elsewhere/kiosk.toml"

cat >"$work/typo-in-key/kiosk.toml" <<TOML
[sync]
sources = ["$work/bundle"]
public_key = "$hex
TOML
check typo-in-key "$work/typo-in-key/kiosk.toml"
echo "broken config keeps the installed content: ok"
