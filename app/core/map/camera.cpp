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

void Camera::setFrame(Rect framePx) {
    frame_ = framePx;
    if (!city_.empty()) fitScale_ = scaleToFit(city_, cityPaddingPx_);
    clampView();
}

// The city never leaves the screen: along each axis its bounds cover at least kKeepCovered of
// the frame (or all of the city is in the frame when it is smaller than that), so however far
// a visitor pans or zooms, most of what they see is the city, not its surroundings.
void Camera::clampCenter(WorldPoint& center, double s) const {
    if (city_.empty() || s <= 0) return;
    Rect f = frame();
    Vec2 vc = viewport_.center(), fc = f.center();
    // The frame's centre and half size in world metres.
    double fx = center.x + (fc.x - vc.x) / s, fy = center.y - (fc.y - vc.y) / s;
    double hw = f.w * 0.5 / s, hh = f.h * 0.5 / s;
    auto clampAxis = [](double v, double half, double lo, double hi) {
        double need = std::min(kKeepCovered * 2 * half, hi - lo);
        return std::clamp(v, lo + need - half, hi - need + half);
    };
    double nx = clampAxis(fx, hw, city_.minX, city_.maxX);
    double ny = clampAxis(fy, hh, city_.minY, city_.maxY);
    // And a point of the city itself near the frame's centre (within kAnchorReach of its half
    // size), so the city's edge runs through the middle and about half the view is the city:
    // the nearest anchor (in frame-relative units) is pulled in that far.
    const WorldPoint* nearest = nullptr;
    double best = 1e300;
    for (const WorldPoint& a : anchors_) {
        double d = std::max(std::abs(a.x - nx) / hw, std::abs(a.y - ny) / hh);
        if (d < best) best = d, nearest = &a;
    }
    if (nearest && best > kAnchorReach) {
        double dx = nearest->x - nx, dy = nearest->y - ny;
        double rx = kAnchorReach * hw, ry = kAnchorReach * hh;
        if (std::abs(dx) > rx) nx += dx - std::copysign(rx, dx);
        if (std::abs(dy) > ry) ny += dy - std::copysign(ry, dy);
    }
    center.x += nx - fx;
    center.y += ny - fy;
}

void Camera::setAnchors(std::vector<WorldPoint> anchors) {
    anchors_ = std::move(anchors);
    clampView();
}

void Camera::clampView() {
    scale_ = clampScale(scale_);
    clampCenter(center_, scale_);
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
    Rect f = frame();
    double w = std::max(1.0, static_cast<double>(f.w) - 2.0 * paddingPx);
    double h = std::max(1.0, static_cast<double>(f.h) - 2.0 * paddingPx);
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

// The bounds' centre goes to the frame's centre (not the viewport's).
void Camera::fit(WorldBounds bounds, float paddingPx) {
    WorldPoint c;
    double s = 0;
    viewFor(bounds.center(), scaleToFit(bounds, paddingPx), frame().center(), c, s);
    setView(c, s);
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
    clampCenter(centerOut, scaleOut);
}

// [SECTION] Animation

void Camera::flyTo(WorldPoint center, double scale, double nowMs, double durationMs) {
    fromCenter_ = center_;
    fromScale_ = scale_;
    toScale_ = clampScale(scale);
    toCenter_ = center;
    clampCenter(toCenter_, toScale_);
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
