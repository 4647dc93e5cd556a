#include "core/kinetic.hpp"

#include <algorithm>
#include <cmath>

namespace zj {

namespace {
constexpr double kStepMs = 1000.0 / 240.0;
constexpr double kMaxCatchUpMs = 2000.0; // after a long sleep, do not simulate minutes
} // namespace

void KineticScroller::setExtent(float contentExtent, float viewExtent) {
    maxOffset_ = std::max(0.0f, contentExtent - viewExtent);
    if (!dragging_ && !moving_ && (offset_ < 0 || offset_ > maxOffset_)) {
        offset_ = std::clamp(offset_, 0.0f, maxOffset_);
    }
}

int KineticScroller::page() const {
    if (page_ <= 0) return 0;
    return static_cast<int>(std::lround(std::clamp(offset_, 0.0f, maxOffset_) / page_));
}

void KineticScroller::dragBegin(double nowMs) {
    dragging_ = true;
    moving_ = false;
    hasTarget_ = false;
    velocity_ = 0;
    dragStartPage_ = page();
    lastMs_ = nowMs;
    carryMs_ = 0;
}

void KineticScroller::dragBy(float fingerDelta) {
    float d = -fingerDelta; // the finger pulls the content: offset moves the other way
    bool beyond = (offset_ <= 0 && d < 0) || (offset_ >= maxOffset_ && d > 0);
    if (beyond) {
        float over = offset_ < 0 ? -offset_ : std::max(0.0f, offset_ - maxOffset_);
        float resist = s_.rubberBand * (1.0f - std::min(1.0f, over / s_.maxOverscroll));
        d *= resist;
    }
    offset_ = std::clamp(offset_ + d, -s_.maxOverscroll, maxOffset_ + s_.maxOverscroll);
}

float KineticScroller::clampTarget(float x) const {
    return std::clamp(x, 0.0f, maxOffset_);
}

void KineticScroller::release(float fingerVelocity, double nowMs) {
    dragging_ = false;
    velocity_ = std::clamp(-fingerVelocity, -s_.maxVelocity, s_.maxVelocity);
    lastMs_ = nowMs;
    carryMs_ = 0;
    moving_ = true;
    hasTarget_ = false;
    if (page_ > 0) {
        // Paged: a flick turns one page; a slow release goes to the nearest page.
        int p = page();
        if (velocity_ > s_.snapFlickVelocity)
            p = dragStartPage_ + 1;
        else if (velocity_ < -s_.snapFlickVelocity)
            p = dragStartPage_ - 1;
        hasTarget_ = true;
        target_ = clampTarget(p * page_);
    }
}

void KineticScroller::jumpTo(float offset) {
    offset_ = clampTarget(offset);
    velocity_ = 0;
    moving_ = false;
    hasTarget_ = false;
}

void KineticScroller::animateTo(float offset, double nowMs) {
    hasTarget_ = true;
    target_ = clampTarget(offset);
    moving_ = true;
    dragging_ = false;
    lastMs_ = nowMs;
    carryMs_ = 0;
}

void KineticScroller::update(double nowMs) {
    if (dragging_ || !moving_) {
        lastMs_ = nowMs;
        return;
    }
    double elapsed = std::min(kMaxCatchUpMs, nowMs - lastMs_ + carryMs_);
    lastMs_ = nowMs;
    if (elapsed <= 0) return;
    int steps = static_cast<int>(elapsed / kStepMs);
    carryMs_ = elapsed - steps * kStepMs;
    for (int i = 0; i < steps && moving_; ++i) step(static_cast<float>(kStepMs / 1000.0));
}

void KineticScroller::step(float dt) {
    // Where should a spring pull? To the snap target, or to the nearest end when beyond it.
    bool spring = hasTarget_;
    float anchor = target_;
    if (!spring && (offset_ < 0 || offset_ > maxOffset_)) {
        spring = true;
        anchor = offset_ < 0 ? 0.0f : maxOffset_;
    }
    if (spring) {
        float x = offset_ - anchor;
        float w = s_.springOmega;
        velocity_ += (-w * w * x - 2.0f * w * velocity_) * dt; // critically damped
        offset_ += velocity_ * dt;
        if (std::fabs(offset_ - anchor) < 0.25f && std::fabs(velocity_) < s_.stopVelocity) {
            offset_ = anchor;
            velocity_ = 0;
            moving_ = false;
            hasTarget_ = false;
        }
        return;
    }
    velocity_ *= std::exp(-s_.friction * dt);
    offset_ += velocity_ * dt;
    if (std::fabs(velocity_) < s_.stopVelocity && offset_ >= 0 && offset_ <= maxOffset_) {
        velocity_ = 0;
        moving_ = false;
    }
}

} // namespace zj
