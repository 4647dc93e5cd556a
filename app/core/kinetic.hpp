// Kinetic scrolling along one axis: drag with rubber-band overscroll, release with inertia
// (exponential decay), spring back past the ends, optional snapping to pages (galleries).
// Pure logic on the Clock's milliseconds: the physics runs in fixed 1/240 s steps from the last
// update, so the result does not depend on how often (at what frame rate) update() is called.
#pragma once

namespace zj {

// Lengths and speeds in design px (a 1080-line screen); scaled() gives the display's.
struct KineticSettings {
    float friction = 3.2f;            // 1/s: velocity decays as exp(-friction * t)
    float stopVelocity = 30.0f;       // px/s: below this it stands still (~1 px a frame)
    float springOmega = 18.0f;        // rad/s: critically damped spring back (bounce, snap)
    float rubberBand = 0.45f;         // finger movement that moves content beyond an end
    float maxOverscroll = 220.0f;     // px: rubber band limit
    float maxVelocity = 9000.0f;      // px/s: clamp of a release flick
    float snapFlickVelocity = 400.0f; // px/s: a flick this fast turns the page (snapping)

    KineticSettings scaled(float displayScale) const {
        KineticSettings s = *this;
        s.stopVelocity *= displayScale;
        s.maxOverscroll *= displayScale;
        s.maxVelocity *= displayScale;
        s.snapFlickVelocity *= displayScale;
        return s;
    }
};

class KineticScroller {
  public:
    explicit KineticScroller(KineticSettings s = {}) : s_(s) {}
    void setSettings(const KineticSettings& s) { s_ = s; } // the display's scale changed
    const KineticSettings& settings() const { return s_; }

    // contentExtent: total length; viewExtent: visible length. offset() stays in [0, max].
    void setExtent(float contentExtent, float viewExtent);
    void setPageSize(float page) { page_ = page; } // > 0: release snaps to multiples of it
    float pageSize() const { return page_; }
    float maxOffset() const { return maxOffset_; }

    void dragBegin(double nowMs);
    void dragBy(float fingerDelta); // finger moved by this (positive = towards larger coords)
    // Finger lifted with this finger velocity (px/s, same sign convention as dragBy).
    void release(float fingerVelocity, double nowMs);
    void update(double nowMs);                  // advance the physics to nowMs
    void jumpTo(float offset);                  // no animation
    void animateTo(float offset, double nowMs); // spring to it (snapping, "next page")

    float offset() const { return offset_; }
    float velocity() const { return velocity_; } // content px/s
    bool dragging() const { return dragging_; }
    bool animating() const { return moving_; } // needs frames
    int page() const;                          // nearest page when paged, else 0

  private:
    void step(float dt);
    float clampTarget(float x) const;

    KineticSettings s_;
    float offset_ = 0, velocity_ = 0;
    float maxOffset_ = 0;
    float page_ = 0;
    bool dragging_ = false;
    bool moving_ = false;
    bool hasTarget_ = false;
    float target_ = 0;
    int dragStartPage_ = 0;
    double lastMs_ = 0;
    double carryMs_ = 0; // simulated time not yet stepped (less than one step)
};

} // namespace zj
