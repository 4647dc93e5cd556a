#include "monkey_driver.hpp"

#include "core/session/pin.hpp"
#include "crash_report.hpp"
#include "ui/app.hpp"

#include <SDL.h>
#include <algorithm>
#include <cstdlib>
#include <ctime>

namespace zj {

namespace {

// Frames: each action's frames go through the complete app path (events, ImGui, GL, swap), but
// the monkey steps simulated time by 100 ms per rendered frame (a 250 ms transition costs 3
// frames, not 8), which keeps a million events within hours.
DriverTiming monkeyTiming() {
    DriverTiming t;
    t.frameMs = 100.0;
    t.motionStepMs = 50.0;
    t.maxMotionSteps = 12;
    t.idleWakeMs = 1e300; // with no timer due, jump straight to the end of an idle
    return t;
}

constexpr double kTapHoldMs = 60.0;
constexpr double kLongPressMs = 900.0;
constexpr double kStuckFrameWallMs = 2000.0;       // a frame slower than this that kept a core busy
constexpr double kStuckFrameIdleWallMs = 10'000.0; // any frame slower than this (a blocked wait)

// CPU seconds of the whole process (every thread): what the app itself spent.
double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

} // namespace

std::string monkeySelfTest() {
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

double wallSeconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

MonkeyDriver::MonkeyDriver(KioskApp& app, ManualClock& clock, uint64_t seed)
    : TouchDriver(app, clock, monkeyTiming()), rng_(seed) {}

void MonkeyDriver::act(const char* action) {
    crash::g_action = action;
    setStep(action);
}

void MonkeyDriver::randomAction(bool allowLongIdle) {
    int roll = uniform(0, 999);
    if (roll < 450) {
        act("tap target");
        tapTarget(kTapHoldMs);
    } else if (roll < 535) {
        act("tap anywhere");
        tap(randomX(), randomY(), kTapHoldMs);
    } else if (roll < 550) {
        act("staff gesture and PIN");
        staffAttempt();
    } else if (roll < 650) {
        act("drag");
        drag(randomX(), randomY(), randomX(), randomY(), uniform(60, 900));
    } else if (roll < 710) {
        act("pinch");
        randomPinch();
    } else if (roll < 750) {
        act("long press");
        if (uniform(0, 1))
            tapTarget(kLongPressMs);
        else
            tap(randomX(), randomY(), kLongPressMs);
    } else if (roll < 810) {
        act("language switch");
        switchLanguage();
    } else if (roll < 850) {
        act("multi-finger");
        chaos();
    } else if (roll < 947 || !allowLongIdle) {
        act("short idle");
        idle(uniform(200, 10'000));
    } else if (roll < 997) {
        act("long idle");
        idle(uniform(60, 15 * 60) * 1000.0);
    } else {
        act("rotate viewport");
        rotate();
    }
    screensSeen.insert(screenName(app_.screen()));
}

void MonkeyDriver::tapTarget(double holdMs) {
    const auto& targets = app_.hits().targets();
    if (targets.empty()) return tap(randomX(), randomY(), holdMs);
    const HitTarget& t = targets[static_cast<size_t>(uniform(0, int(targets.size()) - 1))];
    // The staff panel's restart and exit end the process by design: not a monkey's to press.
    if (t.id == "staff-restart" || t.id == "staff-exit") return;
    float fx = static_cast<float>(uniform(20, 80)) / 100.0f;
    float fy = static_cast<float>(uniform(20, 80)) / 100.0f;
    tap(t.rect.x + t.rect.w * fx, t.rect.y + t.rect.h * fy, holdMs);
}

float MonkeyDriver::randomX() {
    return static_cast<float>(uniform(0, app_.width() - 1));
}

float MonkeyDriver::randomY() {
    return static_cast<float>(uniform(0, app_.height() - 1));
}

float MonkeyDriver::clampX(float x) const {
    return std::clamp(x, 0.0f, static_cast<float>(app_.width() - 1));
}

void MonkeyDriver::randomPinch() {
    float w = static_cast<float>(app_.width()), h = static_cast<float>(app_.height());
    float d0 = std::min(w, h) * static_cast<float>(uniform(5, 20)) / 100.0f;
    float scale = static_cast<float>(uniform(40, 250)) / 100.0f;
    float d1 = d0 * scale;
    float reach = std::max(d0, d1);
    float cx = std::clamp(randomX(), reach + 1, std::max(reach + 1, w - reach - 2));
    float cy = randomY();
    // Fingers beyond the edge are clamped to it (finger()), as a panel reports them.
    pinch(clampX(cx), cy, d0, d1, uniform(2, 8), 40);
}

// Up to four fingers landing, moving and lifting in random order, some of them slightly
// outside the screen, and sometimes a lift for a finger that never landed (real touch screens
// drop events).
void MonkeyDriver::chaos() {
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
void MonkeyDriver::staffAttempt() {
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

// It must loop (mpv's loop-file) and keep playing. Seeks close to the end, then draws frames
// for a few seconds of wall time (mpv plays in real time, whatever the simulated clock says).
bool MonkeyDriver::watchFilm() {
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
void MonkeyDriver::wallFrames(double ms) {
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(int64_t(ms));
    while (ok() && std::chrono::steady_clock::now() < until) {
        app_.waitAndHandleEvents(0);
        render();
        clock_.advance(40);
        SDL_Delay(20);
    }
}

// The home screen through its header button (either language); false if none leads there.
bool MonkeyDriver::goHome() {
    if (app_.screen() != ScreenId::Home && !pressKey("首页")) pressKey("Home");
    return ok() && app_.screen() == ScreenId::Home;
}

bool MonkeyDriver::pressKey(const std::string& id) {
    const HitTarget* key = app_.hits().find(id);
    if (!key || !ok()) return false;
    Vec2 c = key->rect.center();
    tap(c.x, c.y, kTapHoldMs);
    return ok();
}

void MonkeyDriver::switchLanguage() {
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

void MonkeyDriver::rotate() {
    std::string err;
    if (!app_.resize(app_.height(), app_.width(), err)) fail("resize failed: " + err);
    settle();
}

void MonkeyDriver::render() {
    auto t0 = std::chrono::steady_clock::now();
    double cpu0 = processCpuSeconds();
    if (selfTestMode == "stuck") misbehave(selfTestMode, crash::g_event, leaked);
    app_.renderFrame();
    double ms = wallSeconds(t0) * 1000.0;
    double cpuMs = (processCpuSeconds() - cpu0) * 1000.0;
    ++framesDrawn;
    slowestFrameMs = std::max(slowestFrameMs, ms);
    auto& [sum, count] = frameMsByScreen[screenName(app_.screen())];
    sum += ms;
    ++count;
    // A slow frame that kept the process busy is the app's (a loop that does not end); one in
    // which the process hardly ran is the machine's (an overloaded host descheduled it), unless
    // it lasts so long that only a blocked wait explains it.
    bool busy = cpuMs >= 0.3 * ms;
    if (ms > kStuckFrameWallMs && !busy) ++descheduledFrames;
    if ((ms > kStuckFrameWallMs && busy) || ms > kStuckFrameIdleWallMs)
        fail("stuck frame: one frame took " + std::to_string(static_cast<int>(ms)) +
             " ms of wall time (" + std::to_string(static_cast<int>(cpuMs)) +
             " ms of CPU) on screen " + screenName(app_.screen()));
    if (app_.quitRequested()) fail("the app quit");
}

} // namespace zj
