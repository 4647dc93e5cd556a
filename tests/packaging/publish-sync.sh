#!/usr/bin/env bash
# zjmap-pack publish and the sample nginx site, end to end: publish the demo bundle into a
# directory, serve it with packaging/nginx/zjmap-content.conf on loopback, check the caching
# headers, and sync a fresh kiosk store from it with `zjmap-kiosk sync --once`. Also: the
# publish order (blobs, signature, manifest), skipping blobs already there, refusing a broken
# bundle, and the rsync path (through a stand-in for ssh, so no sshd is needed).
# Usage: publish-sync.sh ZJMAP_PACK ZJMAP_KIOSK DEMO_BUNDLE SOURCE_DIR
set -euo pipefail
pack=$1 kiosk=$2 demo=$3 src=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"

pub=$src/content/keys/dev-publisher.pub
work=$(mktemp -d /tmp/zjmap-publish-test.XXXXXX)
trap 'stop_nginx; rm -rf "$work"' EXIT

blob_count() { find "$1/blobs" -type f | wc -l; }

# The bundle under test carries its own validity (created now, valid for the content's
# valid_days): the demo bundle's fixed date would make this test expire with it.
"$pack" build "$src/content" --key "$src/content/keys/dev-publisher.key" --out "$work/bundle" \
    --created now >"$work/pack.log" 2>&1 || fail "pack failed: $(tail -n 5 "$work/pack.log")"
demo=$work/bundle
demo_blobs=$(blob_count "$demo")
[ "$demo_blobs" -gt 10 ] || fail "demo bundle $demo has only $demo_blobs blobs"

step "publish into a directory"
www=$work/www
out=$("$pack" publish "$demo" "$www/lobby" --public-key "$pub") || fail "publish failed: $out"
echo "$out"
contains "$out" "$demo_blobs blobs copied" "first publish"
[ "$(blob_count "$www/lobby")" = "$demo_blobs" ] || fail "published blob count differs"
cmp "$demo/manifest.json" "$www/lobby/manifest.json" || fail "manifest.json differs"
cmp "$demo/manifest.json.sig" "$www/lobby/manifest.json.sig" || fail "manifest.json.sig differs"
# Written in order: no blob and no signature is newer than the manifest.
newer=$(find "$www/lobby/blobs" "$www/lobby/manifest.json.sig" -newer "$www/lobby/manifest.json")
[ -z "$newer" ] || fail "written after the manifest: $newer"
[ -z "$(find "$www" -name '*.tmp-*')" ] || fail "temporary files left behind"
"$pack" verify "$www/lobby" --public-key "$pub" || fail "the published copy does not verify"

step "publish again: every blob is skipped"
out=$("$pack" publish "$demo" "$www/lobby" --public-key "$pub") || fail "second publish failed: $out"
contains "$out" "0 blobs copied (0 bytes), $demo_blobs already there" "second publish"

step "a damaged bundle is not published"
cp -r "$demo" "$work/broken"
victim=$(find "$work/broken/blobs" -type f -print -quit)
printf 'x' >>"$victim"
set +e
"$pack" publish "$work/broken" "$www/broken" 2>"$work/err"
rc=$?
set -e
[ "$rc" = 1 ] || fail "publish of a damaged bundle: exit $rc, expected 1"
contains "$(cat "$work/err")" "does not match the manifest" "damaged bundle message"
[ ! -e "$www/broken/manifest.json" ] || fail "a manifest was published for a damaged bundle"
set +e
"$pack" publish "$demo" 2>/dev/null
rc=$?
set -e
[ "$rc" = 2 ] || fail "publish without DEST: exit $rc, expected 2"

step "nginx with the sample site"
start_nginx "$src/packaging/nginx/zjmap-content.conf" "$www" "$work/nginx"
echo "nginx on 127.0.0.1:$NGINX_PORT"
h=$(http_headers GET /lobby/manifest.json)
echo "$h"
contains "$h" "HTTP/1.1 200" "manifest status"
contains "$h" "Cache-Control: no-cache" "manifest caching"
etag=$(sed -n 's/^ETag: //p' <<<"$h")
[ -n "$etag" ] || fail "manifest has no ETag"
h=$(http_headers GET /lobby/manifest.json "If-None-Match: $etag")
contains "$h" "HTTP/1.1 304" "manifest revalidation with If-None-Match"
h=$(http_headers GET /lobby/manifest.json.sig)
contains "$h" "HTTP/1.1 200" "signature status"
contains "$h" "Cache-Control: no-cache" "signature caching"
blob=$(basename "$(find "$www/lobby/blobs" -type f -print -quit)")
h=$(http_headers HEAD "/lobby/blobs/$blob")
echo "$h"
contains "$h" "HTTP/1.1 200" "blob status"
contains "$h" "Cache-Control: public, max-age=31536000, immutable" "blob caching"
h=$(http_headers GET "/lobby/blobs/$blob" "Range: bytes=0-9")
contains "$h" "HTTP/1.1 206" "blob byte range (resume)"
contains "$h" "Content-Length: 10" "blob byte range length"
missing=$(printf '0%.0s' $(seq 64))
h=$(http_headers GET "/lobby/blobs/$missing")
contains "$h" "HTTP/1.1 404" "missing blob"
if grep -q immutable <<<"$h"; then fail "a 404 blob answer is marked immutable: $h"; fi
touch "$www/lobby/manifest.json.tmp-123" "$www/lobby/notes.txt"
contains "$(http_headers GET /lobby/manifest.json.tmp-123)" "HTTP/1.1 404" "temporary file"
contains "$(http_headers GET /lobby/notes.txt)" "HTTP/1.1 404" "stray file"
contains "$(http_headers GET /lobby/)" "HTTP/1.1 404" "directory listing"

step "the development key is refused unless --allow-development-key says so"
# Its secret is in the repository: naming it with --public-key is not enough.
set +e
out=$("$kiosk" sync --once --source "http://127.0.0.1:$NGINX_PORT/lobby/" \
    --data "$work/refused-data" --public-key "$pub" 2>&1)
rc=$?
set -e
echo "$out"
[ "$rc" = 1 ] || fail "sync with the development key: exit $rc, expected 1"
contains "$out" "refused: the publisher key is the development key" "development key refusal"
[ ! -e "$work/refused-data/current" ] || fail "something was installed with the development key"

step "a kiosk syncs from it (development key allowed explicitly)"
data=$work/kiosk-data
out=$("$kiosk" sync --once --source "http://127.0.0.1:$NGINX_PORT/lobby/" --data "$data" \
    --public-key "$pub" --allow-development-key 2>&1) || fail "sync --once failed: $out"
echo "$out"
version=$("$pack" inspect "$demo" | sed -n 's/^version *//p')
[ -n "$version" ] || fail "cannot read the demo bundle version"
status=$("$kiosk" status --data "$data")
echo "$status"
contains "$status" "installed  bundle $version" "kiosk status after sync"
out=$("$kiosk" sync --once --source "http://127.0.0.1:$NGINX_PORT/lobby/" --data "$data" \
    --public-key "$pub" --allow-development-key 2>&1) || fail "second sync --once failed: $out"
contains "$out" "fetched  0 files" "second sync (nothing new)"

step "the shipped kiosk.toml: sync off, and the journal says why"
mkdir -p "$work/shipped-data"
SDL_VIDEODRIVER=offscreen "$kiosk" --windowed 640x360 --config "$src/packaging/kiosk.toml" \
    --data "$work/shipped-data" >"$work/shipped.log" 2>&1 &
app_pid=$!
said=
for _ in $(seq 300); do
    grep -q "sync is off: no publisher key set" "$work/shipped.log" && said=1 && break
    kill -0 $app_pid 2>/dev/null || break
    sleep 0.2
done
kill $app_pid 2>/dev/null || true
wait $app_pid 2>/dev/null || true
[ -n "$said" ] || fail "the kiosk on the shipped config did not say sync is off: $(cat "$work/shipped.log")"
[ ! -e "$work/shipped-data/current" ] || fail "the kiosk on the shipped config installed something"

step "the running kiosk's background sync uses --public-key, not the config's key"
# One key for the screen and the sync: the config names another key; the flag must win.
cat >"$work/kiosk.toml" <<EOF
[sync]
sources = ["http://127.0.0.1:$NGINX_PORT/lobby/"]
public_key = "$(printf '11%.0s' $(seq 32))"
EOF
mkdir -p "$work/app-data"
SDL_VIDEODRIVER=offscreen "$kiosk" --windowed 640x360 --config "$work/kiosk.toml" \
    --data "$work/app-data" --public-key "$pub" --allow-development-key >"$work/app.log" 2>&1 &
app_pid=$!
installed=
for _ in $(seq 300); do
    kill -0 $app_pid 2>/dev/null || break
    if "$kiosk" status --data "$work/app-data" 2>/dev/null | grep -q "installed  bundle $version"; then
        installed=1
        break
    fi
    sleep 0.2
done
kill $app_pid 2>/dev/null || true
wait $app_pid 2>/dev/null || true
cat "$work/app.log"
[ -n "$installed" ] || fail "the kiosk's background sync did not install bundle $version with --public-key"
if grep -q "signature does not verify" "$work/app.log"; then
    fail "the background sync used the config's key"
fi
stop_nginx

step "publish to an rsync target"
command -v rsync >/dev/null || fail "rsync is not installed (scripts/dev.sh installs it)"
# A stand-in for ssh: `RSYNC_RSH host cmd...` runs cmd here, as ssh would on the host.
cat >"$work/fake-ssh" <<'EOF'
#!/bin/sh
shift
exec sh -c "$*"
EOF
# An rsync wrapper that logs what each run sends, to check the order.
mkdir "$work/bin"
cat >"$work/bin/rsync" <<EOF
#!/bin/sh
case "\$*" in *--server*) ;; *) echo "\$*" >>"$work/rsync.log" ;; esac
exec "$(command -v rsync)" "\$@"
EOF
chmod +x "$work/fake-ssh" "$work/bin/rsync"
out=$(PATH="$work/bin:$PATH" RSYNC_RSH="$work/fake-ssh" \
    "$pack" publish "$demo" "booth-server:$work/remote/fair" --public-key "$pub") ||
    fail "rsync publish failed: $out"
echo "$out"
cat "$work/rsync.log"
[ "$(wc -l <"$work/rsync.log")" = 3 ] || fail "expected three rsync runs"
sed -n 1p "$work/rsync.log" | grep -q "/blobs/ booth-server:$work/remote/fair/blobs/" ||
    fail "first rsync run is not the blobs"
sed -n 2p "$work/rsync.log" | grep -q "manifest.json.sig booth-server:.*/manifest.json.sig$" || fail "second run is not the signature"
sed -n 3p "$work/rsync.log" | grep -q "manifest.json booth-server:.*/manifest.json$" ||
    fail "third run is not the manifest"
"$pack" verify "$work/remote/fair" --public-key "$pub" || fail "the rsync copy does not verify"
[ "$(stat -c %a "$work/remote/fair/manifest.json")" = 644 ] || fail "manifest not world-readable"
echo "PASS"
