#include "testing/touch_driver.hpp"

#include "ui/app.hpp"

#include <algorithm>

namespace zj {

TouchDriver::TouchDriver(KioskApp& app, ManualClock& clock, DriverTiming timing)
    : app_(app), clock_(clock), timing_(timing) {}

void TouchDriver::fail(const std::string& message) {
    if (failure_.empty()) failure_ = message + " (in " + step_ + ")";
}

void TouchDriver::finger(Uint32 type, SDL_FingerID id, float x, float y, bool loose) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = id;
    float lo = loose ? -0.02f : 0.0f, hi = loose ? 1.02f : 1.0f;
    e.tfinger.x = std::clamp(x / static_cast<float>(app_.width()), lo, hi);
    e.tfinger.y = std::clamp(y / static_cast<float>(app_.height()), lo, hi);
    e.tfinger.pressure = 1.0f;
    e.tfinger.timestamp = SDL_GetTicks();
    SDL_PushEvent(&e);
}

void TouchDriver::render() {
    app_.renderFrame();
}

void TouchDriver::renderCounted() {
    render();
    ++frames_;
    if (app_.quitRequested()) fail("the app quit");
}

void TouchDriver::tick(double ms) {
    app_.waitAndHandleEvents(0);
    if (app_.frameWanted()) renderCounted();
    clock_.advance(ms);
}

void TouchDriver::settle() {
    using Need = KioskApp::FrameNeed;
    const double start = clock_.nowMs();
    bool drawn = false; // a frame of this settle is on screen: its images are requested
    while (ok()) {
        app_.waitAndHandleEvents(0);
        Need need = app_.frameNeed();
        if (need == Need::None) return;
        // The attract loop animates for ever by design, paced by the session layer.
        if (need == Need::Animation && app_.screen() == ScreenId::Attract) return;
        if (clock_.nowMs() - start > timing_.settleLimitMs) {
            fail("stuck: the app still wants frames after " +
                 std::to_string(static_cast<int>(timing_.settleLimitMs / 1000)) +
                 " s of simulated time without input, on screen " + screenName(app_.screen()));
            return;
        }
        // Decodes and uploads run on worker threads in real time, frames or not: the images the
        // last frame asked for land first, and one frame shows them all.
        if (drawn && app_.texturesBusy()) {
            SDL_Delay(1);
            clock_.advance(1);
            continue;
        }
        // Only the picture moves (a transition, a fade-in): nobody looks at the frames between,
        // so the next one is the animation's last (a screen still moving asks for more).
        if (need == Need::Animation && app_.animationEndMs() > clock_.nowMs())
            clock_.advance(app_.animationEndMs() - clock_.nowMs());
        renderCounted();
        drawn = true;
        clock_.advance(timing_.frameMs);
    }
}

void TouchDriver::idle(double ms) {
    using Need = KioskApp::FrameNeed;
    const double end = clock_.nowMs() + ms;
    double nextAnimationFrame = clock_.nowMs(); // the first animation frame is drawn at once
    double wantedSince = -1;
    bool atTimer = false; // this pass is at a state timer (drawn whatever the coarse step says)
    while (clock_.nowMs() < end && ok()) {
        app_.waitAndHandleEvents(0);
        const double now = clock_.nowMs();
        const Need need = app_.frameNeed();
        // Nothing may want frames for ever on a static screen (it would cost a core in the
        // lobby); the attract loop is the one exception.
        if (need == Need::None || need == Need::Images || app_.screen() == ScreenId::Attract)
            wantedSince = -1;
        else if (wantedSince < 0)
            wantedSince = now;
        if (wantedSince >= 0 && now - wantedSince > timing_.settleLimitMs) {
            fail("stuck: the app wants frames for over " +
                 std::to_string(static_cast<int>(timing_.settleLimitMs / 1000)) +
                 " s of simulated time with no input, on screen " + screenName(app_.screen()));
            return;
        }
        double step = timing_.idleWakeMs;
        if (need == Need::Now) {
            renderCounted();
            step = timing_.frameMs;
        } else if (need == Need::Animation || need == Need::Images) {
            if (now >= nextAnimationFrame || atTimer) {
                renderCounted();
                nextAnimationFrame = now + timing_.coarseStepMs;
            }
            step = nextAnimationFrame - now;
        }
        double timer = app_.nextStateDeadlineMs();
        atTimer = timer > now && timer - now <= step;
        if (atTimer) step = timer - now;
        clock_.advance(std::min(std::max(step, 1.0), end - now));
    }
    if (ok() && app_.frameWanted()) renderCounted(); // the end of an idle is looked at
    settle();
}

void TouchDriver::tap(float x, float y, double holdMs) {
    finger(SDL_FINGERDOWN, 1, x, y);
    for (double held = 0; held < holdMs && ok(); held += timing_.frameMs)
        tick(std::min(timing_.frameMs, holdMs - held));
    finger(SDL_FINGERUP, 1, x, y);
    settle();
}

void TouchDriver::drag(float x1, float y1, float x2, float y2, double ms) {
    int steps = std::clamp(static_cast<int>(ms / timing_.motionStepMs), 2, timing_.maxMotionSteps);
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

void TouchDriver::pinch(float cx, float cy, float d0, float d1, int steps, double stepMs) {
    auto both = [&](Uint32 type, float d) {
        finger(type, 1, cx - d, cy);
        finger(type, 2, cx + d, cy);
    };
    both(SDL_FINGERDOWN, d0);
    tick(stepMs);
    for (int i = 1; i <= steps && ok(); ++i) {
        both(SDL_FINGERMOTION, d0 + (d1 - d0) * static_cast<float>(i) / static_cast<float>(steps));
        tick(stepMs);
    }
    both(SDL_FINGERUP, d1);
    settle();
}

} // namespace zj
