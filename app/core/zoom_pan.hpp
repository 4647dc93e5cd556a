// The photo viewer's zoom and pan, apart from drawing: pinch zooms about the fingers' centre,
// a double tap toggles a close-up at the tapped point, a drag pans a zoomed photo or swipes an
// unzoomed one, and a release decides whether the swipe turns the page. Positions are pixels
// relative to the screen centre.
#pragma once
#include "core/geometry.hpp"

namespace zj {

struct ZoomPan {
    static constexpr float kMaxZoom = 5.0f;      // pinch stops here
    static constexpr float kCloseUpZoom = 2.5f;  // what a double tap zooms to
    static constexpr float kTurnFraction = 0.2f; // a swipe this far across turns the page

    float zoom = 1;  // 1 = the photo whole in its box
    Vec2 pan;        // the zoomed photo's centre from the screen centre (pixels)
    float swipe = 0; // horizontal drag while not zoomed (pixels)

    bool zoomed() const { return zoom > 1.01f; }
    void reset() { *this = ZoomPan{}; }
    // Keeps the photo point under `fingers` where it is while the zoom scales by `scale`, then
    // moves it with the fingers by `delta`.
    void pinch(Vec2 fingers, float scale, Vec2 delta);
    // Zoomed: back to the whole photo. Not zoomed: a close-up around `at`.
    void doubleTap(Vec2 at);
    void drag(Vec2 delta);
    // -1 (previous), +1 (next) or 0 (snap back) for a release of an unzoomed swipe with
    // horizontal `velocity` (px/s), on pages `pageWidth` wide, where `flickVelocity` turns a page.
    int release(float velocity, float pageWidth, float flickVelocity) const;
};

} // namespace zj
