#!/usr/bin/env bash
# The Debian package, on this machine: build it with CPack, inspect it, install it (dpkg -i,
# then apt-get -f install for its dependencies), run the installed kiosk (--version, a headless
# scenario on the installed demo bundle, a file:// sync = the USB offline update), check the
# installed systemd unit, reinstall (the upgrade path) and remove (config and data kept), then
# purge (both gone). Needs root and Debian's package archive (CI: a fresh Debian 12, as root).
# The package is purged on exit, also on failure; running it twice is fine.
# Usage: deb.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"

if [ "$(id -u)" != 0 ]; then
    echo "SKIP: installs a .deb, needs root (CI runs as root)"
    exit 77
fi
export DEBIAN_FRONTEND=noninteractive
store=/var/lib/zjmap-kiosk
config=/etc/zjmap-kiosk/kiosk.toml
marker=$store/.zjmap-packaging-test # says "this test installed it, purge freely"
pub=$src/content/keys/dev-publisher.pub

# A real kiosk's content and config must never be purged by a test run on it by mistake.
installed=0
dpkg-query -W -f='${Status}' zjmap-kiosk 2>/dev/null | grep -q 'ok installed' && installed=1
if [ $installed = 1 ] && [ ! -e "$marker" ] && [ "${ZJ_PACKAGING_TEST_FORCE:-}" != 1 ]; then
    fail "zjmap-kiosk is installed here and not by this test: refusing to purge it" \
        "(set ZJ_PACKAGING_TEST_FORCE=1 to allow)"
fi

work=$(mktemp -d /tmp/zjmap-deb-test.XXXXXX)
# A store without the package (a developer's run of a build-tree kiosk without --data, an
# earlier version's leftovers) is not ours to purge: set it aside and put it back on exit.
saved_store=""
if [ $installed = 0 ] && [ -e "$store" ] && [ ! -e "$marker" ]; then
    saved_store=$work/saved-store
    mv "$store" "$saved_store"
    echo "set aside a store left without the package: $store (restored on exit)"
fi
cleanup() {
    dpkg -P zjmap-kiosk >/dev/null 2>&1 || true
    if [ -n "$saved_store" ]; then
        rm -rf "$store"
        mv "$saved_store" "$store"
    fi
    rm -rf "$work"
}
trap cleanup EXIT
test_start=$(date +%s)
dpkg -P zjmap-kiosk >/dev/null 2>&1 || true # a leftover of an interrupted run

step "build the .deb (cpack)"
started=$(date +%s)
cpack -G DEB -B "$work/pkg" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 ||
    fail "cpack failed: $(tail -n 30 "$work/cpack.log")"
deb=$(find "$work/pkg" -maxdepth 1 -name 'zjmap-kiosk_*.deb')
[ -f "$deb" ] || fail "no .deb in $work/pkg: $(tail -n 30 "$work/cpack.log")"
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1) in $(($(date +%s) - started)) s"

step "inspect it"
info=$(dpkg-deb -I "$deb")
echo "$info"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libsdl2-2.0-0 libmpv2 libsystemd0 libsodium23 libcurl4 libsqlite3-0 \
    fonts-noto-cjk libgl1-mesa-dri libegl-mesa0 cage libpam-systemd; do
    grep -qE "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
conffiles=$(dpkg-deb -I "$deb" conffiles)
contains "$conffiles" "/etc/zjmap-kiosk/kiosk.toml" "conffiles"
contains "$conffiles" "/etc/pam.d/zjmap-kiosk" "conffiles"
for script in postinst prerm postrm; do
    dpkg-deb -I "$deb" "$script" >/dev/null || fail "no $script in the package"
done
files=$(dpkg-deb -c "$deb")
for f in ./usr/bin/zjmap-kiosk ./usr/bin/zjmap-kiosk-session ./usr/bin/zjmap-pack ./etc/zjmap-kiosk/kiosk.toml \
    ./lib/systemd/system/zjmap-kiosk.service ./etc/pam.d/zjmap-kiosk \
    ./usr/share/zjmap-kiosk/demo-bundle/manifest.json \
    ./usr/share/zjmap-kiosk/demo-bundle/manifest.json.sig \
    ./usr/share/doc/zjmap-kiosk/README.md ./usr/share/doc/zjmap-kiosk/copyright \
    ./usr/share/doc/zjmap-kiosk/examples/zjmap-content.conf; do
    grep -qE " $f$" <<<"$files" || fail "$f is not in the package"
done
packed_blobs=$(grep -c ' ./usr/share/zjmap-kiosk/demo-bundle/blobs/[0-9a-f]\{64\}$' <<<"$files" || true)
built_blobs=$(find "$build/demo-bundle/blobs" -type f | wc -l)
[ "$packed_blobs" = "$built_blobs" ] || fail "package has $packed_blobs demo blobs, build has $built_blobs"
# The UI's art: every file of assets/ but its generator, and nothing else there.
assets_dir=./usr/share/zjmap-kiosk/assets
for f in README.md brand/zjmap-mark.svg brand/zjmap-mark-256.png placeholder/photo-missing.png \
    test-pattern/test-pattern-1920x1080.png test-pattern/test-pattern-1080x1920.png \
    attract/attract-16x9.jpg attract/attract-9x16.jpg; do
    grep -qE " $assets_dir/$f$" <<<"$files" || fail "$assets_dir/$f is not in the package"
done
packed_assets=$(grep -cE "^-.* $assets_dir/" <<<"$files" || true)
source_assets=$(find "$src/assets" -type f ! -name '*.py' ! -path '*/__pycache__/*' | wc -l)
[ "$packed_assets" = "$source_assets" ] ||
    fail "package has $packed_assets files under $assets_dir, assets/ has $source_assets (without the script)"
if grep -qE " $assets_dir/.*(\.py|__pycache__)" <<<"$files"; then
    fail "the asset generator or its bytecode is in the package"
fi
# The test drivers (monkey, soak, frame bench) live in zjmap-kiosk-testdrive, never shipped.
if grep -qE 'testdrive' <<<"$files"; then
    fail "a test driver is in the package: $(grep -E 'testdrive' <<<"$files")"
fi
grep -E ' ./usr/bin/zjmap-kiosk$' <<<"$files" | grep -q '^-rwxr-xr-x root/root' ||
    fail "zjmap-kiosk is not an executable owned by root"
if grep -vE ' \./(usr/|etc/zjmap-kiosk|etc/pam\.d|etc/$|lib/)|^d.* \./$' <<<"$files" | grep -q .; then
    fail "files outside /usr, /etc/zjmap-kiosk, /etc/pam.d, /lib: $files"
fi

step "install it (dpkg -i, then apt-get -f install for the dependencies)"
started=$(date +%s)
if ! dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then
    grep -q "dependency problems" "$work/dpkg.log" || fail "dpkg -i failed: $(cat "$work/dpkg.log")"
    apt-get -f install -y -q --no-install-recommends >"$work/apt.log" 2>&1 ||
        fail "apt-get -f install failed: $(tail -n 30 "$work/apt.log")"
fi
dpkg-query -W -f='${Status}' zjmap-kiosk | grep -q 'install ok installed' ||
    fail "not installed: $(dpkg-query -W -f='${Status}' zjmap-kiosk)"
touch "$marker"
echo "installed in $(($(date +%s) - started)) s"
getent passwd zjmap >/dev/null || fail "postinst did not create the user zjmap"
[ "$(stat -c '%U:%G %a' "$store")" = "zjmap:zjmap 750" ] ||
    fail "$store is $(stat -c '%U:%G %a' "$store"), expected zjmap:zjmap 750"

# Secure by default: the shipped config trusts no key (least of all the development key).
if grep -Eq '^[[:space:]]*public_key(_file)?[[:space:]]*=' "$config"; then
    fail "the shipped $config sets a publisher key: $(grep -E '^[[:space:]]*public_key' "$config")"
fi

step "run the installed kiosk"
# No test driver in the product: neither in its usage nor in its code (strings of the binary).
help=$(/usr/bin/zjmap-kiosk --help)
contains "$help" "--scenario FILE" "the installed kiosk's --help"
strings /usr/bin/zjmap-kiosk >"$work/kiosk.strings"
for option in --monkey --soak --frame-bench ZJ_MONKEY_SELFTEST; do
    if grep -qF -- "$option" <<<"$help" || grep -qF -- "$option" "$work/kiosk.strings"; then
        fail "the installed kiosk still has the test driver's $option"
    fi
done
/usr/bin/zjmap-kiosk --monkey 5 >/dev/null 2>&1 && fail "the installed kiosk ran --monkey"
version=$(/usr/bin/zjmap-kiosk --version)
[ "$version" = "zjmap-kiosk $(dpkg-deb -f "$deb" Version)" ] || fail "--version says '$version'"
/usr/bin/zjmap-pack --version | grep -q '^zjmap-pack ' || fail "zjmap-pack --version"
/usr/bin/zjmap-pack verify /usr/share/zjmap-kiosk/demo-bundle --public-key "$pub" ||
    fail "the installed demo bundle does not verify"
# The installed art is the assets/ folder's, byte for byte, and of the kind its name says.
for f in $(cd "$src/assets" && find . -type f ! -name '*.py' ! -path '*/__pycache__/*'); do
    cmp -s "$src/assets/$f" "/usr/share/zjmap-kiosk/assets/$f" ||
        fail "installed /usr/share/zjmap-kiosk/assets/$f differs from assets/$f (or is missing)"
done
for f in /usr/share/zjmap-kiosk/assets/brand/zjmap-mark-256.png \
    /usr/share/zjmap-kiosk/assets/placeholder/photo-missing.png; do
    file -b "$f" | grep -q '^PNG image data' || fail "$f is not a PNG: $(file -b "$f")"
done
file -b /usr/share/zjmap-kiosk/assets/attract/attract-9x16.jpg | grep -q '^JPEG image data.*1080x1920' ||
    fail "attract-9x16.jpg is not a 1080x1920 JPEG: $(file -b /usr/share/zjmap-kiosk/assets/attract/attract-9x16.jpg)"
# The kiosk prefers the build tree's demo bundle (compiled-in path) when it exists, as it does
# here: hide it in a private mount namespace, so the run shows what a booth PC would.
shots=$work/shots
scenario=(/usr/bin/zjmap-kiosk --scenario "$here/installed-home.scn" --shots "$shots"
    --data "$work/empty-store")
if unshare --mount --propagation private true 2>/dev/null; then
    SDL_VIDEODRIVER=offscreen unshare --mount --propagation private sh -c \
        'mount -t tmpfs -o ro none "$0" && exec "$@"' "$build/demo-bundle" "${scenario[@]}" \
        >"$work/kiosk.log" 2>&1 || fail "installed kiosk scenario failed: $(cat "$work/kiosk.log")"
    cat "$work/kiosk.log"
    contains "$(cat "$work/kiosk.log")" "using demo bundle /usr/share/zjmap-kiosk/demo-bundle" \
        "the installed kiosk's default demo bundle"
else
    # Without CAP_SYS_ADMIN (some containers) the build tree cannot be hidden: run on the
    # installed bundle explicitly and say so, and check the compiled-in path at least.
    echo "NOTE: unshare --mount is not permitted here: the default demo-bundle lookup is" \
        "checked by the path compiled into the binary only"
    grep -qa /usr/share/zjmap-kiosk/demo-bundle /usr/bin/zjmap-kiosk ||
        fail "/usr/bin/zjmap-kiosk does not look in /usr/share/zjmap-kiosk/demo-bundle"
    SDL_VIDEODRIVER=offscreen "${scenario[@]}" --bundle /usr/share/zjmap-kiosk/demo-bundle \
        >"$work/kiosk.log" 2>&1 || fail "installed kiosk scenario failed: $(cat "$work/kiosk.log")"
fi
[ -s "$shots/installed-home.png" ] || fail "no screenshot from the installed kiosk"

step "systemd-analyze verify the installed unit"
unit=/lib/systemd/system/zjmap-kiosk.service
out=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify failed: $out"
# verify exits 0 even for lines it ignores (a misspelt Type=): any output is a failure.
[ -z "$out" ] || fail "systemd-analyze verify complained: $out"
sed 's/^Type=notify/Type=notfy/' "$unit" >"$work/zjmap-kiosk.service"
out=$(cd "$work" && systemd-analyze verify ./zjmap-kiosk.service 2>&1 || true)
[ -n "$out" ] || fail "systemd-analyze verify does not notice a broken unit here"
grep -qx 'Type=notify' "$unit" && grep -qx 'WatchdogSec=30' "$unit" && grep -qx 'Restart=always' "$unit" &&
    grep -qx 'User=zjmap' "$unit" && grep -qx 'NotifyAccess=main' "$unit" &&
    grep -qx 'ExecStart=/usr/bin/zjmap-kiosk-session /usr/bin/cage -d -- /usr/bin/zjmap-kiosk' "$unit" ||
    fail "the unit lost Type=notify / WatchdogSec=30 / Restart=always / User=zjmap / NotifyAccess=main"

step "USB offline update: sync from a file:// source into the system store"
usb=$work/usb/zjmap
# A bundle with its own validity (created now): the demo bundle's fixed date would make this
# test expire with it. Packed by the installed zjmap-pack, from the demo sources.
/usr/bin/zjmap-pack build "$src/content" --key "$src/content/keys/dev-publisher.key" \
    --out "$work/usb-bundle" --created now >"$work/pack.log" 2>&1 ||
    fail "pack for the stick failed: $(tail -n 5 "$work/pack.log")"
/usr/bin/zjmap-pack publish "$work/usb-bundle" "$usb" >/dev/null ||
    fail "publish to the stick directory failed"
# The key beside the stick: the source tree may sit where the kiosk user cannot read (/root).
cp "$pub" "$work/publisher.pub"
chmod -R a+rX "$work" # the stick is readable by the kiosk user, as a mounted FAT stick is
# As the kiosk user, like the service: the store (0750, zjmap) must be writable by it.
# The shipped config names no key; the stick is signed with the development key, which sync
# takes only with --allow-development-key (its secret is public).
out=$(runuser -u zjmap -- /usr/bin/zjmap-kiosk sync --once --source "file://$usb" \
    --public-key "$work/publisher.pub" --allow-development-key 2>&1) ||
    fail "file:// sync as zjmap failed: $out"
echo "$out"
bundle_version=$(/usr/bin/zjmap-pack inspect "$work/usb-bundle" | sed -n 's/^version *//p')
contains "$(/usr/bin/zjmap-kiosk status)" "installed  bundle $bundle_version" "status after the USB update"

step "reinstall (the upgrade path) keeps the store and an edited config"
echo "# edited on this booth" >>"$config"
dpkg -i "$deb" >"$work/dpkg2.log" 2>&1 || fail "reinstall failed: $(cat "$work/dpkg2.log")"
tail -n 1 "$config" | grep -q 'edited on this booth' || fail "reinstall replaced the edited config"
contains "$(/usr/bin/zjmap-kiosk status)" "installed  bundle $bundle_version" "status after reinstall"
[ -e "$marker" ] || fail "reinstall emptied $store"

step "remove keeps config and data"
dpkg -r zjmap-kiosk >"$work/dpkg-r.log" 2>&1 || fail "dpkg -r failed: $(cat "$work/dpkg-r.log")"
[ ! -e /usr/bin/zjmap-kiosk ] || fail "/usr/bin/zjmap-kiosk still there after remove"
[ ! -e /usr/share/zjmap-kiosk/demo-bundle/manifest.json ] || fail "demo bundle still there after remove"
[ ! -e /usr/share/zjmap-kiosk/assets/README.md ] || fail "assets still there after remove"
tail -n 1 "$config" | grep -q 'edited on this booth' || fail "remove lost the config"
[ -L "$store/current" ] || fail "remove lost the content store ($store/current)"
dpkg-query -W -f='${Status}' zjmap-kiosk | grep -q 'config-files' ||
    fail "status after remove: $(dpkg-query -W -f='${Status}' zjmap-kiosk)"

step "purge deletes them"
dpkg -P zjmap-kiosk >"$work/dpkg-p.log" 2>&1 || fail "dpkg -P failed: $(cat "$work/dpkg-p.log")"
[ ! -e /etc/zjmap-kiosk ] || fail "/etc/zjmap-kiosk still there after purge"
[ ! -e "$store" ] || fail "$store still there after purge"
[ ! -e /etc/pam.d/zjmap-kiosk ] || fail "/etc/pam.d/zjmap-kiosk still there after purge"
if dpkg-query -W -f='${Status}' zjmap-kiosk 2>/dev/null | grep -q 'installed\|config-files'; then
    fail "still known to dpkg after purge"
fi
echo "PASS in $(($(date +%s) - test_start)) s"
