#!/usr/bin/env bash
# [SECTION] index: mirror · base (cached) · this build's .deb · guest config · test bundles · ext4
#
# A Debian 12 disk image with this build's .deb installed, for the VM tests (tests/vm/README.md).
# The base (debootstrap, the kernel, systemd, nginx and the .deb's Depends) is cached, keyed by a
# hash of that package list; the .deb is installed on a copy with `apt-get install ./DEB`, so
# its Depends are proven against Debian's archive. No loop mounts: the ext4 file system is made
# from the tree with `mkfs.ext4 -d`.
# Usage: image.sh DEB PACK_EXE SOURCE_DIR OUT_DIR
# OUT_DIR gets disk.img, vmlinuz, initrd.img, test-key.pub and timing.txt.
# Cache: $ZJ_VM_CACHE, default /var/cache/zjmap-vm (a fresh machine builds the base there).
set -euo pipefail
deb=$(realpath "$1") pack=$(realpath "$2") src=$(realpath "$3") out=$4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
[ "$(id -u)" = 0 ] || skip "debootstrap and chroot need root (CI runs as root)"
for tool in debootstrap mkfs.ext4 unshare; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/dev.sh deps)"
done
[ -f "$deb" ] || fail "no .deb at $1"
mkdir -p "$out"
out=$(realpath "$out")
cache=${ZJ_VM_CACHE:-/var/cache/zjmap-vm}
mkdir -p "$cache"
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
suite=bookworm

# [SECTION] mirror: the host's own Debian archive (sources.list or deb822 .sources)
host_mirror() {
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk -v s="$suite" '$1 == "deb" && $0 !~ /security/ {
            for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { if ($(i+1) == s) { print $i; exit } } }' "$f"
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        # One stanza per paragraph: its URIs when its Suites name bookworm (not -security).
        awk -v s="$suite" 'BEGIN { RS = "" }
            { u = ""; ok = 0
              n = split($0, lines, "\n")
              for (i = 1; i <= n; i++) {
                  if (lines[i] ~ /^URIs:/) { split(lines[i], w, /[ \t]+/); u = w[2] }
                  if (lines[i] ~ /^Suites:/) { m = split(lines[i], w, /[ \t]+/)
                      for (j = 2; j <= m; j++) if (w[j] == s) ok = 1 }
                  if (lines[i] ~ /^Enabled: *no/) ok = 0 }
              if (ok && u != "" && u !~ /security/) { print u; exit } }' "$f"
    done
}
mirror=${ZJ_VM_MIRROR:-$(host_mirror | head -n 1)}
[ -n "$mirror" ] || fail "no Debian $suite archive in /etc/apt/sources.list{,.d} (set ZJ_VM_MIRROR)"

# [SECTION] base (cached): everything but the .deb
# The guest's own packages: kernel + initramfs, systemd with logind and udev, e2fsprogs (fsck
# after a power cut), nginx-light (the content server on the guest's loopback), procps (pgrep),
# qemu-guest-agent (the host runs checks in the guest over virtio-serial, not a network).
base_packages=(linux-image-amd64 systemd systemd-sysv udev dbus libpam-systemd kmod e2fsprogs
    nginx-light procps qemu-guest-agent)
# The .deb's Depends, first alternative, without versions: preinstalled in the base so a
# per-build install is fast; `apt-get install ./DEB` below still resolves the exact constraints.
mapfile -t deb_depends < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -e 's/|.*//' \
    -e 's/(.*)//' -e 's/[[:space:]]//g' | grep -v '^$' | sort -u)
# base_recipe: bump it when the base's steps below change (not for the per-build steps).
base_recipe=1
key=$(printf '%s\n' "$suite" "$mirror" "${base_packages[@]}" "${deb_depends[@]}" "$base_recipe" |
    sha256sum | cut -c1-16)
base=$cache/base-$key
exec 9>"$cache/lock"
flock 9 # one image build at a time per cache
timing=$out/timing.txt
: >"$timing"

# Inside a chroot (fresh-debian-check) "/" is no mount point, and unshare cannot make the new
# namespace's mounts private ("cannot change root filesystem propagation"): there in_root
# mounts in this namespace and unmounts when the command ends.
if unshare --mount --propagation private true 2>/dev/null; then private_ns=1; else private_ns=0; fi
in_root() { # in_root ROOT CMD...: CMD in a chroot with /proc, /sys, /dev (gone with the namespace)
    local root=$1
    shift
    if [ "$private_ns" = 1 ]; then
        unshare --mount --propagation private bash -c '
            r=$1; shift
            mount -t proc proc "$r/proc" && mount -t sysfs sys "$r/sys" && mount --rbind /dev "$r/dev"
            exec chroot "$r" "$@"' in_root "$root" "$@"
        return
    fi
    mount -t proc proc "$root/proc" && mount -t sysfs sys "$root/sys" &&
        mount --rbind /dev "$root/dev" || fail "in_root: cannot mount /proc, /sys, /dev in $root"
    local rc=0
    chroot "$root" "$@" || rc=$?
    umount -l "$root/dev" "$root/sys" "$root/proc"
    return "$rc"
}

if [ ! -e "$base/.complete" ]; then
    step "base image $key: debootstrap $suite from $mirror (fresh; cached afterwards)"
    started=$(date +%s)
    rm -rf "$base" "$cache"/base-*.tmp # an interrupted build, or an older key's tree
    for old in "$cache"/base-*; do [ -d "$old" ] && rm -rf "$old"; done
    tmp=$cache/base-$key.tmp
    mkdir -p "$cache/debs" "$tmp"
    debootstrap --variant=minbase --cache-dir="$cache/debs" "$suite" "$tmp" "$mirror" \
        >"$cache/debootstrap.log" 2>&1 || fail "debootstrap failed: $(tail -n 20 "$cache/debootstrap.log")"
    # No daemon starts inside the chroot (nginx's postinst would try).
    printf '#!/bin/sh\nexit 101\n' >"$tmp/usr/sbin/policy-rc.d"
    chmod 0755 "$tmp/usr/sbin/policy-rc.d"
    echo "deb $mirror $suite main" >"$tmp/etc/apt/sources.list"
    cp /etc/resolv.conf "$tmp/etc/resolv.conf" 2>/dev/null || true
    cp -a "$cache/debs/." "$tmp/var/cache/apt/archives/" 2>/dev/null || true
    in_root "$tmp" apt-get update -q >"$cache/apt.log" 2>&1 || fail "apt-get update: $(tail -n 20 "$cache/apt.log")"
    in_root "$tmp" apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-unsafe-io "${base_packages[@]}" "${deb_depends[@]}" \
        >>"$cache/apt.log" 2>&1 || fail "apt-get install (base): $(tail -n 30 "$cache/apt.log")"
    # Keep the downloads for the next key's build; the image does not need them.
    cp -a "$tmp/var/cache/apt/archives/"*.deb "$cache/debs/" 2>/dev/null || true
    in_root "$tmp" apt-get clean
    rm -f "$tmp/etc/resolv.conf"
    echo $(($(date +%s) - started)) >"$tmp/.build_s" # the fresh build's time, for the figures
    touch "$tmp/.complete"
    mv "$tmp" "$base"
    echo "base_build_s $(cat "$base/.build_s")" | tee -a "$timing"
else
    step "base image $key: cached ($base)"
    echo "base_build_s cached (fresh: $(cat "$base/.build_s" 2>/dev/null || echo '?') s)" >>"$timing"
fi

# [SECTION] this build's .deb, installed as a booth installs it
started=$(date +%s)
root=$out/root
rm -rf "$root"
cp -a "$base" "$root"
rm -f "$root/.complete" "$root/.build_s"
cp "$deb" "$root/tmp/"
step "apt-get install ./$(basename "$deb") in the guest"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
in_root "$root" sh -c "cd /tmp && apt-get install -y -q --no-install-recommends ./$(basename "$deb")" \
    >"$out/apt-install.log" 2>&1 || fail "apt-get install ./$(basename "$deb"): $(tail -n 30 "$out/apt-install.log")"
rm -f "$root/tmp/$(basename "$deb")" "$root/etc/resolv.conf"
in_root "$root" dpkg-query -W -f='${Status}' zjmap-kiosk | grep -q 'install ok installed' ||
    fail "zjmap-kiosk is not installed in the guest"

# [SECTION] guest config: boot, serial journal, the unit as the README's install step enables it
echo zjmap-vm >"$root/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 zjmap-vm\n' >"$root/etc/hosts"
echo '/dev/vda / ext4 defaults,errors=remount-ro 0 1' >"$root/etc/fstab"
# Root may log in on the serial console without a password (a test machine, no network).
in_root "$root" passwd -d root >/dev/null
# The journal, mirrored on the serial console: the host reads the kiosk's lines from its file.
mkdir -p "$root/etc/systemd/journald.conf.d"
cat >"$root/etc/systemd/journald.conf.d/zjmap-vm.conf" <<'EOF'
[Journal]
ForwardToConsole=yes
TTYPath=/dev/ttyS0
MaxLevelConsole=info
EOF
in_root "$root" systemctl enable zjmap-kiosk.service >/dev/null 2>&1
in_root "$root" systemctl set-default graphical.target >/dev/null 2>&1
in_root "$root" systemctl enable nginx.service >/dev/null 2>&1
# The guest's GPU is a virtual display without 3D: Mesa's llvmpipe renders, which wlroots
# refuses unless told (a real booth has a GPU). This drop-in is the VM's only change to the unit.
# The metrics textfile, where node_exporter's textfile collector would read it.
mkdir -p "$root/etc/systemd/system/zjmap-kiosk.service.d"
cat >"$root/etc/systemd/system/zjmap-kiosk.service.d/vm.conf" <<'EOF'
[Service]
Environment=WLR_RENDERER_ALLOW_SOFTWARE=1
# wlroots' GLES2 renderer on Mesa's kms_swrast (virtio-gpu without 3D) crashed cage (SIGSEGV)
# at start in this VM; its pixman renderer works, and SDL's GL still runs on llvmpipe over wl_shm.
Environment=WLR_RENDERER=pixman
# Without KVM (TCG) the first frame can take minutes; the watchdog itself is left as shipped.
TimeoutStartSec=900
ExecStart=
ExecStart=/usr/bin/zjmap-kiosk-session /usr/bin/cage -d -- /usr/bin/zjmap-kiosk --metrics /var/lib/zjmap-kiosk/metrics.prom
EOF

# [SECTION] test bundles: v1 installed, v2 offered by nginx on the guest's loopback
step "test bundles (zjmap-pack, a test key)"
keys=$out/keys
rm -rf "$keys" "$out/v1" "$out/v2" "$out/content-v2"
"$pack" keygen --out "$keys" >/dev/null
cp "$keys/publisher.pub" "$out/test-key.pub"
"$pack" build "$src/content" --key "$keys/publisher.key" --out "$out/v1" --version 1 >"$out/pack-v1.log" 2>&1 ||
    fail "zjmap-pack build v1: $(tail -n 20 "$out/pack-v1.log")"
# v2 differs in every photo (a real download, not just a new manifest): the sources with one
# pixel of each JPEG changed, so the packer's re-encoded blobs differ too.
cp -a "$src/content" "$out/content-v2"
/usr/bin/python3 - "$out/content-v2/media" <<'PY' || fail "changing the photos for v2 (python3-pil)"
import pathlib, sys
from PIL import Image
for p in pathlib.Path(sys.argv[1]).rglob("*.jpg"):
    im = Image.open(p).convert("RGB")
    r, g, b = im.getpixel((0, 0))
    im.putpixel((0, 0), (255 - r, g, b))
    im.save(p, quality=92)
PY
"$pack" build "$out/content-v2" --key "$keys/publisher.key" --out "$out/v2" --version 2 >"$out/pack-v2.log" 2>&1 ||
    fail "zjmap-pack build v2: $(tail -n 20 "$out/pack-v2.log")"
rm -rf "$out/content-v2"
mkdir -p "$root/srv/zjmap" "$root/srv/zjmap-v1"
"$pack" publish "$out/v1" "$root/srv/zjmap-v1" >/dev/null
"$pack" publish "$out/v2" "$root/srv/zjmap" >/dev/null
pubhex=$(tr -d '[:space:]' <"$keys/publisher.pub")
# The store starts with v1, installed by the kiosk's own sync from a file:// source.
cat >"$root/etc/zjmap-kiosk/kiosk.toml" <<EOF
# zjmap-vm: the test machine's config (tests/vm/image.sh).
[sync]
sources = ["http://127.0.0.1:8080/"]
public_key = "$pubhex"
interval_s = 30
jitter_s = 5
max_backoff_s = 60

[store]
data_dir = "/var/lib/zjmap-kiosk"

[staff]
development_pin = true
EOF
cp "$keys/publisher.pub" "$root/etc/zjmap-kiosk/test-key.pub"
in_root "$root" runuser -u zjmap -- /usr/bin/zjmap-kiosk sync --once --source file:///srv/zjmap-v1 \
    >"$out/sync-v1.log" 2>&1 || fail "installing v1 in the guest's store: $(tail -n 20 "$out/sync-v1.log")"
rm -rf "$root/srv/zjmap-v1"
readlink "$root/var/lib/zjmap-kiosk/current" >/dev/null || fail "no current bundle after the v1 sync"
# The content server: the sample site shipped in the package, on the guest's loopback only.
sed -e 's|^\( *\)listen 80;|\1listen 127.0.0.1:8080;|' -e '/listen \[::\]:80;/d' \
    "$root/usr/share/doc/zjmap-kiosk/examples/zjmap-content.conf" >"$root/etc/nginx/sites-enabled/zjmap"
rm -f "$root/etc/nginx/sites-enabled/default"
echo "install_and_config_s $(($(date +%s) - started))" | tee -a "$timing"

# [SECTION] ext4 image from the tree (no loop mount), kernel and initrd beside it
started=$(date +%s)
cp "$(ls -1 "$root"/boot/vmlinuz-* | sort -V | tail -n 1)" "$out/vmlinuz"
cp "$(ls -1 "$root"/boot/initrd.img-* | sort -V | tail -n 1)" "$out/initrd.img"
used_mb=$(du -sm "$root" | cut -f1)
size_mb=$((used_mb * 13 / 10 + 768)) # room for the journal, downloads and a second bundle
rm -f "$out/disk.img"
mkfs.ext4 -q -F -L zjmap-root -d "$root" "$out/disk.img" "${size_mb}M" >"$out/mkfs.log" 2>&1 ||
    fail "mkfs.ext4 -d: $(cat "$out/mkfs.log")"
rm -rf "$root"
echo "mkfs_s $(($(date +%s) - started)) (${size_mb} MiB)" | tee -a "$timing"
