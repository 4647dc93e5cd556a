#!/usr/bin/env bash
# The deployed kiosk in a Debian 12 VM (tests/vm/README.md): this build's .deb (cpack), a disk
# image with it installed (image.sh, base cached), the headless reference screenshots, then
# vm.py boots it. --quick: boot to home and tap a tile (the CTest vm_boot); without it also
# hangs, crashes and power cuts (tests/vm/run.sh). Needs root (debootstrap, chroot).
# Usage: vm-test.sh BUILD_DIR SOURCE_DIR ZJMAP_PACK ZJMAP_KIOSK [--quick] [vm.py options...]
set -euo pipefail
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd) pack=$(realpath "$3") kiosk=$(realpath "$4")
shift 4
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
[ "$(id -u)" = 0 ] || skip "builds a disk image with debootstrap and chroot: needs root (CI runs as root)"
for tool in qemu-system-x86_64 debootstrap mkfs.ext4 /usr/bin/python3; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (bash scripts/dev.sh deps)"
done
/usr/bin/python3 -c 'import PIL' 2>/dev/null || fail "python3-pil is not installed (bash scripts/dev.sh deps)"
work=$build/vm
mkdir -p "$work"
figures=$work/figures.txt
: >"$figures"

step "the .deb (cpack)"
started=$(date +%s)
rm -rf "$work/pkg"
cpack -G DEB -B "$work/pkg" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 ||
    fail "cpack failed: $(tail -n 30 "$work/cpack.log")"
deb=$(find "$work/pkg" -maxdepth 1 -name 'zjmap-kiosk_*.deb')
[ -f "$deb" ] || fail "no .deb in $work/pkg"
echo "$(basename "$deb") in $(($(date +%s) - started)) s"

step "the disk image"
started=$(date +%s)
bash "$here/image.sh" "$deb" "$pack" "$src" "$work/image"
image_s=$(($(date +%s) - started))
base=$(sed -n 's/^base_build_s //p' "$work/image/timing.txt")
if [[ $base == cached* ]]; then
    echo "VM image build, base cached: $image_s s (the base's fresh build: ${base#*fresh: }" | tee -a "$figures"
else
    echo "VM image build, fresh: $image_s s (debootstrap + base packages: $base s)" | tee -a "$figures"
fi

step "headless references (the build tree's kiosk, the same demo content)"
rm -rf "$work/refs"
SDL_VIDEODRIVER=offscreen "$kiosk" --scenario "$here/reference.scn" \
    --shots "$work/refs" --data "$work/refs-store" >"$work/refs.log" 2>&1 ||
    fail "the reference scenario failed: $(tail -n 20 "$work/refs.log")"

step "boot it"
/usr/bin/python3 -B "$here/vm.py" --image "$work/image" --refs "$work/refs" --work "$work/run" \
    --figures "$figures" "$@"
