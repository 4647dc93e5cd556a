#!/usr/bin/env bash
# tests/sanitizers/run.sh: builds the `asan` preset (AddressSanitizer + UndefinedBehaviorSanitizer,
# LeakSanitizer on) for the targets it runs only, then runs the core unit tests, one scenario and
# a short monkey under it. Any sanitizer report, leak included, fails. Leaks in Mesa/SDL that
# are not ours are suppressed narrowly in tests/sanitizers/lsan.supp (each entry explained).
set -euo pipefail
cd "$(dirname "$0")/../.."
JOBS=${JOBS:-2}
MONKEY_EVENTS=${MONKEY_EVENTS:-400}
build=build-asan
cmake --preset asan >/dev/null
cmake --build "$build" -j"$JOBS" --target zjmap-kiosk zjmap-kiosk-testdrive unit_core
export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=0:strict_string_checks=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export SDL_VIDEODRIVER=offscreen
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
start=$(date +%s)
echo "asan: unit_core"
"$build/tests/unit_core" --gtest_brief=1
# EGL (glvnd) unloads Mesa's driver at exit, before LeakSanitizer looks: the driver's own
# allocations then show as leaks from "<unknown module>" that no suppression can name.
# Preloading keeps them mapped (their globals stay roots), so only real leaks are reported.
# libasan must come first in the preload list.
lib=/usr/lib/x86_64-linux-gnu
preload="$(gcc -print-file-name=libasan.so):$lib/dri/swrast_dri.so:$lib/libEGL_mesa.so.0"
echo "asan: scenario home_landscape"
LD_PRELOAD=$preload "$build/app/zjmap-kiosk" --scenario tests/ui/scenarios/home_landscape.scn --data "$data"
echo "asan: monkey $MONKEY_EVENTS events"
LD_PRELOAD=$preload "$build/tests/drivers/zjmap-kiosk-testdrive" --monkey "$MONKEY_EVENTS" --seed 3 --viewport 640x360 --data "$data"
echo "asan: all clean in $(( $(date +%s) - start )) s"
