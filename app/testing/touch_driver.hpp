// The one way tests drive the real kiosk: fingers through the real SDL event path
// (SDL_PushEvent of finger events), frames through KioskApp::renderFrame, time on a ManualClock.
// Scenarios (in the kiosk), the monkey, the soak and the frame bench (zjmap-kiosk-testdrive)
// all touch, settle and idle through it, so they settle by the same rule:
//   settle  render a frame every `frameMs` of simulated time until the app wants none; while
//           only images decode, wait for them without drawing. Still wanting frames after
//           `settleLimitMs` without input is a failure naming the step (the attract loop's
//           paced animation is exempt: it runs for ever by design).
//   idle    simulated time with no input. Frames that carry state (input follow-up, a pending
//           navigation, video) are rendered every `frameMs`; frames wanted only for animation
//           or for images still decoding are rendered at most every `coarseStepMs`, and always
//           at the next state timer (idle prompt, schedule, tour) and at the end (then settle
//           waits for the images). Nobody watches the frames in between, so an hour of attract
//           loop costs a few hundred frames, not 36,000.
#pragma once
#include "core/clock.hpp"

#include <SDL.h>
#include <string>

namespace zj {

class KioskApp;

struct DriverTiming {
    double frameMs = 33.0;         // simulated time per rendered frame while something changes
    double motionStepMs = 16.0;    // a finger's move events this far apart (drag, pinch)
    int maxMotionSteps = 1 << 20;  // at most this many move events per drag
    double settleLimitMs = 60'000; // frames wanted this long without input: the app is stuck
    double coarseStepMs = 5'000;   // animation-only frames this far apart while idling
    double idleWakeMs = 250.0;     // the longest jump while idling with no timer due
};

class TouchDriver {
  public:
    TouchDriver(KioskApp& app, ManualClock& clock, DriverTiming timing = {});
    virtual ~TouchDriver() = default;
    TouchDriver(const TouchDriver&) = delete;
    TouchDriver& operator=(const TouchDriver&) = delete;

    // The first failure (empty: none). Every message names the step set by `setStep`.
    const std::string& failure() const { return failure_; }
    bool ok() const { return failure_.empty(); }
    void fail(const std::string& message);
    void setStep(std::string step) { step_ = std::move(step); }
    const std::string& step() const { return step_; }

    // A finger event for a point in the window's pixels. `loose` lets it fall up to 2% outside
    // the screen, as real panels report at the edges; otherwise it is clamped to the screen.
    void finger(Uint32 type, SDL_FingerID id, float x, float y, bool loose = false);

    void tick(double ms); // events, a frame if one is wanted, then `ms` of simulated time
    void settle();
    void idle(double ms);

    // Gestures, each followed by settle(): a finger held `holdMs`; a drag of `steps` moves
    // spread over `ms`; a two-finger pinch around (cx, cy) from `d0` to `d1` px off-centre.
    void tap(float x, float y, double holdMs);
    void drag(float x1, float y1, float x2, float y2, double ms);
    void pinch(float cx, float cy, float d0, float d1, int steps, double stepMs);

    const DriverTiming& timing() const { return timing_; }
    uint64_t frames() const { return frames_; }

  protected:
    // One frame of the real loop. The monkey overrides it to time frames and detect stuck ones.
    virtual void render();

    KioskApp& app_;
    ManualClock& clock_;

  private:
    void renderCounted();

    DriverTiming timing_;
    std::string failure_;
    std::string step_ = "start";
    uint64_t frames_ = 0;
};

} // namespace zj
