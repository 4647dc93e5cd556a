// [SECTION] index
//   memory   RSS outside the texture cache, growth figures
//   report   the summary lines
//   monkey   N random actions, memory check
//   soak     simulated days: visits, idles, content reloads; growth per simulated day
#include "monkey.hpp"

#include "core/process_memory.hpp"
#include "crash_report.hpp"
#include "monkey_driver.hpp"
#include "platform/video_player.hpp"
#include "ui/app.hpp"

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

namespace zj {

namespace {

// [SECTION] memory
// ---------------------------------------------------------------------------------------

double rssKb() {
    return static_cast<double>(residentBytes()) / 1024.0;
}

// Resident memory outside the texture cache: the cache fills up to its budget by design (LRU),
// so growth is judged on what is left, and the cache's own bytes are printed beside it.
double heldKb(const KioskApp& app) {
    return rssKb() - app.textureBytes() / 1024.0;
}

double mib(double kb) {
    return kb / 1024.0;
}

// Least-squares slope of y over x.
double slope(const std::vector<std::pair<double, double>>& xy) {
    if (xy.size() < 2) return 0;
    double n = static_cast<double>(xy.size()), sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (auto [x, y] : xy) sx += x, sy += y, sxx += x * x, sxy += x * y;
    double d = n * sxx - sx * sx;
    return d == 0 ? 0 : (n * sxy - sx * sy) / d;
}

// [SECTION] report
// ---------------------------------------------------------------------------------------

// "home 4.1 ms (812 frames), map 6.0 ms (301 frames)": mean wall time per rendered frame.
std::string frameTimes(const MonkeyDriver& d) {
    std::string s;
    for (const auto& [screen, sc] : d.frameMsByScreen) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "%s%s %.1f ms (%" PRIu64 " frames)", s.empty() ? "" : ", ",
                      screen.c_str(), sc.first / double(sc.second), sc.second);
        s += buf;
    }
    return s;
}

std::string joined(const std::set<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : " ") + n;
    return s;
}

int report(const char* mode, const MonkeyDriver& d, uint64_t event, uint64_t events,
           uint64_t seed) {
    std::fprintf(stderr, "%s: FAIL %s at event %" PRIu64 " of %" PRIu64 " (%s), seed %" PRIu64 "\n",
                 mode, d.failure().c_str(), event, events,
                 static_cast<const char*>(crash::g_action), seed);
    return 1;
}

} // namespace

// [SECTION] monkey
// -----------------------------------------------------------------------------------------

namespace {

// One monkey run's bookkeeping: when it started, its warm-up and its memory samples.
struct MonkeyRun {
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    double simStart = 0;
    uint64_t warmup = 0, every = 0;
    std::vector<std::pair<double, double>> samples; // (event, RSS KB) after warm-up
};

// The random actions; -1 when all went through, else the exit code (after the report).
int monkeyEvents(KioskApp& app, ManualClock& clock, const MonkeyOptions& o, MonkeyDriver& d,
                 MonkeyRun& run) {
    const bool trace = std::getenv("ZJ_MONKEY_TRACE") != nullptr;
    for (uint64_t i = 0; i < o.events; ++i) {
        crash::g_event = i;
        if (d.selfTestMode != "stuck") misbehave(d.selfTestMode, i, d.leaked);
        d.randomAction(true);
        if (trace) // ZJ_MONKEY_TRACE=1: one line per event, to find which action grows memory
            std::fprintf(stderr, "monkey: event %" PRIu64 " %s on %s: RSS %.0f KB\n", i,
                         static_cast<const char*>(crash::g_action), screenName(app.screen()),
                         rssKb());
        if (!d.ok()) return report("monkey", d, i, o.events, o.seed);
        if (i >= run.warmup && (i - run.warmup) % run.every == 0)
            run.samples.push_back({double(i), heldKb(app)});
        // A long run says how it goes: its figures survive even if it is stopped early.
        if (o.events >= 20'000 && (i + 1) % 10'000 == 0)
            std::fprintf(stderr,
                         "monkey: progress %" PRIu64 " of %" PRIu64
                         " events, %.0f s wall, %.1f h simulated, %" PRIu64
                         " frames; RSS outside the texture cache %.1f MiB, textures %.1f MiB\n",
                         i + 1, o.events, wallSeconds(run.started),
                         (clock.nowMs() - run.simStart) / 3'600'000.0, d.framesDrawn,
                         mib(heldKb(app)), app.textureBytes() / 1048576.0);
    }
    return -1;
}

// The summary lines and the memory verdict: 0 ok, 1 a leak.
int monkeyVerdict(KioskApp& app, ManualClock& clock, const MonkeyOptions& o, const MonkeyDriver& d,
                  const MonkeyRun& run) {
    const auto& samples = run.samples;
    // Growth: the lowest of the last few samples against the lowest of the first few after
    // warm-up. Allocators and decode threads swing RSS by a few MiB with the host's timing
    // (seed 1 measured +4.5 MiB on a loaded host, -1.7 MiB alone); a leak keeps climbing, so
    // the lowest of its last samples still climbs (monkey_detects_leak).
    auto lowest = [&samples](size_t from, size_t to) {
        double v = samples[from].second;
        for (size_t k = from; k < to; ++k) v = std::min(v, samples[k].second);
        return v;
    };
    size_t few = std::min<size_t>(3, samples.size());
    double base = lowest(0, few);
    double end = lowest(samples.size() - few, samples.size());
    double peak = base;
    for (auto [x, kb] : samples) peak = std::max(peak, kb);
    double measured = double(o.events - run.warmup);
    double limitKb = o.maxGrowthKb > 0 ? o.maxGrowthKb : 4096.0 + measured * 64.0 / 1024.0;
    double perThousand = slope(samples) * 1000.0;
    double simHours = (clock.nowMs() - run.simStart) / 3'600'000.0;
    std::fprintf(stderr,
                 "monkey: %" PRIu64 " events, seed %" PRIu64 ", %.1f s wall, %" PRIu64
                 " frames (slowest %.0f ms; %" PRIu64
                 " over 2 s while the host starved the process), %.1f h simulated, %" PRIu64
                 " language switches (%" PRIu64 " taken by an overlay), %" PRIu64
                 " staff PINs typed (%" PRIu64 " right); screens: %s\n"
                 "monkey: RSS outside the texture cache %.1f MiB after %" PRIu64
                 " warm-up events, %.1f MiB at the end "
                 "(peak %.1f), growth %+.0f KB (limit %.0f KB), trend %+.2f KB per 1000 events\n",
                 o.events, o.seed, wallSeconds(run.started), d.framesDrawn, d.slowestFrameMs,
                 d.descheduledFrames, simHours, d.langSwitches, d.langSwitchesTaken, d.pinsTyped,
                 d.pinsRight, joined(d.screensSeen).c_str(), mib(base), run.warmup, mib(end),
                 mib(peak), end - base, limitKb, perThousand);
    std::fprintf(stderr, "monkey: mean frame time at %dx%d: %s\n", app.width(), app.height(),
                 frameTimes(d).c_str());
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer keeps freed memory in quarantine (256 MB), so RSS climbs by design;
    // LeakSanitizer at exit checks for leaks instead.
    std::fprintf(stderr, "monkey: RSS limit not applied under AddressSanitizer (quarantine); "
                         "LeakSanitizer checks leaks at exit\n");
    limitKb = 1e300;
#endif
    // A leak climbs steadily; bounded caches and per-screen GL state swing up and down. Fail only
    // on both: growth beyond the limit and a trend of more than 64 bytes per event.
    if (end - base > limitKb && perThousand > 64.0) {
        std::fprintf(stderr,
                     "monkey: FAIL memory grew by %.0f KB after warm-up (limit %.0f KB), seed "
                     "%" PRIu64 "\n",
                     end - base, limitKb, o.seed);
        return 1;
    }
    std::fprintf(stderr, "monkey: ok\n");
    return 0;
}

} // namespace

int runMonkey(KioskApp& app, ManualClock& clock, const MonkeyOptions& o) {
    crash::install("monkey", o.seed, o.events);
    MonkeyRun run;
    run.simStart = clock.nowMs();
    MonkeyDriver d(app, clock, o.seed);
    run.warmup = o.warmupEvents ? o.warmupEvents : std::max<uint64_t>(o.events / 5, 200);
    run.warmup = std::min(run.warmup, o.events / 2);
    run.every =
        o.sampleEvery ? o.sampleEvery : std::max<uint64_t>((o.events - run.warmup) / 50, 20);
    d.selfTestMode = monkeySelfTest();
    d.settle();
    if (int rc = monkeyEvents(app, clock, o, d, run); rc >= 0) return rc;
    crash::g_event = o.events;
    run.samples.push_back({double(o.events), heldKb(app)});
    return monkeyVerdict(app, clock, o, d, run);
}

// [SECTION] soak
// ------------------------------------------------------------------------------------------

namespace {

constexpr double kHourMs = 3'600'000.0, kDayMs = 24 * kHourMs;
constexpr double kOpenMs = 8.5 * kHourMs, kCloseMs = 18 * kHourMs;
constexpr double kReloadEveryMs = 3 * kHourMs;

// One soak's counts and memory samples, on the simulated clock from t0.
struct SoakRun {
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    double warmupDays = 0;
    std::vector<std::pair<double, double>> samples; // (simulated day, RSS KB) after warm-up
    uint64_t visits = 0, actions = 0, reloads = 0, films = 0;
    int filmDay = -1; // the day the film was last watched
    double t0 = 0, nextReload = 0, nextSample = 0;
    double day(const ManualClock& clock) const { return (clock.nowMs() - t0) / kDayMs; }
};

// A visitor: 5-60 random things, the film once a day after noon, then the idle until the next.
// False when the driver failed.
bool soakVisit(MonkeyDriver& d, const ManualClock& clock, SoakRun& run, double timeOfDay) {
    ++run.visits;
    d.act("visit");
    for (int n = d.uniform(5, 60); n > 0 && d.ok(); --n, ++run.actions) {
        crash::g_event = run.actions;
        d.randomAction(false);
    }
    if (!d.ok()) return false;
    if (run.filmDay != int(run.day(clock)) && timeOfDay >= 12 * kHourMs) { // one film a day
        d.act("watching the film");
        run.filmDay = int(run.day(clock));
        if (d.watchFilm()) ++run.films;
        if (!d.ok()) return false;
    }
    d.act("idle between visitors");
    d.idle(d.uniform(5, 40) * 60'000.0);
    return true;
}

// Once a simulated hour: a memory sample when the night is quiet (and the trace line).
void soakSample(const KioskApp& app, const ManualClock& clock, SoakRun& run) {
    if (clock.nowMs() < run.nextSample) return;
    // Compare like with like: memory at night, when the lobby is quiet, day after day.
    // Daytime samples swing by tens of MB with what visitors opened (bounded caches).
    double hourOfDay = std::fmod(clock.nowMs() - run.t0, kDayMs) / kHourMs;
    bool quiet = hourOfDay >= 1.0 && hourOfDay < 8.0;
    double day = run.day(clock);
    if (day >= run.warmupDays && quiet) run.samples.push_back({day, heldKb(app)});
    if (std::getenv("ZJ_SOAK_TRACE")) // one line per simulated hour: the memory curve
        std::fprintf(stderr, "soak: day %.3f held %.0f KB textures %.0f KB\n", day, heldKb(app),
                     app.textureBytes() / 1024.0);
    run.nextSample += kHourMs;
}

// The summary lines and the growth verdict: 0 ok, 1 memory keeps growing.
int soakVerdict(const KioskApp& app, const SoakOptions& o, const MonkeyDriver& d,
                const SoakRun& run) {
    const auto& samples = run.samples;
    double base = samples.front().second, end = samples.back().second, peak = base;
    for (auto [x, kb] : samples) peak = std::max(peak, kb);
    double perDay = slope(samples);
    double span = samples.back().first - samples.front().first;
    std::fprintf(
        stderr,
        "soak: %.1f simulated days, seed %" PRIu64 ", %.1f s wall: %" PRIu64 " visits, %" PRIu64
        " actions, %" PRIu64 " content reloads, %" PRIu64 " films watched (%" PRIu64
        " loops played), %" PRIu64 " frames; screens: %s\n"
        "soak: RSS outside the texture cache %.1f MiB after %.2f warm-up days, %.1f MiB at the end "
        "(peak %.1f); "
        "growth %+.0f KB per simulated day (limit %.0f); texture cache %.1f MiB at the end\n",
        o.days, o.seed, wallSeconds(run.started), run.visits, run.actions, run.reloads, run.films,
        app.videoLoopsPlayed(), d.framesDrawn, joined(d.screensSeen).c_str(), mib(base),
        run.warmupDays, mib(end), mib(peak), perDay, o.maxGrowthKbPerDay,
        app.textureBytes() / 1048576.0);
    // A trend over less than half a day of samples says little; noise under 2 MiB in total is
    // allocator settling, not a leak.
    if (span >= 0.5 && perDay > o.maxGrowthKbPerDay && end - base > 2048) {
        std::fprintf(stderr,
                     "soak: FAIL memory keeps growing: %+.0f KB per simulated day, seed %" PRIu64
                     "\n",
                     perDay, o.seed);
        return 1;
    }
    std::fprintf(stderr, "soak: ok\n");
    return 0;
}

} // namespace

// A day: the lobby opens 08:30-18:00; visitors arrive every 5-40 minutes and do 5-60 things;
// between them the kiosk idles. At night it idles (cheap: the clock jumps). Every 3 simulated
// hours the content is reloaded between frames, as a bundle switch would.
int runSoak(KioskApp& app, ManualClock& clock, const SoakOptions& o) {
    crash::install("soak", o.seed, 0);
    SoakRun run;
    MonkeyDriver d(app, clock, o.seed);
    // The first day warms every cache (fonts, textures, the video player): judge from its night on.
    run.warmupDays = o.warmupDays > 0 ? o.warmupDays : std::min(1.0, o.days / 2);
    run.t0 = clock.nowMs();
    run.nextReload = run.t0 + kReloadEveryMs;
    run.nextSample = run.t0;

    d.settle();
    while (run.day(clock) < o.days && d.ok()) {
        double timeOfDay = std::fmod(clock.nowMs() - run.t0, kDayMs);
        if (timeOfDay >= kOpenMs && timeOfDay < kCloseMs) {
            if (!soakVisit(d, clock, run, timeOfDay)) break;
        } else {
            d.act("night");
            double toOpen =
                timeOfDay < kOpenMs ? kOpenMs - timeOfDay : kDayMs - timeOfDay + kOpenMs;
            d.idle(std::min(toOpen, kHourMs));
        }
        if (d.ok() && clock.nowMs() >= run.nextReload) {
            d.act("content reload");
            app.reloadContent();
            d.settle();
            ++run.reloads;
            run.nextReload += kReloadEveryMs;
        }
        soakSample(app, clock, run);
    }
    if (!d.ok()) return report("soak", d, run.actions, 0, o.seed);
    if (run.samples.empty()) run.samples.push_back({run.day(clock), heldKb(app)});
    return soakVerdict(app, o, d, run);
}

} // namespace zj
