// Why and when the next frame is wanted: the frame loop's bookkeeping. The visit session and
// the content host ask for frames through it; only the frame loop (KioskApp) renders.
#pragma once
#include "core/theme_tokens.hpp"

#include <algorithm>

namespace zj {

class FrameScheduler {
  public:
    // Frames that carry state: ImGui settles hover and active state over two frames.
    void request(int frames = 2) { framesPending_ = std::max(framesPending_, frames); }
    void animateUntil(double ms) { animateUntilMs_ = std::max(animateUntilMs_, ms); }
    void pace() { pacedFrame_ = true; } // the attract loop's next paced frame is due

    // A screen was entered at `nowMs`: its transition runs, unless it appears at once.
    void startTransition(double nowMs, bool instant) {
        transitionStartMs_ = instant ? -1e9 : nowMs;
        if (!instant) animateUntil(nowMs + tokens::motion::transitionMs);
    }
    double transitionStartMs() const { return transitionStartMs_; }

    bool statePending() const { return framesPending_ > 0; }
    // Until the last frame drawn is at or after the animation's end: the final state of an
    // animation is drawn too, not only its frames before the end.
    bool animationPending() const { return lastFrameClockMs_ < animateUntilMs_ || pacedFrame_; }
    bool animating(double nowMs) const { return nowMs < animateUntilMs_; }
    double animateUntilMs() const { return animateUntilMs_; }

    // The frame loop, around one frame: the simulated time it shows (for ImGui's delta time).
    double beginFrame(double nowMs) {
        double delta = nowMs - lastFrameClockMs_;
        lastFrameClockMs_ = nowMs;
        pacedFrame_ = false;
        return delta;
    }
    void endFrame() {
        if (framesPending_ > 0) --framesPending_;
    }
    void resetClock(double nowMs) { lastFrameClockMs_ = nowMs; }

  private:
    int framesPending_ = 2;           // frames still owed to state changes
    double animateUntilMs_ = 0;       // a running animation's end (simulated clock)
    bool pacedFrame_ = false;         // FrameNeed::Animation for the attract loop's pacing
    double transitionStartMs_ = -1e9; // the current screen's entrance
    double lastFrameClockMs_ = 0;     // the clock when the last frame was drawn
};

} // namespace zj
