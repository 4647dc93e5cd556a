#!/usr/bin/env bash
# Every command-line mistake is named in one line, followed by the usage, with exit 2; nothing
# here needs a display (the errors come before SDL starts). A scenario that does not parse names
# its file and line, also with exit 2.
set -u
kiosk=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# expect RC "FIRST LINE" ARGS...: the exit code and the first line of stderr.
expect() {
    local want_rc=$1 want_line=$2
    shift 2
    local err rc
    err=$(env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=dummy timeout 20 "$kiosk" "$@" 2>&1 >/dev/null)
    rc=$?
    local first=${err%%$'\n'*}
    if [ "$rc" != "$want_rc" ] || [ "$first" != "$want_line" ]; then
        echo "FAIL: $* -> exit $rc, '$first' (expected exit $want_rc, '$want_line')"
        fail=1
    fi
}

expect 2 "zjmap-kiosk: unknown option --bogus" --bogus
expect 2 "zjmap-kiosk: --windowed needs WxH, e.g. 1920x1080" --windowed
expect 2 "zjmap-kiosk: --windowed needs WxH, e.g. 1920x1080" --windowed 100x100
expect 2 "zjmap-kiosk: --lang needs zh or en" --lang fr
for flag in --scenario --shots --bundle --data --public-key --config; do
    expect 2 "zjmap-kiosk: $flag needs a value" $flag
done
expect 2 "zjmap-kiosk: --preview needs the content sources folder" --preview ""
expect 2 "zjmap-kiosk: --lint-report needs a file" --lint-report
expect 2 "zjmap-kiosk: --metrics needs a file" --metrics ""
expect 2 "zjmap-kiosk: unknown option --bogus" --portrait --allow-development-key \
    --development-pin --stats --runtime-font-atlas --bogus
expect 2 "zjmap-kiosk: hash-pin needs one PIN of 6..12 digits" hash-pin 12
expect 2 "zjmap-kiosk: cannot read scenario $tmp/none.scn" --scenario "$tmp/none.scn"
printf 'viewport 800x600\ntap 1\n' >"$tmp/bad.scn"
expect 2 "$tmp/bad.scn:2: expected 'tap X Y' or 'tap \"label\"': tap 1" --scenario "$tmp/bad.scn"
# The options are read in order: --help before a mistake wins, after it does not.
expect 0 "" --windowed 800x600 --help
expect 2 "zjmap-kiosk: unknown option --bogus" --bogus --help
env -u DISPLAY "$kiosk" --bogus 2>&1 | grep -q -- '--windowed WxH' || { echo "FAIL: no usage after an error"; fail=1; }
pin=$("$kiosk" hash-pin 123456) && [ -n "$pin" ] || { echo "FAIL: hash-pin 123456"; fail=1; }
[ $fail = 0 ] && echo "command line: ok"
exit $fail
