#!/usr/bin/env bash
# The bundle's baked font atlas (issue 15): the kiosk loads it instead of running FreeType, and
# home looks exactly the same (the PNG of the baked run equals the runtime run's, byte for
# byte); a truncated or damaged atlas, signed over the damage, and a screen whose scale the
# atlas was not baked for each fall back to the FreeType build with a log line saying why.
# Usage: font-atlas.sh KIOSK DEMO_BUNDLE_DIR MAKE_BAD_BUNDLE SHOTS_DIR
set -u
kiosk=$1 demo=$2 resign=$3 shots=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$shots" && mkdir -p "$shots"
fail() { echo "FAIL: $*"; exit 1; }
printf 'viewport 1920x1080\nshot home\n' > "$work/home.scn"
run() { # NAME BUNDLE_DIR PUBLIC_KEY [kiosk args...]: log in $work/NAME.log, shot in $shots/NAME/
    local name=$1 bundle=$2 key=$3
    shift 3
    SDL_VIDEODRIVER=offscreen "$kiosk" --scenario "$work/home.scn" --shots "$shots/$name" \
        --data "$work/data-$name" --bundle "$bundle" --public-key "$key" "$@" \
        >"$work/$name.log" 2>&1
    local rc=$?
    grep "fonts:" "$work/$name.log"
    [ $rc = 0 ] || { cat "$work/$name.log"; fail "$name: kiosk exited $rc"; }
    [ -s "$shots/$name/home.png" ] || fail "$name: no screenshot"
}
expect_log() { grep -q -- "$2" "$work/$1.log" || fail "$1: expected a log line matching: $2"; }
devkey=$(dirname "$0")/../../../content/keys/dev-publisher.pub

run baked "$demo" "$devkey"
expect_log baked "fonts: baked atlas from the bundle, 2048x[0-9]*, [0-9]* glyphs"
run runtime "$demo" "$devkey" --runtime-font-atlas
expect_log runtime "fonts: FreeType atlas at run time"
cmp -s "$shots/baked/home.png" "$shots/runtime/home.png" ||
    fail "home with the baked atlas differs from home with the FreeType atlas"

# Damaged copies of the atlas, signed over the damage (the start-up hash check would refuse
# plain rot before the loader sees it).
blob() {
    python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))
print(next(f["sha256"] for f in m["files"] if f["name"]==sys.argv[2]))' "$1/manifest.json" "$2"
}
damaged() { # NAME PYTHON-EXPRESSION-ON-data: a signed bundle in $work/NAME/bundle
    cp -r "$demo" "$work/$1-src" && chmod -R u+w "$work/$1-src"
    local f="$work/$1-src/blobs/$(blob "$work/$1-src" fonts/atlas.zjfa)"
    python3 - "$f" "$2" <<'PY'
import sys
path, expr = sys.argv[1], sys.argv[2]
data = bytearray(open(path, "rb").read())
data = eval(expr)
open(path, "wb").write(bytes(data))
PY
    "$resign" --as-is "$work/$1-src" "$work/$1" >/dev/null || fail "$1: cannot re-sign"
}
damaged truncated 'data[:len(data) // 2]'
run truncated "$work/truncated/bundle" "$work/truncated/keys/publisher.pub"
expect_log truncated "baked atlas not used: truncated: [0-9]* bytes, the header says [0-9]*"
damaged badjson 'data[:20] + b"\x00" * 40 + data[60:]'
run badjson "$work/badjson/bundle" "$work/badjson/keys/publisher.pub"
expect_log badjson "baked atlas not used: header is not valid JSON"
damaged glyphs 'data[:len(data) - 2048 * 2048 - 40] + b"\xff" * 40 + data[len(data) - 2048 * 2048:]'
run glyphs "$work/glyphs/bundle" "$work/glyphs/keys/publisher.pub"
expect_log glyphs "baked atlas not used: font display, glyph [0-9]*: coordinates out of range"
for name in truncated badjson glyphs; do
    cmp -s "$shots/$name/home.png" "$shots/runtime/home.png" || fail "$name: home differs"
done

# A 4K screen wants the atlas at scale 2: the 1080-line atlas is not used.
printf 'viewport 3840x2160\nshot home\n' > "$work/home.scn"
run scale2 "$demo" "$devkey"
expect_log scale2 "baked atlas not used: made for other fonts or sizes: scale: wanted 2"
echo "baked atlas: used, identical; damaged and other-scale atlases fall back to FreeType"
