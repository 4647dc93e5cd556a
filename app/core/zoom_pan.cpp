#include "core/zoom_pan.hpp"

#include <algorithm>

namespace zj {

namespace {
// The pan that keeps the point at `fixed` in place when the zoom scales by `f`.
Vec2 scaledAbout(Vec2 pan, Vec2 fixed, float f) {
    return fixed - (fixed - pan) * f;
}
} // namespace

void ZoomPan::pinch(Vec2 fingers, float scale, Vec2 delta) {
    float nz = std::clamp(zoom * scale, 1.0f, kMaxZoom);
    pan = scaledAbout(pan, fingers, nz / zoom) + delta;
    zoom = nz;
}

void ZoomPan::doubleTap(Vec2 at) {
    float nz = zoomed() ? 1.0f : kCloseUpZoom;
    pan = nz == 1.0f ? Vec2{} : scaledAbout(pan, at, nz / zoom);
    zoom = nz;
}

void ZoomPan::drag(Vec2 delta) {
    if (zoomed())
        pan = pan + delta;
    else
        swipe += delta.x;
}

int ZoomPan::release(float velocity, float pageWidth, float flickVelocity) const {
    if (zoomed()) return 0;
    if (swipe < -pageWidth * kTurnFraction || velocity < -flickVelocity) return +1;
    if (swipe > pageWidth * kTurnFraction || velocity > flickVelocity) return -1;
    return 0;
}

} // namespace zj
