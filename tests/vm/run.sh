#!/usr/bin/env bash
# The whole VM run (tests/vm/README.md): builds what it needs, then the .deb, the image and, in
# the booted guest: power-on -> first frame, a tap, a hang (SIGSTOP, the watchdog), a crash
# (SIGSEGV), and power cuts (SIGKILL of QEMU during the sync and the switch). Prints the figures.
# Root. Usage: bash tests/vm/run.sh [BUILD_DIR] [--fresh] [--cuts N] [--seed S] [--parts boot,hang,cuts]
#   --fresh   delete the cached base first (and its downloads): times a fresh image build
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$src/build
if [ $# -gt 0 ] && [[ $1 != --* ]]; then
    build=$1
    shift
fi
fresh=0
args=()
while [ $# -gt 0 ]; do
    case $1 in
        --fresh) fresh=1 ;;
        --cuts | --seed | --parts) args+=("$1" "$2"); shift ;;
        *) echo "usage: run.sh [BUILD_DIR] [--fresh] [--cuts N] [--seed S]" >&2; exit 2 ;;
    esac
    shift
done
started=$(date +%s)
[ -f "$build/CMakeCache.txt" ] || cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j"${JOBS:-2}" --target zjmap-kiosk zjmap-pack demo_bundle
if [ $fresh = 1 ]; then
    cache=${ZJ_VM_CACHE:-/var/cache/zjmap-vm}
    echo "== --fresh: deleting the cached base and downloads in $cache"
    rm -rf "${cache:?}"/base-* "$cache/debs"
fi
kiosk=$(find "$build" -maxdepth 2 -name zjmap-kiosk -type f -perm -u+x | head -n 1)
pack=$(find "$build" -maxdepth 2 -name zjmap-pack -type f -perm -u+x | head -n 1)
rc=0
bash "$src/tests/vm/vm-test.sh" "$build" "$src" "$pack" "$kiosk" "${args[@]}" || rc=$?
cp "$build/vm/figures.txt" "$build/vm/figures-run.txt"
if [ $fresh = 1 ] && [ $rc = 0 ]; then
    echo "== the image again, its base now cached"
    bash "$src/tests/vm/vm-test.sh" "$build" "$src" "$pack" "$kiosk" --quick >/dev/null || rc=$?
    grep 'VM image build' "$build/vm/figures.txt" >>"$build/vm/figures-run.txt" || true
fi
echo
echo "== figures (tests/vm/run.sh, $(($(date +%s) - started)) s in all)"
cat "$build/vm/figures-run.txt"
exit $rc
