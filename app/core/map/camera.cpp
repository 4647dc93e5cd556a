// [SECTION] Viewport and limits
// [SECTION] Transform
// [SECTION] Direct manipulation
// [SECTION] Animation
#include "core/map/camera.hpp"

#include "core/theme_tokens.hpp"

#include <algorithm>
#include <cmath>

namespace zj::map {

// [SECTION] Viewport and limits

void Camera::setViewport(Rect viewportPx) {
    viewport_ = viewportPx;
    if (!city_.empty()) fitScale_ = scaleToFit(city_, cityPaddingPx_);
    clampView();
}

void Camera::setCity(WorldBounds city, float paddingPx) {
    city_ = city;
    cityPaddingPx_ = paddingPx;
    fitScale_ = scaleToFit(city, paddingPx);
    clampView();
}

double Camera::clampScale(double s) const {
    if (fitScale_ <= 0) return s;
    return std::clamp(s, minScale(), maxScale());
}

// The city never leaves the screen: the centre of the view stays over the city's bounds, so
// at any zoom some of the city is under the middle of the viewport.
void Camera::clampView() {
    scale_ = clampScale(scale_);
    if (city_.empty()) return;
    center_.x = std::clamp(center_.x, city_.minX, city_.maxX);
    center_.y = std::clamp(center_.y, city_.minY, city_.maxY);
}

// [SECTION] Transform

Vec2 Camera::toScreen(WorldPoint w) const {
    Vec2 c = viewport_.center();
    return {static_cast<float>(c.x + (w.x - center_.x) * scale_),
            static_cast<float>(c.y - (w.y - center_.y) * scale_)}; // screen y grows down
}

WorldPoint Camera::toWorld(Vec2 px) const {
    Vec2 c = viewport_.center();
    return {center_.x + (px.x - c.x) / scale_, center_.y - (px.y - c.y) / scale_};
}

double Camera::scaleToFit(WorldBounds b, float paddingPx) const {
    double w = std::max(1.0, static_cast<double>(viewport_.w) - 2.0 * paddingPx);
    double h = std::max(1.0, static_cast<double>(viewport_.h) - 2.0 * paddingPx);
    double bw = std::max(1.0, b.maxX - b.minX), bh = std::max(1.0, b.maxY - b.minY);
    return std::min(w / bw, h / bh);
}

// [SECTION] Direct manipulation

void Camera::setView(WorldPoint center, double scale) {
    mode_ = Mode::Still;
    center_ = center;
    scale_ = scale;
    clampView();
}

void Camera::fit(WorldBounds bounds, float paddingPx) {
    setView(bounds.center(), scaleToFit(bounds, paddingPx));
}

void Camera::zoomAbout(Vec2 px, double factor) {
    mode_ = Mode::Still;
    WorldPoint anchor = toWorld(px);
    scale_ = clampScale(scale_ * factor);
    Vec2 c = viewport_.center();
    center_.x = anchor.x - (px.x - c.x) / scale_;
    center_.y = anchor.y + (px.y - c.y) / scale_;
    clampView();
}

void Camera::panBy(Vec2 deltaPx) {
    mode_ = Mode::Still;
    center_.x -= deltaPx.x / scale_;
    center_.y += deltaPx.y / scale_;
    clampView();
}

void Camera::viewFor(WorldPoint target, double scale, Vec2 focusPx, WorldPoint& centerOut,
                     double& scaleOut) const {
    scaleOut = clampScale(scale);
    Vec2 c = viewport_.center();
    centerOut.x = target.x - (focusPx.x - c.x) / scaleOut;
    centerOut.y = target.y + (focusPx.y - c.y) / scaleOut;
    if (!city_.empty()) {
        centerOut.x = std::clamp(centerOut.x, city_.minX, city_.maxX);
        centerOut.y = std::clamp(centerOut.y, city_.minY, city_.maxY);
    }
}

// [SECTION] Animation

void Camera::flyTo(WorldPoint center, double scale, double nowMs, double durationMs) {
    fromCenter_ = center_;
    fromScale_ = scale_;
    toScale_ = clampScale(scale);
    toCenter_ = center;
    if (!city_.empty()) {
        toCenter_.x = std::clamp(toCenter_.x, city_.minX, city_.maxX);
        toCenter_.y = std::clamp(toCenter_.y, city_.minY, city_.maxY);
    }
    animStartMs_ = nowMs;
    animDurationMs_ = std::max(1.0, durationMs);
    mode_ = Mode::Flight;
}

void Camera::fling(Vec2 velocityPxPerS, double nowMs) {
    if (velocityPxPerS.length() < settings_.inertiaStopPxPerS) {
        mode_ = Mode::Still;
        return;
    }
    fromCenter_ = center_;
    flingVelocity_ = velocityPxPerS;
    animStartMs_ = nowMs;
    // Time until the speed decays below the stop threshold.
    animDurationMs_ =
        settings_.inertiaTauMs * std::log(velocityPxPerS.length() / settings_.inertiaStopPxPerS);
    mode_ = Mode::Inertia;
}

void Camera::stop() {
    mode_ = Mode::Still;
}

double Camera::animationEndMs(double nowMs) const {
    return mode_ == Mode::Still ? nowMs : animStartMs_ + animDurationMs_;
}

bool Camera::update(double nowMs) {
    if (mode_ == Mode::Still) return false;
    double t = (nowMs - animStartMs_) / animDurationMs_;
    bool done = t >= 1.0;
    if (mode_ == Mode::Flight) {
        float e = tokens::easeOutCubic(static_cast<float>(std::clamp(t, 0.0, 1.0)));
        if (done) e = 1.0f;
        // Scale moves in log space so zooming feels even; the centre follows the same curve.
        scale_ = fromScale_ * std::pow(toScale_ / fromScale_, static_cast<double>(e));
        center_.x = fromCenter_.x + (toCenter_.x - fromCenter_.x) * e;
        center_.y = fromCenter_.y + (toCenter_.y - fromCenter_.y) * e;
    } else {
        // Exponential decay, integrated exactly: the same path at any frame rate.
        double elapsedS = std::max(0.0, nowMs - animStartMs_) / 1000.0;
        double tauS = settings_.inertiaTauMs / 1000.0;
        double travel = tauS * (1.0 - std::exp(-elapsedS / tauS)); // seconds of initial speed
        center_.x = fromCenter_.x - flingVelocity_.x * travel / scale_;
        center_.y = fromCenter_.y + flingVelocity_.y * travel / scale_;
    }
    WorldPoint before = center_;
    clampView();
    // A fling that runs into the limit stops there instead of pushing against it.
    if (mode_ == Mode::Inertia && (before.x != center_.x || before.y != center_.y)) done = true;
    if (done) mode_ = Mode::Still;
    return !done;
}

} // namespace zj::map
