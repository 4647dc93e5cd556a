// [SECTION] index
//   crash report   signal handlers (and the sanitizers' death callback) that name seed and event
//   memory         RSS from /proc/self/statm, growth figures
//   driver         finger events through SDL_PushEvent, frames on the simulated clock, stuck checks
//   actions        tap, drag, pinch, long press, multi-finger chaos, language, idle, resize
//   monkey         N random actions, memory check
//   soak           simulated days: visits, idles, content reloads; growth per simulated day
#include "ui/monkey.hpp"

#include "core/process_memory.hpp"
#include "core/session/pin.hpp"
#include "platform/video_player.hpp"
#include "ui/app.hpp"

#include <SDL.h>
#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

namespace zj {

namespace {

// [SECTION] crash report
// ---------------------------------------------------------------------------------

// What the signal handler prints. Plain globals: a handler may only read them.
volatile uint64_t g_seed = 0;
volatile uint64_t g_event = 0;
volatile uint64_t g_events = 0;
const char* volatile g_mode = "monkey";
const char* volatile g_action = "start";
struct sigaction g_previous[32];

// Async-signal-safe: write(2) and hand-made number formatting only.
void writeText(const char* s) {
    ssize_t ignored = write(STDERR_FILENO, s, std::strlen(s));
    (void)ignored;
}

void writeNumber(uint64_t n) {
    char buf[24];
    int i = sizeof buf;
    buf[--i] = 0;
    do {
        buf[--i] = static_cast<char>('0' + n % 10);
        n /= 10;
    } while (n && i > 0);
    writeText(buf + i);
}

void writeWhere(const char* what) {
    writeText("\n");
    writeText(g_mode);
    writeText(": FAIL ");
    writeText(what);
    writeText(" at event ");
    writeNumber(g_event);
    writeText(" of ");
    writeNumber(g_events);
    writeText(" (");
    writeText(g_action);
    writeText("), seed ");
    writeNumber(g_seed);
    writeText("\n");
}

void onFatalSignal(int sig, siginfo_t* info, void* context) {
    // SIGABRT is what a failed assert() does, including ImGui's IM_ASSERT in Debian's libimgui.
    writeWhere(sig == SIGABRT   ? "abort (an assertion failed?)"
               : sig == SIGSEGV ? "crash (SIGSEGV)"
               : sig == SIGBUS  ? "crash (SIGBUS)"
               : sig == SIGFPE  ? "crash (SIGFPE)"
                                : "crash (SIGILL)");
    // Chain to whoever was there before (AddressSanitizer prints its report), else die by the
    // same signal so the exit status says what happened.
    const struct sigaction& prev = g_previous[sig];
    if ((prev.sa_flags & SA_SIGINFO) && prev.sa_sigaction) {
        prev.sa_sigaction(sig, info, context);
    } else if (!(prev.sa_flags & SA_SIGINFO) && prev.sa_handler != SIG_DFL &&
               prev.sa_handler != SIG_IGN) {
        prev.sa_handler(sig);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

#if defined(__SANITIZE_ADDRESS__)
void onSanitizerDeath() {
    writeWhere("sanitizer report");
}
#endif

void installCrashReport(const char* mode, uint64_t seed, uint64_t events) {
    g_mode = mode;
    g_seed = seed;
    g_events = events;
    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) {
        struct sigaction sa {};
        sa.sa_sigaction = onFatalSignal;
        sa.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_NODEFER;
        sigemptyset(&sa.sa_mask);
        sigaction(sig, &sa, &g_previous[sig]);
    }
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_set_death_callback(onSanitizerDeath);
#endif
}

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

// ZJ_MONKEY_SELFTEST=abort|leak|stuck makes the monkey misbehave on purpose from event 20 on,
// so that tests prove each detector fires (tests/monkey/expect-fail.sh).
std::string selfTest() {
    const char* v = std::getenv("ZJ_MONKEY_SELFTEST");
    return v ? v : "";
}

void misbehave(const std::string& mode, uint64_t event, std::vector<std::string>& leaked) {
    if (event < 20 || mode.empty()) return;
    if (mode == "abort") std::abort();                       // what a failed assert() does
    if (mode == "leak") leaked.emplace_back(64 * 1024, 'x'); // 64 KB per event, never freed
    if (mode == "stuck" && event == 20) { // a frame busy as an endless layout loop would be
        // 3.1 s of this thread's CPU, not of wall time, so the detector fires however busy the
        // host is: with a CPU share of 30% or more the frame is "busy" (> 2 s wall, >= 30% CPU),
        // with less it lasts over 3.1 / 0.31 = 10 s of wall time (the idle-wall limit).
        auto cpuNow = [] {
            timespec t{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
            return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
        };
        const double until = cpuNow() + 3.1;
        while (cpuNow() < until) {}
    }
}

// CPU seconds of the whole process (every thread): what the app itself spent.
double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

double wallSeconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// [SECTION] driver
// ---------------------------------------------------------------------------------------

// Frames: each action's frames go through the complete app path (events, ImGui, GL, swap), but
// while something animates the driver steps simulated time by kFrameStepMs per rendered frame
// (a 250 ms transition costs 3 frames, not 8), which keeps a million events within hours.
constexpr double kFrameStepMs = 100.0;
constexpr double kTapHoldMs = 60.0;
constexpr double kLongPressMs = 900.0;
constexpr double kStuckFrameWallMs = 2000.0;       // a frame slower than this that kept a core busy
constexpr double kStuckFrameIdleWallMs = 10'000.0; // any frame slower than this (a blocked wait)
constexpr double kMaxAnimationMs = 60'000.0;       // frames wanted this long without input: stuck
constexpr double kAttractStepMs = 5'000.0;         // simulated time between frames while attracting

class Driver {
  public:
    Driver(KioskApp& app, ManualClock& clock, uint64_t seed)
        : app_(app), clock_(clock), rng_(seed) {}

    // Set by any check; the caller reports it with the event index.
    std::string failure;
    uint64_t frames = 0;
    double slowestFrameMs = 0;
    std::set<std::string> screensSeen;
    std::map<std::string, std::pair<double, uint64_t>> frameMsByScreen; // sum, count
    uint64_t langSwitches = 0;
    uint64_t langSwitchesTaken = 0; // switch taps an overlay or a session end took first
    uint64_t pinsTyped = 0;         // PINs entered on the staff keypad ...
    uint64_t pinsRight = 0;         // ... of which the right one (the panel opened)
    uint64_t descheduledFrames = 0; // over 2 s of wall time with the process hardly running
    std::string selfTestMode;       // see misbehave()
    std::vector<std::string> leaked;

    bool ok() const { return failure.empty(); }

    // [SECTION] actions
    // One random visitor action (no long idles when `visitor` is set: the soak adds its own).
    void randomAction(bool allowLongIdle) {
        int roll = uniform(0, 999);
        if (roll < 450) {
            g_action = "tap target";
            tapTarget(kTapHoldMs);
        } else if (roll < 535) {
            g_action = "tap anywhere";
            tap(randomX(), randomY(), kTapHoldMs);
        } else if (roll < 550) {
            g_action = "staff gesture and PIN";
            staffAttempt();
        } else if (roll < 650) {
            g_action = "drag";
            drag(randomX(), randomY(), randomX(), randomY(), uniform(60, 900));
        } else if (roll < 710) {
            g_action = "pinch";
            pinch();
        } else if (roll < 750) {
            g_action = "long press";
            if (uniform(0, 1))
                tapTarget(kLongPressMs);
            else
                tap(randomX(), randomY(), kLongPressMs);
        } else if (roll < 810) {
            g_action = "language switch";
            switchLanguage();
        } else if (roll < 850) {
            g_action = "multi-finger";
            chaos();
        } else if (roll < 947 || !allowLongIdle) {
            g_action = "short idle";
            idle(uniform(200, 10'000));
        } else if (roll < 997) {
            g_action = "long idle";
            idle(uniform(60, 15 * 60) * 1000.0);
        } else {
            g_action = "rotate viewport";
            rotate();
        }
        screensSeen.insert(screenName(app_.screen()));
    }

    void tapTarget(double holdMs) {
        const auto& targets = app_.hits().targets();
        if (targets.empty()) return tap(randomX(), randomY(), holdMs);
        const HitTarget& t = targets[static_cast<size_t>(uniform(0, int(targets.size()) - 1))];
        // The staff panel's restart and exit end the process by design: not a monkey's to press.
        if (t.id == "staff-restart" || t.id == "staff-exit") return;
        float fx = static_cast<float>(uniform(20, 80)) / 100.0f;
        float fy = static_cast<float>(uniform(20, 80)) / 100.0f;
        tap(clampX(t.rect.x + t.rect.w * fx), clampY(t.rect.y + t.rect.h * fy), holdMs);
    }

    void tap(float x, float y, double holdMs) {
        finger(SDL_FINGERDOWN, 1, x, y);
        for (double held = 0; held < holdMs && ok(); held += kFrameStepMs)
            tick(std::min(kFrameStepMs, holdMs - held));
        finger(SDL_FINGERUP, 1, x, y);
        settle();
    }

    void drag(float x1, float y1, float x2, float y2, double ms) {
        int steps = std::clamp(static_cast<int>(ms / 50.0), 2, 12);
        finger(SDL_FINGERDOWN, 1, x1, y1);
        tick(ms / steps);
        for (int i = 1; i <= steps && ok(); ++i) {
            float t = static_cast<float>(i) / static_cast<float>(steps);
            finger(SDL_FINGERMOTION, 1, x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
            tick(ms / steps);
        }
        finger(SDL_FINGERUP, 1, x2, y2);
        settle();
    }

    void pinch() {
        float w = static_cast<float>(app_.width()), h = static_cast<float>(app_.height());
        float d0 = std::min(w, h) * static_cast<float>(uniform(5, 20)) / 100.0f;
        float scale = static_cast<float>(uniform(40, 250)) / 100.0f;
        float d1 = d0 * scale;
        float reach = std::max(d0, d1);
        float cx = std::clamp(randomX(), reach + 1, std::max(reach + 1, w - reach - 2));
        float cy = randomY();
        int steps = uniform(2, 8);
        finger(SDL_FINGERDOWN, 1, clampX(cx - d0), cy);
        finger(SDL_FINGERDOWN, 2, clampX(cx + d0), cy);
        tick(40);
        for (int i = 1; i <= steps && ok(); ++i) {
            float d = d0 + (d1 - d0) * static_cast<float>(i) / static_cast<float>(steps);
            finger(SDL_FINGERMOTION, 1, clampX(cx - d), cy);
            finger(SDL_FINGERMOTION, 2, clampX(cx + d), cy);
            tick(40);
        }
        finger(SDL_FINGERUP, 1, clampX(cx - d1), cy);
        finger(SDL_FINGERUP, 2, clampX(cx + d1), cy);
        settle();
    }

    // Up to four fingers landing, moving and lifting in random order, some of them slightly
    // outside the screen, and sometimes a lift for a finger that never landed (real touch
    // screens drop events).
    void chaos() {
        int fingers = uniform(2, 4);
        std::vector<std::pair<float, float>> at(static_cast<size_t>(fingers));
        for (int f = 0; f < fingers; ++f) {
            at[size_t(f)] = {randomX(), randomY()};
            finger(SDL_FINGERDOWN, f + 1, at[size_t(f)].first, at[size_t(f)].second, true);
            if (uniform(0, 1)) tick(uniform(10, 120));
        }
        for (int m = uniform(0, 6); m > 0 && ok(); --m) {
            int f = uniform(0, fingers - 1);
            at[size_t(f)].first += static_cast<float>(uniform(-200, 200));
            at[size_t(f)].second += static_cast<float>(uniform(-200, 200));
            finger(SDL_FINGERMOTION, f + 1, at[size_t(f)].first, at[size_t(f)].second, true);
            tick(uniform(10, 120));
        }
        std::vector<int> order(static_cast<size_t>(fingers));
        for (int f = 0; f < fingers; ++f) order[size_t(f)] = f;
        std::shuffle(order.begin(), order.end(), rng_);
        for (int f : order)
            finger(SDL_FINGERUP, f + 1, at[size_t(f)].first, at[size_t(f)].second, true);
        if (uniform(0, 9) == 0) finger(SDL_FINGERUP, 9, randomX(), randomY());
        settle();
    }

    // The hidden staff gesture (a long press on the home screen's corner), then a PIN on the
    // keypad: mostly wrong ones (the gate rate-limits them), one in five the right one.
    void staffAttempt() {
        if (!goHome()) return tapTarget(kTapHoldMs); // the corner is on the home screen
        const HitTarget* corner = app_.hits().find("staff-corner");
        if (!corner) return;
        Vec2 c = corner->rect.center();
        tap(c.x, c.y, kLongPressMs);
        if (!ok() || app_.screen() != ScreenId::Staff) return;
        bool right = uniform(0, 4) == 0;
        std::string pin = kDevPin;
        if (!right) {
            pin.clear();
            for (int n = uniform(1, 7); n > 0; --n) pin += static_cast<char>('0' + uniform(0, 9));
            right = pin == kDevPin;
        }
        for (char digit : pin) {
            if (!pressKey(std::string("pin-key-") + digit)) return;
        }
        if (!pressKey("pin-key-OK")) return;
        ++pinsTyped;
        if (right) ++pinsRight;
    }

    // A visitor watching the film to its end: it must loop (mpv's loop-file) and keep playing.
    // Seeks close to the end, then draws frames for a few seconds of wall time (mpv plays in
    // real time, whatever the simulated clock says). True when the film was found and played.
    bool watchFilm() {
        if (app_.screen() != ScreenId::City && (!goHome() || !pressKey("tile:city"))) return false;
        // Scroll until the film's control bar is on screen (the page scrolls under the header).
        auto barShown = [&] {
            const HitTarget* bar = app_.hits().find("video-scrubber");
            return bar && bar->rect.y + bar->rect.h <= float(app_.height());
        };
        for (int scroll = 0; scroll < 8 && ok() && !barShown(); ++scroll) {
            float x = app_.width() * 0.5f;
            drag(x, app_.height() * 0.7f, x, app_.height() * 0.45f, 300);
        }
        const HitTarget* picture = app_.hits().find("video-picture");
        if (!picture || !ok()) return false;
        Vec2 c = picture->rect.center();
        tap(c.x, c.y, kTapHoldMs);
        wallFrames(800); // mpv opens the file and learns the duration
        const HitTarget* bar = app_.hits().find("video-scrubber");
        if (bar && barShown() && ok()) {
            tap(bar->rect.x + bar->rect.w * 0.97f, bar->rect.center().y, kTapHoldMs);
            wallFrames(4000);
        }
        return ok();
    }

    // Frames for `ms` of wall time at ~25 fps, the simulated clock moving along.
    void wallFrames(double ms) {
        auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(int64_t(ms));
        while (ok() && std::chrono::steady_clock::now() < until) {
            app_.waitAndHandleEvents(0);
            render();
            clock_.advance(40);
            SDL_Delay(20);
        }
    }

    // The home screen through its header button (either language); false if none leads there.
    bool goHome() {
        if (app_.screen() != ScreenId::Home && !pressKey("首页")) pressKey("Home");
        return ok() && app_.screen() == ScreenId::Home;
    }

    bool pressKey(const std::string& id) {
        const HitTarget* key = app_.hits().find(id);
        if (!key || !ok()) return false;
        Vec2 c = key->rect.center();
        tap(c.x, c.y, kTapHoldMs);
        return ok();
    }

    void switchLanguage() {
        const HitTarget* t = app_.hits().find("lang-switch");
        if (!t) return tapTarget(kTapHoldMs);
        Lang before = app_.lang();
        Vec2 c = t->rect.center();
        ScreenId screenBefore = app_.screen();
        tap(c.x, c.y, kTapHoldMs);
        // A session overlay ("Still there?", the tour bar) or a session end may take the touch
        // first; the switch itself must work when the same screen is still showing. (Scenarios
        // check the switch on every screen; this catches it breaking under random use.)
        if (ok() && app_.lang() == before && app_.screen() == screenBefore) ++langSwitchesTaken;
        ++langSwitches;
    }

    void rotate() {
        std::string err;
        if (!app_.resize(app_.height(), app_.width(), err)) failure = "resize failed: " + err;
        settle();
    }

    // Simulated time with no input: jumps straight to the next timer when no frame is wanted,
    // renders when one is. After the idle the app must want no frames (nothing may animate
    // forever on a static screen: that would cost a core in the lobby).
    void idle(double ms) {
        double end = clock_.nowMs() + ms;
        double wantedSince = -1;
        while (clock_.nowMs() < end && ok()) {
            app_.waitAndHandleEvents(0);
            double step = end - clock_.nowMs();
            if (app_.frameWanted()) {
                // The attract loop is the one thing allowed to animate for ever, paced by the
                // session layer's deadline (~10 fps), never frame after frame at full rate.
                if (wantedSince < 0 || app_.screen() == ScreenId::Attract)
                    wantedSince = clock_.nowMs();
                if (clock_.nowMs() - wantedSince > kMaxAnimationMs) {
                    failure = "stuck: the app wants frames for over 60 s of simulated time with "
                              "no input";
                    return;
                }
                render();
                // In the attract loop one frame per few seconds shows it alive; rendering every
                // paced frame of a 15-minute idle would only make the monkey slow.
                step = app_.screen() == ScreenId::Attract ? kAttractStepMs : kFrameStepMs;
            } else {
                wantedSince = -1;
                double d = app_.nextDeadlineMs();
                if (d > clock_.nowMs()) step = std::min(step, d - clock_.nowMs());
            }
            clock_.advance(std::max(1.0, std::min(step, end - clock_.nowMs())));
        }
        settle();
    }

    // Renders until the app wants no more frames; fails when that never happens.
    void settle() {
        double start = clock_.nowMs();
        while (ok()) {
            app_.waitAndHandleEvents(0);
            if (!app_.frameWanted() || app_.screen() == ScreenId::Attract) return;
            if (clock_.nowMs() - start > kMaxAnimationMs) {
                failure = "stuck: the app still wants frames after 60 s of simulated time "
                          "without input";
                return;
            }
            render();
            clock_.advance(kFrameStepMs);
        }
    }

    float randomX() { return static_cast<float>(uniform(0, app_.width() - 1)); }
    float randomY() { return static_cast<float>(uniform(0, app_.height() - 1)); }
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  private:
    float clampX(float x) const {
        return std::clamp(x, 0.0f, static_cast<float>(app_.width() - 1));
    }
    float clampY(float y) const {
        return std::clamp(y, 0.0f, static_cast<float>(app_.height() - 1));
    }

    // A finger event through the real SDL queue, as the scenario runner sends them. `loose`
    // lets a coordinate fall up to 2% outside the screen, as real panels report at the edges.
    void finger(Uint32 type, SDL_FingerID id, float x, float y, bool loose = false) {
        SDL_Event e{};
        e.type = type;
        e.tfinger.touchId = 1;
        e.tfinger.fingerId = id;
        float nx = x / static_cast<float>(app_.width());
        float ny = y / static_cast<float>(app_.height());
        float lo = loose ? -0.02f : 0.0f, hi = loose ? 1.02f : 1.0f;
        e.tfinger.x = std::clamp(nx, lo, hi);
        e.tfinger.y = std::clamp(ny, lo, hi);
        e.tfinger.pressure = 1.0f;
        e.tfinger.timestamp = SDL_GetTicks();
        SDL_PushEvent(&e);
    }

    void tick(double ms) {
        app_.waitAndHandleEvents(0);
        if (app_.frameWanted()) render();
        clock_.advance(ms);
    }

    void render() {
        auto t0 = std::chrono::steady_clock::now();
        double cpu0 = processCpuSeconds();
        if (selfTestMode == "stuck") misbehave(selfTestMode, g_event, leaked);
        app_.renderFrame();
        double ms = wallSeconds(t0) * 1000.0;
        double cpuMs = (processCpuSeconds() - cpu0) * 1000.0;
        ++frames;
        slowestFrameMs = std::max(slowestFrameMs, ms);
        auto& [sum, count] = frameMsByScreen[screenName(app_.screen())];
        sum += ms;
        ++count;
        // A slow frame that kept the process busy is the app's (a loop that does not end); one
        // in which the process hardly ran is the machine's (an overloaded host descheduled it),
        // unless it lasts so long that only a blocked wait explains it.
        bool busy = cpuMs >= 0.3 * ms;
        if (ms > kStuckFrameWallMs && !busy) ++descheduledFrames;
        if (((ms > kStuckFrameWallMs && busy) || ms > kStuckFrameIdleWallMs) && ok())
            failure = "stuck frame: one frame took " + std::to_string(static_cast<int>(ms)) +
                      " ms of wall time (" + std::to_string(static_cast<int>(cpuMs)) +
                      " ms of CPU) on screen " + screenName(app_.screen());
        if (app_.quitRequested() && ok()) failure = "the app quit";
    }

    KioskApp& app_;
    ManualClock& clock_;
    std::mt19937_64 rng_;
};

// "home 4.1 ms (812 frames), map 6.0 ms (301 frames)": mean wall time per rendered frame.
std::string frameTimes(const Driver& d) {
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

int report(const char* mode, const Driver& d, uint64_t event, uint64_t events, uint64_t seed) {
    std::fprintf(stderr, "%s: FAIL %s at event %" PRIu64 " of %" PRIu64 " (%s), seed %" PRIu64 "\n",
                 mode, d.failure.c_str(), event, events, static_cast<const char*>(g_action), seed);
    return 1;
}

} // namespace

// [SECTION] monkey
// -----------------------------------------------------------------------------------------

int runMonkey(KioskApp& app, ManualClock& clock, const MonkeyOptions& o) {
    installCrashReport("monkey", o.seed, o.events);
    auto started = std::chrono::steady_clock::now();
    double simStart = clock.nowMs();
    Driver d(app, clock, o.seed);
    uint64_t warmup = o.warmupEvents ? o.warmupEvents : std::max<uint64_t>(o.events / 5, 200);
    warmup = std::min(warmup, o.events / 2);
    uint64_t every =
        o.sampleEvery ? o.sampleEvery : std::max<uint64_t>((o.events - warmup) / 50, 20);
    std::vector<std::pair<double, double>> samples; // (event, RSS KB) after warm-up

    d.selfTestMode = selfTest();
    const bool trace = std::getenv("ZJ_MONKEY_TRACE") != nullptr;
    d.settle();
    for (uint64_t i = 0; i < o.events; ++i) {
        g_event = i;
        if (d.selfTestMode != "stuck") misbehave(d.selfTestMode, i, d.leaked);
        d.randomAction(true);
        if (trace) // ZJ_MONKEY_TRACE=1: one line per event, to find which action grows memory
            std::fprintf(stderr, "monkey: event %" PRIu64 " %s on %s: RSS %.0f KB\n", i,
                         static_cast<const char*>(g_action), screenName(app.screen()), rssKb());
        if (!d.ok()) return report("monkey", d, i, o.events, o.seed);
        if (i >= warmup && (i - warmup) % every == 0) samples.push_back({double(i), heldKb(app)});
        // A long run says how it goes: its figures survive even if it is stopped early.
        if (o.events >= 20'000 && (i + 1) % 10'000 == 0)
            std::fprintf(stderr,
                         "monkey: progress %" PRIu64 " of %" PRIu64
                         " events, %.0f s wall, %.1f h simulated, %" PRIu64
                         " frames; RSS outside the texture cache %.1f MiB, textures %.1f MiB\n",
                         i + 1, o.events, wallSeconds(started),
                         (clock.nowMs() - simStart) / 3'600'000.0, d.frames, mib(heldKb(app)),
                         app.textureBytes() / 1048576.0);
    }
    g_event = o.events;
    samples.push_back({double(o.events), heldKb(app)});

    // Growth: the last sample against the lowest of the first few after warm-up (allocators
    // settle in steps; a leak keeps climbing to the end).
    double base = samples.front().second;
    for (size_t k = 0; k < std::min<size_t>(3, samples.size()); ++k)
        base = std::min(base, samples[k].second);
    double end = samples.back().second;
    double peak = base;
    for (auto [x, kb] : samples) peak = std::max(peak, kb);
    double measured = double(o.events - warmup);
    double limitKb = o.maxGrowthKb > 0 ? o.maxGrowthKb : 4096.0 + measured * 64.0 / 1024.0;
    double perThousand = slope(samples) * 1000.0;
    double simHours = (clock.nowMs() - simStart) / 3'600'000.0;
    std::fprintf(stderr,
                 "monkey: %" PRIu64 " events, seed %" PRIu64 ", %.1f s wall, %" PRIu64
                 " frames (slowest %.0f ms; %" PRIu64
                 " over 2 s while the host starved the process), %.1f h simulated, %" PRIu64
                 " language switches (%" PRIu64 " taken by an overlay), %" PRIu64
                 " staff PINs typed (%" PRIu64 " right); screens: %s\n"
                 "monkey: RSS outside the texture cache %.1f MiB after %" PRIu64
                 " warm-up events, %.1f MiB at the end "
                 "(peak %.1f), growth %+.0f KB (limit %.0f KB), trend %+.2f KB per 1000 events\n",
                 o.events, o.seed, wallSeconds(started), d.frames, d.slowestFrameMs,
                 d.descheduledFrames, simHours, d.langSwitches, d.langSwitchesTaken, d.pinsTyped,
                 d.pinsRight, joined(d.screensSeen).c_str(), mib(base), warmup, mib(end), mib(peak),
                 end - base, limitKb, perThousand);
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

// [SECTION] soak
// ------------------------------------------------------------------------------------------

// A day: the lobby opens 08:30-18:00; visitors arrive every 5-40 minutes and do 5-60 things;
// between them the kiosk idles. At night it idles (cheap: the clock jumps). Every 3 simulated
// hours the content is reloaded between frames, as a bundle switch would.
int runSoak(KioskApp& app, ManualClock& clock, const SoakOptions& o) {
    constexpr double kHourMs = 3'600'000.0, kDayMs = 24 * kHourMs;
    constexpr double kOpenMs = 8.5 * kHourMs, kCloseMs = 18 * kHourMs;
    constexpr double kReloadEveryMs = 3 * kHourMs;
    installCrashReport("soak", o.seed, 0);
    auto started = std::chrono::steady_clock::now();
    Driver d(app, clock, o.seed);
    // The first day warms every cache (fonts, textures, the video player): judge from its night on.
    double warmupDays = o.warmupDays > 0 ? o.warmupDays : std::min(1.0, o.days / 2);
    std::vector<std::pair<double, double>> samples; // (simulated day, RSS KB) after warm-up
    uint64_t visits = 0, actions = 0, reloads = 0, films = 0;
    int filmDay = -1; // the day the film was last watched
    double t0 = clock.nowMs();
    double nextReload = t0 + kReloadEveryMs, nextSample = t0;
    auto day = [&] { return (clock.nowMs() - t0) / kDayMs; };

    d.settle();
    while (day() < o.days && d.ok()) {
        double timeOfDay = std::fmod(clock.nowMs() - t0, kDayMs);
        if (timeOfDay >= kOpenMs && timeOfDay < kCloseMs) {
            ++visits;
            g_action = "visit";
            for (int n = d.uniform(5, 60); n > 0 && d.ok(); --n, ++actions) {
                g_event = actions;
                d.randomAction(false);
            }
            if (!d.ok()) break;
            if (filmDay != int(day()) && timeOfDay >= 12 * kHourMs) { // one film a day
                g_action = "watching the film";
                filmDay = int(day());
                if (d.watchFilm()) ++films;
                if (!d.ok()) break;
            }
            g_action = "idle between visitors";
            d.idle(d.uniform(5, 40) * 60'000.0);
        } else {
            g_action = "night";
            double toOpen =
                timeOfDay < kOpenMs ? kOpenMs - timeOfDay : kDayMs - timeOfDay + kOpenMs;
            d.idle(std::min(toOpen, kHourMs));
        }
        if (d.ok() && clock.nowMs() >= nextReload) {
            g_action = "content reload";
            app.reloadContent();
            d.settle();
            ++reloads;
            nextReload += kReloadEveryMs;
        }
        if (clock.nowMs() >= nextSample) {
            // Compare like with like: memory at night, when the lobby is quiet, day after day.
            // Daytime samples swing by tens of MB with what visitors opened (bounded caches).
            double hourOfDay = std::fmod(clock.nowMs() - t0, kDayMs) / kHourMs;
            bool quiet = hourOfDay >= 1.0 && hourOfDay < 8.0;
            if (day() >= warmupDays && quiet) samples.push_back({day(), heldKb(app)});
            if (std::getenv("ZJ_SOAK_TRACE")) // one line per simulated hour: the memory curve
                std::fprintf(stderr, "soak: day %.3f held %.0f KB textures %.0f KB\n", day(),
                             heldKb(app), app.textureBytes() / 1024.0);
            nextSample += kHourMs;
        }
    }
    if (!d.ok()) return report("soak", d, actions, 0, o.seed);
    if (samples.empty()) samples.push_back({day(), heldKb(app)});

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
        o.days, o.seed, wallSeconds(started), visits, actions, reloads, films,
        app.videoLoopsPlayed(), d.frames, joined(d.screensSeen).c_str(), mib(base), warmupDays,
        mib(end), mib(peak), perDay, o.maxGrowthKbPerDay, app.textureBytes() / 1048576.0);
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

} // namespace zj
