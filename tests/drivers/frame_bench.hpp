// `zjmap-kiosk-testdrive --frame-bench`: frame times of the real app per screen next to an empty
// frame, map pan and photo open latency (frame_bench.cpp). Used by tests/bench/run.sh.
#pragma once
#include "core/clock.hpp"

namespace zj {

class KioskApp;

int runFrameBench(KioskApp& app, ManualClock& clock); // 0 when every step ran
} // namespace zj
