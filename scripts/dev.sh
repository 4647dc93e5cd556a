#!/usr/bin/env bash
# The one entry point for a fresh Debian 12 machine:
#   bash scripts/dev.sh run    install what is missing, build, start the kiosk on the demo content
#   bash scripts/dev.sh test   install what is missing, build, run every test (what CI runs):
#                              CTest, then the ASan+UBSan runs and a short libFuzzer run
#   bash scripts/dev.sh bench  install, build, print the benchmark table
#   bash scripts/dev.sh future install, build, run CTest with the clock 400 days ahead (faketime):
#                              proof that no test depends on today's date (FUTURE_DAYS=N)
#   bash scripts/dev.sh deps | build
# Extra arguments after `run` go to zjmap-kiosk (e.g. --windowed 1920x1080).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-2}

# Everything comes from Debian's packages.
BUILD_PACKAGES=(
  cmake g++ make pkg-config git ca-certificates
  libsdl2-dev libimgui-dev libstb-dev libturbojpeg0-dev libpng-dev libfreetype-dev fonts-noto-cjk
  libgl-dev libegl-dev libgl1-mesa-dri libegl-mesa0 libglx-mesa0
  libsqlite3-dev libsodium-dev libtomlplusplus-dev nlohmann-json3-dev libgeos-dev
  libqrencode-dev libavformat-dev libavcodec-dev libavutil-dev
  libcurl4-openssl-dev libmpv-dev libsystemd-dev
)
TEST_PACKAGES=(libgtest-dev nginx-light procps dpkg-dev file rsync sqlite3 openssl
  prometheus python3-yaml # promtool: packaging/monitoring/check.sh
  # tests/vm: a debootstrapped Debian guest booted with QEMU, its screen compared with PIL.
  debootstrap qemu-system-x86 qemu-utils e2fsprogs python3-pil)
# Sanitizer and fuzz runs of `test` (tests/sanitizers, tests/fuzz): libFuzzer needs clang.
CHECK_PACKAGES=(clang libclang-rt-14-dev)
# `bench`: idle CPU under a real X server; Chromium beside the kiosk (tests/bench/run.sh); the
# frame rows come from the build's zjmap-kiosk-testdrive (tests/drivers/, not in the .deb).
BENCH_PACKAGES=(xvfb chromium)
# `future`: the suite on a moved clock.
FUTURE_PACKAGES=(faketime)
# Regenerating the sample media and the UI art (content/scripts/make-media.py, assets/make-assets.py).
MEDIA_PACKAGES=(python3-pil ffmpeg)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "need root to install packages: run as root or install sudo" >&2; exit 1; fi
}

install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing from Debian: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$BUILD_DIR" -j"$JOBS"
}

cmd=${1:-run}
shift || true
case "$cmd" in
  deps)  install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${CHECK_PACKAGES[@]}" \
           "${MEDIA_PACKAGES[@]}" ;;
  build) install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"; build ;;
  run)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    build
    # A development run: staff PIN 2468 (README "Staff panel"); a booth sets its own.
    exec "$BUILD_DIR/app/zjmap-kiosk" --data "$BUILD_DIR/kiosk-data" --development-pin "$@"
    ;;
  test)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${CHECK_PACKAGES[@]}"
    build
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$JOBS" --timeout 900
    echo "screenshots: $BUILD_DIR/shots/"
    # Months unattended (issue 9): sanitizers, then a short libFuzzer run per parser.
    JOBS=$JOBS bash tests/sanitizers/run.sh
    cmake --preset fuzz >/dev/null
    cmake --build build-fuzz -j"$JOBS" --target fuzzers
    bash tests/fuzz/run.sh build-fuzz "${FUZZ_SECONDS:-20}"
    ;;
  future)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${FUTURE_PACKAGES[@]}"
    build
    days=${FUTURE_DAYS:-400}
    echo "CTest with the clock moved $days days ahead: $(faketime -f "+${days}d" date -u)"
    # Only the wall clock moves (monotonic clocks stay real: timeouts and sleeps behave).
    FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "+${days}d" \
        ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$JOBS" --timeout 900
    ;;
  bench)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" "${BENCH_PACKAGES[@]}"
    build
    bash tests/bench/run.sh "$BUILD_DIR"
    ;;
  *) echo "usage: bash scripts/dev.sh run|test|bench|future|deps|build" >&2; exit 2 ;;
esac
