// Robustness drivers for months of unattended running, on a simulated clock and headless:
//   monkey  N random touches (biased towards registered hit targets), language switches and
//           idles; fails on a crash, an ImGui assertion, a stuck frame or memory growth.
//   soak    simulated days of kiosk life (visits, long idles, content reloads every few hours)
//           with RSS sampled; fails if memory keeps growing after warm-up.
// Both print one summary line with the figures; on failure one line naming the seed and event.
// They run in zjmap-kiosk-testdrive (tests/drivers/main.cpp), never in the kiosk itself.
#pragma once
#include "core/clock.hpp"

#include <cstdint>

namespace zj {

class KioskApp;

struct MonkeyOptions {
    uint64_t events = 3000;
    uint64_t seed = 1;
    // Memory: RSS is sampled every `sampleEvery` events once `warmupEvents` have run (0: chosen
    // from `events`). The run fails when RSS at the end exceeds RSS after warm-up by more than
    // maxGrowthKb (0: 4 MiB + 64 bytes per measured event: a leak of a few KB per event fails).
    uint64_t warmupEvents = 0;
    uint64_t sampleEvery = 0;
    double maxGrowthKb = 0;
};

struct SoakOptions {
    double days = 1;
    uint64_t seed = 1;
    double warmupDays = 0;           // 0: half the run, at most one day
    double maxGrowthKbPerDay = 1024; // fail when RSS grows faster than this after warm-up
};

// Both return 0 when the run passed, 1 when it failed (the reason printed on stderr).
int runMonkey(KioskApp& app, ManualClock& clock, const MonkeyOptions& options);
int runSoak(KioskApp& app, ManualClock& clock, const SoakOptions& options);

} // namespace zj
