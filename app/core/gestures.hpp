// Touch points -> gestures (tap, double tap, long press, drag with velocity, two-finger
// pinch/pan) and the single pointer that ImGui sees. Pure logic: the platform layer feeds it
// SDL finger and mouse events, tests feed it by hand.
#pragma once
#include "core/geometry.hpp"

#include <cstdint>
#include <vector>

namespace zj {

struct TouchEvent {
    enum class Kind { Down, Move, Up, Cancel };
    Kind kind = Kind::Down;
    int64_t finger = 0; // SDL finger id; the mouse uses -1
    Vec2 pos;           // window pixels
    double timeMs = 0;  // from the Clock
};

struct Gesture {
    enum class Kind {
        Tap,        // pos
        DoubleTap,  // pos
        LongPress,  // pos (finger still down)
        DragBegin,  // pos, start
        DragMove,   // pos, delta
        DragEnd,    // pos, velocity (px/s)
        PinchBegin, // center
        PinchMove,  // center, delta (pan of the center), scale (relative to the previous move)
        PinchEnd,   // center
    };
    Kind kind = Kind::Tap;
    Vec2 pos;
    Vec2 start;
    Vec2 delta;
    Vec2 velocity;
    Vec2 center;
    float scale = 1.0f;
};

// Distances are in design px (a 1080-line screen); scaled() turns them into the display's
// pixels, so a tap slop is the same few millimetres of finger travel at 720p and at 4K.
struct GestureSettings {
    float tapSlopPx = 24.0f;        // movement below this is still a tap (≈ 6 mm at 55")
    double longPressMs = 650.0;     // hold this long without moving
    double doubleTapMs = 320.0;     // second tap within this time ...
    float doubleTapSlopPx = 60.0f;  // ... and this distance
    double velocityWindowMs = 80.0; // velocity is measured over the last moves in this window
    // Screen-level swipes, judged by the screens on a finished drag (same units).
    float sheetSwipePx = 40.0f; // a vertical drag this long opens or closes a bottom sheet
    float photoSwipePx = 60.0f; // a horizontal drag this long turns a card's photo

    GestureSettings scaled(float displayScale) const {
        GestureSettings s = *this;
        s.tapSlopPx *= displayScale;
        s.doubleTapSlopPx *= displayScale;
        s.sheetSwipePx *= displayScale;
        s.photoSwipePx *= displayScale;
        return s;
    }
};

// What ImGui should see of the pointer this frame.
struct PointerState {
    Vec2 pos;              // valid when !offscreen
    bool down = false;     // io.MouseDown[0]
    bool offscreen = true; // move the pointer away so nothing under it is hovered or pressed
};

class GestureRecognizer {
  public:
    explicit GestureRecognizer(GestureSettings settings = {}) : settings_(settings) {}

    void setSettings(const GestureSettings& s) { settings_ = s; }
    // Feeds one touch; appends the gestures it completes.
    void touch(const TouchEvent& event, std::vector<Gesture>& out);
    // Timers (long press); call before each frame and when woken for deadline().
    void update(double nowMs, std::vector<Gesture>& out);
    // The next time update() has something to do, or a negative number when nothing is pending.
    double deadline() const;

    const PointerState& pointer() const { return pointer_; }
    int fingerCount() const { return static_cast<int>(fingers_.size()); }
    bool dragging() const { return mode_ == Mode::Drag; }
    void reset();

  private:
    enum class Mode { Idle, Pending, Drag, Pinch, Spent };
    struct Finger {
        int64_t id;
        Vec2 start;
        Vec2 pos;
        double downMs;
    };
    struct Sample {
        Vec2 pos;
        double timeMs;
    };

    Finger* find(int64_t id);
    // touch(), one event kind each.
    void fingerDown(const TouchEvent& ev, std::vector<Gesture>& out);
    void fingerMove(Finger& f, const TouchEvent& ev, std::vector<Gesture>& out);
    void fingerUp(Finger& f, const TouchEvent& ev, std::vector<Gesture>& out);
    void lastFingerUp(Vec2 pos, bool cancel, double timeMs, std::vector<Gesture>& out);
    Vec2 pinchCenter() const;
    float pinchSpan() const;
    Vec2 velocity() const;

    GestureSettings settings_;
    std::vector<Finger> fingers_;
    std::vector<Sample> samples_; // recent positions of the dragging finger
    Mode mode_ = Mode::Idle;
    PointerState pointer_;
    bool longPressFired_ = false;
    float lastSpan_ = 0;
    Vec2 lastCenter_;
    double lastTapMs_ = -1e9;
    Vec2 lastTapPos_;
};

} // namespace zj
