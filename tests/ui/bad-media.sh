#!/usr/bin/env bash
# Bad media in a bundle: a copy of the demo bundle whose city-1 photo (display and thumbnail)
# and promo video are damaged (same sizes) and then signed over the damaged bytes, as a broken
# pipeline would publish them (rot of an installed blob never reaches a decoder: the start-up
# hash check refuses it, see tests/integration/sync_damage_test.cpp), shown with a scenario that
# expects the broken-image tile and the "video cannot be played" message while the screen keeps
# working.
# Usage: bad-media.sh KIOSK DEMO_BUNDLE_DIR SCENARIO SHOTS_DIR MAKE_BAD_BUNDLE
set -eu
kiosk=$1 demo=$2 scenario=$3 shots=$4 resign=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$demo" "$work/bundle"
chmod -R u+w "$work/bundle"
blob() { # logical name -> blob path
    python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))
print(next(f["sha256"] for f in m["files"] if f["name"]==sys.argv[2]))' "$work/bundle/manifest.json" "$1"
}
damage() { # overwrite the first N bytes with a repeating pattern, keeping the size
    local f="$work/bundle/blobs/$(blob "$1")" n=$2
    python3 - "$f" "$n" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
data = bytearray(open(path, "rb").read())
n = min(n, len(data))
data[:n] = bytes((i * 37 + 11) & 0xFF for i in range(n))
open(path, "wb").write(data)
PY
}
damage media/photos/city-1.jpg 4096
damage media/thumbs/city-1.jpg 4096
damage media/video/promo.mp4 100000000 # all of it
"$resign" --as-is "$work/bundle" "$work/signed" >/dev/null
SDL_VIDEODRIVER=offscreen "$kiosk" --scenario "$scenario" --shots "$shots" \
    --bundle "$work/signed/bundle" --public-key "$work/signed/keys/publisher.pub" --data "$work/data"
